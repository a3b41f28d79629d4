/**
 * Refusals decided from a sheet's header, before its body (issue 9 #8, issue 17): the procedure comes from what the
 * file states, its name and its task header — none of them in the rows — so a file whose procedure cannot be told, or
 * (for a sender who cannot have a spec proposed) whose spec we lack, is answered after the header instead of after
 * all of a 199,000-row body. A few rows past the header are still read: the names check samples them (a file with
 * pupils' names must not be kept even when refused).
 */
import type { ProcedureSpec } from "../../../domain/results.ts"
import type { RowSink } from "../../workbooks/stream.ts"
import { headerTasksOf } from "./header-check.ts"
import { resolveProcedure, type StatedProcedure } from "./procedure.ts"
import type { SheetTable } from "./row-reader.ts"
import { readTemplateMeta } from "./template-meta.ts"
import type { ParseOptions } from "./types.ts"

/** Rows read past the header before a pass decided by the header ends: as many as the names check samples. */
export const HEADER_FIRST_ROWS = 200

/** What the file states inside about its procedure: our template's meta sheet, layout E's title. */
export function statedProcedure(table: SheetTable, metaRows: readonly (readonly unknown[])[]): StatedProcedure {
  if (table.table === "template") return readTemplateMeta(metaRows)
  if (table.table !== "individual-report") return {}
  const { year, subject, grade } = table.report ?? {}
  return { kind: "ВПР", ...(year !== undefined ? { year } : {}), ...(subject !== undefined ? { subject } : {}), ...(grade !== undefined ? { grade } : {}) }
}

/** Whether the first participant table's header alone settles that the file cannot be read on: no procedure, or no spec. */
export function settledByHeader(table: SheetTable, metaRows: readonly (readonly unknown[])[], options: ParseOptions, specs: readonly ProcedureSpec[]): boolean {
  if (!options.headerFirst) return false
  // Our template states its procedure on its meta sheet, which may come after the table.
  if (table.table === "template" && metaRows.length === 0) return false
  const resolution = resolveProcedure({
    fileStated: statedProcedure(table, metaRows),
    headerTasks: headerTasksOf(table),
    specs,
    ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
    ...(options.procedure !== undefined ? { given: options.procedure } : {}),
  })
  if (resolution.missing.length > 0) return true
  return !resolution.spec && options.headerFirst === "procedure-and-spec"
}

/** The sink of a table settled by its header: done after HEADER_FIRST_ROWS rows past the header. */
export function endingAfterSample(sink: RowSink, headerRow: number): RowSink {
  let rows = 0
  return {
    row: (values, number) => {
      if (number > headerRow) rows++
      sink.row(values, number)
    },
    end: () => sink.end?.(),
    done: () => rows >= HEADER_FIRST_ROWS,
  }
}
