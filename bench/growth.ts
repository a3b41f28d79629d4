/**
 * Growth: the same work at 1×, 4× and 16× a region. The 2021 RU-4 regional export (632 schools, 26,595 rows) is
 * copied k times with every copy's schools under new logins (same pupils, same scores), so a 16× region is 16
 * regions' worth of real-shaped schools in one file. For each size, in a fresh child process on PGlite in memory:
 * the bare exceljs streaming read of the file (the floor), parse + validate, store, the analysis of the procedure,
 * the whole-region overview with its chart, and the municipal XLSX; and the process's peak − idle RSS.
 *
 * The 4× and 16× files exceed what a user may send (20 MB, 200,000 rows), so the limits are lifted for them: this
 * measures how the work grows, not what the bot accepts.
 *
 *   npx tsx bench/growth.ts [1 4 16]     (the scaled files are written once to the temp dir and reused)
 */
import { existsSync } from "node:fs"
import { mkdir, rename, stat } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { pathToFileURL } from "node:url"
import ExcelJS from "exceljs"
import { openDatabase } from "../src/db/client.ts"
import { createTranslator } from "../src/i18n.ts"
import { silentLogger } from "../src/logger.ts"
import { systemActor } from "../src/services/access/users.ts"
import { analyseStored } from "../src/services/analysis/stored-runs.ts"
import { createAnalysisViews } from "../src/services/analysis/views.ts"
import { systemClock, type ServiceDeps } from "../src/services/deps.ts"
import { parseResults } from "../src/services/results/formats/parse.ts"
import { importResults } from "../src/services/results/import.ts"
import { DATA_2021, hasData, mb, ms, NO_DATA, row, runInChild, timed, withPeakRss } from "./support.ts"

const SOURCE = "Проведение работы по русскому языку, 4 класс. ВПР 2021.xlsx"
const FACTORS = [1, 4, 16] as const
const CHILD_FLAG = "--growth-child"
const LOGIN_COLUMN = 1 // «логин школы», the first column of the 2021 export
/** Limits lifted for the scaled files (the bot's own: 20 MB, 200,000 rows). */
const LIFTED = { maxBytes: 1024 * 1024 * 1024, maxUncompressedBytes: 8 * 1024 * 1024 * 1024, maxRows: 2_000_000 }

export interface GrowthRun {
  factor: number
  fileBytes: number
  rows: number
  schools: number
  present: number
  bareReadMs: number
  parseMs: number
  storeMs: number
  analysisMs: number
  overviewMs: number
  workbookMs: number
  workbookBytes: number
  memory: { idle: number; peak: number }
}

export async function runGrowthBench(factors: readonly number[] = FACTORS): Promise<void> {
  if (!hasData()) return void console.log(NO_DATA)
  console.log(`source: ${SOURCE}, copied k times under new school logins; each size in a fresh process, PGlite in memory`)
  const runs: GrowthRun[] = []
  for (const factor of factors) {
    const file = await scaledExport(factor)
    const run = await runInChild<GrowthRun>(import.meta.filename, [CHILD_FLAG, String(factor), file])
    runs.push(run)
    console.log(`  ${factor}×: ${run.schools} schools, ${run.rows} rows (${run.present} present), ${mb(run.fileBytes)} file`)
  }
  console.log("")
  row("step", ...runs.map((run) => `${run.factor}×`))
  row("schools", ...runs.map((run) => String(run.schools)))
  row("rows", ...runs.map((run) => String(run.rows)))
  row("bare exceljs streaming read", ...runs.map((run) => ms(run.bareReadMs)))
  row("parse + validate", ...runs.map((run) => ms(run.parseMs)))
  row("store (importResults)", ...runs.map((run) => ms(run.storeMs)))
  row("import / bare read", ...runs.map((run) => `${((run.parseMs + run.storeMs) / run.bareReadMs).toFixed(2)}×`))
  row("analysis (analyseStored)", ...runs.map((run) => ms(run.analysisMs)))
  row("overview text + chart, whole region", ...runs.map((run) => ms(run.overviewMs)))
  row("municipal XLSX, whole region", ...runs.map((run) => ms(run.workbookMs)))
  row("municipal XLSX size", ...runs.map((run) => mb(run.workbookBytes)))
  row("peak − idle RSS (whole child)", ...runs.map((run) => mb(run.memory.peak - run.memory.idle)))
  const first = runs[0]
  if (first && runs.length > 1) {
    const total = (run: GrowthRun) => run.parseMs + run.storeMs + run.analysisMs + run.overviewMs + run.workbookMs
    row("all steps, per 1× of rows", ...runs.map((run) => ms(total(run) / (run.factor / first.factor))))
  }
}

/**
 * The source export copied `factor` times: copy 0 keeps the real logins, copy k > 0 maps the six digits 22xxxx to
 * 3k'xxxx (k' = k − 1, 30xxxx … 44xxxx) so every copy is a different set of schools. Written once, reused.
 */
export async function scaledExport(factor: number): Promise<string> {
  const source = path.join(DATA_2021, SOURCE)
  if (factor === 1) return source
  const dir = path.join(os.tmpdir(), "objektiv-bench-growth")
  await mkdir(dir, { recursive: true })
  const target = path.join(dir, `ru4-2021-${factor}x.xlsx`)
  if (existsSync(target)) return target
  const rows: unknown[][] = []
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", worksheets: "emit" })
  for await (const sheet of reader) for await (const sheetRow of sheet) rows.push((sheetRow.values as unknown[]).slice(1))
  const partial = `${target}.part`
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true, useStyles: false })
  const sheet = writer.addWorksheet("Sheet")
  sheet.addRow(rows[0]!).commit()
  for (let copy = 0; copy < factor; copy++) {
    for (const values of rows.slice(1)) {
      const login = String(values[LOGIN_COLUMN - 1] ?? "")
      sheet.addRow([copiedLogin(login, copy), ...values.slice(1)]).commit()
    }
  }
  sheet.commit()
  await writer.commit()
  await rename(partial, target)
  return target
}

function copiedLogin(login: string, copy: number): string {
  if (copy === 0) return login
  const match = /^(\D*)22(\d{4})$/.exec(login)
  if (!match) throw new Error(`unexpected login ${login}`)
  return `${match[1]}${30 + copy - 1}${match[2]}`
}

async function bareRead(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", worksheets: "emit" })
  let rows = 0
  for await (const sheet of reader) for await (const _ of sheet) rows++
  return rows
}

/** Child: every step for one size on a fresh in-memory PGlite, answered to the parent. */
async function growthChild(factor: number, file: string): Promise<GrowthRun> {
  const db = await openDatabase("postgresql://pglite/")
  try {
    const deps: ServiceDeps = { prisma: db.prisma, clock: systemClock, logger: silentLogger }
    const admin = await systemActor(deps, { telegramId: 1n, firstName: "Bench" })
    const t = createTranslator("ru")
    const { value, memory } = await withPeakRss(async () => {
      const bare = await timed(() => bareRead(file))
      const parsed = await timed(async () => parseResults(file, { fileName: SOURCE, allowInvalidRows: "exclude", limits: LIFTED }))
      const { spec, layout, canImport, schools, participants, problems, stats } = parsed.value
      if (!spec || !layout || !canImport) throw new Error(`${factor}×: cannot import (${parsed.value.status}: ${problems.slice(0, 3).map((p) => p.code).join(", ")})`)
      const stored = await timed(() =>
        importResults(deps, admin, { file: { bytes: Buffer.from(`growth ${factor}×`), fileName: SOURCE }, layout, spec, schools, participants, warningsConfirmed: problems.length }),
      )
      if (!stored.value.ok) throw new Error(`${factor}×: import refused (${stored.value.reason})`)
      const analysis = await timed(() => analyseStored(deps, spec))
      const views = createAnalysisViews(deps)
      const overview = await timed(() => views.overview(admin, spec, t))
      if (!overview.value.ok || !overview.value.chart) throw new Error(`${factor}×: no overview with a chart`)
      const workbook = await timed(() => views.municipalWorkbook(admin, spec, t))
      if (!workbook.value.ok) throw new Error(`${factor}×: no municipal workbook`)
      return {
        factor, fileBytes: (await stat(file)).size, rows: bare.value - 1, schools: stats.schools, present: stats.present,
        bareReadMs: bare.ms, parseMs: parsed.ms, storeMs: stored.ms, analysisMs: analysis.ms, overviewMs: overview.ms,
        workbookMs: workbook.ms, workbookBytes: workbook.value.bytes.length,
      }
    })
    return { ...value, memory }
  } finally {
    await db.close()
  }
}

if (process.argv[2] === CHILD_FLAG) process.send!(await growthChild(Number(process.argv[3]), process.argv[4]!))
else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const asked = process.argv.slice(2).map(Number).filter((factor) => Number.isInteger(factor) && factor > 0)
  await runGrowthBench(asked.length > 0 ? asked : FACTORS)
}
