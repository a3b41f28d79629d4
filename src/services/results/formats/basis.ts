/**
 * What a result file says about its own test when we hold no spec for it (issue 17): per task column its label, the
 * maximum its header writes, the scores seen; and the totals per recorded mark. specs/propose.ts makes a spec of it.
 */
import type { MarkTotals, SpecBasis, TaskEvidence } from "../../specs/propose.ts"
import { VARIANT_ABSENT } from "../validation/tokens.ts"
import type { RawRow, SheetTable } from "./row-reader.ts"

export function specBasisOf(tables: readonly SheetTable[], rows: readonly RawRow[]): SpecBasis | null {
  const first = tables[0]
  if (!first || first.columns.tasks.length === 0) return null
  const positional = first.table === "export-2021" || first.table === "export-2020"
  const shape = (table: SheetTable): string => table.columns.tasks.map((task) => (positional ? "" : task.label)).join("|")
  // Rows of the tables laid out like the first one: a column means the same task in all of them.
  const alike = new Set(tables.filter((table) => shape(table) === shape(first)))
  const tasks: TaskEvidence[] = first.columns.tasks.map((task, index) => ({
    label: task.label ?? String(index + 1),
    headerMax: task.max,
    seenMax: null,
    scored: 0,
    atSeenMax: 0,
  }))
  const marks: MarkTotals = {}
  let present = 0
  for (const row of rows) {
    if (!alike.has(row.table) || row.variant === VARIANT_ABSENT) continue
    let total = 0
    let any = false
    row.cells.forEach((cell, index) => {
      const task = tasks[index]
      if (!task || cell < 0) return
      any = true
      total += cell
      task.scored++
      if (task.seenMax === null || cell > task.seenMax) {
        task.seenMax = cell
        task.atSeenMax = 1
      } else if (cell === task.seenMax) task.atSeenMax++
    })
    if (!any) continue
    present++
    const mark = row.recordedMark
    if (mark === null || mark < 2 || mark > 5) continue
    const key = String(mark) as keyof MarkTotals
    const recorded = row.recordedTotal ?? total
    const seen = (marks[key] ??= { min: recorded, max: recorded, count: 0 })
    seen.min = Math.min(seen.min, recorded)
    seen.max = Math.max(seen.max, recorded)
    seen.count++
  }
  return { tasks, positional, present, marks }
}
