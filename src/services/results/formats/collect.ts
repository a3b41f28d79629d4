/**
 * The streaming pass of parseResults: recognise each sheet from its first rows and hand its rows to the
 * matching reader (participant tables, «Классы», the template's meta sheet); other sheets are skipped.
 */
import { cellText } from "./cell-value.ts"
import type { SheetOutline } from "./detect.ts"
import { TableReader, type ReadContext, type SheetTable } from "./row-reader.ts"
import { recogniseSheet, type PreviewRow } from "./sheet-kinds.ts"
import { streamSheets, type RowSink } from "./stream.ts"
import type { ParseOptions } from "./types.ts"
import { resolveLimits } from "../workbook-guard.ts"

/** An error raised by our own row handling: a bug to surface, not a damaged file. */
export class SinkFailure extends Error {
  constructor(readonly original: unknown) {
    super("row handling failed")
  }
}

function guarded(sink: RowSink): RowSink {
  return {
    row(values, rowNumber) {
      try {
        sink.row(values, rowNumber)
      } catch (error) {
        throw new SinkFailure(error)
      }
    },
    end() {
      try {
        sink.end?.()
      } catch (error) {
        throw new SinkFailure(error)
      }
    },
  }
}

export interface Collected {
  sheets: SheetOutline[]
  tables: SheetTable[]
  metaRows: (readonly unknown[])[]
  classRows: number
  context: ReadContext
}

export async function collect(buffer: Buffer, options: ParseOptions, context: ReadContext): Promise<Collected> {
  const collected: Collected = { sheets: [], tables: [], metaRows: [], classRows: 0, context }
  const limits = resolveLimits(options.limits)
  const streamOptions = options.onProgress ? { limits, onProgress: options.onProgress } : { limits }
  await streamSheets(buffer, (sheet, preview) => {
    const plan = recogniseSheetSafely(preview)
    collected.sheets.push({ name: sheet, plan })
    if (plan.kind === "table") {
      const table: SheetTable = { sheet, table: plan.table, aggregated: plan.aggregated, columns: plan.columns, report: plan.report, order: null }
      collected.tables.push(table)
      const reader = new TableReader(table, context)
      const headerRow = plan.columns.headerRow
      return guarded({ row: (values, number) => number > headerRow && reader.read(values, number), end: () => reader.finish() })
    }
    if (plan.kind === "classes") {
      return guarded({
        row: (values, number) => {
          if (number > plan.headerRow && values.some((value) => cellText(value) !== "")) collected.classRows++
        },
      })
    }
    if (plan.kind === "template-meta") return guarded({ row: (values) => collected.metaRows.push(values) })
    return null
  }, streamOptions)
  return collected
}

function recogniseSheetSafely(preview: readonly PreviewRow[]) {
  try {
    return recogniseSheet(preview)
  } catch (error) {
    throw new SinkFailure(error)
  }
}
