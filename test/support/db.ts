import { randomBytes } from "node:crypto"
import pg from "pg"
import { openDatabase, type Database } from "../../src/db/client.ts"
import { testDatabaseUrl } from "../../src/config.ts"

export type DatabaseKind = "pglite" | "postgres"

/** PGlite always; a real PostgreSQL too when TEST_DATABASE_URL is set (.ci/run starts one). */
export function availableDatabases(): DatabaseKind[] {
  return testDatabaseUrl() ? ["pglite", "postgres"] : ["pglite"]
}

/**
 * A fresh, migrated, empty database: an in-memory PGlite (see borrowPglite), or a new schema on the test PostgreSQL
 * server that is dropped again on close.
 */
export async function createTestDatabase(kind: DatabaseKind = "pglite", schemaPrefix = "t"): Promise<Database> {
  if (kind === "pglite") return borrowPglite()
  const server = testDatabaseUrl()
  if (!server) throw new Error("TEST_DATABASE_URL is not set")
  const schema = `${schemaPrefix}_${randomBytes(6).toString("hex")}`
  const url = new URL(server)
  url.searchParams.set("schema", schema)
  const db = await openDatabase(url.href)
  return {
    ...db,
    async close() {
      await db.close()
      const admin = new pg.Client({ connectionString: server })
      await admin.connect()
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await admin.end()
    },
  }
}

/**
 * Opening an in-memory PGlite costs ~2 s of CPU (its PostgreSQL starts inside the process), about a third of the
 * suite's CPU when every test file opened its own. A closed test database is instead emptied (truncateAll, session
 * state reset) and kept for the next file of this worker (`isolate: false`: files of a worker share modules), so each
 * worker opens only as many as it ever uses at once. The next borrower finds it exactly as a new one: empty tables,
 * identities restarted, no locks or settings left.
 */
const idlePglite: Database[] = []
// Only vitest's workers keep databases (it ends them itself); a bench or script using these helpers must close its
// database for real, or the idle one would keep the process from exiting.
const MAX_IDLE_PGLITE = process.env["VITEST"] ? 2 : 0

async function borrowPglite(): Promise<Database> {
  const db = idlePglite.pop() ?? (await openDatabase("postgresql://pglite/"))
  let closed = false
  return {
    ...db,
    async close() {
      if (closed) return
      closed = true
      if (idlePglite.length >= MAX_IDLE_PGLITE || !(await resetForReuse(db))) await db.close()
      else idlePglite.push(db)
    },
  }
}

/** False when the database cannot be made pristine again (a test broke it): it is closed instead of reused. */
async function resetForReuse(db: Database): Promise<boolean> {
  try {
    await db.prisma.$executeRawUnsafe(`RESET ALL`)
    await db.prisma.$executeRawUnsafe(`SELECT pg_advisory_unlock_all()`)
    await db.prisma.$executeRawUnsafe(`UNLISTEN *`)
    await truncateAll(db)
    return true
  } catch {
    return false
  }
}

/** Empties every table (between tests sharing one database), keeping the migrations table. */
export async function truncateAll(db: Database): Promise<void> {
  const rows = await db.prisma.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  )
  if (rows.length === 0) return
  const list = rows.map((row) => `"${row.tablename}"`).join(", ")
  await db.prisma.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`)
}

/**
 * `count` handles on one database, as separate bot instances would hold them: separate connection pools to one
 * PostgreSQL schema, or (PGlite being in-process) the same handle shared. Closing a handle is a no-op; `close()`
 * closes the data for good.
 */
export async function createSharedTestDatabase(kind: DatabaseKind, count: number): Promise<{ handles: Database[]; close(): Promise<void> }> {
  const first = await createTestDatabase(kind, "shared")
  const keepOpen = (db: Database): Database => ({ ...db, close: async () => {} })
  if (kind === "pglite") return { handles: Array.from({ length: count }, () => keepOpen(first)), close: () => first.close() }
  const url = new URL(testDatabaseUrl()!)
  url.searchParams.set("schema", await currentSchema(first))
  const others = await Promise.all(Array.from({ length: count - 1 }, () => openDatabase(url.href, { migrate: false })))
  return {
    handles: [first, ...others].map(keepOpen),
    async close() {
      for (const other of others) await other.close()
      await first.close()
    },
  }
}

async function currentSchema(db: Database): Promise<string> {
  const [row] = await db.prisma.$queryRawUnsafe<{ schema: string }[]>(`SELECT current_schema() AS schema`)
  return row!.schema
}
