/**
 * Opening the embedded database as the CLI does (issue 17): a new data directory by PGlite's initdb (as before),
 * the same from the migrated template (db/pglite-template.ts), and reopening an existing one. Each case runs in its
 * own process, so its peak memory is its own.
 *
 *   npx tsx bench/pglite-open.ts
 */
import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { PGlite } from "@electric-sql/pglite"
import { PrismaPGlite } from "pglite-prisma-adapter"
import { openDatabase } from "../src/db/client.ts"
import { applyMigrations, type SqlSession } from "../src/db/migrate.ts"
import { ensureTemplate } from "../src/db/pglite-template.ts"
import { PrismaClient } from "../src/generated/prisma/client.ts"
import { ms, row } from "./support.ts"

type Case = "initdb" | "template" | "reopen"
const CASES: { name: Case; label: string }[] = [
  { name: "initdb", label: "new directory: initdb + migrations (before)" },
  { name: "template", label: "new directory from the template (now)" },
  { name: "reopen", label: "reopen an existing directory" },
]

export async function runPgliteOpenBench(): Promise<void> {
  await ensureTemplate() // built once per install (postinstall), not part of an open
  row("case", "open + 1st query", "peak RSS")
  for (const { name, label } of CASES) {
    const output = execFileSync(process.execPath, ["--import", "tsx", import.meta.filename, name], { encoding: "utf8" })
    const { ms: took, peakMb } = JSON.parse(output.trim().split("\n").at(-1)!) as { ms: number; peakMb: number }
    row(label, ms(took), `${peakMb} MB`)
  }
}

/** One case in this process: the time from nothing to the first answered query through Prisma. */
async function runCase(name: Case): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "objektiv-open-"))
  try {
    if (name === "reopen") await (await openDatabase(`postgresql://pglite/?dir=${dir}`)).close()
    const started = performance.now()
    const close = name === "initdb" ? await openByInitdb(dir) : await openAsTheApp(dir)
    const took = performance.now() - started
    await close()
    console.log(JSON.stringify({ ms: took, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** What openDatabase did before the template: initdb, migrations, the Prisma client. */
async function openByInitdb(dir: string): Promise<() => Promise<void>> {
  const client = await PGlite.create({ dataDir: dir })
  await applyMigrations({ query: (sql, params) => client.query(sql, params), exec: (sql) => client.exec(sql) } as SqlSession)
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) })
  await prisma.school.count()
  return async () => {
    await prisma.$disconnect()
    await client.close()
  }
}

async function openAsTheApp(dir: string): Promise<() => Promise<void>> {
  const db = await openDatabase(`postgresql://pglite/?dir=${dir}`)
  await db.prisma.school.count()
  return () => db.close()
}

const chosen = process.argv[2] as Case | undefined
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (chosen) await runCase(chosen)
  else await runPgliteOpenBench()
}
