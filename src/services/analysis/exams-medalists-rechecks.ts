/**
 * The outside data of one procedure's analysis (signs S8, S9, S10), read from what coordinators loaded with the
 * outside-data workbook (services/exams-medalists-rechecks), with a hash so a stored run is not reused once that data changed.
 *
 * Choices (objectivity.md leaves them open):
 * - S8 compares with the exam the pupils write next: ОГЭ for grades ≤ 9, ЕГЭ for 10–11; when the preferred exam
 *   has no data for the subject, the other one. Its year: the procedure's own, else the nearest earlier year held
 *   (one year for all schools, so every school is ranked on the same exam). ОГЭ/ЕГЭ procedures get no S8 data.
 * - S9 takes each school's medalists of the procedure's year, else of the nearest earlier year that school has:
 *   schools and municipalities load them at different times, and the index is about the school's own practice.
 * - S10 takes the works re-checked in this very procedure.
 */
import type { PrismaClient } from "../../db/client.ts"
import type { ProcedureKey } from "../../domain/results.ts"
import type { ExamKind } from "../exams-medalists-rechecks/layout.ts"
import { procedureId } from "../results/procedure-key.ts"
import { canonicalHash } from "./canonical-hash.ts"
import type { AnalysisExtras, MedalistScores, RecheckedWork } from "./signs/common/types.ts"

export type OutsideExtras = Pick<AnalysisExtras, "exams" | "medalists" | "rechecks">

/** The exams S8 tries for a grade, preferred first. */
export function examPreference(grade: number): ExamKind[] {
  return grade <= 9 ? ["ОГЭ", "ЕГЭ"] : ["ЕГЭ", "ОГЭ"]
}

/**
 * Everything held for the procedure, whichever schools wrote it: the signs look up the schools they analyse, so the
 * call needs nothing but the procedure and can sit anywhere before the reuse check.
 */
export async function outsideExtras(prisma: PrismaClient, key: ProcedureKey): Promise<{ extras: OutsideExtras; hash: string | null }> {
  const extras: OutsideExtras = {}
  const exams = key.kind === "ОГЭ" || key.kind === "ЕГЭ" ? undefined : await examsFor(prisma, key)
  if (exams) extras.exams = exams

  const medalistRows = await prisma.medalist.findMany({
    where: { year: { lte: key.year } },
    select: { year: true, russian: true, mathematics: true, school: { select: { key: true } } },
    orderBy: { id: "asc" },
  })
  const latestYear = new Map<string, number>()
  for (const row of medalistRows) latestYear.set(row.school.key, Math.max(latestYear.get(row.school.key) ?? 0, row.year))
  const medalists: Record<string, MedalistScores[]> = {}
  for (const row of medalistRows) {
    if (row.year !== latestYear.get(row.school.key)) continue
    ;(medalists[row.school.key] ??= []).push({ russian: row.russian, mathematics: row.mathematics })
  }
  if (medalistRows.length > 0) extras.medalists = medalists

  const recheckRows = await prisma.recheckedWork.findMany({
    where: { procedure: procedureId(key) },
    select: { originalScore: true, recheckedScore: true, school: { select: { key: true } } },
    orderBy: { id: "asc" },
  })
  const rechecks: Record<string, RecheckedWork[]> = {}
  for (const row of recheckRows) (rechecks[row.school.key] ??= []).push({ originalScore: row.originalScore, recheckedScore: row.recheckedScore })
  if (recheckRows.length > 0) extras.rechecks = rechecks

  return { extras, hash: Object.keys(extras).length === 0 ? null : canonicalHash(extras) }
}

async function examsFor(prisma: PrismaClient, key: ProcedureKey): Promise<AnalysisExtras["exams"]> {
  for (const kind of examPreference(key.grade)) {
    const latest = await prisma.examResult.findFirst({
      where: { kind, subject: key.subject, year: { lte: key.year } },
      orderBy: { year: "desc" },
      select: { year: true },
    })
    if (!latest) continue
    const rows = await prisma.examResult.findMany({
      where: { kind, subject: key.subject, year: latest.year },
      select: { mean: true, school: { select: { key: true } } },
    })
    const meanBySchool = Object.fromEntries(rows.map((row) => [row.school.key, row.mean]).sort(([a], [b]) => String(a).localeCompare(String(b))))
    return { kind, year: latest.year, subject: key.subject, meanBySchool }
  }
  return undefined
}
