/**
 * Additive tallies of one school or a pool of schools. Because every field is a sum, a group's tally minus
 * one school's is exactly the group without that school: leave-one-out costs O(tasks + scores), not O(schools).
 */
import { CELL_NOT_TAUGHT, markForScore, type Mark, type ParticipantResult, type ProcedureSpec } from "../../../../domain/results.ts"
import type { SchoolContext, SchoolResults } from "../../types.ts"

export interface JournalTally {
  /** Present participants with a journal mark 2–5 and a VPR mark. */
  compared: number
  /** «Понизили»: VPR mark below the journal mark. */
  down: number
  /** «Повысили»: VPR mark above the journal mark. */
  up: number
  /** |VPR mark − journal mark| ≥ 2. */
  gaps: number
}

export interface Tally {
  schools: number
  /** Participants present (variant given and a total). */
  n: number
  sum: number
  sumSq: number
  /** Per task: points (capped at the task maximum) and participants counted for completion. */
  taskPoints: number[]
  taskTrials: number[]
  /** Participants by primary score 0…maxTotal (scores above the maximum counted at the maximum). */
  scoreCounts: number[]
  /** Participants with the marks «2», «3», «4», «5» (index 0…3); zeros when the scale is unknown. */
  markCounts: number[]
  journal: JournalTally
}

export interface SchoolTally extends Tally {
  schoolKey: string
  municipalityId: string | null
  context: SchoolContext | null
  absent: number
  /** Present participants, in file order. */
  pupils: ParticipantResult[]
  /** Mean total / maxTotal (0 when nobody was present). */
  meanCompletion: number
}

// Local copies: under tsx every imported binding is read through a getter, which the per-cell loops notice.
const NOT_TAUGHT = CELL_NOT_TAUGHT

export function emptyTally(spec: ProcedureSpec): Tally {
  const k = spec.tasks.length
  return {
    schools: 0,
    n: 0,
    sum: 0,
    sumSq: 0,
    taskPoints: new Array<number>(k).fill(0),
    taskTrials: new Array<number>(k).fill(0),
    scoreCounts: new Array<number>(spec.maxTotal + 1).fill(0),
    markCounts: [0, 0, 0, 0],
    journal: { compared: 0, down: 0, up: 0, gaps: 0 },
  }
}

export function isPresent(p: ParticipantResult): boolean {
  return !p.absent && p.total !== null
}

export function markOf(p: ParticipantResult, spec: ProcedureSpec): Mark | null {
  if (p.total === null) return null
  return spec.scale ? markForScore(p.total, spec.scale) : p.mark
}

export function tallySchool(school: SchoolResults, spec: ProcedureSpec): SchoolTally {
  const tally = emptyTally(spec)
  tally.schools = 1
  const pupils: ParticipantResult[] = []
  const maxima = spec.tasks.map((t) => t.max)
  let absent = 0
  for (const p of school.participants) {
    if (!isPresent(p)) {
      if (p.absent) absent++
      continue
    }
    const total = p.total as number
    pupils.push(p)
    tally.n++
    tally.sum += total
    tally.sumSq += total * total
    const bin = Math.min(Math.max(Math.round(total), 0), spec.maxTotal)
    tally.scoreCounts[bin] = (tally.scoreCounts[bin] ?? 0) + 1
    const cells = p.cells
    for (let k = 0; k < maxima.length; k++) {
      const cell = cells[k]
      if (cell === undefined || cell === NOT_TAUGHT) continue // not taught: out of completion (countsForCompletion)
      tally.taskPoints[k] = (tally.taskPoints[k] ?? 0) + Math.min(cell > 0 ? cell : 0, maxima[k] ?? 0) // pointsOf, capped
      tally.taskTrials[k] = (tally.taskTrials[k] ?? 0) + 1
    }
    const mark = markOf(p, spec)
    if (mark !== null) tally.markCounts[mark - 2] = (tally.markCounts[mark - 2] ?? 0) + 1
    if (mark !== null && p.journalMark !== null) {
      tally.journal.compared++
      if (mark < p.journalMark) tally.journal.down++
      if (mark > p.journalMark) tally.journal.up++
      if (Math.abs(mark - p.journalMark) >= 2) tally.journal.gaps++
    }
  }
  return {
    ...tally,
    schoolKey: school.schoolKey,
    municipalityId: school.municipalityId,
    context: school.context,
    absent,
    pupils,
    meanCompletion: tally.n > 0 && spec.maxTotal > 0 ? tally.sum / tally.n / spec.maxTotal : 0,
  }
}

function combine(a: number[], b: number[], sign: 1 | -1): number[] {
  return a.map((v, i) => v + sign * (b[i] ?? 0))
}

function combineTallies(a: Tally, b: Tally, sign: 1 | -1): Tally {
  return {
    schools: a.schools + sign * b.schools,
    n: a.n + sign * b.n,
    sum: a.sum + sign * b.sum,
    sumSq: a.sumSq + sign * b.sumSq,
    taskPoints: combine(a.taskPoints, b.taskPoints, sign),
    taskTrials: combine(a.taskTrials, b.taskTrials, sign),
    scoreCounts: combine(a.scoreCounts, b.scoreCounts, sign),
    markCounts: combine(a.markCounts, b.markCounts, sign),
    journal: {
      compared: a.journal.compared + sign * b.journal.compared,
      down: a.journal.down + sign * b.journal.down,
      up: a.journal.up + sign * b.journal.up,
      gaps: a.journal.gaps + sign * b.journal.gaps,
    },
  }
}

export function poolTallies(spec: ProcedureSpec, tallies: readonly Tally[]): Tally {
  let pooled = emptyTally(spec)
  for (const t of tallies) pooled = combineTallies(pooled, t, 1)
  return pooled
}

/** The pool without one of its members. */
export function withoutMember(pool: Tally, member: Tally): Tally {
  return combineTallies(pool, member, -1)
}

/** Mean and sample SD of the totals (SD 0 below two participants). */
export function meanAndSd(t: Tally): { n: number; mean: number; sd: number } {
  if (t.n === 0) return { n: 0, mean: 0, sd: 0 }
  const mean = t.sum / t.n
  const variance = t.n > 1 ? Math.max(0, (t.sumSq - t.n * mean * mean) / (t.n - 1)) : 0
  return { n: t.n, mean, sd: Math.sqrt(variance) }
}

/** Completion of task k: points / (participants × max); null without participants. */
export function taskCompletion(t: Tally, k: number, max: number): number | null {
  const trials = t.taskTrials[k] ?? 0
  return trials > 0 && max > 0 ? (t.taskPoints[k] ?? 0) / (trials * max) : null
}
