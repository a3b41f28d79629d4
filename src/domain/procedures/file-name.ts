/**
 * What a file's name and folders say about the procedure. Layouts A–D do not carry subject and grade
 * inside the workbook (formats.md §1), so `Проведение работы по математике, 4 класс. ВПР 2021.xlsx`,
 * `2022/6/Русскому языку.xlsx` and `2020/4/Математика.xlsx` are the usual sources.
 */
import type { ProcedureKey, ProcedureKind } from "../results.ts"
import { normaliseSubject } from "./subjects.ts"

const YEAR_IN_TEXT = /(?:^|\D)(20\d{2})(?!\d)/u
const GRADE_BEFORE_WORD = /(?:^|\D)(\d{1,2})\s*-?\s*(?:й|го|ый)?\s*класс/iu
const GRADE_AFTER_WORD = /класс\s*(\d{1,2})(?!\d)/iu
const KINDS: readonly (readonly [RegExp, ProcedureKind])[] = [
  [/(?:^|[^а-я])впр(?:[^а-я]|$)/iu, "ВПР"],
  [/(?:^|[^а-я])кдр(?:[^а-я]|$)/iu, "КДР"],
  [/(?:^|[^а-я])огэ(?:[^а-я]|$)/iu, "ОГЭ"],
  [/(?:^|[^а-я])егэ(?:[^а-я]|$)/iu, "ЕГЭ"],
]

function isGrade(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 11
}

/** Every part of the procedure key the path reveals; parts it does not reveal are absent. */
export function procedureFromFileName(path: string): Partial<ProcedureKey> {
  const segments = path.split(/[\\/]+/u).filter((s) => s.length > 0)
  const base = (segments.pop() ?? "").replace(/\.(xlsx|xlsm|xls|csv)$/iu, "")
  const result: Partial<ProcedureKey> = {}

  const kind = KINDS.find(([pattern]) => pattern.test(base))
  if (kind) result.kind = kind[1]

  const subject = normaliseSubject(base)
  if (subject) result.subject = subject

  const yearInBase = YEAR_IN_TEXT.exec(base)?.[1]
  const yearFolder = [...segments].reverse().find((s) => /^20\d{2}$/u.test(s))
  const year = yearInBase ?? yearFolder
  if (year) result.year = Number(year)

  const gradeInBase = GRADE_BEFORE_WORD.exec(base)?.[1] ?? GRADE_AFTER_WORD.exec(base)?.[1]
  if (gradeInBase && isGrade(Number(gradeInBase))) {
    result.grade = Number(gradeInBase)
  } else {
    // `2022/6/Русскому языку.xlsx`: the nearest folder named by a grade number.
    const gradeFolder = [...segments].reverse().find((s) => /^\d{1,2}$/u.test(s) && isGrade(Number(s)))
    if (gradeFolder) result.grade = Number(gradeFolder)
  }
  return result
}
