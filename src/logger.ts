import pino from "pino"

export type Logger = pino.Logger

export function createLogger(level: string = "info"): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime })
}

/** A logger that writes nothing: for tests and benchmarks. */
export const silentLogger: Logger = pino({ level: "silent" })
