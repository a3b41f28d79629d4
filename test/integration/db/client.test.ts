import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { PGlite } from "@electric-sql/pglite"
import { afterAll, describe, expect, it } from "vitest"
import { openDatabase } from "../../../src/db/client.ts"
import { DatabaseLockedError } from "../../../src/db/lock.ts"
import { applyMigrations, MIGRATIONS_DIR, MigrationError } from "../../../src/db/migrate.ts"
import { databaseTemplate } from "../../../src/db/pglite-template.ts"
import { availableDatabases, createTestDatabase } from "../../support/db.ts"

const folders: string[] = []
const tempFolder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "objektiv-db-"))
  folders.push(dir)
  return dir
}
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

let emptied: PGlite | undefined
afterAll(() => emptied?.close())

/**
 * A PostgreSQL with no tables at all: the migrated template with its schema emptied, seconds cheaper than initdb.
 * One per file (a PGlite costs ~2 s of CPU to open), emptied again for each test.
 */
async function emptyPglite(): Promise<PGlite> {
  if (!emptied) {
    const template = await databaseTemplate()
    emptied = await PGlite.create(template ? { loadDataDir: new Blob([template]) } : {})
  }
  await emptied.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public`)
  return emptied
}

describe.each(availableDatabases())("database on %s", (kind) => {
  it("is migrated on open and writes Prisma's _prisma_migrations rows", async () => {
    const db = await createTestDatabase(kind)
    try {
      const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string; applied_steps_count: number; finished: boolean }[]>(
        `SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS finished FROM _prisma_migrations`,
      )
      const first = rows[0]!
      expect(first.finished).toBe(true)
      expect(first.applied_steps_count).toBe(1)
      const { createHash } = await import("node:crypto")
      const sql = readFileSync(path.join(MIGRATIONS_DIR, first.migration_name, "migration.sql"))
      expect(first.checksum).toBe(createHash("sha256").update(sql).digest("hex"))
      // Arrays of integers round-trip (a pupil's task cells live in one column).
      const municipality = await db.prisma.municipality.create({ data: { name: "Тестовый район" } })
      expect(municipality.id).toBeGreaterThan(0)
    } finally {
      await db.close()
    }
  })
})

describe("migration applier", () => {
  it("applies pending migrations once, in order, and refuses after a failed one", async () => {
    const client = await emptyPglite()
    const session = { query: (sql: string, params?: unknown[]) => client.query(sql, params), exec: (sql: string) => client.exec(sql) }
    const dir = tempFolder()
    const write = (name: string, sql: string) => {
      const folder = path.join(dir, name)
      mkdirSync(folder, { recursive: true })
      writeFileSync(path.join(folder, "migration.sql"), sql)
    }
    write("001_a", "CREATE TABLE a (id int);")
    write("002_b", "CREATE TABLE b (id int);")
    expect(await applyMigrations(session as never, dir)).toEqual(["001_a", "002_b"])
    expect(await applyMigrations(session as never, dir)).toEqual([])
    write("003_broken", "CREATE TABLE c (id int); CREATE TABLE a (id int);")
    await expect(applyMigrations(session as never, dir)).rejects.toThrow(MigrationError)
    // The failed script left nothing behind (one implicit transaction) and blocks further runs (P3009).
    const tables = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'c'`)
    expect(tables.rows[0]!.n).toBe(0)
    await expect(applyMigrations(session as never, dir)).rejects.toThrow(/P3009/)
  })

  it("refuses a non-empty database without a migrations table (P3005)", async () => {
    const client = await emptyPglite()
    await client.exec("CREATE TABLE legacy (id int)")
    const session = { query: (sql: string, params?: unknown[]) => client.query(sql, params), exec: (sql: string) => client.exec(sql) }
    await expect(applyMigrations(session as never)).rejects.toThrow(/P3005/)
  })
})

describe("embedded PGlite directory", () => {
  it("refuses a second opener with a clear message, in this process and in another one", async () => {
    const dir = path.join(tempFolder(), "pglite")
    const url = `postgresql://pglite/?dir=${dir}`
    const first = await openDatabase(url)
    try {
      // A new directory starts from the migrated template: every migration recorded, as initdb + migrate would.
      expect(readFileSync(path.join(dir, "PG_VERSION"), "utf8").trim()).toMatch(/^\d+$/)
      const [applied] = await first.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`)
      expect(applied!.n).toBe(readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).length)
      await first.prisma.school.create({ data: { key: "220001", login: "sch220001" } })
      await expect(openDatabase(url)).rejects.toThrow(DatabaseLockedError)
      const script = `import("${path.resolve("src/db/client.ts")}").then(m => m.openDatabase(${JSON.stringify(url)})).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3) })`
      const child = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { encoding: "utf8", timeout: 60_000 })
      expect(child.status).toBe(3)
      expect(child.stderr).toMatch(/in use by process \d+/)
    } finally {
      await first.close()
    }
    // Released on close: it opens again, with the data kept.
    const again = await openDatabase(url)
    expect(await again.prisma.school.count()).toBe(1)
    await again.close()
  })
})
