/**
 * `allowInvalidRows: "exclude"`: the rows with row errors are left out of the import, listed, and their
 * problems become warnings (the sender confirms them like any warning). File-level errors stay errors.
 */
import type { ExcludedRow } from "../formats/types.ts"
import { isRowError, problem, type Problem } from "../../workbooks/problem.ts"
import type { CheckedRow } from "./rows.ts"

export interface Exclusion {
  participants: CheckedRow[]
  excluded: ExcludedRow[]
  problems: Problem[]
}

export function excludeInvalidRows(participants: readonly CheckedRow[], problems: readonly Problem[]): Exclusion {
  const kept: CheckedRow[] = []
  const excluded: ExcludedRow[] = []
  const notes: Problem[] = []
  for (const checked of participants) {
    const { row } = checked
    if (!row.invalid) {
      kept.push(checked)
      continue
    }
    excluded.push({ sheet: row.table.sheet, row: row.row, schoolKey: row.schoolKey, code: row.code })
    const at = { column: row.table.columns.fields.code ?? 1, row: row.row }
    notes.push(problem("warning", "row-excluded", row.table.sheet, { code: row.code }, at))
  }
  const downgraded = problems.map((found) => (found.severity === "error" && isRowError(found.code) ? { ...found, severity: "warning" as const } : found))
  return { participants: kept, excluded, problems: [...downgraded, ...notes] }
}
