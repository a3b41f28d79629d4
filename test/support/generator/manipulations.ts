/**
 * Injected manipulations. Each changes an honest school's results the way the practice it names would, at a
 * plausible intensity set once from the description of the practice (not tuned to the signs). `strength` scales
 * it: 1 is that intensity, the detection bench draws from about half of it to all of it (real schools do not all
 * push equally hard). With `nearIdentical`, copiers keep some answers of their own and make slips, as people who
 * copy by hand do, so their patterns are alike but not identical.
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

export interface ManipulationStyle {
  /** Share of INTENSITY applied (1: the fixed intensity). */
  strength?: number
  /** Copiers keep some own answers and slip now and then instead of handing in identical works. */
  nearIdentical?: boolean
}

/** A copier's chance to keep their own answer on a task, at strength 1 (more at weaker strengths), and to slip on one. */
export const COPY_KEEP_OWN = 0.1
export const COPY_SLIP = 0.3

export function applyManipulation(
  kind: Manipulation,
  pupils: GeneratedPupil[],
  spec: ProcedureSpec,
  tasks: TaskModel[],
  rng: Rng,
  style: ManipulationStyle = {},
): void {
  const s = style.strength ?? 1
  const writers = present(pupils)
  switch (kind) {
    case "threshold_push": {
      const thresholds = spec.scale ? [spec.scale["3"], spec.scale["4"], spec.scale["5"]] : []
      for (const p of writers) {
        const total = p.result.total ?? 0
        const target = thresholds.find((t) => total < t && total >= t - 2)
        if (target !== undefined && rng.chance(INTENSITY.thresholdPush * s)) addPoints(p, target - total, spec, rng)
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
          if (rng.chance(INTENSITY.hardTaskHelp * s)) p.result.cells[k] = spec.tasks[k]?.max ?? 0
        }
      }
      break
    }
    case "inflated_journal": {
      for (const p of writers) {
        const j = p.result.journalMark
        if (j !== null && j < 5 && rng.chance(INTENSITY.inflatedJournal * s)) p.result.journalMark = (j + 1) as 3 | 4 | 5
      }
      break
    }
    case "lenient_checking": {
      for (const p of writers) {
        spec.tasks.forEach((task, k) => {
          const cell = Math.max(p.result.cells[k] ?? 0, 0)
          if (task.max >= 2 && cell < task.max && rng.chance(INTENSITY.lenientChecking * s)) p.result.cells[k] = cell + 1
        })
      }
      break
    }
    case "copying": {
      const variant = writers.filter((p) => p.result.variant === 1)
      const copiers = Math.max(4, Math.round(variant.length * INTENSITY.copying * s))
      const group = rng.shuffle(variant).slice(0, copiers)
      const source = group[0]
      if (!source) break
      const keepOwn = COPY_KEEP_OWN + 0.2 * (1 - s)
      for (const p of group.slice(1)) {
        if (!style.nearIdentical) {
          p.result.cells = source.result.cells.slice()
          continue
        }
        const own = p.result.cells
        const copied = source.result.cells.map((cell, k) => (rng.chance(keepOwn) ? (own[k] ?? cell) : cell))
        if (rng.chance(COPY_SLIP)) {
          const k = rng.int(0, copied.length - 1)
          const max = spec.tasks[k]?.max ?? 1
          const points = Math.max(copied[k] ?? 0, 0)
          copied[k] = points > 0 && (points === max || rng.chance(0.5)) ? points - 1 : Math.min(max, points + 1)
        }
        p.result.cells = copied
      }
      break
    }
    case "mean_inflation": {
      const points = Math.max(1, Math.round(spec.maxTotal * INTENSITY.meanInflation * s))
      for (const p of writers) addPoints(p, points, spec, rng)
      break
    }
  }
  for (const p of writers) recomputeTotals(p.result, spec)
}
