/**
 * Import of the largest real file, the 2021 regional export of Russian, grade 4 (26,595 rows): a bare exceljs
 * streaming read as the floor, then parse + validate, then parse + store on PGlite (and PostgreSQL when set).
 * The read and the parse run twice: "cold" is the first run in this process, "warm" the second. Each import runs
 * once, cold, in a fresh child process: so its peak − idle RSS is not hidden by memory that earlier steps freed but
 * the process kept, and it is what a freshly started bot sees (a warm second import saved too little time to be
 * worth the ~30 s it added to the bench). Targets: whole import ≤ 1.5 × the bare read; peak − idle RSS ≤ 300 MB.
 *
 *   npx tsx bench/import.ts
 */
import { readFile, stat } from "node:fs/promises"
import path from "node:path"
import { pathToFileURL } from "node:url"
import ExcelJS from "exceljs"
import { testDatabaseUrl } from "../src/config.ts"
import { openDatabase, type Database } from "../src/db/client.ts"
import { silentLogger } from "../src/logger.ts"
import { systemActor } from "../src/services/access/users.ts"
import { systemClock } from "../src/services/deps.ts"
import { parseResults } from "../src/services/results/formats/parse.ts"
import type { ParseOptions } from "../src/services/results/formats/types.ts"
import { importResults } from "../src/services/results/import.ts"
import { DATA_2021, hasData, mb, ms, NO_DATA, NO_POSTGRES, openBenchPostgres, row, runInChild, timed, withPeakRss, type MemoryUse } from "./support.ts"

export const RU4_2021 = "Проведение работы по русскому языку, 4 класс. ВПР 2021.xlsx"
const CHILD_FLAG = "--import-child"

interface ImportRun {
  parseMs: number
  storeMs: number
  totalMs: number
  participants: number
  memory: MemoryUse
}

export async function runImportBench(): Promise<void> {
  if (!hasData()) return void console.log(NO_DATA)
  const file = path.join(DATA_2021, RU4_2021)
  console.log(`file: ${RU4_2021} (${mb((await stat(file)).size)})`)
  row("step", "cold", "warm", "rows")

  const bare = [await timed(() => bareRead(file)), await timed(() => bareRead(file))] as const
  row("bare exceljs streaming read (from the path)", ms(bare[0].ms), ms(bare[1].ms), String(bare[1].value))

  const parseOnly = [await timed(() => parse(file, {})), await timed(() => parse(file, {}))] as const
  const parsed = parseOnly[1].value
  row("parse + validate (parseResults)", ms(parseOnly[0].ms), ms(parseOnly[1].ms), String(parsed.participants.length))
  const exclude = !parsed.canImport
  if (exclude) {
    const errors = parsed.problems.filter((found) => found.severity === "error").length
    console.log(`  note: ${errors} row errors (scores above the maximum …) block the file as is: the imports use allowInvalidRows "exclude"`)
  }

  const kinds = testDatabaseUrl() ? (["pglite", "postgres"] as const) : (["pglite"] as const)
  const runs: { kind: string; run: ImportRun }[] = []
  for (const kind of kinds) {
    const run = await runInChild<ImportRun>(import.meta.filename, [CHILD_FLAG, kind, exclude ? "exclude" : "reject"])
    runs.push({ kind, run })
    printImport(kind === "pglite" ? "PGlite (in memory)" : "PostgreSQL", run)
  }
  if (kinds.length === 1) console.log(`  ${NO_POSTGRES}`)

  console.log("")
  for (const { kind, run } of runs) {
    row(`${kind}: whole import / bare read (target ≤ 1.5×)`, `${(run.totalMs / bare[0].ms).toFixed(2)}× cold`, `${(run.totalMs / bare[1].ms).toFixed(2)}× warm`)
    row(`${kind}: peak − idle RSS (target ≤ 300 MB)`, mb(run.memory.peak - run.memory.idle))
    row(`${kind}: idle RSS (database open, before parsing)`, mb(run.memory.idle))
  }
}

async function bareRead(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", worksheets: "emit" })
  let rows = 0
  for await (const sheet of reader) for await (const _ of sheet) rows++
  return rows
}

async function parse(file: string, options: ParseOptions) {
  return parseResults(await readFile(file), { fileName: path.basename(file), ...options })
}

/** Opens a fresh database, creates the admin who uploads, then measures parse + store with the RSS sampled. */
async function importOnFresh(open: () => Promise<Database>, file: string, options: ParseOptions): Promise<ImportRun> {
  const db = await open()
  try {
    const admin = await systemActor({ prisma: db.prisma }, { telegramId: 1n, firstName: "Bench" })
    const deps = { prisma: db.prisma, clock: systemClock, logger: silentLogger }
    const { value, memory } = await withPeakRss(async () => {
      const bytes = await readFile(file)
      const parsed = await timed(() => parseResults(bytes, { fileName: path.basename(file), ...options }))
      const { spec, layout, canImport, schools, participants, problems } = parsed.value
      if (!spec || !layout || !canImport) throw new Error(`cannot import: ${parsed.value.status}`)
      const stored = await timed(() =>
        importResults(deps, admin, { file: { bytes, fileName: path.basename(file) }, layout, spec, schools, participants, warningsConfirmed: problems.length }),
      )
      if (!stored.value.ok) throw new Error(`import refused: ${stored.value.reason}`)
      return { parseMs: parsed.ms, storeMs: stored.ms, participants: stored.value.present + stored.value.absent }
    })
    return { ...value, totalMs: value.parseMs + value.storeMs, memory }
  } finally {
    await db.close()
  }
}

function printImport(label: string, run: ImportRun): void {
  row(`${label}: parse`, ms(run.parseMs), "—")
  row(`${label}: store (importResults)`, ms(run.storeMs), "—", String(run.participants))
  row(`${label}: whole import`, ms(run.totalMs), "—")
}

/** Child process: one import on a fresh database, answered to the parent. */
async function importChild(kind: string, rows: string): Promise<void> {
  const file = path.join(DATA_2021, RU4_2021)
  const options: ParseOptions = rows === "exclude" ? { allowInvalidRows: "exclude" } : {}
  const open = async (): Promise<Database> => (kind === "postgres" ? (await openBenchPostgres())! : openDatabase("postgresql://pglite/"))
  process.send!(await importOnFresh(open, file, options))
}

if (process.argv[2] === CHILD_FLAG) await importChild(process.argv[3] ?? "pglite", process.argv[4] ?? "reject")
else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runImportBench()
