import { localDate } from "../../domain/calendar/zoned.ts"
import type { Actor } from "../access/roles.ts"
import { dueAfter } from "../deadlines/rules-store.ts"
import type { DeadlineTracker } from "../deadlines/track.ts"
import type { ServiceDeps } from "../deps.ts"

/**
 * The risk workflow's dates as deadlines (services/deadlines): a re-check is due by the municipality's `recheckDue`
 * rule (10 working days after it was planned), a follow-up measure by the date the coordinator chose. The deadlines
 * service reminds, lists them in /deadlines and escalates once; the workflow closes them when the work is done.
 * Without a tracker (tests of the workflow alone) nothing is tracked.
 */
export function createRiskDeadlines(deps: ServiceDeps, tracker: DeadlineTracker | undefined, defaultTimeZone: string) {
  async function municipalitiesOf(schoolIds: readonly number[]): Promise<{ id: number; timeZone: string }[]> {
    const schools = await deps.prisma.school.findMany({ where: { id: { in: [...schoolIds] } }, select: { municipality: { select: { id: true, timeZone: true } } } })
    const byId = new Map(schools.flatMap((school) => (school.municipality ? [[school.municipality.id, school.municipality] as const] : [])))
    return [...byId.values()]
  }

  const recheckKey = (planId: number, municipalityId: number) => `risk:recheck:${planId}:${municipalityId}`
  const measureKey = (measureId: number) => `risk:measure:${measureId}`

  return {
    /** One item per municipality of the plan's schools: each municipality's commission has its own date. */
    async recheckPlanned(actor: Actor, plan: { planId: number; procedure: string; schoolIds: readonly number[] }): Promise<void> {
      if (!tracker) return
      for (const municipality of await municipalitiesOf(plan.schoolIds)) {
        const planned = localDate(deps.clock.now(), municipality.timeZone || defaultTimeZone)
        const due = await dueAfter(deps, municipality.id, "recheckDue", planned)
        await tracker.track({
          key: recheckKey(plan.planId, municipality.id),
          kind: "recheck",
          title: { key: "deadline-title-recheck", params: { plan: plan.planId, procedure: plan.procedure } },
          municipalityId: municipality.id,
          due,
          responsible: { userIds: [actor.userId], roles: ["municipal_coordinator"] },
          createdById: actor.userId,
        })
      }
    },

    async recheckReceived(actor: Actor, plan: { planId: number; schoolIds: readonly number[] }): Promise<void> {
      if (!tracker) return
      for (const municipality of await municipalitiesOf(plan.schoolIds)) await tracker.complete(recheckKey(plan.planId, municipality.id), { byUserId: actor.userId })
    },

    async measurePlanned(actor: Actor, measure: { measureId: number; caseId: number; kind: string; dueDate: string; schoolId: number }): Promise<void> {
      if (!tracker) return
      const [municipality] = await municipalitiesOf([measure.schoolId])
      if (!municipality) return
      await tracker.track({
        key: measureKey(measure.measureId),
        kind: "follow_up",
        title: { key: "deadline-title-follow_up", params: { measure: measure.kind, case: measure.caseId } },
        municipalityId: municipality.id,
        schoolId: measure.schoolId,
        due: { date: measure.dueDate },
        responsible: { userIds: [actor.userId] },
        createdById: actor.userId,
      })
    },

    async measureFinished(actor: Actor, measureId: number, status: "done" | "cancelled"): Promise<void> {
      if (!tracker) return
      if (status === "done") await tracker.complete(measureKey(measureId), { byUserId: actor.userId })
      else await tracker.cancel(measureKey(measureId))
    },
  }
}

export type RiskDeadlines = ReturnType<typeof createRiskDeadlines>
