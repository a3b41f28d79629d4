/** Sheets of the assessment itself: the signs, the ranked risks (municipal only) and the variants. */
import type ExcelJS from "exceljs"
import { rankSchools } from "./shares-and-ranks.ts"
import type { MunicipalOverview, OverviewSchool, RiskLevel, SignRow, VariantRow } from "./model.ts"
import { addTable, type CellInput, type FillKind, type TableCell, type TableColumn } from "./sheet-table.ts"
import { overviewCounts } from "./overview-counts.ts"
import type { SheetContext } from "./group-sheets.ts"

export const RISK_FILLS: Record<RiskLevel, FillKind> = { risk: "red", attention: "yellow", none: "green" }

function statusFill(sign: SignRow): FillKind | undefined {
  if (sign.status === "abstained") return "grey"
  if (sign.status !== "fired") return undefined
  return sign.strength === "strong" ? "red" : "yellow"
}

/** A sign of one school; `login`/`name` are shown only in the municipal workbook. */
export interface SignEntry {
  login?: string
  name?: string
  sign: SignRow
}

export function addSignsSheet(
  workbook: ExcelJS.Workbook,
  entries: SignEntry[],
  ctx: SheetContext & { withSchool: boolean; note?: string },
): ExcelJS.Worksheet {
  const { t } = ctx
  const named = ctx.withSchool && entries.some((entry) => entry.name)
  const schoolColumns: TableColumn[] = ctx.withSchool
    ? [
        { header: t("reports-col-login"), width: 13, format: "text" },
        ...(named ? [{ header: t("reports-col-school"), width: 34, format: "text", wrap: true } satisfies TableColumn] : []),
      ]
    : []
  const columns: TableColumn[] = [
    ...schoolColumns,
    { header: t("reports-col-sign-id"), width: 9, format: "text" },
    { header: t("reports-col-sign-title"), width: 34, format: "text", wrap: true },
    { header: t("reports-col-sign-status"), width: 15, format: "text" },
    { header: t("reports-col-sign-strength"), width: 12, format: "text" },
    { header: t("reports-col-sign-reason"), width: 60, format: "text", wrap: true },
    { header: t("reports-col-sign-evidence"), width: 50, format: "text", wrap: true },
  ]
  const rows = entries.map(({ login, name, sign }): CellInput[] => [
    ...(ctx.withSchool ? [login ?? null, ...(named ? [name ?? null] : [])] : []),
    sign.id,
    sign.title,
    { value: t(`reports-status-${sign.status}`), fill: statusFill(sign) },
    sign.status === "fired" && sign.strength ? t(`reports-strength-${sign.strength}`) : null,
    sign.reason,
    sign.evidence ?? null,
  ])
  return addTable(workbook, {
    name: t("reports-sheet-signs"),
    title: [t("reports-heading-signs"), ...ctx.lines],
    columns,
    rows,
    frozenColumns: ctx.withSchool ? 1 : 0,
    notes: [...(ctx.note ? [ctx.note] : []), t("reports-note-caution")],
  })
}

/** Unassessed schools (every sign abstained) are said so, not «не требует действий». */
function levelCell(t: SheetContext["t"], school: OverviewSchool): TableCell {
  return school.assessed === false
    ? { value: t("reports-risk-unassessed"), fill: "grey" }
    : { value: t(`reports-risk-${school.level}`), fill: RISK_FILLS[school.level] }
}

/** The index (with its percent sign) and the levels, from the counts the chat and the chart read too. */
export function overviewLines(t: SheetContext["t"], overview: MunicipalOverview): string[] {
  const counts = overviewCounts(overview)
  const indexLine =
    counts.index === null
      ? t("reports-line-index-none")
      : counts.indexWithheld
        ? t("reports-line-index-withheld", { assessed: counts.assessed, minimum: counts.indexMinimum })
        : t("reports-line-index", { index: counts.index.toFixed(1).replace(".", t("sign-decimal-separator")), clean: counts.withoutSigns, assessed: counts.assessed })
  const levels = t("reports-line-levels", { risk: counts.risk, attention: counts.attention, none: counts.none, unassessed: counts.unassessed })
  return [indexLine, levels, ...(counts.signsOffList > 0 ? [t("reports-line-off-list", { count: counts.signsOffList })] : [])]
}

/** The school as one cell: its name with the login, or the login alone when the directory has no name. */
function schoolCell(school: { login: string; name?: string }): string {
  return school.name ? `${school.name} (${school.login})` : school.login
}

/**
 * The first sheet of the municipal workbook: one row per school, weightiest first, with the figures a coordinator
 * reads (rounded) and the signs by their titles; the details are on the following sheets.
 */
export function addSummarySheet(workbook: ExcelJS.Workbook, overview: MunicipalOverview, ctx: SheetContext): ExcelJS.Worksheet {
  const { t } = ctx
  const ranked = rankSchools(overview.schools)
  const columns: TableColumn[] = [
    { header: t("reports-col-rank"), width: 6, format: "integer" },
    { header: t("reports-col-school"), width: 48, format: "text", wrap: true },
    { header: t("reports-col-participants"), width: 12, format: "integer" },
    { header: t("reports-col-mean"), width: 10, format: "mean1" },
    { header: t("reports-col-level"), width: 20, format: "text" },
    { header: t("reports-col-signs-found"), width: 60, format: "text", wrap: true },
  ]
  const rows = ranked.map((school, i): CellInput[] => [
    i + 1,
    schoolCell(school),
    school.present,
    school.mean === null ? null : Math.round(school.mean * 10) / 10,
    levelCell(t, school),
    school.signsFired.map((id) => t(`sign-title-${id}`)).join("\n") || null,
  ])
  return addTable(workbook, {
    name: t("reports-sheet-summary"),
    title: [t("reports-heading-summary"), ...ctx.lines, ...overviewLines(t, overview)],
    columns,
    rows,
    frozenColumns: 2,
    notes: [t("reports-note-summary"), t("reports-note-caution")],
  })
}

export function addRisksSheet(workbook: ExcelJS.Workbook, overview: MunicipalOverview, ctx: SheetContext): ExcelJS.Worksheet {
  const { t } = ctx
  const ranked = rankSchools(overview.schools)
  // Regional exports bring logins only: a «Школа» column would stay empty.
  const named = overview.schools.some((school) => school.name)
  const columns: TableColumn[] = [
    { header: t("reports-col-rank"), width: 6, format: "integer" },
    { header: t("reports-col-login"), width: 13, format: "text" },
    ...(named ? [{ header: t("reports-col-school"), width: 36, format: "text", wrap: true } satisfies TableColumn] : []),
    { header: t("reports-col-participants"), width: 12, format: "integer" },
    { header: t("reports-col-mean"), width: 10, format: "mean" },
    { header: t("reports-col-mean-low"), width: 12, format: "mean" },
    { header: t("reports-col-mean-high"), width: 12, format: "mean" },
    { header: t("reports-col-level"), width: 18, format: "text" },
    { header: t("reports-col-signs"), width: 16, format: "text", wrap: true },
    { header: t("reports-col-reasons"), width: 80, format: "text", wrap: true },
  ]
  const rows = ranked.map((school, i): CellInput[] => [
    i + 1,
    school.login,
    ...(named ? [school.name ?? null] : []),
    school.present,
    school.mean,
    school.meanInterval?.low ?? null,
    school.meanInterval?.high ?? null,
    levelCell(t, school),
    school.signsFired.join(", "),
    school.reasons.join("\n"),
  ])
  return addTable(workbook, {
    name: t("reports-sheet-risks"),
    title: [t("reports-heading-risks"), ...ctx.lines, ...overviewLines(t, overview)],
    columns,
    rows,
    frozenColumns: named ? 3 : 2,
    notes: [t("reports-note-caution")],
  })
}

export function addVariantsSheet(workbook: ExcelJS.Workbook, variants: VariantRow[], ctx: SheetContext): ExcelJS.Worksheet {
  const { t } = ctx
  return addTable(workbook, {
    name: t("reports-sheet-variants"),
    title: [t("reports-heading-variants"), ...ctx.lines],
    columns: [
      { header: t("reports-col-variant"), width: 10, format: "integer" },
      { header: t("reports-col-participants"), width: 12, format: "integer" },
      { header: t("reports-col-mean"), width: 10, format: "mean" },
    ],
    rows: [...variants].sort((a, b) => a.variant - b.variant).map((v) => [v.variant, v.present, v.mean]),
  })
}
