/**
 * The problem report sent back with a refused or doubtful file: a summary sheet saying each pattern once
 * (problem-patterns-sheet.ts), a sheet listing every problem with its school, and the sheets that have problems, copied
 * with the problem cells filled (red: error, yellow: warning) and a note giving the reason. Rows keep their original numbers so that cell references match the user's file.
 * Sheets longer than `fullCopyRows` keep only the problem rows with a little context (a 26,000-row export
 * has a few hundred problem rows).
 *
 * Text from the user's file is never written as something a spreadsheet could execute: a string starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is written as a string cell in the «Text» format (new-workbook.ts).
 * Names are never copied: the cells under a header flagged as a names column are left empty.
 */
import { plainValue } from "./cell-value.ts"
import { streamSheets } from "./stream.ts"
import { DEFAULT_LIMITS, guardWorkbook } from "./guard.ts"
import { describeProblem, type Problem, type Translate } from "./problem.ts"
import { addPatternSheet } from "./problem-patterns-sheet.ts"
import { ERROR_FILL, fitRowHeight, LIST_PAGE, schoolLabel, severityKey, WARNING_FILL } from "./problem-list-style.ts"
import { newWorkbook, workbookBytes } from "./new-workbook.ts"
import { keptCovers, type KeptSheets } from "./kept-rows.ts"

export interface ReportOptions {
  /** Sheets up to this many rows are copied whole (default 5000). */
  fullCopyRows?: number
  /** Rows of context around each problem row in longer sheets (default 2). */
  contextRows?: number
  /** Leading rows always kept (header and title block; default 3). */
  headRows?: number
}

/**
 * A value safe to write: a formula's cached result, never the formula; strings that a spreadsheet would read as a
 * formula stay text by their cell format (new-workbook.ts).
 */
export function safeCellValue(value: unknown): string | number | boolean | null {
  return plainValue(value)
}

interface CopiedRow {
  number: number
  values: (string | number | boolean | null)[]
}

interface SheetCopy {
  name: string
  rows: CopiedRow[]
  sparse: boolean
}

/** Columns (below their header row) whose names must not be copied, by sheet. */
function namesColumns(problems: readonly Problem[]): Map<string, { column: number; headerRow: number }[]> {
  const columns = new Map<string, { column: number; headerRow: number }[]>()
  for (const found of problems) {
    if ((found.code !== "names-column" && found.code !== "names-instead-of-codes") || !found.cell || found.row === undefined) continue
    const letters = /^[A-Z]+/u.exec(found.cell)?.[0] ?? ""
    const column = [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0)
    const list = columns.get(found.sheet) ?? []
    list.push({ column, headerRow: found.row })
    columns.set(found.sheet, list)
  }
  return columns
}

/** A participant code stays; anything else in a names column goes. */
function scrub(values: CopiedRow["values"], number: number, columns: readonly { column: number; headerRow: number }[]): void {
  for (const { column, headerRow } of columns) {
    const value = values[column]
    if (number > headerRow && value !== undefined && !/^\d+$/u.test(String(value))) values[column] = null
  }
}

/** Which rows of each sheet a problem points at. */
function problemRows(problems: readonly Problem[]): Map<string, Set<number>> {
  const rows = new Map<string, Set<number>>()
  for (const found of problems) {
    if (found.sheet === "" || found.row === undefined) continue
    let set = rows.get(found.sheet)
    if (!set) rows.set(found.sheet, (set = new Set()))
    set.add(found.row)
  }
  return rows
}

/** The sheets the report copies rows of: those a problem of a row points at. */
export function problemSheets(problems: readonly Problem[]): string[] {
  return [...problemRows(problems).keys()]
}

function near(row: number, rows: ReadonlySet<number>, context: number): boolean {
  for (let at = row - context; at <= row + context; at++) if (rows.has(at)) return true
  return false
}

/** Feeds every row of the sheets `visit` wants: from the original's bytes, or from the rows its pass kept (kept-rows.ts). */
type RowSource = (visit: (sheet: string) => ((values: readonly unknown[], number: number) => void) | null) => Promise<void>

function fromBytes(original: Buffer): RowSource {
  return (visit) => streamSheets(original, (sheet) => {
    const row = visit(sheet)
    return row ? { row } : null
  }, { limits: DEFAULT_LIMITS, previewRows: 1 })
}

function fromKept(kept: KeptSheets): RowSource {
  return async (visit) => {
    for (const [sheet, rows] of kept) {
      const row = visit(sheet)
      if (row) for (const { values, number } of rows) row(values, number)
    }
  }
}

/** Where the copied rows come from; null when there is nothing safe to copy from. */
function rowSource(original: Buffer | KeptSheets, sheets: Iterable<string>): RowSource | null {
  // A file the guard refuses is never unpacked: the report then lists the problems only.
  if (Buffer.isBuffer(original)) return guardWorkbook(original) === null ? fromBytes(original) : null
  return keptCovers(original, sheets) ? fromKept(original) : null
}

async function copySheets(
  source: RowSource, wanted: Map<string, Set<number>>, names: Map<string, { column: number; headerRow: number }[]>, options: Required<ReportOptions>,
): Promise<SheetCopy[]> {
  const copies: SheetCopy[] = []
  await source((sheet) => {
    const rows = wanted.get(sheet)
    if (!rows) return null
    const copy: SheetCopy = { name: sheet, rows: [], sparse: false }
    copies.push(copy)
    const keep = (number: number): boolean => number <= options.headRows || near(number, rows, options.contextRows)
    return (values, number) => {
      if (!copy.sparse && copy.rows.length >= options.fullCopyRows) {
        // Too long to copy whole: from now on only problem rows and their context.
        copy.sparse = true
        copy.rows = copy.rows.filter((row) => keep(row.number))
      }
      if (copy.sparse && !keep(number)) return
      const copied = values.map(safeCellValue)
      scrub(copied, number, names.get(sheet) ?? [])
      copy.rows.push({ number, values: copied })
    }
  })
  return copies
}

function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name
  for (let n = 2; ; n++) {
    const candidate = `${name.slice(0, 26)} (${n})`
    if (!taken.has(candidate)) return candidate
  }
}

/**
 * `original` is the file's bytes, or the rows its pass kept when they hold every sheet a problem points at (the
 * file is then not read again).
 */
export async function buildProblemReport(
  original: Buffer | KeptSheets,
  problems: readonly Problem[],
  translate: Translate,
  options: ReportOptions = {},
): Promise<Buffer> {
  const settings: Required<ReportOptions> = { fullCopyRows: 5000, contextRows: 2, headRows: 3, ...options }
  const wanted = problemRows(problems)
  let copies: SheetCopy[] = []
  try {
    const source = wanted.size > 0 ? rowSource(original, wanted.keys()) : null
    copies = source ? await copySheets(source, wanted, namesColumns(problems), settings) : []
  } catch {
    copies = [] // an unreadable original still gets the list of problems
  }

  const workbook = newWorkbook()
  const taken = new Set(copies.map((copy) => copy.name))
  addPatternSheet(workbook, uniqueName(translate("intake-report-groups-sheet"), taken), problems, translate)
  const listName = uniqueName(translate("intake-report-sheet"), taken)
  const list = workbook.addWorksheet(listName, { views: [{ state: "frozen", ySplit: 1 }], pageSetup: LIST_PAGE })
  list.columns = [{ width: 16 }, { width: 10 }, { width: 16 }, { width: 80 }, { width: 36 }]
  const header = list.addRow([
    translate("intake-report-col-sheet"), translate("intake-report-col-cell"),
    translate("intake-report-col-severity"), translate("intake-report-col-text"), translate("intake-report-col-school"),
  ])
  header.font = { bold: true }
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 5 } }
  const notes = new Map<string, { texts: string[]; error: boolean }>()
  for (const found of problems) {
    const text = describeProblem(found, translate)
    const severity = translate(severityKey(found))
    const sheet = found.sheet === "" ? translate("intake-report-whole-file") : found.sheet
    const row = list.addRow([safeCellValue(sheet), found.cell ?? "", severity, safeCellValue(text), safeCellValue(schoolLabel(found))])
    for (let column = 1; column <= 5; column++) row.getCell(column).alignment = { wrapText: true, vertical: "top" }
    fitRowHeight(row, [[text, 80], [schoolLabel(found), 36]])
    row.getCell(3).fill = found.severity === "error" ? ERROR_FILL : WARNING_FILL
    if (found.cell && found.sheet !== "") {
      const key = `${found.sheet}\u0000${found.cell}`
      const note = notes.get(key) ?? { texts: [], error: false }
      note.texts.push(text)
      note.error ||= found.severity === "error"
      notes.set(key, note)
    }
  }

  for (const copy of copies) {
    // Printed like the lists: landscape, one page wide (a form's 30-odd task columns ran over many portrait pages).
    const sheet = workbook.addWorksheet(copy.name, { pageSetup: LIST_PAGE })
    for (const { number, values } of copy.rows) {
      const row = sheet.getRow(number)
      values.forEach((value, column) => {
        if (column > 0 && value !== null) row.getCell(column).value = value
      })
    }
    for (const [key, note] of notes) {
      const [sheetName, address] = key.split("\u0000") as [string, string]
      if (sheetName !== copy.name) continue
      const cell = sheet.getCell(address)
      cell.fill = note.error ? ERROR_FILL : WARNING_FILL
      cell.note = note.texts.join("\n")
    }
  }
  return await workbookBytes(workbook)
}
