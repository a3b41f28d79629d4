import { normaliseSubject } from "../../domain/procedures/subjects.ts"
import { PROCEDURE_KINDS, type ProcedureKey, type ProcedureKind } from "../../domain/results.ts"

/** The procedure as one string (`ВПР|2021|Математика|4`): a denormalised key for result sets and analysis runs. */
export function procedureId(key: ProcedureKey): string {
  return `${key.kind}|${key.year}|${key.subject}|${key.grade}`
}

export function parseProcedureId(id: string): ProcedureKey {
  const [kind, year, subject, grade] = id.split("|")
  if (!kind || !year || !subject || !grade) throw new Error(`Not a procedure id: ${id}`)
  return { kind: kind as ProcedureKind, year: Number(year), subject, grade: Number(grade) }
}

/**
 * The procedure as people type it, `ВПР/2021/Математика/4` (spaces around the slashes allowed; the command line
 * and the outside-data workbook take this form) → the procedure; null when it is not one.
 */
export function parseProcedureText(text: string): ProcedureKey | null {
  const parts = text.split("/").map((part) => part.trim())
  if (parts.length !== 4) return null
  const [kindText, yearText, subjectText, gradeText] = parts as [string, string, string, string]
  const kind = PROCEDURE_KINDS.find((candidate) => candidate === kindText.toUpperCase())
  const subject = normaliseSubject(subjectText)
  if (!kind || !subject || !/^\d{4}$/u.test(yearText) || !/^\d{1,2}$/u.test(gradeText)) return null
  const grade = Number(gradeText)
  if (grade < 1 || grade > 11) return null
  return { kind, year: Number(yearText), subject, grade }
}
