/**
 * The municipal XLSX with the risk cases (issue 13): the analysis' workbook (overview, FIS OKO tables, signs) plus a
 * «Случаи» sheet — every case of the municipality and procedure with its status, owner, dates, re-check and measures.
 * Used for the grouped alert's attachment and, through the analysis' workbook hook, for /analysis too.
 */
import type ExcelJS from "exceljs"
import { russianDate } from "../../domain/calendar/dates.ts"
import { procedureTitle } from "../../domain/results.ts"
import type { Translate } from "../../i18n.ts"
import { municipalOverviewModel, municipalSchoolRows } from "../analysis/report-model.ts"
import type { AnalysisOutcome } from "../analysis/stored-runs.ts"
import type { ServiceDeps } from "../deps.ts"
import { municipalReportWorkbook } from "../reports/index.ts"
import { addTable, type CellInput } from "../reports/sheet-table.ts"
import type { Cases, CaseView, MeasureView } from "./cases.ts"
import { workbookBytes } from "../workbooks/new-workbook.ts"

export const CASES_SHEET = "Случаи"

/** Adds the «Случаи» sheet to a municipal report's workbook before it is written (written once, never re-read). */
export function addCasesSheet(workbook: ExcelJS.Workbook, cases: readonly (CaseView & { measures: MeasureView[] })[], title: string, t: Translate): void {
  const date = (iso: string | null) => (iso ? russianDate(iso.slice(0, 10)) : "")
  addTable(workbook, {
    name: CASES_SHEET,
    title: [t("risk-sheet-title"), title],
    columns: [
      { header: "№", width: 6, format: "integer" },
      { header: t("risk-sheet-school"), width: 30, format: "text", wrap: true },
      { header: t("risk-sheet-procedure"), width: 26, format: "text", wrap: true },
      { header: t("risk-sheet-status"), width: 16, format: "text" },
      { header: t("risk-sheet-level"), width: 18, format: "text" },
      { header: t("risk-sheet-two-years"), width: 10, format: "text" },
      { header: t("risk-sheet-owner"), width: 18, format: "text" },
      { header: t("risk-sheet-opened"), width: 12, format: "text" },
      { header: t("risk-sheet-age"), width: 8, format: "integer" },
      { header: t("risk-sheet-due"), width: 12, format: "text" },
      { header: t("risk-sheet-resolution"), width: 30, format: "text", wrap: true },
      { header: t("risk-sheet-measures"), width: 40, format: "text", wrap: true },
    ],
    rows: cases.map((c): CellInput[] => [
      c.id,
      c.schoolName ? `${c.schoolLogin} (${c.schoolName})` : c.schoolLogin,
      c.title,
      t(`risk-status-${c.status}`),
      { value: t(`risk-level-${c.level}`), fill: c.level === "risk" ? "red" : c.level === "attention" ? "yellow" : "green" },
      c.twoYears ? t("risk-sheet-yes") : "",
      c.owner ?? "",
      date(c.openedAt),
      c.ageDays,
      c.dueDate ? russianDate(c.dueDate) : "",
      c.resolution ?? "",
      c.measures.map((m) => t("risk-measure-line", { kind: t(`risk-measure-${m.kind}`), owner: m.owner ?? "—", due: russianDate(m.dueDate), status: t(`risk-measure-status-${m.status}`) })).join("\n"),
    ]),
    notes: cases.length === 0 ? [t("risk-sheet-empty")] : [t("risk-sheet-note")],
  })
}

/** The municipal workbook of a stored run (scope null: the whole upload), with the cases. */
export async function municipalWorkbookOf(
  deps: ServiceDeps,
  cases: Cases,
  outcome: AnalysisOutcome,
  municipalityId: number | null,
  t: Translate,
): Promise<{ fileName: string; bytes: Buffer }> {
  const schools = await deps.prisma.school.findMany({ where: { key: { in: outcome.results.schools.map((school) => school.schoolKey) } } })
  const name = municipalityId === null ? t("analysis-group-name") : ((await deps.prisma.municipality.findUnique({ where: { id: municipalityId } }))?.name ?? "")
  const context = {
    analysis: outcome.analysis,
    results: outcome.results,
    schoolNames: new Map(schools.map((school) => [school.key, { login: school.login, name: school.name }])),
    groupName: t("analysis-group-name"),
  }
  const overview = municipalOverviewModel(t, context, { name, municipalityId })
  const title = procedureTitle(outcome.analysis.procedure)
  const workbook = municipalReportWorkbook(overview, municipalSchoolRows(t, context, municipalityId), t)
  const procedure = `${outcome.analysis.procedure.kind}|${outcome.analysis.procedure.year}|${outcome.analysis.procedure.subject}|${outcome.analysis.procedure.grade}`
  addCasesSheet(workbook, await cases.forWorkbook(municipalityId, procedure), `${title} · ${name}`, t)
  return { fileName: `${title.replaceAll(" · ", " - ")} - обзор.xlsx`, bytes: await workbookBytes(workbook) }
}
