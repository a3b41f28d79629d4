/**
 * "Schools of the same overall level" (objectivity.md, S3/S12, the "school_completion" basis): reference schools
 * whose mean completion lies within ±window of the school, widened to the nearest `minSchools`, the school left
 * out. Prefix sums over the schools sorted by completion make each lookup O(tasks + log schools).
 */
import { CELL_NOT_TAUGHT, type ProcedureSpec } from "../../../../domain/results.ts"
import type { SchoolTally } from "../common/school-tallies.ts"

/** Members of one reference group sorted by mean completion, with prefix sums of their task tallies. */
export class LevelIndex {
  private readonly members: SchoolTally[]
  private readonly points: Float64Array[]
  private readonly trials: Float64Array[]

  constructor(members: readonly SchoolTally[], private readonly spec: ProcedureSpec) {
    this.members = members.filter((m) => m.n > 0).sort((a, b) => a.meanCompletion - b.meanCompletion)
    const size = this.members.length + 1
    this.points = spec.tasks.map(() => new Float64Array(size))
    this.trials = spec.tasks.map(() => new Float64Array(size))
    this.members.forEach((m, i) => {
      spec.tasks.forEach((_, k) => {
        const p = this.points[k] as Float64Array
        const t = this.trials[k] as Float64Array
        p[i + 1] = (p[i] ?? 0) + (m.taskPoints[k] ?? 0)
        t[i + 1] = (t[i] ?? 0) + (m.taskTrials[k] ?? 0)
      })
    })
  }

  private firstAtLeast(value: number): number {
    let lo = 0
    let hi = this.members.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.members[mid]?.meanCompletion ?? 0) < value) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** Expected completion per task from schools of the same level as `school` (itself excluded). */
  expected(school: SchoolTally, window: number, minSchools: number): { expected: (number | null)[]; schools: number; low: number; high: number } | null {
    const c = school.meanCompletion
    let lo = this.firstAtLeast(c - window)
    let hi = this.firstAtLeast(c + window + 1e-12)
    const isMember = (i: number): boolean => this.members[i]?.schoolKey === school.schoolKey
    let self = 0
    for (let i = lo; i < hi; i++) if (isMember(i)) self = 1
    // Widen to the nearest schools by completion until there are enough.
    while (hi - lo - self < minSchools && (lo > 0 || hi < this.members.length)) {
      const left = lo > 0 ? c - (this.members[lo - 1]?.meanCompletion ?? 0) : Infinity
      const right = hi < this.members.length ? (this.members[hi]?.meanCompletion ?? 0) - c : Infinity
      if (left <= right) lo--
      else hi++
      if (isMember(left <= right ? lo : hi - 1)) self = 1
    }
    const schools = hi - lo - self
    if (schools <= 0) return null
    const own = self === 1 ? school : null
    const expected = this.spec.tasks.map((task, k) => {
      const p = this.points[k] as Float64Array
      const t = this.trials[k] as Float64Array
      const points = (p[hi] ?? 0) - (p[lo] ?? 0) - (own?.taskPoints[k] ?? 0)
      const trials = (t[hi] ?? 0) - (t[lo] ?? 0) - (own?.taskTrials[k] ?? 0)
      return trials > 0 ? points / (trials * task.max) : null
    })
    const low = this.members[lo]?.meanCompletion ?? c
    const high = this.members[hi - 1]?.meanCompletion ?? c
    return { expected, schools, low, high }
  }
}

const NOT_TAUGHT = CELL_NOT_TAUGHT // local copy: imported bindings are getters under tsx, and this runs per cell

/** Mean of (x/m − e) over the counted tasks of one pupil; null when none counts. */
export function pupilDeviation(cells: number[], tasks: number[], maxima: number[], expected: (number | null)[]): number | null {
  let sum = 0
  let count = 0
  for (const k of tasks) {
    const cell = cells[k]
    const e = expected[k]
    const max = maxima[k] ?? 0
    if (cell === undefined || e === null || e === undefined || max <= 0 || cell === NOT_TAUGHT) continue
    sum += Math.min(cell > 0 ? cell : 0, max) / max - e
    count++
  }
  return count > 0 ? sum / count : null
}

