/**
 * Cross-check a table's task columns against the spec: labels and maxima for the labelled layouts
 * (A, B, E, T), the number of positional columns for the exports (C, D). A mismatch is an error per
 * difference; when the columns fit another known test, say which.
 */
import { compareTaskHeaders, specMatchingHeaders } from "../../../domain/procedures/index.ts"
import type { ProcedureSpec } from "../../../domain/results.ts"
import type { TaskHeader } from "../../../domain/task-header.ts"
import { problem, type Problem } from "../../workbooks/problem.ts"
import type { SheetTable } from "./row-reader.ts"

/** Task columns of a labelled table as (label, max); empty for positional tables. */
export function headerTasksOf(table: SheetTable): TaskHeader[] {
  const tasks: TaskHeader[] = []
  for (const task of table.columns.tasks) {
    if (task.label !== null && task.max !== null) tasks.push({ label: task.label, max: task.max })
  }
  return tasks
}

/** Check every table; sets `table.order` where the columns fit the spec. */
export function checkHeaders(tables: readonly SheetTable[], spec: ProcedureSpec, specs: readonly ProcedureSpec[]): Problem[] {
  const problems: Problem[] = []
  for (const table of tables) problems.push(...checkTable(table, spec, specs))
  return problems
}

function checkTable(table: SheetTable, spec: ProcedureSpec, specs: readonly ProcedureSpec[]): Problem[] {
  const { sheet, columns } = table
  const row = columns.headerRow
  const firstTask = columns.tasks[0]?.column ?? 1
  const positional = table.table === "export-2021" || table.table === "export-2020"

  if (positional) {
    if (columns.tasks.length === spec.tasks.length) {
      table.order = spec.tasks.map((_, index) => index)
      return []
    }
    table.order = null
    const params = { found: columns.tasks.length, expected: spec.tasks.length }
    return [problem("error", "header-task-count", sheet, params, { column: firstTask, row })]
  }

  const found = headerTasksOf(table)
  const differences = compareTaskHeaders(found, spec)
  table.order = differences.order
  if (differences.order) return []

  const problems: Problem[] = []
  const columnOf = (index: number): number => columns.tasks[index]?.column ?? firstTask
  for (const task of differences.missing) {
    problems.push(problem("error", "header-task-missing", sheet, { task: task.label, max: task.max }, { column: firstTask, row }))
  }
  for (const extra of differences.extra) {
    const header = columns.tasks[extra.index]?.header ?? extra.label
    problems.push(problem("error", "header-task-extra", sheet, { header }, { column: columnOf(extra.index), row }))
  }
  for (const differs of differences.maxDiffers) {
    const params = { task: differs.label, found: differs.found, expected: differs.expected }
    problems.push(problem("error", "header-task-max", sheet, params, { column: columnOf(differs.index), row }))
  }
  for (const duplicate of differences.duplicates) {
    problems.push(problem("error", "header-task-duplicate", sheet, { task: duplicate.label }, { column: columnOf(duplicate.index), row }))
  }
  const other = specMatchingHeaders(found, undefined, specs).find((s) => s.subject !== spec.subject || s.grade !== spec.grade)
  if (other) {
    const params = { subject: other.subject, grade: other.grade, year: String(other.year) }
    problems.push(problem("warning", "header-suggests-procedure", sheet, params, { column: firstTask, row }))
  }
  return problems
}
