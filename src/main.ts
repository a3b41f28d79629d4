import { ConfigError, loadConfig, type Config } from "./config.ts"
import { createLogger, type Logger } from "./logger.ts"
import { startApp } from "./app.ts"
import { TelegramStartupError } from "./telegram-startup.ts"
import { DatabaseLockedError } from "./db/lock.ts"

interface Stoppable {
  stop(): Promise<void>
}

/**
 * `npm start`: with BOT_TOKEN the bot connects to Telegram; without one it opens the sandbox (a local Bot API
 * emulator with a web chat and demo data). Ctrl-C always says what it does, during start-up too.
 */
async function main(): Promise<void> {
  let config: Config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  const logger = createLogger(config.LOG_LEVEL)
  const startup = new AbortController()
  let running: Stoppable | undefined
  let signals = 0
  const shutdown = (signal: string) => {
    signals++
    if (signals > 1) {
      logger.warn({ signal }, "second signal: exiting without waiting")
      process.exit(130)
    }
    if (!running) {
      logger.info({ signal }, "shutting down during start-up")
      startup.abort(new Error(`interrupted by ${signal}`))
      // Start-up may be inside a database open that cannot be aborted; do not wait for it.
      setTimeout(() => process.exit(130), 2_000).unref()
      return
    }
    logger.info({ signal }, "shutting down: finishing in-flight updates")
    running.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, "shutdown failed")
        process.exit(1)
      },
    )
  }
  process.on("SIGINT", () => shutdown("SIGINT"))
  process.on("SIGTERM", () => shutdown("SIGTERM"))

  try {
    running = config.BOT_TOKEN ? await startApp(config, logger, undefined, { signal: startup.signal }) : await startSandbox(config, logger, startup.signal)
  } catch (error) {
    if (startup.signal.aborted) process.exit(130)
    reportStartupFailure(logger, error)
    process.exit(1)
  }
  if (startup.signal.aborted) {
    await running.stop()
    process.exit(130)
  }
}

async function startSandbox(config: Config, logger: Logger, signal: AbortSignal): Promise<Stoppable> {
  const { startSandbox } = await import("./sandbox/index.ts")
  return startSandbox(config, logger, { signal })
}

function reportStartupFailure(logger: Logger, error: unknown): void {
  if (error instanceof TelegramStartupError || error instanceof DatabaseLockedError) {
    logger.fatal(error.message)
    return
  }
  logger.fatal({ err: error }, `start-up failed: ${error instanceof Error ? error.message : String(error)}`)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
