/**
 * XLSX reports shaped like FIS OKO's «Аналитика» (formats.md §10), for one school or a whole municipality.
 * Values only — no formulas — so the figures are exactly those of the analysis and nothing recalculates.
 * A table with no data at all (e.g. no journal marks in the upload) is left out rather than shown empty.
 */
import ExcelJS from "exceljs"
import type { Translate } from "../../i18n.ts"
import { addRisksSheet, addSignsSheet, addSummarySheet, addVariantsSheet, type SignEntry } from "./assessment-sheets.ts"
import { rankSchools, referenceRow, schoolLabel, schoolRow } from "./shares-and-ranks.ts"
import {
  addJournalSheet,
  addMarksSheet,
  addScoresSheet,
  addTasksSheet,
  type DisplayRow,
  type SheetContext,
} from "./group-sheets.ts"
import type { MunicipalOverview, SchoolReport, TaskColumn, ThresholdMark } from "./model.ts"
import { newWorkbook, workbookBytes } from "../workbooks/new-workbook.ts"

interface Procedure {
  maxScore: number
  thresholds: { mark: ThresholdMark; score: number }[] | null
  tasks: TaskColumn[]
}

function addGroupSheets(workbook: ExcelJS.Workbook, rows: DisplayRow[], procedure: Procedure, ctx: SheetContext): void {
  addMarksSheet(workbook, rows, ctx)
  if (rows.some((r) => r.stats.journal)) addJournalSheet(workbook, rows, ctx)
  if (rows.some((r) => r.stats.scoreCounts)) addScoresSheet(workbook, rows, procedure.maxScore, procedure.thresholds, ctx)
  if (procedure.tasks.length > 0 && rows.some((r) => r.stats.completion)) addTasksSheet(workbook, rows, procedure.tasks, ctx)
}

/** Sheets: marks, journal, primary scores, tasks, signs (when given), variants (when given). */
export async function buildSchoolReport(report: SchoolReport, t: Translate): Promise<Buffer> {
  const workbook = newWorkbook()
  const reference = referenceRow(report)
  const lines = [
    report.procedureTitle,
    t("reports-line-school", { school: schoolLabel(report.schoolLogin, report.schoolName) }),
    t("reports-line-group", { group: report.groupName }),
  ]
  const rows = report.groups.map((stats): DisplayRow => ({
    label: stats.name,
    stats,
    ...(stats.role !== "reference" && reference ? { reference } : {}),
  }))
  addGroupSheets(workbook, rows, report, { t, lines })
  if (report.signs?.length) {
    const riskLines = report.risk ? [t("reports-line-risk", { level: t(`reports-risk-${report.risk.level}`) }), ...report.risk.reasons] : []
    addSignsSheet(
      workbook,
      report.signs.map((sign) => ({ sign })),
      { t, lines: [...lines, ...riskLines], withSchool: false },
    )
  }
  if (report.variants?.length) addVariantsSheet(workbook, report.variants, { t, lines })
  return workbookBytes(workbook)
}

/** All reports must describe the same procedure, or the columns of the tables would not line up. */
function assertSameProcedure(schools: SchoolReport[]): void {
  const first = schools[0]
  if (!first) return
  const shape = (r: SchoolReport) => `${r.procedureTitle}|${r.maxScore}|${r.tasks.map((task) => task.label).join(",")}`
  const odd = schools.find((r) => shape(r) !== shape(first))
  if (odd) throw new Error(`School report ${odd.schoolLogin} is for another procedure than ${first.schoolLogin}`)
}

/**
 * Sheets: «Сводка» (one row per school, rounded, signs by title), «Риски» (the figures of the ranking), then the
 * FIS OKO tables with one row per school (in the same order, after the overview's reference rows), then the signs found.
 */
export async function buildMunicipalReport(overview: MunicipalOverview, schools: SchoolReport[], t: Translate): Promise<Buffer> {
  return workbookBytes(municipalReportWorkbook(overview, schools, t))
}

/** The municipal report's workbook, not yet written: other services add their sheets before the one write. */
export function municipalReportWorkbook(overview: MunicipalOverview, schools: SchoolReport[], t: Translate): ExcelJS.Workbook {
  assertSameProcedure(schools)
  const workbook = newWorkbook()
  const group = overview.references[0]?.name
  const lines = [
    overview.procedureTitle,
    t("reports-line-scope", { scope: overview.scopeName }),
    ...(group ? [t("reports-line-group", { group })] : []),
  ]
  const ctx: SheetContext = { t, lines }
  addSummarySheet(workbook, overview, ctx)
  addRisksSheet(workbook, overview, ctx)

  const rank = new Map(rankSchools(overview.schools).map((s, i) => [s.login, i]))
  const ordered = [...schools].sort(
    (a, b) =>
      (rank.get(a.schoolLogin) ?? Infinity) - (rank.get(b.schoolLogin) ?? Infinity) || a.schoolLogin.localeCompare(b.schoolLogin),
  )
  const first = ordered[0]
  if (first) {
    const rows: DisplayRow[] = [
      ...overview.references.map((stats) => ({ label: stats.name, stats })),
      ...ordered.map((report): DisplayRow => {
        const reference = referenceRow(report)
        return { label: schoolLabel(report.schoolLogin, report.schoolName), stats: schoolRow(report), ...(reference ? { reference } : {}) }
      }),
    ]
    addGroupSheets(workbook, rows, first, ctx)
  }

  // Only the signs found: every sign of every school was 13 rows a school (8 262 for a region); each school's report has them all.
  const signs: SignEntry[] = ordered.flatMap((report) =>
    (report.signs ?? [])
      .filter((sign) => sign.status === "fired")
      .map((sign) => ({ login: report.schoolLogin, ...(report.schoolName ? { name: report.schoolName } : {}), sign })),
  )
  if (signs.length > 0) addSignsSheet(workbook, signs, { ...ctx, withSchool: true, note: t("reports-note-signs-fired-only") })
  return workbook
}
