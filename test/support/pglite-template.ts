import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import path from "node:path"
import { PGlite } from "@electric-sql/pglite"
import { applyMigrations, MIGRATIONS_DIR, type SqlSession } from "../../src/db/migrate.ts"

/**
 * A migrated, empty PGlite data directory as a tar file, built once and reused by every test file (and later runs)
 * until a migration changes: PGlite's initdb costs ~5 s per database on a busy machine, loading this ~1 s.
 */
export function templateFile(): string {
  const hash = createHash("sha256")
  for (const name of readdirSync(MIGRATIONS_DIR).sort()) {
    const file = path.join(MIGRATIONS_DIR, name, "migration.sql")
    if (existsSync(file)) hash.update(name).update(readFileSync(file))
  }
  const dir = path.resolve(import.meta.dirname, "../../node_modules/.cache/objektiv")
  return path.join(dir, `pglite-${hash.digest("hex").slice(0, 16)}.tar`)
}

/** Builds the template if it is missing; returns its path. Safe when several processes race: rename is atomic. */
export async function ensureTemplate(): Promise<string> {
  const file = templateFile()
  if (existsSync(file)) return file
  mkdirSync(path.dirname(file), { recursive: true })
  const client = await PGlite.create({})
  try {
    await applyMigrations({ query: (sql, params) => client.query(sql, params), exec: (sql) => client.exec(sql) } as SqlSession)
    const dump = await client.dumpDataDir("none")
    const partial = `${file}.${process.pid}.partial`
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
    renameSync(partial, file)
  } finally {
    await client.close()
  }
  return file
}
