/** What the problems workbook's two lists share: fills, the print set-up, row heights, the words for a row. */
import type ExcelJS from "exceljs"
import type { Problem } from "./problem.ts"

export const ERROR_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } }
export const WARNING_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } }

/** The lists print across one page's width (landscape A4), as long as they need. */
export const LIST_PAGE: Partial<ExcelJS.PageSetup> = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" }

/**
 * Rows tall enough for their wrapped text: spreadsheet programs do not grow a row that a file gives no height, so a
 * long reason would print over the next row. About one character per unit of column width.
 */
export function fitRowHeight(row: ExcelJS.Row, cells: readonly [text: string, width: number][]): void {
  const lines = Math.max(1, ...cells.map(([text, width]) => Math.ceil(text.length / Math.max(1, width - 2))))
  if (lines > 1) row.height = 15 * lines
}

export const severityKey = (found: Problem): string => (found.severity === "error" ? "intake-report-severity-error" : "intake-report-severity-warning")

/** «edu223017, МБОУ СОШ № 5», the login alone when the file gives no name, "" for a problem of no participant's row. */
export function schoolLabel(found: Problem): string {
  if (!found.school) return ""
  return found.school.name ? `${found.school.login}, ${found.school.name}` : found.school.login
}
