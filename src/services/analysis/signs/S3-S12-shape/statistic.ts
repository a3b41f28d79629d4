/**
 * The shape statistic behind S3 (hard vs easy tasks) and S12 (criteria vs one-point tasks).
 *
 * A school is compared with the SAME overall level, not with the whole group: strong honest schools gain most on
 * hard tasks (the item curves are logistic), so a plain group comparison flags them and misses helped weak
 * schools. The expected completion e_k comes, by default, from pupils of the same primary score in other schools
 * (score-table.ts); or from the schools whose mean completion lies within ±window (level-index.ts).
 *
 * Per pupil i: d_i = mean over focus tasks (x_ik/m_k − e_k) − mean over comparison tasks (x_ik/m_k − e_k);
 * Δ = mean d_i. Its uncertainty has two parts: pupils (sd(d)/√n) and honest school-to-school variation of
 * the shape (what a school's teachers stressed), τ, estimated robustly over the procedure's larger schools.
 * Without τ every large school with a slightly unusual curriculum would be "significant".
 */
import { normalSf, studentTSf } from "../../../../domain/stats/index.ts"
import type { ProcedureSpec } from "../../../../domain/results.ts"
import type { AnalysisSettings } from "../../settings.ts"
import { pupilDeviation, type LevelIndex } from "./level-index.ts"
import type { ScoreTable } from "./score-table.ts"
import { medianOfSorted as median, robustCentreAndSd, theilSen } from "../common/robust.ts"
import { taskCompletion, type SchoolTally, type Tally } from "../common/school-tallies.ts"

export { LevelIndex } from "./level-index.ts"

export interface TaskSplit {
  focus: number[]
  comparison: number[]
  /** How the focus tasks were chosen ("levels", "lowest_completion", "criteria"). */
  basis: string
}

export interface ShapeStatistic {
  delta: number
  /** Pupil part of the standard error. */
  pupilSe: number
  /** Between-school SD of Δ among honest-looking schools of the procedure. */
  tau: number
  t: number
  /** One-sided p of Δ > 0. */
  p: number
  /** The weaker-half contrast (RawShape.contrast), centred and rescaled: its z and one-sided p (null when not computable). */
  contrastCentre: number
  contrastScale: number
  contrastZ: number | null
  contrastP: number | null
  contrast: number | null
  contrastSe: number | null
  pupils: number
  /** School-completion basis only: reference schools that gave the expected completions, and their range. */
  levelSchools: number | null
  levelLow: number | null
  levelHigh: number | null
  split: TaskSplit
}

/** A shape statistic, or why there is none ("no_task_split", "no_same_level_schools", "too_few_pupils"). */
export type ShapeOutcome = ShapeStatistic | { abstain: string }

/** Hard = П/В tasks, else the `hardShare` of tasks with the lowest reference completion; easy = the same share with the highest. */
export function hardEasySplit(spec: ProcedureSpec, reference: Tally, hardShare: number): TaskSplit | null {
  const count = Math.max(1, Math.round(spec.tasks.length * hardShare))
  const completion = spec.tasks.map((t, k) => ({ k, c: taskCompletion(reference, k, t.max) ?? 0 }))
  const byLevel = spec.tasks.flatMap((t, k) => (t.level === "П" || t.level === "В" ? [k] : []))
  const focus = byLevel.length > 0 ? byLevel : [...completion].sort((a, b) => a.c - b.c).slice(0, count).map((x) => x.k)
  const comparison = completion
    .filter((x) => !focus.includes(x.k))
    .sort((a, b) => b.c - a.c)
    .slice(0, count)
    .map((x) => x.k)
  if (focus.length === 0 || comparison.length === 0) return null
  return { focus, comparison, basis: byLevel.length > 0 ? "levels" : "lowest_completion" }
}

/** Tasks checked by criteria (max ≥ 2) vs one-point tasks. */
export function openClosedSplit(spec: ProcedureSpec): TaskSplit | null {
  const focus = spec.tasks.flatMap((t, k) => (t.max >= 2 ? [k] : []))
  const comparison = spec.tasks.flatMap((t, k) => (t.max === 1 ? [k] : []))
  if (focus.length === 0 || comparison.length === 0) return null
  return { focus, comparison, basis: "criteria" }
}

export interface RawShape {
  /** The school's mean completion: where it stands among the schools (the contrast's centre depends on it). */
  completion: number
  delta: number
  pupilSe: number
  pupils: number
  /**
   * Mean d of the weaker half (by primary score) minus the stronger half, and its Welch SE: help given to weaker
   * pupils shows here, while what a school's teaching stresses shifts both halves alike and cancels out.
   */
  contrast: number | null
  contrastSe: number | null
  /** School-completion basis only: the same-level schools used and their completion range. */
  levelSchools: number | null
  levelLow: number | null
  levelHigh: number | null
}

/** Where the expectations come from: each pupil's score (ScoreTable) or the school's level (LevelIndex). */
export type Expectation = { basis: "pupil_score"; table: ScoreTable } | { basis: "school_completion"; index: LevelIndex }

function meanVar(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length
  const variance = xs.length > 1 ? xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1) : 0
  return { mean, variance }
}

/**
 * Rows of (rest score, d) with d present. The halves are cut by the score on the tasks outside the focus: help
 * on the focus tasks lifts a weaker pupil's total over the school median, so a cut by the total would hide the
 * helped pupils among the stronger half.
 */
function summarise(
  rows: { rest: number; d: number }[],
  completion: number,
  level: { schools: number; low: number; high: number } | null,
): RawShape | null {
  if (rows.length < 2) return null
  const all = meanVar(rows.map((r) => r.d))
  const rests = rows.map((r) => r.rest).sort((a, b) => a - b)
  const middle = rests[rests.length >> 1] ?? 0
  const weaker = rows.filter((r) => r.rest < middle).map((r) => r.d)
  const stronger = rows.filter((r) => r.rest >= middle).map((r) => r.d)
  let contrast: number | null = null
  let contrastSe: number | null = null
  if (weaker.length >= 3 && stronger.length >= 3) {
    const w = meanVar(weaker)
    const st = meanVar(stronger)
    contrast = w.mean - st.mean
    contrastSe = Math.sqrt(w.variance / weaker.length + st.variance / stronger.length)
  }
  return {
    completion,
    delta: all.mean,
    pupilSe: Math.sqrt(all.variance / rows.length),
    pupils: rows.length,
    contrast,
    contrastSe,
    levelSchools: level?.schools ?? null,
    levelLow: level?.low ?? null,
    levelHigh: level?.high ?? null,
  }
}

/**
 * Δ and its pupil standard error for one school; null with fewer than two usable pupils.
 * d_i = mean over focus tasks of (x/m − e_k) − mean over comparison tasks of (x/m − e_k), with e_k expected for
 * pupils of the same score (pupil_score) or in schools of the same mean completion (school_completion).
 */
export function rawShape(school: SchoolTally, split: TaskSplit, expectation: Expectation, spec: ProcedureSpec, settings: AnalysisSettings): RawShape | null {
  if (expectation.basis === "pupil_score") {
    const ds = expectation.table.deviations(school, split)
    return summarise(
      school.pupils.flatMap((p, i) => {
        const d = ds[i]
        return d === null || d === undefined ? [] : [{ rest: restScore(p.cells, p.total, split), d }]
      }),
      school.meanCompletion,
      null,
    )
  }
  const level = expectation.index.expected(school, settings.sameLevel.window, settings.sameLevel.minSchools)
  if (!level) return null
  const rows: { rest: number; d: number }[] = []
  const maxima = spec.tasks.map((t) => t.max)
  for (const pupil of school.pupils) {
    const focus = pupilDeviation(pupil.cells, split.focus, maxima, level.expected)
    const comparison = pupilDeviation(pupil.cells, split.comparison, maxima, level.expected)
    if (focus !== null && comparison !== null) rows.push({ rest: restScore(pupil.cells, pupil.total, split), d: focus - comparison })
  }
  return summarise(rows, school.meanCompletion, level)
}

/** The pupil's points outside the focus tasks. */
function restScore(cells: readonly number[], total: number | null, split: TaskSplit): number {
  let focus = 0
  for (const k of split.focus) focus += Math.max(cells[k] ?? 0, 0)
  return (total ?? 0) - focus
}

/**
 * τ² = robust variance of Δ over the schools (1.4826·MAD, so a minority of manipulated schools barely moves it)
 * minus the typical pupil variance. Uses schools with ≥ `minPupils` pupils, or all when too few of them.
 */
export function betweenSchoolSd(raws: RawShape[], minPupils: number): number {
  const large = raws.filter((r) => r.pupils >= minPupils)
  const used = large.length >= 10 ? large : raws
  if (used.length < 5) return 0
  const { sd } = robustCentreAndSd(used.map((r) => r.delta))
  const pupilVar = median(used.map((r) => r.pupilSe ** 2).sort((a, b) => a - b))
  return Math.sqrt(Math.max(0, sd ** 2 - pupilVar))
}

/** Where honest schools' contrasts sit (a line in the school's mean completion) and how widely their z spreads. */
export interface ContrastCalibration {
  intercept: number
  slope: number
  scale: number
}

/**
 * The contrast is not centred on 0 for honest schools, and its centre moves with the school's level: cutting the
 * halves by the rest score puts pupils whose focus tasks went better than their rest into the weaker half, and near
 * the ceiling the stronger half has no room left. So the centre is a robust line in the school's mean completion,
 * fitted over the larger schools; z = (contrast − centre) / SE is overdispersed across honest schools too
 * (measured: SD 1.2–1.5 on the real 2021 exports), so its robust SD (at least 1) rescales it.
 */
export function contrastCalibration(raws: RawShape[], minPupils: number): ContrastCalibration {
  const usable = raws.filter((r) => r.pupils >= minPupils && r.contrast !== null && (r.contrastSe ?? 0) > 0)
  if (usable.length < 10) return { intercept: 0, slope: 0, scale: 1 }
  const line = theilSen(usable.map((r) => ({ x: r.completion, y: r.contrast as number })))
  const { sd } = robustCentreAndSd(usable.map((r) => ((r.contrast as number) - contrastCentre(line, r)) / (r.contrastSe as number)))
  return { ...line, scale: Math.max(1, sd) }
}

function contrastCentre(line: { intercept: number; slope: number }, raw: RawShape): number {
  return line.intercept + line.slope * raw.completion
}

export function finishShape(raw: RawShape, tau: number, calibration: ContrastCalibration, split: TaskSplit): ShapeStatistic {
  const se = Math.sqrt(raw.pupilSe ** 2 + tau ** 2)
  const centre = contrastCentre(calibration, raw)
  const t = se > 0 ? raw.delta / se : raw.delta > 0 ? Infinity : 0
  const p = Number.isFinite(t) ? studentTSf(t, raw.pupils - 1) : 0
  const contrastZ =
    raw.contrast !== null && (raw.contrastSe ?? 0) > 0 ? (raw.contrast - centre) / (raw.contrastSe as number) / calibration.scale : null
  const contrastP = contrastZ === null ? null : normalSf(contrastZ)
  return { ...raw, tau, t, p, contrastCentre: centre, contrastScale: calibration.scale, contrastZ, contrastP, split }
}
