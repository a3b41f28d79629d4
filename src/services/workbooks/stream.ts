/**
 * One streaming pass over a workbook (exceljs WorkbookReader: constant memory, ~2 s for a 26,600-row
 * regional export). Each sheet's first rows are shown to a visitor that decides what the sheet is; the
 * visitor's sink then receives every row, the previewed ones included. Row and column limits are
 * enforced here because only the sheet XML knows them.
 */
import { Readable } from "node:stream"
import ExcelJS from "exceljs"
import { LimitExceeded } from "./guard.ts"
import type { WorkbookLimits } from "./guard.ts"
import { problem } from "./problem.ts"
import { withParseTempDir } from "./temp-files.ts"
import { holdUnzipEndUntilDrained } from "./unzip-end.ts"
import { decodeExcelTextAcrossChunks } from "./utf8-chunks.ts"

holdUnzipEndUntilDrained()
decodeExcelTextAcrossChunks()

/** One of a sheet's first rows, as exceljs gives its values (1-based). */
export interface PreviewRow {
  number: number
  values: readonly unknown[]
}

/** How many leading rows are searched for a header. */
export const PREVIEW_ROWS = 30

export interface RowSink {
  row(values: readonly unknown[], rowNumber: number): void
  end?(): void
  /**
   * True once the sink knows enough to decide the whole workbook (a refusal decided from a sheet's header): the pass
   * ends there, after this sheet's `end`, without reading the rest of the file.
   */
  done?(): boolean
}

/** Decide what to do with a sheet from its first rows; null skips the rest of the sheet. */
export type SheetVisitor = (sheet: string, preview: readonly PreviewRow[]) => RowSink | null

export interface StreamOptions {
  limits: Pick<WorkbookLimits, "maxRows" | "maxColumns">
  onProgress?: (rowsDone: number) => void
  previewRows?: number
}

const PROGRESS_EVERY = 1000

/** Metadata the streaming reader sets on each worksheet (not in exceljs's typings). */
interface StreamedSheet {
  id?: number | string
  name?: string
  [Symbol.asyncIterator](): AsyncGenerator<ExcelJS.Row>
}

/**
 * A row's values with every formula's cached result: exceljs's `row.values` drops a result that is falsy (a saved 0,
 * "" or false), which would read a calculated 0 as «saved without a value»; the cell itself keeps it.
 */
function withFalsyResults(row: ExcelJS.Row): unknown[] {
  const values = row.values as unknown[]
  for (let column = 1; column < values.length; column++) {
    const value = values[column]
    if (typeof value !== "object" || value === null || "result" in value || !("formula" in value || "sharedFormula" in value)) continue
    const result = row.getCell(column).result
    if (result !== undefined && result !== null) values[column] = { ...value, result }
  }
  return values
}

/**
 * exceljs reads a sheet at once when the shared strings and workbook relations are known, but it needs the
 * workbook part too (sheet names): in a zip whose `xl/workbook.xml` comes after the sheets — exceljs's own writer
 * orders entries as they finish, so this happens under load — it crashed with "reading 'sheets'". Hiding the
 * relations until the workbook part is read sends such sheets down exceljs's own buffering path instead.
 *
 * The relations are also where a sheet's name is found: exceljs matches a sheet part only to the target
 * `worksheets/sheetN.xml`, while openpyxl writes `/xl/worksheets/sheetN.xml` (the real 2021 regional exports among
 * them), so their sheets were called by their part number — «Sheet1» for «Sheet», «Sheet2» for «Протокол». The
 * targets are rewritten relative to `xl/` as they are set.
 */
function holdSheetsUntilWorkbookIsRead(reader: object): void {
  let relations: unknown
  Object.defineProperty(reader, "workbookRels", {
    configurable: true,
    get(this: { model?: unknown }) {
      return this.model ? relations : undefined
    },
    set(value: unknown) {
      relations = Array.isArray(value) ? value.map(relativeToXl) : value
    },
  })
}

/** A workbook relation with its target as a path relative to `xl/` («/xl/worksheets/sheet1.xml» → «worksheets/sheet1.xml»). */
function relativeToXl(relation: unknown): unknown {
  if (typeof relation !== "object" || relation === null) return relation
  const target = (relation as { Target?: unknown }).Target
  if (typeof target !== "string") return relation
  const resolved: string[] = []
  for (const piece of (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/")) {
    if (piece === "..") resolved.pop()
    else if (piece !== "." && piece !== "") resolved.push(piece)
  }
  const path = resolved.join("/")
  return { ...relation, Target: path.startsWith("xl/") ? path.slice(3) : `../${path}` }
}

/** Streams every sheet to `visit`; exceljs's temp files live only as long as this call (temp-files.ts). */
export function streamSheets(input: Buffer | string, visit: SheetVisitor, options: StreamOptions): Promise<void> {
  return withParseTempDir(() => streamEverySheet(input, visit, options))
}

async function streamEverySheet(input: Buffer | string, visit: SheetVisitor, options: StreamOptions): Promise<void> {
  const source = typeof input === "string" ? input : Readable.from([input])
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
  })
  holdSheetsUntilWorkbookIsRead(reader)
  const { maxRows, maxColumns } = options.limits
  const previewRows = options.previewRows ?? PREVIEW_ROWS
  let rowsDone = 0
  for await (const worksheet of reader as unknown as AsyncIterable<StreamedSheet>) {
    const sheet = worksheet.name ?? `Sheet${String(worksheet.id ?? "")}`
    const preview: PreviewRow[] = []
    let sink: RowSink | null | undefined
    const decide = (): void => {
      sink = visit(sheet, preview)
      if (!sink) return
      for (const row of preview) {
        sink.row(row.values, row.number)
        if (sink.done?.()) return
      }
    }
    for await (const row of worksheet) {
      const values = withFalsyResults(row)
      if (row.number > maxRows) {
        throw new LimitExceeded(problem("error", "file-too-many-rows", sheet, { rows: row.number, limit: maxRows }))
      }
      if (values.length - 1 > maxColumns) {
        throw new LimitExceeded(problem("error", "file-too-many-columns", sheet, { columns: values.length - 1, limit: maxColumns }))
      }
      if (++rowsDone % PROGRESS_EVERY === 0) options.onProgress?.(rowsDone)
      if (sink === undefined) {
        preview.push({ number: row.number, values })
        if (preview.length >= previewRows) decide()
      } else if (sink) {
        sink.row(values, row.number)
      }
      if (sink?.done?.()) break
    }
    if (sink === undefined) decide()
    sink?.end?.()
    if (sink?.done?.()) break
  }
  options.onProgress?.(rowsDone)
}
