/**
 * The municipal XLSX for a whole region: the 2021 RU-4 regional export imported, analysed once, then the overview, its
 * chart and the municipal workbook as an admin asks for them (scope = the whole region). The figure a coordinator
 * waits for after «📄 Отчёт XLSX» (target: a few seconds). PGlite.
 *
 * Then the same for a coordinator of the municipality with the most schools, and the pages each workbook prints on
 * (LibreOffice → PDF → pdfinfo; skipped without soffice).
 *
 *   npx tsx bench/reports.ts          (BENCH_REPORT_OUT=/tmp/region.xlsx also writes the workbooks, to look at)
 */
import { spawnSync } from "node:child_process"
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { openDatabase } from "../src/db/client.ts"
import { createTranslator } from "../src/i18n.ts"
import { silentLogger } from "../src/logger.ts"
import { systemActor } from "../src/services/access/users.ts"
import { analyseStored } from "../src/services/analysis/stored-runs.ts"
import { createAnalysisViews } from "../src/services/analysis/views.ts"
import { systemClock, type ServiceDeps } from "../src/services/deps.ts"
import { parseResults } from "../src/services/results/formats/parse.ts"
import { importResults } from "../src/services/results/import.ts"
import { DATA_2021, hasData, mb, ms, NO_DATA, row, timed } from "./support.ts"

const FILE = "Проведение работы по русскому языку, 4 класс. ВПР 2021.xlsx"

export async function runReportsBench(): Promise<void> {
  if (!hasData()) return void console.log(NO_DATA)
  const bytes = await readFile(path.join(DATA_2021, FILE))
  const parsed = await parseResults(bytes, { fileName: FILE, allowInvalidRows: "exclude" })
  if (!parsed.canImport || !parsed.spec || !parsed.layout) throw new Error(`${FILE}: cannot import (${parsed.status})`)
  const db = await openDatabase("postgresql://pglite/")
  try {
    const deps: ServiceDeps = { prisma: db.prisma, clock: systemClock, logger: silentLogger }
    const admin = await systemActor(deps, { telegramId: 1n, firstName: "Bench" })
    const stored = await importResults(deps, admin, {
      file: { bytes, fileName: FILE }, layout: parsed.layout, spec: parsed.spec, schools: parsed.schools,
      participants: parsed.participants, warningsConfirmed: parsed.problems.length,
    })
    if (!stored.ok) throw new Error(`${FILE}: import refused (${stored.reason})`)
    const key = parsed.spec
    await analyseStored(deps, key) // the run the import would have stored; not part of the figure
    const t = createTranslator("ru")
    const views = createAnalysisViews(deps)
    console.log(`${FILE}: ${parsed.schools.length} schools, ${parsed.stats.present} present`)
    row("step", "time", "size")
    const overview = await timed(() => views.overview(admin, key, t))
    if (!overview.value.ok) throw new Error("no overview")
    row("overview text + risk chart (PNG)", ms(overview.ms), overview.value.chart ? `${(overview.value.chart.png.length / 1024).toFixed(0)} KB` : "—")
    const workbook = await timed(() => views.municipalWorkbook(admin, key, t))
    if (!workbook.value.ok) throw new Error("no municipal workbook")
    row("municipal XLSX, whole region (target: a few s)", ms(workbook.ms), mb(workbook.value.bytes.length))
    if (process.env.BENCH_REPORT_OUT) await writeFile(process.env.BENCH_REPORT_OUT, workbook.value.bytes) // to look at it
    const again = await timed(() => views.municipalWorkbook(admin, key, t))
    row("municipal XLSX again (the run reused)", ms(again.ms), "")
    // A coordinator of the municipality with the most schools: her workbook holds her schools only.
    const largest = await db.prisma.municipality.findFirstOrThrow({ orderBy: { schools: { _count: "desc" } }, include: { _count: { select: { schools: true } } } })
    const coordinator = { ...admin, grants: [{ role: "municipal_coordinator" as const, schoolId: null, municipalityId: largest.id, schoolMunicipalityId: null }] }
    const own = await timed(() => views.municipalWorkbook(coordinator, key, t))
    if (!own.value.ok) throw new Error("no coordinator's workbook")
    row(`municipal XLSX, ${largest.name} (${largest._count.schools} schools)`, ms(own.ms), mb(own.value.bytes.length))
    if (process.env.BENCH_REPORT_OUT) await writeFile(process.env.BENCH_REPORT_OUT.replace(/\.xlsx$/u, "-municipality.xlsx"), own.value.bytes)
    row("printed pages (LibreOffice → PDF)", "region", "municipality")
    row("", await printedPages(workbook.value.bytes), await printedPages(own.value.bytes))
  } finally {
    await db.close()
  }
}

/** Pages of the workbook printed by LibreOffice (its print setup honoured), or why not counted. */
async function printedPages(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "bench-pages-"))
  try {
    await writeFile(path.join(dir, "report.xlsx"), bytes)
    const converted = spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, path.join(dir, "report.xlsx")], { encoding: "utf8", timeout: 600_000 })
    if (converted.error || converted.status !== 0) return "no soffice"
    const info = spawnSync("pdfinfo", [path.join(dir, "report.pdf")], { encoding: "utf8" })
    return /Pages:\s+(\d+)/u.exec(info.stdout ?? "")?.[1] ?? "no pdfinfo"
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runReportsBench()
