/** Sheets of the assessment itself: the signs, the ranked risks (municipal only) and the variants. */
import type ExcelJS from "exceljs"
import { rankSchools, RISK_LEVELS } from "./shares-and-ranks.ts"
import type { MunicipalOverview, RiskLevel, SignRow, VariantRow } from "./model.ts"
import { addTable, type CellInput, type FillKind, type TableColumn } from "./sheet-table.ts"
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
  ctx: SheetContext & { withSchool: boolean },
): ExcelJS.Worksheet {
  const { t } = ctx
  const schoolColumns: TableColumn[] = ctx.withSchool
    ? [
        { header: t("reports-col-login"), width: 13, format: "text" },
        { header: t("reports-col-school"), width: 34, format: "text", wrap: true },
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
    ...(ctx.withSchool ? [login ?? null, name ?? null] : []),
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
    notes: [t("reports-note-caution")],
  })
}

export function addRisksSheet(workbook: ExcelJS.Workbook, overview: MunicipalOverview, ctx: SheetContext): ExcelJS.Worksheet {
  const { t } = ctx
  const ranked = rankSchools(overview.schools)
  const counts = Object.fromEntries(RISK_LEVELS.map((level) => [level, overview.schools.filter((s) => s.level === level).length]))
  const indexLine =
    overview.index === null ? t("reports-line-index-none") : t("reports-line-index", { index: Math.round(overview.index * 10) / 10 })
  const columns: TableColumn[] = [
    { header: t("reports-col-rank"), width: 6, format: "integer" },
    { header: t("reports-col-login"), width: 13, format: "text" },
    { header: t("reports-col-school"), width: 36, format: "text", wrap: true },
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
    school.name ?? null,
    school.present,
    school.mean,
    school.meanInterval?.low ?? null,
    school.meanInterval?.high ?? null,
    { value: t(`reports-risk-${school.level}`), fill: RISK_FILLS[school.level] },
    school.signsFired.join(", "),
    school.reasons.join("\n"),
  ])
  return addTable(workbook, {
    name: t("reports-sheet-risks"),
    title: [t("reports-heading-risks"), ...ctx.lines, indexLine, t("reports-line-levels", counts)],
    columns,
    rows,
    frozenColumns: 3,
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
