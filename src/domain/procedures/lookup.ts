/**
 * Finding a spec: by its key, or by the set of task columns a file carries (the header set identifies
 * the test, formats.md §8), and listing how a file's task columns differ from a spec.
 */
import type { ProcedureKey, ProcedureSpec, TaskSpec } from "../results.ts"
import type { TaskHeader } from "../task-header.ts"
import { canonicalTaskLabel } from "../task-header.ts"
import { PROCEDURE_SPECS } from "./catalogue.ts"
import { sameSubject } from "./subjects.ts"

function sameKey(spec: ProcedureKey, key: ProcedureKey): boolean {
  return spec.kind === key.kind && spec.year === key.year && spec.grade === key.grade && sameSubject(spec.subject, key.subject)
}

/** Keep only the highest version of each procedure. */
export function latestVersions(specs: readonly ProcedureSpec[]): ProcedureSpec[] {
  const latest = new Map<string, ProcedureSpec>()
  for (const spec of specs) {
    const id = `${spec.kind}|${spec.year}|${spec.grade}|${spec.subject.toLowerCase()}`
    const known = latest.get(id)
    if (!known || known.version < spec.version) latest.set(id, spec)
  }
  return [...latest.values()]
}

/** The spec of a procedure: the given version when asked for, else the highest one; null when unknown. */
export function findSpec(
  key: ProcedureKey,
  specs: readonly ProcedureSpec[] = PROCEDURE_SPECS,
  version?: number,
): ProcedureSpec | null {
  let best: ProcedureSpec | null = null
  for (const spec of specs) {
    if (!sameKey(spec, key)) continue
    if (version !== undefined) {
      if (spec.version === version) return spec
      continue
    }
    if (!best || best.version < spec.version) best = spec
  }
  return best
}

function taskKey(label: string, max: number): string {
  return `${canonicalTaskLabel(label)}|${max}`
}

/** Whether the two task lists hold the same (label, max) pairs, in any order. */
function sameTaskSet(found: readonly TaskHeader[], tasks: readonly TaskSpec[]): boolean {
  if (found.length !== tasks.length) return false
  const counts = new Map<string, number>()
  for (const task of tasks) counts.set(taskKey(task.label, task.max), (counts.get(taskKey(task.label, task.max)) ?? 0) + 1)
  for (const header of found) {
    const key = taskKey(header.label, header.max)
    const left = counts.get(key) ?? 0
    if (left === 0) return false
    counts.set(key, left - 1)
  }
  return true
}

/**
 * The specs (latest versions) whose tasks are exactly the given labels and maxima, newest year first.
 * Several can match: География 10 and 11 share a structure, so do the grade-11 languages, and 2021/2022.
 */
export function specMatchingHeaders(
  labelsWithMax: readonly TaskHeader[],
  year?: number,
  specs: readonly ProcedureSpec[] = PROCEDURE_SPECS,
): ProcedureSpec[] {
  return latestVersions(specs)
    .filter((spec) => (year === undefined || spec.year === year) && sameTaskSet(labelsWithMax, spec.tasks))
    .sort((a, b) => b.year - a.year || a.grade - b.grade || a.subject.localeCompare(b.subject))
}

export interface TaskDifferences {
  /** Spec tasks with no column in the file. */
  missing: TaskSpec[]
  /** File columns (by position in the file's task list) that the spec does not have. */
  extra: { index: number; label: string; max: number }[]
  /** Columns whose label is in the spec but whose maximum differs. */
  maxDiffers: { index: number; label: string; found: number; expected: number }[]
  /** Columns whose label repeats an earlier column. */
  duplicates: { index: number; label: string }[]
  /** When nothing differs: for each spec task, the position of its column in the file. */
  order: number[] | null
}

/** How a file's task columns differ from a spec (labels compared in canonical form). */
export function compareTaskHeaders(found: readonly TaskHeader[], spec: Pick<ProcedureSpec, "tasks">): TaskDifferences {
  const specIndex = new Map(spec.tasks.map((task, index) => [canonicalTaskLabel(task.label), index]))
  const seen = new Map<string, number>()
  const differences: TaskDifferences = { missing: [], extra: [], maxDiffers: [], duplicates: [], order: null }
  const order: number[] = new Array<number>(spec.tasks.length).fill(-1)
  found.forEach((header, index) => {
    const label = canonicalTaskLabel(header.label)
    if (seen.has(label)) {
      differences.duplicates.push({ index, label })
      return
    }
    seen.set(label, index)
    const at = specIndex.get(label)
    const task = at === undefined ? undefined : spec.tasks[at]
    if (at === undefined || !task) {
      differences.extra.push({ index, label, max: header.max })
      return
    }
    order[at] = index
    if (task.max !== header.max) differences.maxDiffers.push({ index, label, found: header.max, expected: task.max })
  })
  spec.tasks.forEach((task, at) => {
    if (order[at] === -1) differences.missing.push(task)
  })
  const clean =
    differences.missing.length + differences.extra.length + differences.maxDiffers.length + differences.duplicates.length === 0
  if (clean) differences.order = order
  return differences
}
