import { existsSync, mkdirSync } from "node:fs"
import path from "node:path"
import { PGlite } from "@electric-sql/pglite"
import { PrismaPg } from "@prisma/adapter-pg"
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils"
import pg from "pg"
import { PrismaPGlite } from "pglite-prisma-adapter"
import { PrismaClient as GeneratedClient } from "../generated/prisma/client.ts"
import { lockDirectory } from "./lock.ts"
import { applyMigrations, type SqlSession } from "./migrate.ts"
import { parseDatabaseUrl } from "./url.ts"
import { databaseTemplate } from "./pglite-template.ts"
import { untarInto } from "./untar.ts"

/**
 * The packed columns (gzip-compressed JSON, db/gzip-json.ts) are read by raw SQL only: no Prisma query fetches
 * them unless it asks, as the PGlite adapter would decode every byte of a few hundred kB per procedure.
 */
const omit = { resultSet: { packed: true }, analysisRun: { resultGzip: true } } as const
export type PrismaClient = GeneratedClient<never, typeof omit>

export interface Database {
  prisma: PrismaClient
  kind: "pglite" | "postgres"
  close(): Promise<void>
}

/**
 * Opens the database named by a DATABASE_URL and applies pending migrations:
 * `postgresql://pglite/?dir=…` is an embedded PGlite directory (locked to this process), `postgresql://pglite/`
 * an in-memory PGlite, anything else a PostgreSQL server (`?schema=` selects a schema, created if missing).
 */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(url)
  const migrate = options.migrate ?? true
  const wrap = options.wrapAdapter ?? ((adapter) => adapter)
  if (target.kind === "pglite") return openPglite(target.dir, migrate, wrap)
  return openPostgres(target.url, target.schema, migrate, wrap)
}

export interface OpenOptions {
  migrate?: boolean
  /** Wraps Prisma's driver adapter (fault tests make the database unreachable for a while). */
  wrapAdapter?: (adapter: SqlDriverAdapterFactory) => SqlDriverAdapterFactory
}

type Wrap = NonNullable<OpenOptions["wrapAdapter"]>

async function openPglite(dir: string | null, migrate: boolean, wrap: Wrap): Promise<Database> {
  let unlock = () => {}
  if (dir) {
    const absolute = path.resolve(dir)
    mkdirSync(absolute, { recursive: true })
    unlock = lockDirectory(absolute)
  }
  try {
    const client = await PGlite.create({ ...(dir ? { dataDir: path.resolve(dir) } : {}), ...(await startingPoint(dir)) })
    if (migrate) await applyMigrations({ query: (sql, params) => client.query(sql, params), exec: (sql) => client.exec(sql) } as SqlSession)
    const prisma = new GeneratedClient({ adapter: wrap(new PrismaPGlite(client)), omit })
    return {
      prisma,
      kind: "pglite",
      async close() {
        await prisma.$disconnect()
        await client.close()
        unlock()
      },
    }
  } catch (error) {
    unlock()
    throw error
  }
}

/**
 * What a new database starts from: the migrated template instead of PGlite's initdb (seconds and ~1 GB, issue 17).
 * A new directory gets the template's files written straight to disk (then opens like an existing one); an in-memory
 * database is handed the template to unpack. An existing directory (PG_VERSION written) is opened as it is.
 */
async function startingPoint(dir: string | null): Promise<{ loadDataDir?: Blob }> {
  if (dir && existsSync(path.join(path.resolve(dir), "PG_VERSION"))) return {}
  const dump = await databaseTemplate()
  if (!dump) return {}
  if (!dir) return { loadDataDir: new Blob([dump]) }
  untarInto(dump, dir, "PG_VERSION")
  return {}
}

async function openPostgres(url: string, schema: string | null, migrate: boolean, wrap: Wrap): Promise<Database> {
  const searchPath = schema ? { options: `-c search_path="${schema}"` } : {}
  if (migrate) {
    const session = new pg.Client({ connectionString: url, ...searchPath })
    await session.connect()
    try {
      if (schema) await session.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`)
      await applyMigrations({ query: (sql, params) => session.query(sql, params), exec: (sql) => session.query(sql) } as SqlSession)
    } finally {
      await session.end()
    }
  }
  const adapter = new PrismaPg({ connectionString: url, max: 10, ...searchPath }, schema ? { schema } : undefined)
  const prisma = new GeneratedClient({ adapter: wrap(adapter), omit })
  return {
    prisma,
    kind: "postgres",
    close: () => prisma.$disconnect(),
  }
}
