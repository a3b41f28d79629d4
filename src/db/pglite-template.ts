import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { PGlite } from "@electric-sql/pglite"
import { applyMigrations, MIGRATIONS_DIR, type SqlSession } from "./migrate.ts"

/**
 * A migrated, empty PGlite data directory as a tar file, built once per install and reused until a migration changes.
 * PGlite's initdb runs a second PostgreSQL inside the process (~5 s and ~950 MB here); loading this tar into a new
 * directory or an in-memory database skips it (issue 17: the CLI's first open; every test database).
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

/**
 * Builds the template if it is missing; returns its path, or null when it could not be saved (a read-only install:
 * the caller then runs initdb as before). Safe when several processes race: rename is atomic.
 */
export async function ensureTemplate(): Promise<string | null> {
  const file = templateFile()
  if (existsSync(file)) return file
  const client = await PGlite.create({})
  try {
    await applyMigrations({ query: (sql, params) => client.query(sql, params), exec: (sql) => client.exec(sql) } as SqlSession)
    const dump = Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer())
    const partial = `${file}.${process.pid}.partial`
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(partial, dump)
    renameSync(partial, file)
    return file
  } catch (error) {
    if (["EACCES", "EROFS", "EPERM"].includes((error as NodeJS.ErrnoException).code ?? "")) return null
    throw error
  } finally {
    await client.close()
  }
}

let loaded: Promise<Buffer | undefined> | undefined

/**
 * The template's bytes (a tar) for a new database (a data directory or an in-memory one), built first when this
 * install has none yet; read once per process (every test database of a worker starts from it).
 */
export function databaseTemplate(): Promise<Buffer | undefined> {
  loaded ??= ensureTemplate().then((file) => (file ? readFileSync(file) : undefined))
  return loaded
}

/** `npm run template` (run by postinstall): builds the template so that even the first open of a directory is fast. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.log(`PGlite template: ${(await ensureTemplate()) ?? "not saved (read-only install)"}`)
