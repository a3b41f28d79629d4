/**
 * The rows of an upload's pass, kept for the problems workbook (problems-xlsx.ts), so that the workbook sent back with
 * a doubtful file does not read the whole file a second time (issue 12: 3 s of a regional export's 9 s first step).
 *
 * Only sheets read to their end are kept (a sheet skipped after its preview, or cut short by a refusal decided from
 * its header, is not), and at most `limit` rows in all: a larger file keeps nothing, and its report reads the file
 * again as before. The rows are the arrays the pass made anyway; keeping them costs memory, not time.
 */
import type { RowSink, SheetVisitor } from "./stream.ts"

/**
 * Rows kept at most per pass: the 26,600-row 2021 regional export fits, holding ~21 MB (measured) until its upload
 * is stored or closed; the intake remembers at most 4 reads, so this bounds what they hold to ~130 MB.
 */
export const KEPT_ROWS_LIMIT = 40_000

export interface KeptRow {
  number: number
  values: readonly unknown[]
}

/** Every row of each sheet read whole, by sheet name. */
export type KeptSheets = ReadonlyMap<string, readonly KeptRow[]>

export interface RowKeeper {
  /** `visit` with every row it reads also kept. */
  visit: SheetVisitor
  /** The sheets read whole, or null once the limit was passed. */
  kept(): KeptSheets | null
}

export function keepRows(visit: SheetVisitor, limit = KEPT_ROWS_LIMIT): RowKeeper {
  const whole = new Map<string, KeptRow[]>()
  let count = 0
  let overflow = false
  return {
    visit(sheet, preview) {
      const sink = visit(sheet, preview)
      if (!sink || overflow) return sink
      const rows: KeptRow[] = []
      let cut = false
      const kept: RowSink = {
        row(values, number) {
          sink.row(values, number)
          if (overflow) return
          if (++count > limit) {
            overflow = true
            whole.clear()
            rows.length = 0
            return
          }
          rows.push({ number, values })
        },
        end() {
          sink.end?.()
          if (!overflow && !cut) whole.set(sheet, rows)
        },
      }
      if (sink.done) kept.done = () => (cut ||= sink.done!())
      return kept
    },
    kept: () => (overflow ? null : whole),
  }
}

/** True when every sheet a problem points at was kept whole. */
export function keptCovers(kept: KeptSheets | null, sheets: Iterable<string>): kept is KeptSheets {
  if (!kept) return false
  for (const sheet of sheets) if (!kept.has(sheet)) return false
  return true
}
