/**
 * Analysis of a whole region: the four 2021 regional exports (~97,000 pupils present) imported into one database,
 * then `analyseStored` per procedure — the figure the coordinator waits for (target < 2 s for all four, database
 * read included). Split into the DB read and the compute, with the reuse of a stored run apart; then the share of
 * real schools in each risk level. PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
 *
 *   npx tsx bench/analysis.ts
 */
import { systemActor } from "../src/services/access/users.ts"
import { readdirSync } from "node:fs"
import { readFile } from "node:fs/promises"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { testDatabaseUrl } from "../src/config.ts"
import { openDatabase, type Database } from "../src/db/client.ts"
import type { ProcedureKey } from "../src/domain/results.ts"
import { silentLogger } from "../src/logger.ts"
import { analyseProcedure, type ProcedureAnalysis } from "../src/services/analysis/analyse.ts"
import { analyseStored } from "../src/services/analysis/stored-runs.ts"
import { DEFAULT_SETTINGS } from "../src/services/analysis/settings.ts"
import { systemClock, type ServiceDeps } from "../src/services/deps.ts"
import { parseResults } from "../src/services/results/formats/parse.ts"
import type { ParsedResults } from "../src/services/results/formats/types.ts"
import { importResults } from "../src/services/results/import.ts"
import { loadProcedureResults } from "../src/services/analysis/current-results.ts"
import { DATA_2021, hasData, ms, NO_DATA, NO_POSTGRES, openBenchPostgres, row, timed } from "./support.ts"

interface Upload {
  fileName: string
  bytes: Buffer
  parsed: ParsedResults
}

export async function runAnalysisBench(): Promise<void> {
  if (!hasData()) return void console.log(NO_DATA)
  const files = readdirSync(DATA_2021).filter((name) => name.startsWith("Проведение работы по")).sort()
  // Parsed once for both databases. Rows with errors (scores above the maximum) are left out, as a coordinator would.
  const parsing = await timed(async () => {
    const parsed: Upload[] = []
    for (const file of files) parsed.push(await parseUpload(file))
    return parsed
  })
  const uploads = parsing.value
  const excluded = uploads.reduce((sum, upload) => sum + upload.parsed.excluded.length, 0)
  console.log(`${files.length} files parsed in ${ms(parsing.ms)} (not part of the figure); ${excluded} rows with errors excluded`)

  const analyses = await benchOn("PGlite (in memory)", () => openDatabase("postgresql://pglite/"), uploads)
  if (testDatabaseUrl()) await benchOn("PostgreSQL", async () => (await openBenchPostgres())!, uploads)
  else console.log(NO_POSTGRES)

  console.log("")
  console.log("risk levels of the real 2021 schools (all schools | assessed: 5+ present): none / attention / risk")
  for (const analysis of analyses) printLevels(analysis)
}

async function parseUpload(fileName: string): Promise<Upload> {
  const bytes = await readFile(path.join(DATA_2021, fileName))
  const parsed = await parseResults(bytes, { fileName, allowInvalidRows: "exclude" })
  if (!parsed.canImport || !parsed.spec || !parsed.layout) throw new Error(`${fileName}: cannot import (${parsed.status})`)
  return { fileName, bytes, parsed }
}

async function benchOn(label: string, open: () => Promise<Database>, uploads: Upload[]): Promise<ProcedureAnalysis[]> {
  const db = await open()
  try {
    const deps: ServiceDeps = { prisma: db.prisma, clock: systemClock, logger: silentLogger }
    const stored = await timed(() => importAll(deps, uploads))
    console.log(`${label}: ${uploads.length} files stored in ${ms(stored.ms)} (not part of the figure)`)
    row("procedure", "pupils", "analyseStored", "DB read", "compute", "reuse")
    const totals = { pupils: 0, full: 0, read: 0, compute: 0, reuse: 0 }
    const analyses: ProcedureAnalysis[] = []
    for (const upload of uploads) {
      const key: ProcedureKey = upload.parsed.spec!
      // The first call computes and stores a run; read and compute are then timed again on their own.
      const full = await timed(() => analyseStored(deps, key))
      if (!full.value?.computed) throw new Error(`${upload.fileName}: expected a computed run`)
      const read = await timed(() => loadProcedureResults(db.prisma, key))
      const compute = await timed(async () => analyseProcedure(read.value!, DEFAULT_SETTINGS))
      const reuse = await timed(() => analyseStored(deps, key))
      if (reuse.value?.computed !== false) throw new Error(`${upload.fileName}: expected the stored run to be reused`)
      const pupils = full.value.analysis.group.present
      row(`${key.subject} ${key.grade}`, String(pupils), ms(full.ms), ms(read.ms), ms(compute.ms), ms(reuse.ms))
      totals.pupils += pupils
      totals.full += full.ms
      totals.read += read.ms
      totals.compute += compute.ms
      totals.reuse += reuse.ms
      analyses.push(full.value.analysis)
    }
    row("all four (target < 2 s)", String(totals.pupils), ms(totals.full), ms(totals.read), ms(totals.compute), ms(totals.reuse))
    console.log("  (analyseStored = read + compute + cohort look-ups + storing the run; read and compute re-timed after it)")
    return analyses
  } finally {
    await db.close()
  }
}

async function importAll(deps: ServiceDeps, uploads: Upload[]): Promise<void> {
  const admin = await systemActor(deps, { telegramId: 1n, firstName: "Bench" })
  for (const { fileName, bytes, parsed } of uploads) {
    const outcome = await importResults(deps, admin, {
      file: { bytes, fileName },
      layout: parsed.layout!,
      spec: parsed.spec!,
      schools: parsed.schools,
      participants: parsed.participants,
      warningsConfirmed: parsed.problems.length,
    })
    if (!outcome.ok) throw new Error(`${fileName}: import refused (${outcome.reason})`)
  }
}

function printLevels(analysis: ProcedureAnalysis): void {
  const assessed = analysis.schools.filter((school) => school.present >= DEFAULT_SETTINGS.minParticipants)
  const shares = (schools: ProcedureAnalysis["schools"]) =>
    (["none", "attention", "risk"] as const)
      .map((level) => `${((100 * schools.filter((school) => school.risk.level === level).length) / Math.max(1, schools.length)).toFixed(1)} %`)
      .join(" / ")
  const { subject, grade } = analysis.procedure
  console.log(`  ${`${subject} ${grade}`.padEnd(20)} ${String(analysis.schools.length).padStart(4)} schools: ${shares(analysis.schools)}  |  ${String(assessed.length).padStart(4)}: ${shares(assessed)}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runAnalysisBench()
