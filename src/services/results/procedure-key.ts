import type { ProcedureKey, ProcedureKind } from "../../domain/results.ts"

/** The procedure as one string (`ВПР|2021|Математика|4`): a denormalised key for result sets and analysis runs. */
export function procedureId(key: ProcedureKey): string {
  return `${key.kind}|${key.year}|${key.subject}|${key.grade}`
}

export function parseProcedureId(id: string): ProcedureKey {
  const [kind, year, subject, grade] = id.split("|")
  if (!kind || !year || !subject || !grade) throw new Error(`Not a procedure id: ${id}`)
  return { kind: kind as ProcedureKind, year: Number(year), subject, grade: Number(grade) }
}
