/**
 * S2 «выполнение заданий выше контрольной выборки»: per task, the Wilson interval of the school's completion
 * (trials = participants × task maximum, i.e. points) against the reference group's; fires when at least
 * `shareOfTasks` of the tasks lie entirely above.
 */
import { wilsonInterval } from "../../../domain/stats/index.ts"
import type { Sign } from "./common/types.ts"
import { abstained, fired, notFired } from "./common/sign-result.ts"

export const tasksAboveGroup: Sign = (ctx) => {
  const { spec, school, group, settings } = ctx
  const above: string[] = []
  let compared = 0
  spec.tasks.forEach((task, k) => {
    const trials = (school.taskTrials[k] ?? 0) * task.max
    const groupTrials = (group.reference.taskTrials[k] ?? 0) * task.max
    if (trials === 0 || groupTrials === 0) return
    compared++
    const s = wilsonInterval(school.taskPoints[k] ?? 0, trials, settings.confidence)
    const g = wilsonInterval(group.reference.taskPoints[k] ?? 0, groupTrials, settings.confidence)
    if (s.low > g.high) above.push(task.label)
  })
  if (compared === 0) return abstained("S2", "no_reference", { tasks: 0 })
  const share = above.length / compared
  const evidence = { tasks: compared, tasksAbove: above.length, share, threshold: settings.S2.shareOfTasks, tasksAboveLabels: above.join(", ") }
  return share >= settings.S2.shareOfTasks && above.length > 0
    ? fired("S2", "moderate", "tasks_above_group", evidence)
    : notFired("S2", "few_tasks_above", evidence)
}
