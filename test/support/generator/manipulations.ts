/**
 * Injected manipulations. Each changes an honest school's results the way the practice it names would,
 * at one fixed, plausible intensity (set once from the description of the practice, not tuned to the signs).
 */
import type { ProcedureSpec } from "../../../src/domain/results.ts"
import { recomputeTotals, type GeneratedPupil, type TaskModel } from "./pupils.ts"
import type { Rng } from "./prng.ts"

export const MANIPULATIONS = [
  "threshold_push",
  "hard_task_help",
  "inflated_journal",
  "lenient_checking",
  "copying",
  "mean_inflation",
] as const
export type Manipulation = (typeof MANIPULATIONS)[number]

/**
 * Manipulations done by whoever checks the works (points the work does not earn). A re-checker scoring the
 * work again takes them away; help during the work and copied answers are on the paper and stand.
 */
export const ADDED_AT_CHECKING: ReadonlySet<Manipulation> = new Set(["threshold_push", "lenient_checking", "mean_inflation"])

/** Share of pupils a manipulation touches where it picks pupils at random. */
export const INTENSITY = {
  /** Pupils 1–2 points below a mark threshold raised to it. */
  thresholdPush: 0.8,
  /** Weaker half: chance that each hard task is "answered" in full. */
  hardTaskHelp: 0.6,
  /** Chance that a pupil's journal mark is one higher than the teacher would honestly give. */
  inflatedJournal: 0.6,
  /** Chance that each criteria task (max ≥ 2) short of its maximum gets one more point. */
  lenientChecking: 0.5,
  /** Share of one variant's pupils (at least 4) that hand in the same answers. */
  copying: 0.3,
  /** Points added to every pupil, as a share of the maximum score. */
  meanInflation: 0.1,
} as const

function present(pupils: GeneratedPupil[]): GeneratedPupil[] {
  return pupils.filter((p) => !p.result.absent)
}

/** Adds `points` to random tasks that are not yet at their maximum. */
function addPoints(pupil: GeneratedPupil, points: number, spec: ProcedureSpec, rng: Rng): void {
  const cells = pupil.result.cells
  for (let added = 0; added < points; added++) {
    const open = spec.tasks.map((t, k) => k).filter((k) => Math.max(cells[k] ?? 0, 0) < (spec.tasks[k]?.max ?? 0))
    if (open.length === 0) return
    const k = rng.pick(open)
    cells[k] = Math.max(cells[k] ?? 0, 0) + 1
  }
}

/** Hard tasks as the people who help would see them: П/В, else the third with the lowest design completion. */
export function hardTaskIndexes(spec: ProcedureSpec, tasks: TaskModel[]): number[] {
  const byLevel = spec.tasks.flatMap((t, k) => (t.level === "П" || t.level === "В" ? [k] : []))
  if (byLevel.length > 0) return byLevel
  const order = tasks.map((t, k) => ({ k, c: t.targetCompletion })).sort((a, b) => a.c - b.c)
  return order.slice(0, Math.max(1, Math.round(tasks.length / 3))).map((o) => o.k)
}

export function applyManipulation(
  kind: Manipulation,
  pupils: GeneratedPupil[],
  spec: ProcedureSpec,
  tasks: TaskModel[],
  rng: Rng,
): void {
  const writers = present(pupils)
  switch (kind) {
    case "threshold_push": {
      const thresholds = spec.scale ? [spec.scale["3"], spec.scale["4"], spec.scale["5"]] : []
      for (const p of writers) {
        const total = p.result.total ?? 0
        const target = thresholds.find((t) => total < t && total >= t - 2)
        if (target !== undefined && rng.chance(INTENSITY.thresholdPush)) addPoints(p, target - total, spec, rng)
      }
      break
    }
    case "hard_task_help": {
      const hard = hardTaskIndexes(spec, tasks)
      const sorted = writers.map((p) => p.result.total ?? 0).sort((a, b) => a - b)
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0
      for (const p of writers) {
        if ((p.result.total ?? 0) >= median) continue
        for (const k of hard) {
          if (rng.chance(INTENSITY.hardTaskHelp)) p.result.cells[k] = spec.tasks[k]?.max ?? 0
        }
      }
      break
    }
    case "inflated_journal": {
      for (const p of writers) {
        const j = p.result.journalMark
        if (j !== null && j < 5 && rng.chance(INTENSITY.inflatedJournal)) p.result.journalMark = (j + 1) as 3 | 4 | 5
      }
      break
    }
    case "lenient_checking": {
      for (const p of writers) {
        spec.tasks.forEach((task, k) => {
          const cell = Math.max(p.result.cells[k] ?? 0, 0)
          if (task.max >= 2 && cell < task.max && rng.chance(INTENSITY.lenientChecking)) p.result.cells[k] = cell + 1
        })
      }
      break
    }
    case "copying": {
      const variant = writers.filter((p) => p.result.variant === 1)
      const copiers = Math.max(4, Math.round(variant.length * INTENSITY.copying))
      const group = rng.shuffle(variant).slice(0, copiers)
      const source = group[0]
      if (!source) break
      for (const p of group.slice(1)) p.result.cells = source.result.cells.slice()
      break
    }
    case "mean_inflation": {
      const points = Math.max(1, Math.round(spec.maxTotal * INTENSITY.meanInflation))
      for (const p of writers) addPoints(p, points, spec, rng)
      break
    }
  }
  for (const p of writers) recomputeTotals(p.result, spec)
}
