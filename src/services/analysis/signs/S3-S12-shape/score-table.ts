/**
 * Expected completion of each task for a pupil of a given primary score, from every other school's pupils with
 * that score: the finest form of "the same overall level" (objectivity.md, S3/S12). Matching each pupil removes
 * the ability differences between pupils of one school, which otherwise dominate the noise of the statistic, and
 * it holds by construction for strong schools (their pupils are compared with equally strong pupils elsewhere).
 * A score with too few pupils elsewhere borrows the neighbouring scores.
 *
 * Measured alternatives (docs/calibration.md): matching on the score of the other tasks only (DIF style) lets the
 * pupils of strong schools look better than their match (the match regresses to the region's mean) and raised
 * false alarms of strong schools to 6 %; matching whole schools by mean completion (±5 p. p.) was less powerful.
 */
import { CELL_NOT_TAUGHT, type ParticipantResult, type ProcedureSpec } from "../../../../domain/results.ts"
import type { SchoolTally } from "../common/school-tallies.ts"
import type { TaskSplit } from "./statistic.ts"

const NOT_TAUGHT = CELL_NOT_TAUGHT // local copy: imported bindings are getters under tsx, and this runs per cell

/** Sums of (points / max) and counted cells, by score (rows) and task (columns), flattened. */
interface Sums {
  completion: Float64Array
  cells: Float64Array
}

/** One school's own sums, only for the scores its pupils have (a small school touches a few rows of the table). */
type OwnSums = Map<number, { completion: Float64Array; cells: Float64Array }>

export class ScoreTable {
  private readonly tasks: number
  private readonly maxTotal: number
  private readonly maxima: number[]
  private readonly all: Sums

  constructor(
    schools: readonly SchoolTally[],
    spec: ProcedureSpec,
    private readonly minPupils: number,
  ) {
    this.tasks = spec.tasks.length
    this.maxTotal = spec.maxTotal
    this.maxima = spec.tasks.map((t) => t.max)
    const size = (this.maxTotal + 1) * this.tasks
    this.all = { completion: new Float64Array(size), cells: new Float64Array(size) }
    for (const school of schools) {
      for (const pupil of school.pupils) this.addPupil(this.all.completion, this.all.cells, this.scoreOf(pupil.total) * this.tasks, pupil.cells)
    }
  }

  private scoreOf(total: number | null): number {
    return Math.min(Math.max(Math.round(total ?? 0), 0), this.maxTotal)
  }

  /** Adds one pupil's cells at offset `row` of the two arrays. */
  private addPupil(completion: Float64Array, counted: Float64Array, row: number, cells: readonly number[]): void {
    for (let k = 0; k < this.tasks; k++) {
      const cell = cells[k]
      const max = this.maxima[k] as number
      if (cell === undefined || cell === NOT_TAUGHT || max <= 0) continue
      completion[row + k] = (completion[row + k] ?? 0) + Math.min(cell > 0 ? cell : 0, max) / max
      counted[row + k] = (counted[row + k] ?? 0) + 1
    }
  }

  private ownSums(pupils: readonly ParticipantResult[]): OwnSums {
    const own: OwnSums = new Map()
    for (const pupil of pupils) {
      const score = this.scoreOf(pupil.total)
      let row = own.get(score)
      if (!row) {
        row = { completion: new Float64Array(this.tasks), cells: new Float64Array(this.tasks) }
        own.set(score, row)
      }
      this.addPupil(row.completion, row.cells, 0, pupil.cells)
    }
    return own
  }

  /** Mean of (x/m − expected) over the counted tasks of `tasks`; null when none counts. */
  private deviation(cells: readonly number[], tasks: readonly number[], expected: (number | null)[]): number | null {
    let sum = 0
    let count = 0
    for (const k of tasks) {
      const cell = cells[k]
      const e = expected[k]
      const max = this.maxima[k] as number
      if (cell === undefined || cell === NOT_TAUGHT || e === null || e === undefined || max <= 0) continue
      sum += Math.min(cell > 0 ? cell : 0, max) / max - e
      count++
    }
    return count > 0 ? sum / count : null
  }

  /** Per school: its own sums (to leave it out) and the expected completions by score, shared by S3 and S12. */
  private readonly perSchool = new WeakMap<SchoolTally, { own: OwnSums; byScore: Map<number, (number | null)[]> }>()

  private expectedFor(school: SchoolTally, total: number | null): (number | null)[] {
    let entry = this.perSchool.get(school)
    if (!entry) {
      entry = { own: this.ownSums(school.pupils), byScore: new Map() }
      this.perSchool.set(school, entry)
    }
    const score = this.scoreOf(total)
    let expected = entry.byScore.get(score)
    if (!expected) {
      const own = entry.own
      expected = this.maxima.map((_, k) => this.expectedAt(score, k, own))
      entry.byScore.set(score, expected)
    }
    return expected
  }

  /**
   * Per pupil of one school (left out of the table): d = mean over focus tasks of (x/m − e_k(score)) minus the
   * same over comparison tasks; null when either set has no counted task.
   */
  deviations(school: SchoolTally, split: TaskSplit): (number | null)[] {
    return school.pupils.map((pupil) => {
      const expected = this.expectedFor(school, pupil.total)
      const focus = this.deviation(pupil.cells, split.focus, expected)
      const comparison = this.deviation(pupil.cells, split.comparison, expected)
      return focus === null || comparison === null ? null : focus - comparison
    })
  }

  private expectedAt(score: number, k: number, own: OwnSums): number | null {
    // Plain loops and a reused accumulator, no closures: this runs for every (score, task) of every school.
    const sum = { completion: 0, cells: 0 }
    this.accumulate(score, k, own, sum)
    for (let step = 1; sum.cells < this.minPupils && step <= this.maxTotal; step++) {
      this.accumulate(score - step, k, own, sum)
      this.accumulate(score + step, k, own, sum)
    }
    return sum.cells > 0 ? sum.completion / sum.cells : null
  }

  /** Adds the other schools' pupils with score `s` on task k. */
  private accumulate(s: number, k: number, own: OwnSums, sum: { completion: number; cells: number }): void {
    if (s < 0 || s > this.maxTotal) return
    const at = s * this.tasks + k
    const mine = own.get(s)
    sum.completion += (this.all.completion[at] ?? 0) - (mine?.completion[k] ?? 0)
    sum.cells += (this.all.cells[at] ?? 0) - (mine?.cells[k] ?? 0)
  }
}
