/**
 * Conversion scales FIOKO published for ВПР 2021 (formats.md §8.1): the maximum primary score and the lowest total
 * of «3», «4» and «5». Grades 4–8 from the official descriptions, grades 10–11 from third-party code using the same
 * figures [secondary]. Structures and scales changed from 2025, so a scale is found only for its own year: a 2021
 * scale is never lent to another year.
 */
import type { MarkScale, ProcedureKey } from "../results.ts"
import { normaliseSubject } from "./subjects.ts"

export interface PublishedScale {
  maxTotal: number
  scale: MarkScale
}

/** [grades, subjects, max, «3» from, «4» from, «5» from] — one row of the §8.1 table. */
type Row = readonly [grades: readonly number[], subjects: readonly string[], max: number, three: number, four: number, five: number]

const ROWS_2021: readonly Row[] = [
  [[4], ["Русский язык"], 38, 14, 24, 33],
  [[4], ["Математика"], 20, 6, 10, 15],
  [[4], ["Окружающий мир"], 32, 8, 18, 27],
  [[5], ["Русский язык"], 45, 18, 29, 39],
  [[5], ["Математика"], 20, 7, 11, 15],
  [[5], ["История"], 15, 4, 8, 12],
  [[5], ["Биология"], 29, 12, 18, 24],
  [[6], ["Русский язык"], 51, 25, 35, 45],
  [[6], ["Математика"], 16, 6, 10, 14],
  [[6], ["История"], 20, 6, 11, 16],
  [[6], ["Биология"], 28, 12, 18, 24],
  [[6], ["География"], 37, 10, 22, 31],
  [[6], ["Обществознание"], 23, 9, 15, 20],
  [[7], ["Русский язык"], 47, 22, 32, 42],
  [[7], ["Математика"], 19, 7, 12, 16],
  [[7], ["Английский язык"], 30, 13, 21, 27],
  [[7], ["Физика"], 18, 5, 8, 11],
  [[7], ["История"], 25, 7, 13, 19],
  [[7], ["Биология"], 28, 10, 17, 23],
  [[7], ["География"], 37, 11, 26, 33],
  [[7], ["Обществознание"], 23, 10, 16, 21],
  [[8], ["Русский язык"], 51, 26, 32, 45],
  [[8], ["Математика"], 25, 8, 15, 21],
  [[8], ["Физика"], 18, 5, 8, 11],
  [[8], ["Химия"], 36, 10, 19, 28],
  [[8], ["Биология"], 36, 13, 21, 29],
  [[8], ["История"], 24, 7, 12, 18],
  [[8], ["Обществознание"], 25, 11, 17, 22],
  // The description prints «4» 27–35 and «5» 35–40: 35 is taken as «5».
  [[8], ["География"], 40, 13, 27, 35],
  [[10, 11], ["География"], 21, 7, 13, 18],
  [[11], ["История"], 21, 7, 13, 18],
  [[11], ["Биология"], 32, 11, 18, 25],
  [[11], ["Физика"], 26, 9, 16, 21],
  [[11], ["Химия"], 33, 11, 20, 28],
  [[11], ["Английский язык", "Немецкий язык", "Французский язык"], 32, 11, 18, 25],
]

const key = (year: number, subject: string, grade: number) => `${year}|${subject}|${grade}`

/** One entry per year, subject and grade: the rows naming several grades or subjects spread out. */
const PUBLISHED = new Map<string, PublishedScale>(
  ROWS_2021.flatMap(([grades, subjects, maxTotal, three, four, five]) =>
    grades.flatMap((grade) => subjects.map((subject) => [key(2021, subject, grade), { maxTotal, scale: { "3": three, "4": four, "5": five } }] as const)),
  ),
)

/** The published scale of a ВПР procedure, or null when none is known for its year, subject and grade. */
export function publishedScale(procedure: ProcedureKey): PublishedScale | null {
  if (procedure.kind !== "ВПР") return null
  const subject = normaliseSubject(procedure.subject) ?? procedure.subject
  return PUBLISHED.get(key(procedure.year, subject, procedure.grade)) ?? null
}
