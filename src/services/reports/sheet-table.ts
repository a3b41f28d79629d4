/**
 * Writes one table per sheet the way every report sheet looks: title lines, an optional line of notes
 * above the headers (task level and maximum), one header row with an autofilter, frozen panes below it,
 * column widths, number formats and fills. Strings stay text (the workbook comes from `newWorkbook`); nothing is a formula.
 */
import type ExcelJS from "exceljs"
import { safeSheetName } from "../workbooks/safe-text.ts"

export type ColumnFormat = "text" | "integer" | "share" | "mean" | "mean1"
/** Green/red: above/below the comparison group or no signs/risk; yellow: attention; grey: not assessed; blue: marked columns. */
export type FillKind = "green" | "red" | "yellow" | "grey" | "blue"

export interface TableColumn {
  header: string
  /** A line above the header (e.g. «П · 2» over a task), frozen with it. */
  note?: string
  width: number
  format: ColumnFormat
  wrap?: boolean
}

export interface TableCell {
  value: string | number | null
  fill?: FillKind
  bold?: boolean
}
export type CellInput = string | number | null | TableCell

export interface TableSpec {
  name: string
  /** Lines above the table; the first is the heading. */
  title: string[]
  columns: TableColumn[]
  rows: CellInput[][]
  /** Columns kept in view when scrolling sideways (group names). */
  frozenColumns?: number
  /** Lines below the table: legends and cautions. */
  notes?: string[]
  /** Fill of a whole column's header and note (e.g. the minimum scores of marks). */
  highlightColumns?: number[]
}

/** Excel's own "good / bad / neutral" palette, which LibreOffice shows the same way. */
const FILLS: Record<FillKind, { fill: string; font: string }> = {
  green: { fill: "FFC6EFCE", font: "FF006100" },
  red: { fill: "FFFFC7CE", font: "FF9C0006" },
  yellow: { fill: "FFFFEB9C", font: "FF9C5700" },
  grey: { fill: "FFEDEDED", font: "FF595959" },
  blue: { fill: "FFDDEBF7", font: "FF1F3864" },
}
const HEADER_FILL = "FFD9E1F2"

export const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  integer: "0",
  share: "0.0%",
  mean: "0.00",
  /** A mean as people read it in a summary: one decimal. */
  mean1: "0.0",
}

/** Points per line of 11-pt text: Excel's and LibreOffice's default row height. */
const LINE_HEIGHT = 15

/**
 * Lines a wrapped text takes in a column `width` characters wide (greedy word wrap). LibreOffice does not fit a
 * row's height to wrapped text when it opens the file (the headers overlapped in its PDF), so rows with wrapped
 * cells get their height from this.
 */
export function wrappedLines(text: string, width: number): number {
  const capacity = Math.max(1, Math.floor(width) - 1)
  let lines = 0
  for (const paragraph of text.split("\n")) {
    let used = 0
    lines++
    for (const word of paragraph.split(" ")) {
      const length = word.length
      if (used === 0) used = length
      else if (used + 1 + length <= capacity) used += 1 + length
      else {
        lines++
        used = length
      }
      // A word longer than the column breaks inside itself.
      while (used > capacity) {
        lines++
        used -= capacity
      }
    }
  }
  return lines
}

function fitRowHeight(row: ExcelJS.Row, texts: readonly { text: string; width: number }[]): void {
  const lines = Math.max(1, ...texts.map(({ text, width }) => wrappedLines(text, width)))
  if (lines > 1) row.height = lines * LINE_HEIGHT
}

function solid(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } }
}

function asCell(input: CellInput): TableCell {
  return input !== null && typeof input === "object" ? input : { value: input }
}

function writeValue(cell: ExcelJS.Cell, value: string | number | null): void {
  if (typeof value === "string") cell.value = value
  // NaN and ±Infinity are not numbers a reader can use: leave the cell empty.
  else if (typeof value === "number" && Number.isFinite(value)) cell.value = value
}

export function addTable(workbook: ExcelJS.Workbook, spec: TableSpec): ExcelJS.Worksheet {
  // Printed, a table is one page wide (landscape A4, as many pages down as it needs) with its header on every page.
  const sheet = workbook.addWorksheet(safeSheetName(spec.name), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  const highlighted = new Set(spec.highlightColumns ?? [])
  let row = 1

  spec.title.forEach((line, i) => {
    const cell = sheet.getCell(row++, 1)
    writeValue(cell, line)
    cell.font = i === 0 ? { bold: true, size: 13 } : { italic: true }
  })

  if (spec.columns.some((c) => c.note !== undefined)) {
    spec.columns.forEach((column, i) => {
      const cell = sheet.getCell(row, i + 1)
      writeValue(cell, column.note ?? null)
      cell.alignment = { horizontal: "center" }
      cell.font = { italic: true, size: 9 }
      if (highlighted.has(i)) cell.fill = solid(FILLS.blue.fill)
    })
    row++
  }

  const headerRow = row++
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`
  spec.columns.forEach((column, i) => {
    const cell = sheet.getCell(headerRow, i + 1)
    writeValue(cell, column.header)
    cell.font = { bold: true }
    cell.fill = solid(highlighted.has(i) ? FILLS.blue.fill : HEADER_FILL)
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" }
    const sheetColumn = sheet.getColumn(i + 1)
    sheetColumn.width = column.width
  })
  fitRowHeight(sheet.getRow(headerRow), spec.columns.map((column) => ({ text: column.header, width: column.width })))

  // The body's cells share one style object per look: exceljs renders a style to XML once per object, and a region's
  // tables are 60,000 cells of a dozen looks (a third of writing the municipal workbook). Never changed after.
  const looks = new Map<string, Partial<ExcelJS.Style>>()
  const lookOf = (column: TableColumn, input: TableCell): Partial<ExcelJS.Style> => {
    const numFmt = NUMBER_FORMATS[column.format]
    const key = `${numFmt ?? ""}|${column.wrap ? 1 : 0}|${input.fill ?? ""}|${input.bold ? 1 : 0}`
    let look = looks.get(key)
    if (!look) {
      look = {
        ...(numFmt ? { numFmt } : {}),
        // Top-aligned, so a row made taller by a wrapped text still reads across.
        alignment: column.wrap ? { wrapText: true, vertical: "top" } : { vertical: "top" },
        ...(input.fill
          ? { fill: solid(FILLS[input.fill].fill), font: { color: { argb: FILLS[input.fill].font }, bold: input.bold ?? false } }
          : input.bold
            ? { font: { bold: true } }
            : {}),
      }
      looks.set(key, look)
    }
    return look
  }
  for (const values of spec.rows) {
    spec.columns.forEach((column, i) => {
      const input = asCell(values[i] ?? null)
      const cell = sheet.getCell(row, i + 1)
      writeValue(cell, input.value)
      cell.style = lookOf(column, input)
    })
    const wrapped = spec.columns.flatMap((column, i) => {
      const value = asCell(values[i] ?? null).value
      return column.wrap && typeof value === "string" ? [{ text: value, width: column.width }] : []
    })
    fitRowHeight(sheet.getRow(row), wrapped)
    row++
  }

  const lastRow = Math.max(headerRow, row - 1)
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: spec.columns.length } }
  sheet.views = [{ state: "frozen", xSplit: spec.frozenColumns ?? 0, ySplit: headerRow, activeCell: `A${headerRow + 1}` }]

  if (spec.notes?.length) {
    row++
    for (const line of spec.notes) {
      const cell = sheet.getCell(row++, 1)
      writeValue(cell, line)
      cell.font = { italic: true, size: 9 }
    }
  }
  return sheet
}
