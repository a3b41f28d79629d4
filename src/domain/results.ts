/**
 * The shapes every layer agrees on: a procedure, its spec, and one participant's result.
 * Pure types and tiny helpers — no I/O.
 */

export const PROCEDURE_KINDS = ["ВПР", "КДР", "ОГЭ", "ЕГЭ"] as const
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number]

/** A procedure is identified by kind, year, subject and grade (e.g. ВПР 2021, «Математика», 4). */
export interface ProcedureKey {
  kind: ProcedureKind
  year: number
  subject: string
  grade: number
}

/** Difficulty level of a task: базовый, повышенный, высокий. */
export type TaskLevel = "Б" | "П" | "В"

export interface TaskSpec {
  /** Canonical label (formats.md §7.1): `5.1`, `1К1`, `16.2`. */
  label: string
  max: number
  level: TaskLevel | null
}

/** Minimum primary score for the marks «3», «4», «5». */
export interface MarkScale {
  "3": number
  "4": number
  "5": number
}

export interface ProcedureSpec extends ProcedureKey {
  /** Incremented whenever a coordinator fixes the spec; results keep the version they were read with. */
  version: number
  tasks: TaskSpec[]
  scale: MarkScale | null
  maxTotal: number
  /** Where the figures come from (e.g. "official; positions verified"). */
  source: string
}

/**
 * One task cell, encoded as a small integer so that a pupil's cells fit one integer array column:
 * a value ≥ 0 is the points scored; the negative codes keep *why* a task earned nothing.
 */
export const CELL_NO_ANSWER = -1 // `X`/`Х`/`x`/`х`: 0 points, counts as 0 in task completion
export const CELL_NOT_TAUGHT = -2 // `не пройд.`/`H`: 0 points in the total, excluded from task completion
export const CELL_EMPTY = -3 // empty cell of a present participant: 0 points, counts as 0 in completion

export function pointsOf(cell: number): number {
  return cell > 0 ? cell : 0
}

/** Whether the cell takes part in task completion (the topic-not-taught cells do not). */
export function countsForCompletion(cell: number): boolean {
  return cell !== CELL_NOT_TAUGHT
}

export type JournalMark = 2 | 3 | 4 | 5
export type Mark = 2 | 3 | 4 | 5
export type Sex = "m" | "f"

/** One participant code's result, as stored. Participants carry codes, never names. */
export interface ParticipantResult {
  /** Canonical school key: the six digits of the FIS OKO login (`edu223379` → `223379`). */
  schoolKey: string
  /** Participant code, unique within a school. */
  code: string
  /** Normalised class name (formats.md §7), or null when no letter/unknown. */
  className: string | null
  variant: number | null
  absent: boolean
  /** One cell per task of the spec, in spec order (see the CELL_* codes). Empty for absent participants. */
  cells: number[]
  /** Recomputed primary score (sum of points), null when absent. */
  total: number | null
  /** Mark from the spec's scale, null when absent or the scale is unknown. */
  mark: Mark | null
  journalMark: JournalMark | null
  sex: Sex | null
}

export function markForScore(score: number, scale: MarkScale): Mark {
  if (score >= scale["5"]) return 5
  if (score >= scale["4"]) return 4
  if (score >= scale["3"]) return 3
  return 2
}

export function procedureTitle(key: ProcedureKey): string {
  return `${key.kind} ${key.year} · ${key.subject} · ${key.grade} класс`
}
