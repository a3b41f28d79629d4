/**
 * The honest model: a graded-response item model. Pupil ability θ = school ability + N(0, 1); each task has
 * step difficulties; each school has small task-specific effects (what its teachers stressed), which honest
 * schools really show and every detector has to tolerate. Journal marks follow ability through a teacher's
 * leniency and noise, so they correlate with the score as in real files without being a function of it.
 */
import {
  CELL_NO_ANSWER,
  markForScore,
  type JournalMark,
  type ParticipantResult,
  type ProcedureSpec,
} from "../../../src/domain/results.ts"
import { logistic, logit, type Rng } from "./prng.ts"

export interface TaskModel {
  /** Difficulty of reaching each point of the task, increasing. */
  steps: number[]
  /** Completion this task was designed to have in an average school. */
  targetCompletion: number
}

export interface SchoolModel {
  ability: number
  /** Per task, added to ability on that task only. */
  taskEffects: number[]
  /** Shift of the teacher's journal marks (positive = lenient). */
  leniency: number
}

/**
 * SD of the school-by-task effects (logit scale): honest schools differ task by task (what their teachers
 * stressed). 0.7 reproduces the honest between-school spread of the S3/S12 statistic measured on the real
 * 2021 exports (τ ≈ 0.05–0.10); 0.3 gave a third of it and made hard-task signs look far too easy.
 */
export const TASK_EFFECT_SD = 0.7
const PUPIL_SD = 1
/**
 * Journal noise and teachers' leniency, matched to the real 2021 exports: within-school Spearman ρ of journal
 * mark vs score ≈ 0.71–0.76, and the robust SD over schools of the mean (ВПР mark − journal mark) 0.16–0.27
 * (generated: 0.20–0.23). The first guess, 0.45, spread schools half as wide again as the real files — which
 * contain inflating schools too — and hid inflated journals among "lenient teachers".
 */
const JOURNAL_NOISE_SD = 0.3
const LENIENCY_SD = 0.2
/** Latent cut points for journal marks 3/4/5: about 3 % «2», 35 % «3», 40 % «4», 22 % «5» overall. */
const JOURNAL_CUTS = [-2.48, -0.4, 1.02] as const

/**
 * Mean completion of the real 2021 regional exports (formats.md §9.2), so generated regions are as hard as
 * the real tests; other procedures default to 0.6.
 */
const REAL_MEAN_COMPLETION: Record<string, number> = {
  "Математика 4": 0.6,
  "Русский язык 4": 0.65,
  "Математика 5": 0.48,
  "Русский язык 5": 0.58,
}

/** SD of pupil ability over the whole region (school SD ≈ 0.45 and pupil SD 1). */
const REGION_ABILITY_SD = Math.hypot(0.45, PUPIL_SD)

/** Expected completion of a task over the region's abilities: E[score] = Σ_j P(θ > step_j), on a grid. */
function expectedCompletion(steps: number[]): number {
  let total = 0
  let weight = 0
  for (let z = -4; z <= 4; z += 0.25) {
    const w = Math.exp((-z * z) / 2)
    const theta = z * REGION_ABILITY_SD
    total += w * steps.reduce((s, step) => s + logistic(theta - step), 0)
    weight += w
  }
  return total / weight / steps.length
}

/**
 * Hard tasks get relative difficulty for 25–50 % completion, the others for 50–92 %; without levels it spreads
 * over 35–90 %. Then every step is shifted by one constant so the mean completion matches the real test.
 */
export function makeTaskModels(spec: ProcedureSpec, rng: Rng, meanCompletion?: number): TaskModel[] {
  const hasLevels = spec.tasks.some((t) => t.level === "П" || t.level === "В")
  const raw = spec.tasks.map((task) => {
    const hard = task.level === "П" || task.level === "В"
    const target = !hasLevels ? rng.uniform(0.35, 0.9) : hard ? rng.uniform(0.25, 0.5) : rng.uniform(0.5, 0.92)
    const centre = -logit(target) * 1.3
    return Array.from({ length: task.max }, (_, j) => centre + (j - (task.max - 1) / 2) * 0.8)
  })
  const goal = meanCompletion ?? REAL_MEAN_COMPLETION[`${spec.subject} ${spec.grade}`] ?? 0.6
  const meanAt = (shift: number): number =>
    raw.reduce((s, steps) => s + expectedCompletion(steps.map((b) => b + shift)), 0) / raw.length
  let low = -5
  let high = 5
  for (let i = 0; i < 40; i++) {
    const mid = (low + high) / 2
    if (meanAt(mid) > goal) low = mid
    else high = mid
  }
  return raw.map((steps) => {
    const shifted = steps.map((b) => b + (low + high) / 2)
    return { steps: shifted, targetCompletion: expectedCompletion(shifted) }
  })
}

export function makeSchoolModel(ability: number, taskCount: number, rng: Rng): SchoolModel {
  return {
    ability,
    taskEffects: Array.from({ length: taskCount }, () => rng.normal(0, TASK_EFFECT_SD)),
    leniency: rng.normal(0, LENIENCY_SD),
  }
}

/** Points on one task: one uniform draw against decreasing step probabilities (graded response). */
function taskScore(theta: number, model: TaskModel, rng: Rng): number {
  const u = rng.next()
  let score = 0
  for (const step of model.steps) {
    if (u < logistic(theta - step)) score++
    else break
  }
  return score
}

function journalMark(theta: number, leniency: number, rng: Rng): JournalMark {
  const latent = theta + leniency + rng.normal(0, JOURNAL_NOISE_SD)
  if (latent < JOURNAL_CUTS[0]) return 2
  if (latent < JOURNAL_CUTS[1]) return 3
  if (latent < JOURNAL_CUTS[2]) return 4
  return 5
}

export interface GeneratedPupil {
  result: ParticipantResult
  /** Latent ability, kept for manipulations that target weaker pupils. */
  theta: number
}

export function makePupil(
  spec: ProcedureSpec,
  tasks: TaskModel[],
  school: SchoolModel,
  ids: { schoolKey: string; index: number; className: string; absent: boolean },
  rng: Rng,
): GeneratedPupil {
  const theta = school.ability + rng.normal(0, PUPIL_SD)
  const code = `${spec.grade}${String(ids.index + 1).padStart(4, "0")}`
  // Every field gets its final type at creation (no null later replaced by a number), so all participants
  // share one object shape, as parsed ones do.
  if (ids.absent) {
    const result: ParticipantResult = {
      schoolKey: ids.schoolKey,
      code,
      className: null,
      variant: null,
      absent: true,
      cells: [],
      total: null,
      mark: null,
      journalMark: null,
      sex: null,
    }
    return { result, theta }
  }
  const cells = tasks.map((task, k) => {
    const points = taskScore(theta + (school.taskEffects[k] ?? 0), task, rng)
    // Real files mark about a third of the zero scores as "no answer" (X); both count as 0.
    return points === 0 && rng.chance(0.35) ? CELL_NO_ANSWER : points
  })
  const total = totalOf(cells)
  const result: ParticipantResult = {
    schoolKey: ids.schoolKey,
    code,
    className: ids.className,
    variant: (ids.index % 2) + 1,
    absent: false,
    cells,
    total,
    mark: spec.scale ? markForScore(total, spec.scale) : null,
    journalMark: rng.chance(0.01) ? null : journalMark(theta, school.leniency, rng),
    sex: rng.chance(0.5) ? "m" : "f",
  }
  return { result, theta }
}

function totalOf(cells: number[]): number {
  return cells.reduce((sum, cell) => sum + (cell > 0 ? cell : 0), 0)
}

/** Total and mark from the cells, as the parsers do; call after any change to the cells. */
export function recomputeTotals(result: ParticipantResult, spec: ProcedureSpec): void {
  if (result.absent) return
  const total = totalOf(result.cells)
  result.total = total
  result.mark = spec.scale ? markForScore(total, spec.scale) : null
}
