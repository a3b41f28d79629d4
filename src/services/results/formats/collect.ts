/**
 * The streaming part of reading a result file: each sheet recognised from its first rows, its rows handed to the
 * matching reader (participant tables, «Классы», the template's meta sheet); other sheets are skipped.
 */
import { cellText } from "../../workbooks/cell-value.ts"
import { ownWork } from "../../workbooks/read.ts"
import type { RowSink, SheetVisitor } from "../../workbooks/stream.ts"
import type { SheetOutline } from "./detect.ts"
import { TableReader, type ReadContext, type SheetTable } from "./row-reader.ts"
import { recogniseSheet } from "./sheet-kinds.ts"

export interface Collected {
  sheets: SheetOutline[]
  tables: SheetTable[]
  metaRows: (readonly unknown[])[]
  classRows: number
  context: ReadContext
}

function guarded(sink: RowSink): RowSink {
  return {
    row: (values, rowNumber) => ownWork(() => sink.row(values, rowNumber)),
    end: () => ownWork(() => sink.end?.()),
  }
}

/** A sheet visitor that collects what the result sheets hold into `collected`. */
export function collectResultSheets(collected: Collected): SheetVisitor {
  return (sheet, preview) => {
    const plan = ownWork(() => recogniseSheet(preview))
    collected.sheets.push({ name: sheet, plan })
    if (plan.kind === "table") {
      const table: SheetTable = { sheet, table: plan.table, aggregated: plan.aggregated, columns: plan.columns, report: plan.report, order: null }
      collected.tables.push(table)
      const reader = new TableReader(table, collected.context)
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
  }
}
