/**
 * S11 «совпадающие ответы» (ours): pairs of pupils of one school and one variant with identical scores on every
 * task except the easiest third of the upload (identical full marks there say nothing).
 *
 * objectivity.md suggests the school's own per-task rates under independence as the null. Measured on the real
 * 2021 exports, that null (and even the region's pattern frequencies given the score) flagged 5–25 % of schools:
 * pupils of one school answer alike because of ability (the tasks form a near-Guttman scale), what they were
 * taught, topics not yet taught. None of that depends on the variant, while copying and prompting do — a pupil can
 * only copy answers of the same variant. So a school's honest rate of identical pairs is measured on its pairs of
 * DIFFERENT variants, shrunk towards the rate of all schools (empirical Bayes: a gamma prior over schools fitted by
 * moments), scaled by the upload's same/cross-variant ratio among pupils of different schools (variants are not
 * perfectly parallel), and the same-variant pairs are tested against its negative-binomial predictive tail.
 * Patterns within one point of 0 or of the maximum are left out: the score nearly forces them.
 * With `maxDifferences: 1` a pair "matches" when its patterns differ on at most one compared task: people who copy by
 * hand keep an answer of their own here and there and slip, so their works are alike, not identical (issue 13: on
 * generated near-identical copying the identical rule found a tenth of the copying schools). Every count — the
 * school's same- and cross-variant pairs, the upload's ratio — is then of matching pairs, so the null is unchanged.
 */
import { poissonTestGreater, regularizedIncompleteBeta } from "../../../domain/stats/index.ts"
import { CELL_NOT_TAUGHT, type ParticipantResult, type ProcedureSpec } from "../../../domain/results.ts"
import type { AnalysisSettings } from "../settings.ts"
import { taskCompletion, type SchoolTally, type Tally } from "./tally.ts"
import type { Sign } from "./types.ts"
import { abstained, fired, notFired, strengthOf } from "./verdict.ts"

const NOT_TAUGHT = CELL_NOT_TAUGHT // local copy: imported bindings are getters under tsx, and this runs per cell

export interface PairCounts {
  /** Identical pairs of the same variant / of different variants. */
  sameIdentical: number
  crossIdentical: number
  /** All pairs of the same variant / of different variants. */
  samePairs: number
  crossPairs: number
  largestGroup: number
}

/**
 * What every school is compared with: the compared tasks; the same/cross-variant ratio among pupils of different
 * schools; the gamma prior (mean, variance) of schools' honest identical-pair rates from cross-variant pairs.
 */
export interface PatternBaseline {
  tasks: number[]
  ratio: number
  rateMean: number
  rateVariance: number
  /** Each school's pair counts, computed once here for the sign to reuse. */
  bySchool: ReadonlyMap<string, PairCounts>
}

/** The compared tasks: all but the `easyShare` of tasks with the highest completion in the upload. */
export function comparedTasks(spec: ProcedureSpec, upload: Tally, easyShare: number): number[] {
  return spec.tasks
    .map((t, k) => ({ k, c: taskCompletion(upload, k, t.max) ?? 1 }))
    .sort((a, b) => b.c - a.c || a.k - b.k)
    .slice(Math.round(spec.tasks.length * easyShare))
    .map((x) => x.k)
    .sort((a, b) => a - b)
}

type PatternKey = number | string

/**
 * Each pupil's pattern on the compared tasks as one key — a number in mixed radix (max + 2 values per task)
 * while that stays exact, else a string — or null when the score is within one point of 0 or of the maximum:
 * such patterns are nearly forced by the score, so they coincide for honest pupils and only add noise.
 */
export function patternKeys(pupils: readonly ParticipantResult[], spec: ProcedureSpec, tasks: readonly number[]): (PatternKey | null)[] {
  const maxima = tasks.map((k) => spec.tasks[k]?.max ?? 0)
  const maxScore = maxima.reduce((a, b) => a + b, 0)
  const numeric = maxima.reduce((p, max) => p * (max + 2), 1) < Number.MAX_SAFE_INTEGER
  return pupils.map((pupil) => {
    const cells = pupil.cells
    let key = 0
    let text = ""
    let score = 0
    for (let i = 0; i < tasks.length; i++) {
      const cell = cells[tasks[i] as number] ?? 0
      const max = maxima[i] as number
      const v = cell === NOT_TAUGHT ? -1 : Math.min(cell > 0 ? cell : 0, max)
      if (v > 0) score += v
      if (numeric) key = key * (max + 2) + v + 1
      else text += `${v},`
    }
    if (score <= 1 || score >= maxScore - 1) return null
    return numeric ? key : text
  })
}

/**
 * For each pupil with a pattern, its k keys with one compared task masked (a wildcard digit no answer has): two
 * patterns differing on at most one task share at least one masked key — identical ones share all k.
 */
export function maskedKeys(pupils: readonly ParticipantResult[], spec: ProcedureSpec, tasks: readonly number[]): (PatternKey[] | null)[] {
  const maxima = tasks.map((k) => spec.tasks[k]?.max ?? 0)
  const maxScore = maxima.reduce((a, b) => a + b, 0)
  // Radix max + 3: values −1…max stored as 0…max+1, the wildcard as max+2.
  const numeric = maxima.reduce((p, max) => p * (max + 3), 1) < Number.MAX_SAFE_INTEGER / 1024
  const weights = maxima.map((_, i) => maxima.slice(i + 1).reduce((p, max) => p * (max + 3), 1))
  return pupils.map((pupil) => {
    const digits = tasks.map((k, i) => {
      const cell = pupil.cells[k] ?? 0
      return (cell === NOT_TAUGHT ? -1 : Math.min(cell > 0 ? cell : 0, maxima[i] as number)) + 1
    })
    const score = digits.reduce((sum, d) => sum + Math.max(0, d - 1), 0)
    if (score <= 1 || score >= maxScore - 1) return null
    if (numeric) {
      const key = digits.reduce((sum, d, i) => sum + d * (weights[i] as number), 0)
      return digits.map((d, i) => key + ((maxima[i] as number) + 2 - d) * (weights[i] as number))
    }
    return digits.map((_, i) => digits.map((d, j) => (j === i ? "*" : String(d))).join(","))
  })
}

/**
 * Matching pairs from masked keys: a pair differing on exactly one task shares one masked key, an identical pair all
 * k of them, so Σ pairs over masked keys − (k − 1) · identical pairs counts every pair at most one task apart once.
 */
function nearPairs(maskedCounts: Iterable<number>, identicalPairs: number, tasks: number): number {
  let shared = 0
  for (const count of maskedCounts) shared += pairs(count)
  return shared - (tasks - 1) * identicalPairs
}

function pairs(count: number): number {
  return (count * (count - 1)) / 2
}

/** Variant as a small number for composite keys (unknown variant → 0). */
function variantCode(pupil: ParticipantResult): number {
  return pupil.variant !== null && pupil.variant >= 0 && pupil.variant < 1000 ? pupil.variant + 1 : 0
}

function compositeKey(key: PatternKey, variant: number): PatternKey {
  return typeof key === "number" && key < Number.MAX_SAFE_INTEGER / 1024 ? key * 1024 + variant : `${key}|${variant}`
}

/** Pairs of one school: pupils by pattern, and by variant within a pattern (with masked keys: pairs at most one task apart). */
export function countPairs(pupils: readonly ParticipantResult[], keys: readonly (PatternKey | null)[], masked?: readonly (PatternKey[] | null)[]): PairCounts {
  const byPattern = new Map<PatternKey, number>()
  const byPatternVariant = new Map<PatternKey, number>()
  const byVariant = new Map<number, number>()
  pupils.forEach((pupil, i) => {
    const variant = variantCode(pupil)
    byVariant.set(variant, (byVariant.get(variant) ?? 0) + 1)
    const key = keys[i]
    if (key === null || key === undefined) return
    byPattern.set(key, (byPattern.get(key) ?? 0) + 1)
    const both = compositeKey(key, variant)
    byPatternVariant.set(both, (byPatternVariant.get(both) ?? 0) + 1)
  })
  let sameIdentical = 0
  let allIdentical = 0
  let largestGroup = 0
  for (const count of byPatternVariant.values()) {
    sameIdentical += pairs(count)
    largestGroup = Math.max(largestGroup, count)
  }
  for (const count of byPattern.values()) allIdentical += pairs(count)
  let samePairs = 0
  for (const count of byVariant.values()) samePairs += pairs(count)
  if (masked) {
    const k = masked.find((m) => m !== null)?.length ?? 1
    const byMask = new Map<PatternKey, number>()
    const byMaskVariant = new Map<PatternKey, number>()
    pupils.forEach((pupil, i) => {
      const variant = variantCode(pupil)
      for (const key of masked[i] ?? []) {
        byMask.set(key, (byMask.get(key) ?? 0) + 1)
        const both = compositeKey(key, variant)
        byMaskVariant.set(both, (byMaskVariant.get(both) ?? 0) + 1)
      }
    })
    const sameNear = nearPairs(byMaskVariant.values(), sameIdentical, k)
    const allNear = nearPairs(byMask.values(), allIdentical, k)
    return { sameIdentical: sameNear, crossIdentical: allNear - sameNear, samePairs, crossPairs: pairs(pupils.length) - samePairs, largestGroup }
  }
  return { sameIdentical, crossIdentical: allIdentical - sameIdentical, samePairs, crossPairs: pairs(pupils.length) - samePairs, largestGroup }
}

/**
 * P(X ≥ observed same-variant identical pairs), X ~ negative binomial predictive of the school's honest rate
 * (gamma prior updated by its cross-variant pairs); Poisson when the schools' rates do not vary.
 */
function sameVariantTest(c: PairCounts, b: PatternBaseline): { p: number; expected: number } | null {
  if (c.crossPairs === 0 || c.samePairs === 0) return null
  const exposure = b.ratio * c.samePairs
  if (!(b.rateVariance > 0) || !(b.rateMean > 0)) {
    const expected = b.rateMean * exposure
    return { p: c.sameIdentical === 0 ? 1 : expected > 0 ? poissonTestGreater(c.sameIdentical, expected) : 0, expected }
  }
  const shape = (b.rateMean * b.rateMean) / b.rateVariance + c.crossIdentical
  const rate = b.rateMean / b.rateVariance + c.crossPairs
  const expected = (shape / rate) * exposure
  // NB(size = shape, success prob = rate / (rate + exposure)): P(X ≥ k) = I_{exposure/(rate+exposure)}(k, shape).
  const p = c.sameIdentical === 0 ? 1 : regularizedIncompleteBeta(exposure / (rate + exposure), c.sameIdentical, shape)
  return { p, expected }
}

/** Pairs within one bag of counts by variant: same-variant and cross-variant. */
function splitPairs(byVariant: Iterable<number>): { same: number; cross: number } {
  let total = 0
  let same = 0
  for (const count of byVariant) {
    total += count
    same += pairs(count)
  }
  return { same, cross: pairs(total) - same }
}

/**
 * Moments of the schools' honest identical-pair rates from their cross-variant pairs (copying cannot reach them):
 * mean m = ΣO/ΣE; variance v from E[(O − mE)²] = mE + vE² (E = a school's cross-variant pairs).
 */
function ratePrior(schools: readonly PairCounts[]): { rateMean: number; rateVariance: number } {
  const used = schools.filter((c) => c.crossPairs > 0)
  const exposure = used.reduce((s, c) => s + c.crossPairs, 0)
  if (exposure === 0) return { rateMean: 0, rateVariance: 0 }
  const m = used.reduce((s, c) => s + c.crossIdentical, 0) / exposure
  const excess = used.reduce((s, c) => s + (c.crossIdentical - m * c.crossPairs) ** 2 - m * c.crossPairs, 0)
  const squares = used.reduce((s, c) => s + c.crossPairs * c.crossPairs, 0)
  return { rateMean: m, rateVariance: Math.max(0, excess / squares) }
}

/**
 * The upload's same/cross ratio of identical-pair rates, measured on pairs of pupils from DIFFERENT schools:
 * nobody copies across schools, so this ratio reflects only how far the variants are from parallel
 * (the same item in one variant is answered more alike than two different items). Pooling within schools
 * instead would let copying schools inflate the ratio and hide themselves.
 */
export function buildPatternBaseline(spec: ProcedureSpec, schools: readonly SchoolTally[], upload: Tally, settings: AnalysisSettings): PatternBaseline {
  const tasks = comparedTasks(spec, upload, settings.S11.easyShare)
  const near = settings.S11.maxDifferences > 0
  const allMask = new Map<PatternKey, number>()
  const allMaskVariant = new Map<PatternKey, number>()
  const perSchool: PairCounts[] = []
  const bySchool = new Map<string, PairCounts>()
  const all = new Map<PatternKey, number>()
  const allVariant = new Map<PatternKey, number>()
  const allVariants = new Map<number, number>()
  let withinSameIdentical = 0
  let withinCrossIdentical = 0
  let withinSamePairs = 0
  let withinCrossPairs = 0
  for (const school of schools) {
    const keys = patternKeys(school.pupils, spec, tasks)
    const masked = near ? maskedKeys(school.pupils, spec, tasks) : undefined
    const c = countPairs(school.pupils, keys, masked)
    perSchool.push(c)
    bySchool.set(school.schoolKey, c)
    withinSameIdentical += c.sameIdentical
    withinCrossIdentical += c.crossIdentical
    withinSamePairs += c.samePairs
    withinCrossPairs += c.crossPairs
    school.pupils.forEach((pupil, i) => {
      const variant = variantCode(pupil)
      allVariants.set(variant, (allVariants.get(variant) ?? 0) + 1)
      const key = keys[i]
      if (key === null || key === undefined) return
      all.set(key, (all.get(key) ?? 0) + 1)
      const both = compositeKey(key, variant)
      allVariant.set(both, (allVariant.get(both) ?? 0) + 1)
      for (const m of masked?.[i] ?? []) {
        allMask.set(m, (allMask.get(m) ?? 0) + 1)
        const withVariant = compositeKey(m, variant)
        allMaskVariant.set(withVariant, (allMaskVariant.get(withVariant) ?? 0) + 1)
      }
    })
  }
  let sameIdentical = -withinSameIdentical
  let allIdentical = -(withinSameIdentical + withinCrossIdentical)
  if (near) {
    // Matching pairs of the whole upload, less those within schools (already counted per school).
    let sameExact = 0
    let allExact = 0
    for (const count of allVariant.values()) sameExact += pairs(count)
    for (const count of all.values()) allExact += pairs(count)
    sameIdentical += nearPairs(allMaskVariant.values(), sameExact, tasks.length)
    allIdentical += nearPairs(allMask.values(), allExact, tasks.length)
  } else {
    for (const count of allVariant.values()) sameIdentical += pairs(count)
    for (const count of all.values()) allIdentical += pairs(count)
  }
  const crossIdentical = allIdentical - sameIdentical
  const everyone = splitPairs(allVariants.values())
  const samePairs = everyone.same - withinSamePairs
  const crossPairs = everyone.cross - withinCrossPairs
  const ratio = sameIdentical > 0 && crossIdentical > 0 && samePairs > 0 && crossPairs > 0 ? sameIdentical / samePairs / (crossIdentical / crossPairs) : 1
  return { tasks, ratio, ...ratePrior(perSchool), bySchool }
}

export const identicalAnswers: Sign = (ctx) => {
  const s11 = ctx.settings.S11
  const baseline = ctx.patterns
  if (!baseline || baseline.tasks.length === 0) return abstained("S11", "no_tasks")
  const c =
    baseline.bySchool.get(ctx.school.schoolKey) ??
    countPairs(ctx.school.pupils, patternKeys(ctx.school.pupils, ctx.spec, baseline.tasks), s11.maxDifferences > 0 ? maskedKeys(ctx.school.pupils, ctx.spec, baseline.tasks) : undefined)
  const test = sameVariantTest(c, baseline)
  if (!test) return abstained("S11", "single_variant", { pupils: ctx.school.pupils.length })
  const { p, expected } = test
  const evidence = {
    observedPairs: c.sameIdentical,
    expectedPairs: expected,
    crossVariantPairs: c.crossIdentical,
    p,
    largestGroup: c.largestGroup,
    tasksCompared: baseline.tasks.length,
    uploadRatio: baseline.ratio,
    schoolsRate: baseline.rateMean,
    minPairs: s11.minPairs,
  }
  const strength = c.sameIdentical >= s11.minPairs ? strengthOf(p, s11.alpha, s11.strongAlpha) : null
  return strength ? fired("S11", strength, "identical_answers", evidence) : notFired("S11", "answers_independent", evidence)
}
