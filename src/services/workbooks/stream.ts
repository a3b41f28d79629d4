/**
 * One streaming pass over a workbook: each sheet's XML is inflated a megabyte at a time and its rows handed on as they
 * complete (sheet-rows.ts), so memory stays at a chunk and a row however large the sheet. Each sheet's first rows are
 * shown to a visitor that decides what the sheet is; the visitor's sink then receives every row, the previewed ones
 * included. Row and column limits are enforced here because only the sheet XML knows them.
 *
 * exceljs's streaming reader did this job until it proved the slowest step of a coordinator's wait: 2.5 s of event-per-
 * tag XML parsing for the 26,600-row regional export, where this reader takes about a third of a second (`npm run bench -- wait`).
 */
import { readFile } from "node:fs/promises"
import { DEFAULT_LIMITS, LimitExceeded } from "./guard.ts"
import type { WorkbookLimits } from "./guard.ts"
import { problem } from "./problem.ts"
import { SheetRows } from "./sheet-rows.ts"
import { workbookParts } from "./workbook-parts.ts"
import { XmlDecoder } from "./xml-decoder.ts"
import { partChunks, zipParts } from "./zip-parts.ts"

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
  /** Rows and columns per sheet; inflation caps as given, else the defaults (zip-parts.ts). */
  limits: Pick<WorkbookLimits, "maxRows" | "maxColumns"> & Partial<Pick<WorkbookLimits, "maxUncompressedBytes" | "maxRatio">>
  onProgress?: (rowsDone: number) => void
  previewRows?: number
}

const PROGRESS_EVERY = 1000

/** Streams every sheet to `visit`, in the order of the workbook's tabs. */
export async function streamSheets(input: Buffer | string, visit: SheetVisitor, options: StreamOptions): Promise<void> {
  const parts = zipParts(typeof input === "string" ? await readFile(input) : input, { ...DEFAULT_LIMITS, ...options.limits })
  const { sheets, sharedStrings } = workbookParts(parts)
  const { maxRows, maxColumns } = options.limits
  const previewRows = options.previewRows ?? PREVIEW_ROWS
  let rowsDone = 0
  for (const { name: sheet, part } of sheets) {
    const preview: PreviewRow[] = []
    let sink: RowSink | null | undefined
    let done = false
    const decide = (): void => {
      sink = visit(sheet, preview)
      if (!sink) return
      for (const row of preview) {
        sink.row(row.values, row.number)
        if (sink.done?.()) return
      }
    }
    const reader = new SheetRows(sharedStrings, (values, number, width) => {
      if (done) return
      if (number > maxRows) throw new LimitExceeded(problem("error", "file-too-many-rows", sheet, { rows: number, limit: maxRows }))
      if (width > maxColumns) throw new LimitExceeded(problem("error", "file-too-many-columns", sheet, { columns: width, limit: maxColumns }))
      if (++rowsDone % PROGRESS_EVERY === 0) options.onProgress?.(rowsDone)
      if (sink === undefined) {
        preview.push({ number, values })
        if (preview.length >= previewRows) decide()
      } else if (sink) {
        sink.row(values, number)
      }
      if (sink?.done?.()) done = true
    })
    const text = new XmlDecoder()
    for await (const chunk of partChunks(part)) {
      reader.feed(text.write(chunk))
      if (done) break
    }
    if (!done) reader.end(text.end())
    if (sink === undefined) decide()
    sink?.end?.()
    if (sink?.done?.()) break
  }
  options.onProgress?.(rowsDone)
}
