/**
 * Why a row that looks like the header of a collection-form «Протокол» was not recognised (issue 11 #6): the cells
 * it could not match and what it expected there. Without this, a form with «Код участника» instead of «Код» and
 * «Задание 1» instead of «1 (1б)» is taken for an empty form.
 */
import { normaliseHeader, parseTaskHeader } from "../../../domain/task-header.ts"
import { cellText } from "../../workbooks/cell-value.ts"
import { cellRef } from "../../workbooks/problem.ts"

/** One header cell not matched: where, what it says, and what a protocol header has there. */
export interface UnmatchedHeaderCell {
  cell: string
  text: string
  expected: "code" | "task"
}

/** A header row of a participant table that fell short; `missing` names the headers absent altogether. */
export interface HeaderNearMiss {
  row: number
  unmatched: UnmatchedHeaderCell[]
  missing: ("code" | "variant" | "tasks")[]
}

/** «Код участника», «Код ученика», «Код работы»: the participant's code under a longer name (not «Код региона» and the like). */
const CODE_LIKE = /^код\s+(?:участник|ученик|учащ|обучающ|школьник|работ)/u
const EXPORT_CODES = new Set(["код обучающегося", "код участника"])
/** «Задание 1», «Зад. 2», «№ 3», «Вопрос 4», «1 задание», or a bare task number without its maximum. */
const TASK_LIKE = /^(?:(?:задани[еяй]|задача|зад\.?|вопрос|№)\s*№?\s*\d{1,2}(?:[.,]\d{1,2})?|\d{1,2}(?:[.,]\d{1,2})?\s*(?:задани[еяй])?|\d{1,2}(?:[.,]\d{1,2})?\s*\(\s*\d{1,2}\s*\))$/u

/**
 * The near miss in one row, or null when the row does not look like a participant header at all: it must have a
 * code-like or «Вариант» cell and some task-like cells, and still fail to be a protocol header.
 */
export function diagnoseHeaderRow(values: readonly unknown[], rowNumber: number): HeaderNearMiss | null {
  const unmatched: UnmatchedHeaderCell[] = []
  let code = false
  let codeLike = false
  let variant = false
  let tasks = 0
  for (let column = 1; column < values.length; column++) {
    const raw = cellText(values[column])
    const text = normaliseHeader(raw)
    if (text === "") continue
    if (text === "код") code = true
    else if (text.startsWith("вариант")) variant = true
    else if (parseTaskHeader(raw)) tasks++
    else if (CODE_LIKE.test(text)) {
      codeLike = true
      unmatched.push({ cell: cellRef(column, rowNumber), text: raw.trim(), expected: "code" })
    } else if (TASK_LIKE.test(text)) unmatched.push({ cell: cellRef(column, rowNumber), text: raw.trim(), expected: "task" })
  }
  const taskLike = unmatched.filter((cell) => cell.expected === "task").length
  if (!(code || codeLike || variant) || taskLike + tasks === 0 || unmatched.length === 0) return null
  // The individual report («Код участника» with «Первичный балл») and the exports are recognised elsewhere.
  if (unmatched.every((cell) => cell.expected === "code" && EXPORT_CODES.has(normaliseHeader(cell.text))) && tasks === 0) return null
  const missing: HeaderNearMiss["missing"] = []
  if (!code && !codeLike) missing.push("code")
  if (!variant) missing.push("variant")
  if (tasks + taskLike === 0) missing.push("tasks")
  return { row: rowNumber, unmatched, missing }
}
