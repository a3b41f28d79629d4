import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils"
import type { Clock } from "../../../src/services/deps.ts"

/**
 * The database unreachable for a while, by a test's clock: Prisma's driver adapter is wrapped so that every query,
 * transaction and commit throws what the PostgreSQL adapter throws when the server is down (a `DriverAdapterError`
 * of kind `DatabaseNotReachable`), so Prisma turns it into the same P1001 / P2010 errors the bot sees in production.
 * Nothing sleeps: the outage is over when the clock has moved past its end.
 */
export class DatabaseOutage {
  private until: Date | null = null
  private clock: Clock | null = null
  /** Queries refused so far. */
  refused = 0

  /** The database is unreachable from now for `ms` by `clock`. */
  begin(clock: Clock, ms: number): void {
    this.clock = clock
    this.until = new Date(clock.now().getTime() + ms)
  }

  active(): boolean {
    return this.until !== null && this.clock !== null && this.clock.now() < this.until
  }

  readonly wrap = (factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory =>
    delegate(factory, { connect: async () => this.guardAdapter(await factory.connect()) })

  private guardAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
    return delegate(adapter, {
      queryRaw: (query) => this.guarded(() => adapter.queryRaw(query)),
      executeRaw: (query) => this.guarded(() => adapter.executeRaw(query)),
      executeScript: (script) => this.guarded(() => adapter.executeScript(script)),
      startTransaction: (level) => this.guarded(async () => this.guardTransaction(await adapter.startTransaction(level))),
    })
  }

  private guardTransaction(transaction: Transaction): Transaction {
    return delegate(transaction, {
      queryRaw: (query) => this.guarded(() => transaction.queryRaw(query)),
      executeRaw: (query) => this.guarded(() => transaction.executeRaw(query)),
      commit: () => this.guarded(() => transaction.commit()),
    })
  }

  private async guarded<T>(run: () => Promise<T>): Promise<T> {
    if (this.active()) {
      this.refused++
      throw unreachable()
    }
    return run()
  }
}

/** What @prisma/adapter-pg throws for a refused connection (Prisma recognises it by name and cause). */
function unreachable(): Error {
  return Object.assign(new Error("DatabaseNotReachable"), { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } })
}

/** `target` with some methods replaced; everything else read from the target itself (private fields keep working). */
function delegate<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof T]
      const value = Reflect.get(object, property, object)
      return typeof value === "function" ? value.bind(object) : value
    },
  })
}
