import { refusedWholeWorkbook } from "./whole-workbook.ts"

/**
 * A problem found in a workbook or a JSON document that a coordinator or an admin sent: where it is (sheet and cell,
 * or a JSON path) and what is wrong, as a message id of the feature's locale file with its parameters.
 */
export interface LocatedProblem {
  sheet?: string
  cell?: string
  path?: string
  message: string
  params?: Record<string, string | number>
}

type Translate = (key: string, params?: Record<string, string | number>) => string

/** «Лист «Расписание», ячейка D5: …» — one line per problem. */
export function describeLocated(t: Translate, problem: LocatedProblem): string {
  const text = t(problem.message, problem.params ?? {})
  if (problem.sheet && problem.cell) return t("sheet-problem-cell", { sheet: problem.sheet, cell: problem.cell, text })
  if (problem.sheet) return t("sheet-problem-sheet", { sheet: problem.sheet, text })
  if (problem.path) return t("sheet-problem-path", { path: problem.path, text })
  return text
}

/** A file refused before it is read whole (too big, not an XLSX, a zip bomb), in the results intake's words. */
export async function guardProblem(bytes: Buffer): Promise<LocatedProblem | null> {
  const refused = await refusedWholeWorkbook(bytes)
  return refused ? { message: `intake-problem-${refused.code}`, params: refused.params } : null
}
