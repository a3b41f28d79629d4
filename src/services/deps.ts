import type { PrismaClient } from "../db/client.ts"
import type { Logger } from "../logger.ts"

/** Time comes from here, never from `new Date()` in a service, so tests can move it. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** What every service is built from. */
export interface ServiceDeps {
  prisma: PrismaClient
  clock: Clock
  logger: Logger
}
