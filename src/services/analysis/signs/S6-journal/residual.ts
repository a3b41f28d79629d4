/**
 * S6 (d) «отметки по журналу не соответствуют баллам»: each pupil's journal mark is compared with the mean journal
 * mark of pupils with the same primary score in the other schools of the upload; a school's residual R is the mean
 * of those differences. R > 0: the journal is higher than the work shows (inflated journal marks, or ВПР results
 * held down); R < 0: the work is better than the journal shows (points added to the ВПР).
 *
 * Unlike the shares of «понизили» / «повысили» (rules b, c), R uses the whole score, not just whether a mark
 * threshold was crossed: on generated data it separates inflated journals from honest schools about twice as
 * well at the same false-alarm rate (docs/calibration.md).
 *
 * Honest schools differ: teachers mark more or less leniently, and R rises with the school's level (behind the same
 * score a pupil of a strong school has more ability, and the journal reflects a year of work). So the centre is a
 * robust line in the school's mean completion, τ is the robust spread around it beyond pupil noise, and
 * z = (R − centre) / √(s² / n + τ²), s² the pooled within-school variance of the pupils' differences.
 */
import { normalSf } from "../../../../domain/stats/index.ts"
import type { ProcedureSpec } from "../../../../domain/results.ts"
import { medianOfSorted, robustCentreAndSd, theilSen, type Line } from "../common/robust.ts"
import type { SchoolTally } from "../common/school-tallies.ts"

export interface SchoolResidual {
  /** Pupils with a journal mark and a score that other schools also have. */
  pupils: number
  /** Mean (journal mark − other schools' mean journal mark at the same score). */
  residual: number
  /** The school's mean completion, where the honest centre line is read. */
  completion: number
}

export interface JournalResidualBaseline {
  /**
   * Schools the centre and spread were fitted on. Below MIN_SCHOOLS the honest spread cannot be told from a
   * lenient teacher, so the rule does not apply (a single school's own upload has no other schools at all).
   */
  schools: number
  line: Line
  /** Honest between-school SD of R around the line, beyond pupil noise (marks). */
  tau: number
  /** Pooled within-school variance of a pupil's difference. */
  pupilVariance: number
  bySchool: ReadonlyMap<string, SchoolResidual>
}

export const MIN_SCHOOLS = 10

export interface ResidualTest {
  residual: number
  centre: number
  z: number
  /** One-sided p of the journal above the scores' expectation, and of the scores above the journal's. */
  pJournalAbove: number
  pScoresAbove: number
}

/** Sums of journal marks and counts by primary score (scores clamped to 0…max). */
function sumsByScore(tallies: readonly SchoolTally[], spec: ProcedureSpec): { sums: Float64Array; counts: Float64Array } {
  const sums = new Float64Array(spec.maxTotal + 1)
  const counts = new Float64Array(spec.maxTotal + 1)
  for (const t of tallies) {
    for (const p of t.pupils) {
      if (p.journalMark === null || p.total === null) continue
      const x = scoreIndex(p.total, spec)
      sums[x] = (sums[x] as number) + p.journalMark
      counts[x] = (counts[x] as number) + 1
    }
  }
  return { sums, counts }
}

function scoreIndex(total: number, spec: ProcedureSpec): number {
  return Math.min(spec.maxTotal, Math.max(0, Math.round(total)))
}

/** R of one school against the other schools (its own pupils are taken out of the expectation). */
function schoolResidual(
  t: SchoolTally,
  spec: ProcedureSpec,
  all: { sums: Float64Array; counts: Float64Array },
): { entry: SchoolResidual; squares: number } {
  const own = new Map<number, { sum: number; count: number }>()
  for (const p of t.pupils) {
    if (p.journalMark === null || p.total === null) continue
    const x = scoreIndex(p.total, spec)
    const e = own.get(x) ?? { sum: 0, count: 0 }
    e.sum += p.journalMark
    e.count += 1
    own.set(x, e)
  }
  const differences: number[] = []
  for (const p of t.pupils) {
    if (p.journalMark === null || p.total === null) continue
    const x = scoreIndex(p.total, spec)
    const mine = own.get(x) as { sum: number; count: number }
    const others = (all.counts[x] as number) - mine.count
    if (others <= 0) continue
    differences.push(p.journalMark - ((all.sums[x] as number) - mine.sum) / others)
  }
  const n = differences.length
  const residual = n > 0 ? differences.reduce((a, b) => a + b, 0) / n : 0
  const squares = differences.reduce((a, d) => a + (d - residual) ** 2, 0)
  return { entry: { pupils: n, residual, completion: t.meanCompletion }, squares }
}

/**
 * Every school's R and the honest centre line and spread, fitted on schools with at least `minPupils` pupils
 * (all schools when fewer than ten have that many).
 */
export function buildJournalResidual(tallies: readonly SchoolTally[], spec: ProcedureSpec, minPupils: number): JournalResidualBaseline {
  const all = sumsByScore(tallies, spec)
  const bySchool = new Map<string, SchoolResidual>()
  let squares = 0
  let degrees = 0
  for (const t of tallies) {
    const r = schoolResidual(t, spec, all)
    if (r.entry.pupils === 0) continue
    bySchool.set(t.schoolKey, r.entry)
    squares += r.squares
    degrees += r.entry.pupils - 1
  }
  const pupilVariance = degrees > 0 ? squares / degrees : 0
  const entries = [...bySchool.values()]
  const large = entries.filter((e) => e.pupils >= minPupils)
  const used = large.length >= 10 ? large : entries
  if (used.length < MIN_SCHOOLS) return { schools: used.length, line: { intercept: 0, slope: 0 }, tau: 0, pupilVariance, bySchool }
  const line = theilSen(used.map((e) => ({ x: e.completion, y: e.residual })))
  const { sd } = robustCentreAndSd(used.map((e) => e.residual - centreOf(line, e)))
  const noise = medianOfSorted(Float64Array.from(used, (e) => pupilVariance / e.pupils).sort())
  return { schools: used.length, line, tau: Math.sqrt(Math.max(0, sd * sd - noise)), pupilVariance, bySchool }
}

function centreOf(line: Line, e: SchoolResidual): number {
  return line.intercept + line.slope * e.completion
}

export function journalResidualTest(entry: SchoolResidual, baseline: JournalResidualBaseline): ResidualTest {
  const centre = centreOf(baseline.line, entry)
  const se = Math.sqrt(baseline.pupilVariance / entry.pupils + baseline.tau ** 2)
  const z = se > 0 ? (entry.residual - centre) / se : 0
  return { residual: entry.residual, centre, z, pJournalAbove: normalSf(z), pScoresAbove: normalSf(-z) }
}
