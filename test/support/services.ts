import type { Database } from "../../src/db/client.ts"
import { silentLogger } from "../../src/logger.ts"
import type { Clock } from "../../src/services/deps.ts"
import { createServices } from "../../src/services/index.ts"

/** A clock tests can move. */
export class TestClock implements Clock {
  constructor(private time = new Date("2027-03-15T09:00:00Z")) {}
  now(): Date {
    return new Date(this.time)
  }
  advance(ms: number): void {
    this.time = new Date(this.time.getTime() + ms)
  }
}

export function testServices(db: Database, options: { clock?: Clock; adminIds?: bigint[] } = {}) {
  const clock = options.clock ?? new TestClock()
  return createServices(
    { prisma: db.prisma, clock, logger: silentLogger },
    { adminIds: options.adminIds ?? [], inviteTtlHours: 72, defaultTimeZone: "Asia/Barnaul" },
  )
}
