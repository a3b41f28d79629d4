import { afterAll, beforeAll, beforeEach } from "vitest"
import type { Database } from "../../src/db/client.ts"
import type { Actor } from "../../src/services/access/roles.ts"
import { silentLogger } from "../../src/logger.ts"
import type { Clock, ServiceDeps } from "../../src/services/deps.ts"
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

/**
 * Real time moved by a fixed offset: for a process that runs on its own for a while after a jump (a restart "later").
 * A frozen TestClock there makes the outbox pacer wait for a send time that never comes closer (seconds per row).
 */
export class ShiftedClock implements Clock {
  constructor(private readonly offsetMs: number) {}
  now(): Date {
    return new Date(Date.now() + this.offsetMs)
  }
}

/** What the services are built from, for tests that call a service module's functions directly (services keep theirs inside). */
export function testDeps(db: Database, options: { clock?: Clock } = {}): ServiceDeps {
  return { prisma: db.prisma, clock: options.clock ?? new TestClock(), logger: silentLogger }
}

export function testServices(db: Database, options: { clock?: Clock; adminIds?: bigint[] } = {}) {
  return servicesOn(testDeps(db, options), options)
}

/**
 * Services built from these deps: a test that also calls a service module directly passes the same deps, so what
 * createServices wires to them (the listeners of stored analysis runs) hears those calls too.
 */
export function servicesOn(deps: ServiceDeps, options: { adminIds?: bigint[] } = {}) {
  return createServices(deps, { adminIds: options.adminIds ?? [], inviteTtlHours: 72, defaultTimeZone: "Asia/Barnaul" })
}

export interface AdminSuite {
  db: Database
  /** The dependencies the services were built from (the same clock). */
  deps: ServiceDeps
  services: ReturnType<typeof testServices>
  admin: Actor
}

/**
 * For a `describe` over one database kind: the database opened once for the suite and emptied before each test,
 * with fresh services and an admin actor (Telegram id 1). Read the fields inside tests and hooks.
 */
export function adminSuite(kind: DatabaseKind): AdminSuite {
  const suite = {} as AdminSuite
  beforeAll(async () => {
    suite.db = await createTestDatabase(kind)
  })
  afterAll(() => suite.db.close())
  beforeEach(async () => {
    await truncateAll(suite.db)
    suite.deps = testDeps(suite.db)
    suite.services = servicesOn(suite.deps, { adminIds: [1n] })
    suite.admin = await suite.services.access.resolveActor({ telegramId: 1, firstName: "Admin" })
  })
  return suite
}
