/**
 * Which works a re-check commission should score again (issue 13). A random ten works find points added at checking
 * only as often as such works happen to be drawn; this plan aims at where added points sit:
 *   - works at a mark threshold or one point above it (a pushed work lands exactly on the threshold);
 *   - works above the region on the tasks where S3 or S12 fired (help or lenient checking lives there), measured
 *     against pupils of the same primary score in the whole region;
 *   - and a reproducible random sample stratified by mark, so the commission's scores also say how the school's
 *     checking compares in general (S10 reads the mean change of every re-checked work).
 * The total size is the coordinator's; it is shared evenly over the schools, a school with fewer works giving its
 * remainder to the others. The same request (schools, size, seed) always gives the same works.
 */
import { SeededRandom, seedOf } from "./random.ts"

export interface PlanSpec {
  tasks: readonly { label: string; max: number }[]
  /** Minimum primary scores of «3», «4», «5» (empty without a scale). */
  thresholds: readonly number[]
}

export interface PlanWork {
  code: string
  /** Points per task in spec order (negative codes — no answer, not taught — count as 0). */
  cells: readonly number[]
  total: number
  mark: number | null
}

export interface PlanSchool {
  schoolKey: string
  /** The works of participants present. */
  works: readonly PlanWork[]
  /** Task indexes where S3 or S12 fired for this school (empty when neither did). */
  focusTasks: readonly number[]
}

export type WorkReason = "threshold" | "focus" | "sample"

export interface PlannedWork {
  schoolKey: string
  code: string
  reason: WorkReason
  /** Tasks the commission scores again: the whole work, or the focus tasks for a "focus" work. */
  tasks: number[]
  /** The primary score as first checked. */
  total: number
}

export interface PlanOptions {
  /** Works in the whole plan. */
  size: number
  seed: number
  /** Share of each school's works kept for the random sample (the rest aims at thresholds and focus tasks). */
  sampleShare?: number
}

export const DEFAULT_SAMPLE_SHARE = 0.3
/** Works per school when the coordinator does not say (the roadmaps' "for example, 10 works"). */
export const DEFAULT_WORKS_PER_SCHOOL = 10

/** Mean points of each task among the region's pupils of each primary score: what "above the region" is measured against. */
export interface TaskNorms {
  /** byTotal[score][task] */
  byTotal: number[][]
}

/** Too few pupils of one score borrow the neighbouring scores until this many stand behind the mean. */
const MIN_PUPILS_PER_NORM = 30

const points = (cell: number | undefined): number => (cell !== undefined && cell > 0 ? cell : 0)

export function taskNorms(works: Iterable<{ cells: readonly number[]; total: number }>, taskCount: number, maxTotal: number): TaskNorms {
  const sums = Array.from({ length: maxTotal + 1 }, () => new Array<number>(taskCount).fill(0))
  const counts = new Array<number>(maxTotal + 1).fill(0)
  for (const work of works) {
    const total = Math.min(maxTotal, Math.max(0, Math.round(work.total)))
    counts[total]!++
    for (let k = 0; k < taskCount; k++) sums[total]![k]! += points(work.cells[k])
  }
  const byTotal = sums.map((_, score) => {
    let low = score
    let high = score
    let n = counts[score]!
    while (n < MIN_PUPILS_PER_NORM && (low > 0 || high < maxTotal)) {
      if (low > 0) n += counts[--low]!
      if (n < MIN_PUPILS_PER_NORM && high < maxTotal) n += counts[++high]!
    }
    const mean = new Array<number>(taskCount).fill(0)
    for (let s = low; s <= high; s++) for (let k = 0; k < taskCount; k++) mean[k]! += sums[s]![k]!
    return mean.map((sum) => (n > 0 ? sum / n : 0))
  })
  return { byTotal }
}

/** Points on the focus tasks above the region's pupils of the same primary score. */
export function focusExcess(work: PlanWork, focus: readonly number[], norms: TaskNorms): number {
  const expected = norms.byTotal[Math.min(norms.byTotal.length - 1, Math.max(0, Math.round(work.total)))] ?? []
  return focus.reduce((sum, k) => sum + points(work.cells[k]) - (expected[k] ?? 0), 0)
}

/** Even shares of the size, capped by each school's works; what a small school cannot take goes to the others. */
export function allocate(available: readonly number[], size: number): number[] {
  const quota = available.map(() => 0)
  let left = Math.max(0, Math.floor(size))
  for (;;) {
    const open = available.flatMap((n, i) => (quota[i]! < n ? [i] : []))
    if (left <= 0 || open.length === 0) return quota
    const share = Math.max(1, Math.floor(left / open.length))
    for (const i of open) {
      if (left <= 0) break
      const add = Math.min(share, available[i]! - quota[i]!, left)
      quota[i]! += add
      left -= add
    }
  }
}

/**
 * At a mark threshold or one point above it. A threshold at the maximum score is left out: a full score can only
 * go down on a second reading, so aiming at it would read an honest strong school's full scores as lowered.
 */
function atThreshold(total: number, thresholds: readonly number[], maxTotal: number): boolean {
  return thresholds.some((t) => t < maxTotal && total >= t && total <= t + 1)
}

function stratumOf(work: PlanWork, maxTotal: number): number {
  return work.mark ?? Math.min(3, Math.floor((4 * work.total) / Math.max(1, maxTotal + 1)))
}

/** Proportional allocation over strata (largest remainder), then a seeded draw within each stratum. */
function stratifiedSample(works: readonly PlanWork[], count: number, maxTotal: number, random: SeededRandom): PlanWork[] {
  if (count <= 0) return []
  if (count >= works.length) return works.slice()
  const strata = new Map<number, PlanWork[]>()
  for (const work of works) {
    const key = stratumOf(work, maxTotal)
    strata.set(key, [...(strata.get(key) ?? []), work])
  }
  const keys = [...strata.keys()].sort((a, b) => a - b)
  const exact = keys.map((key) => (strata.get(key)!.length * count) / works.length)
  const taken = exact.map(Math.floor)
  const order = keys.map((_, i) => i).sort((a, b) => exact[b]! - taken[b]! - (exact[a]! - taken[a]!) || a - b)
  for (let left = count - taken.reduce((s, n) => s + n, 0), i = 0; left > 0; i++, left--) taken[order[i % order.length]!]!++
  return keys.flatMap((key, i) => random.shuffle(strata.get(key)!).slice(0, taken[i]!))
}

/** The works of one school: targeted first (thresholds and focus tasks in turn), then the stratified sample. */
export function planSchool(school: PlanSchool, quota: number, spec: PlanSpec, norms: TaskNorms, options: { seed: number; sampleShare?: number }): PlannedWork[] {
  const random = new SeededRandom(seedOf(options.seed, school.schoolKey))
  const all = [...Array(spec.tasks.length).keys()]
  const maxTotal = spec.tasks.reduce((sum, task) => sum + task.max, 0)
  const planned = (work: PlanWork, reason: WorkReason): PlannedWork => ({
    schoolKey: school.schoolKey,
    code: work.code,
    reason,
    tasks: reason === "focus" ? [...school.focusTasks] : all,
    total: work.total,
  })
  if (quota >= school.works.length) {
    // Every work is re-checked: still say why each one matters.
    return school.works.map((work) =>
      planned(work, atThreshold(work.total, spec.thresholds, maxTotal) ? "threshold" : school.focusTasks.length > 0 && focusExcess(work, school.focusTasks, norms) > 0 ? "focus" : "sample"),
    )
  }
  const sampleCount = Math.ceil(quota * (options.sampleShare ?? DEFAULT_SAMPLE_SHARE))
  const targetedCount = quota - sampleCount
  // The threshold works in a seeded order (exactly on the threshold first); focus works by their excess.
  const threshold = random
    .shuffle(school.works.filter((work) => atThreshold(work.total, spec.thresholds, maxTotal)))
    .sort((a, b) => Number(spec.thresholds.includes(b.total)) - Number(spec.thresholds.includes(a.total)))
  const focus =
    school.focusTasks.length === 0
      ? []
      : school.works
          .map((work) => ({ work, excess: focusExcess(work, school.focusTasks, norms) }))
          .filter((entry) => entry.excess > 0)
          .sort((a, b) => b.excess - a.excess || a.work.code.localeCompare(b.work.code))
          .map((entry) => entry.work)
  const chosen: PlannedWork[] = []
  const used = new Set<string>()
  for (let i = 0; chosen.length < targetedCount && (i < threshold.length || i < focus.length); i++) {
    for (const [list, reason] of [[threshold, "threshold"], [focus, "focus"]] as const) {
      const work = list[i]
      if (work && !used.has(work.code) && chosen.length < targetedCount) {
        used.add(work.code)
        chosen.push(planned(work, reason))
      }
    }
  }
  const rest = school.works.filter((work) => !used.has(work.code))
  for (const work of stratifiedSample(rest, quota - chosen.length, maxTotal, random)) chosen.push(planned(work, "sample"))
  return chosen
}

export function planRecheck(schools: readonly PlanSchool[], spec: PlanSpec, norms: TaskNorms, options: PlanOptions): PlannedWork[] {
  const quota = allocate(
    schools.map((school) => school.works.length),
    options.size,
  )
  return schools.flatMap((school, i) => planSchool(school, quota[i]!, spec, norms, options))
}
