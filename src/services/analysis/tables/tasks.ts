/**
 * «Выполнение заданий», «Выполнение заданий группами участников» and achievement per variant.
 * Completion of a task = Σ points / (n_counted · max), where n_counted leaves out the cells marked
 * "topic not taught" (formats.md §7: such a task was not the pupil's to solve); of a group of tasks = Σ points / Σ max.
 */
import {
  countsForCompletion,
  pointsOf,
  type Mark,
  type ParticipantResult,
  type ProcedureSpec,
  type TaskLevel,
} from "../../../domain/results.ts"
import { mean } from "../../../domain/stats/index.ts"
import { MARKS } from "./marks.ts"
import { presentOf } from "./participants.ts"

type TaskShape = Pick<ProcedureSpec, "tasks">

export interface TaskCompletionRow {
  /** Position in the spec, 0-based. */
  index: number
  label: string
  max: number
  level: TaskLevel | null
  /** Present participants whose cell takes part in completion. */
  counted: number
  /** Σ points over the counted cells. */
  points: number
  /** counted · max: the trials of a Wilson interval on points. */
  possible: number
  /** 100 · points / possible, unrounded; null when nobody counted. */
  percent: number | null
}

interface TaskTotals {
  points: number[]
  counted: number[]
}

function percentOf(points: number, possible: number): number | null {
  return possible > 0 ? (100 * points) / possible : null
}

function tallyTasks(participants: readonly ParticipantResult[], spec: TaskShape): TaskTotals {
  const k = spec.tasks.length
  const totals: TaskTotals = { points: new Array<number>(k).fill(0), counted: new Array<number>(k).fill(0) }
  for (const p of participants) {
    if (p.cells.length !== k) {
      throw new RangeError(`participant ${p.schoolKey}/${p.code}: ${p.cells.length} cells, the spec has ${k} tasks`)
    }
    p.cells.forEach((cell, i) => {
      if (!countsForCompletion(cell)) return
      totals.counted[i]!++
      totals.points[i]! += pointsOf(cell)
    })
  }
  return totals
}

function completionRows(totals: TaskTotals, spec: TaskShape): TaskCompletionRow[] {
  return spec.tasks.map((task, index) => {
    const counted = totals.counted[index]!
    const points = totals.points[index]!
    const possible = counted * task.max
    return { index, label: task.label, max: task.max, level: task.level, counted, points, possible, percent: percentOf(points, possible) }
  })
}

/** Per-task completion of the present participants of a scope. */
export function taskCompletion(participants: readonly ParticipantResult[], spec: TaskShape): TaskCompletionRow[] {
  return completionRows(tallyTasks(presentOf(participants), spec), spec)
}

export interface MarkGroupCompletion {
  mark: Mark
  /** Present participants with this VPR mark. */
  n: number
  tasks: TaskCompletionRow[]
}

/** «Выполнение заданий группами участников»: task completion of the pupils grouped by their VPR mark. */
export function taskCompletionByMark(
  participants: readonly ParticipantResult[],
  spec: TaskShape,
): MarkGroupCompletion[] {
  const present = presentOf(participants)
  return MARKS.map((mark) => {
    const group = present.filter((p) => p.mark === mark)
    return { mark, n: group.length, tasks: completionRows(tallyTasks(group, spec), spec) }
  })
}

export interface TaskGroupCompletion {
  /** Number of tasks in the group. */
  tasks: number
  points: number
  possible: number
  percent: number | null
}

/** Completion of the basic / advanced / high-level tasks (Σ points / Σ max); tasks without a level under null. */
export function levelCompletion(
  participants: readonly ParticipantResult[],
  spec: TaskShape,
): (TaskGroupCompletion & { level: TaskLevel | null })[] {
  const rows = taskCompletion(participants, spec)
  const levels: (TaskLevel | null)[] = ["Б", "П", "В", null]
  return levels
    .map((level) => ({ level, ...sumRows(rows.filter((r) => r.level === level)) }))
    .filter((group) => group.tasks > 0)
}

function sumRows(rows: readonly TaskCompletionRow[]): TaskGroupCompletion {
  let points = 0
  let possible = 0
  for (const r of rows) {
    points += r.points
    possible += r.possible
  }
  return { tasks: rows.length, points, possible, percent: percentOf(points, possible) }
}

export interface VariantAchievement {
  /** Variant number; null for present participants whose file gave none. */
  variant: number | null
  n: number
  meanScore: number
  /** Σ points / Σ max over the counted cells of the variant's participants, in percent. */
  completionPercent: number | null
}

/** Results per variant: a variant much easier than the other shows up here, not as a school's merit. */
export function variantAchievement(participants: readonly ParticipantResult[], spec: TaskShape): VariantAchievement[] {
  const byVariant = new Map<number | null, (ParticipantResult & { total: number })[]>()
  for (const p of presentOf(participants)) {
    const group = byVariant.get(p.variant)
    if (group) group.push(p)
    else byVariant.set(p.variant, [p])
  }
  const keys = [...byVariant.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b))
  return keys.map((variant) => {
    const group = byVariant.get(variant)!
    const all = sumRows(completionRows(tallyTasks(group, spec), spec))
    return { variant, n: group.length, meanScore: mean(group.map((p) => p.total)), completionPercent: all.percent }
  })
}
