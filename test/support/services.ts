import { afterAll, beforeAll, beforeEach } from "vitest"
import type { Database } from "../../src/db/client.ts"
import type { Actor } from "../../src/services/access/roles.ts"
import { silentLogger } from "../../src/logger.ts"
import type { Clock } from "../../src/services/deps.ts"
import { createServices } from "../../src/services/index.ts"
import { createTestDatabase, truncateAll, type DatabaseKind } from "./db.ts"

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

/**
 * For a `describe` over one database kind: the database opened once for the suite and emptied before each test,
 * with fresh services and an admin actor (Telegram id 1). Read the fields inside tests and hooks.
 */
export function adminSuite(kind: DatabaseKind): { db: Database; services: ReturnType<typeof testServices>; admin: Actor } {
  const suite = {} as { db: Database; services: ReturnType<typeof testServices>; admin: Actor }
  beforeAll(async () => {
    suite.db = await createTestDatabase(kind)
  })
  afterAll(() => suite.db.close())
  beforeEach(async () => {
    await truncateAll(suite.db)
    suite.services = testServices(suite.db, { adminIds: [1n] })
    suite.admin = await suite.services.access.resolveActor({ telegramId: 1, firstName: "Admin" })
  })
  return suite
}
