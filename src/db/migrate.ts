import { createHash, randomUUID } from "node:crypto"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import path from "node:path"

/** The smallest SQL session the applier needs: PGlite and node-postgres both fit it. */
export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
  /** Runs a whole script with the simple query protocol: one implicit transaction. */
  exec(sql: string): Promise<unknown>
}

export class MigrationError extends Error {
  constructor(
    readonly code: "P3005" | "P3009" | "P3018",
    message: string,
  ) {
    super(`${code}: ${message}`)
  }
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations")
const PRISMA_LOCK = 72707369

/**
 * Applies prisma/migrations exactly as `prisma migrate deploy` does (the `_prisma_migrations` contract in
 * ../shared/tools/prisma-offline/README.md), so the Prisma CLI accepts the rows and vice versa.
 * Returns the names of the migrations it applied.
 */
export async function applyMigrations(db: SqlSession, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.query(`SELECT pg_advisory_lock(${PRISMA_LOCK})`)
  try {
    await ensureMigrationsTable(db)
    const rows = (
      await db.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
        `SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at`,
      )
    ).rows
    const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null)
    if (failed) {
      throw new MigrationError(
        "P3009",
        `migration ${failed.migration_name} failed earlier; resolve it with prisma migrate resolve before starting again`,
      )
    }
    const applied = new Set(rows.filter((row) => row.rolled_back_at === null).map((row) => row.migration_name))
    const pending = listMigrations(dir).filter((name) => !applied.has(name))
    for (const name of pending) await applyOne(db, dir, name)
    return pending
  } finally {
    await db.query(`SELECT pg_advisory_unlock(${PRISMA_LOCK})`)
  }
}

function listMigrations(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
}

async function ensureMigrationsTable(db: SqlSession): Promise<void> {
  const exists = await db.query(
    `SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'`,
  )
  if (exists.rows.length > 0) return
  const tables = await db.query(
    `SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' LIMIT 1`,
  )
  if (tables.rows.length > 0) {
    throw new MigrationError("P3005", "The database schema is not empty; baseline it with prisma migrate resolve --applied")
  }
  await db.exec(`CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
  )`)
}

async function applyOne(db: SqlSession, dir: string, name: string): Promise<void> {
  const bytes = readFileSync(path.join(dir, name, "migration.sql"))
  const checksum = createHash("sha256").update(bytes).digest("hex")
  const id = randomUUID()
  await db.query(
    `INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES ($1, $2, now(), $3)`,
    [id, checksum, name],
  )
  try {
    await db.exec(bytes.toString("utf8"))
  } catch (error) {
    await db.query(`UPDATE _prisma_migrations SET logs = $1 WHERE id = $2`, [String(error), id])
    throw new MigrationError("P3018", `migration ${name} failed: ${(error as Error).message}`)
  }
  await db.query(`UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1 WHERE id = $1`, [id])
  await db.query(`UPDATE _prisma_migrations SET finished_at = now() WHERE id = $1`, [id])
}
