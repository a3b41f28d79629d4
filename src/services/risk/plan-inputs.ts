/**
 * The inputs of a re-check plan from an analysis: the schools' works, the tasks where S3 or S12 fired (as the sign
 * itself named them), and the region's task means by primary score.
 */
import { pointsOf, type ProcedureSpec } from "../../domain/results.ts"
import { taskNorms, type PlanSchool, type PlanSpec, type TaskNorms } from "../../domain/risk/recheck-plan.ts"
import type { SchoolAnalysis } from "../analysis/analyse.ts"
import type { ProcedureResults } from "../analysis/types.ts"

export function planSpecOf(spec: ProcedureSpec): PlanSpec {
  return { tasks: spec.tasks.map((task) => ({ label: task.label, max: task.max })), thresholds: spec.scale ? [spec.scale["3"], spec.scale["4"], spec.scale["5"]] : [] }
}

/** The tasks S3 (hard tasks) and S12 (criteria tasks) compared, when they fired: their evidence lists them by label. */
export function focusTasksOf(school: SchoolAnalysis | undefined, spec: ProcedureSpec): number[] {
  if (!school) return []
  const labels = new Set<string>()
  for (const sign of school.signs) {
    if ((sign.id !== "S3" && sign.id !== "S12") || sign.status !== "fired") continue
    const focus = sign.evidence.focusTasks
    if (typeof focus === "string") for (const label of focus.split(",")) labels.add(label.trim())
  }
  return spec.tasks.flatMap((task, k) => (labels.has(task.label) ? [k] : []))
}

export function planSchoolOf(results: ProcedureResults, analysis: readonly SchoolAnalysis[], schoolKey: string): PlanSchool | null {
  const school = results.schools.find((s) => s.schoolKey === schoolKey)
  if (!school) return null
  const works = school.participants.flatMap((p) =>
    p.absent || p.total === null ? [] : [{ code: p.code, cells: p.cells.map(pointsOf), total: p.total, mark: p.mark }],
  )
  return { schoolKey, works, focusTasks: focusTasksOf(analysis.find((s) => s.schoolKey === schoolKey), results.spec) }
}

export function regionNorms(results: ProcedureResults): TaskNorms {
  const works = results.schools.flatMap((school) =>
    school.participants.flatMap((p) => (p.absent || p.total === null ? [] : [{ cells: p.cells, total: p.total }])),
  )
  return taskNorms(works, results.spec.tasks.length, results.spec.maxTotal)
}
