import type { LocalDate } from "../../domain/calendar/dates.ts"
import { instantAt } from "../../domain/calendar/zoned.ts"
import { observerActDue } from "../../domain/observers/act.ts"
import { loadCalendar } from "../calendar/calendar.ts"
import { dueAfter } from "../deadlines/rules-store.ts"
import type { DeadlineTracker } from "../deadlines/track.ts"
import type { ServiceDeps } from "../deps.ts"

/**
 * The observation act as a deadline (services/deadlines): due by the municipality's `observerActDue` rule, listed in
 * the observer's /deadlines, escalated once to the coordinators when late. The observer service asks for the act
 * itself (jobs.ts), so the deadline sends no reminders of its own — one request, not two.
 */
export function createActDeadlines(deps: ServiceDeps, tracker: DeadlineTracker | undefined) {
  const key = (assignmentId: number) => `observers:act:${assignmentId}`

  return {
    /** When the act of a work on `date` is due: the municipality's rule, or the default rule without a municipality. */
    async dueOf(session: { municipalityId: number | null; date: LocalDate; timeZone: string }): Promise<Date> {
      if (session.municipalityId === null) return observerActDue(session.date, session.timeZone, await loadCalendar(deps))
      const due = await dueAfter(deps, session.municipalityId, "observerActDue", session.date)
      return instantAt(due.date, due.minutes, session.timeZone)
    },

    async confirmed(assignment: { assignmentId: number; observerUserId: number | null; municipalityId: number | null; schoolId: number; procedure: string; date: string; dueAt: Date }): Promise<void> {
      if (!tracker || assignment.municipalityId === null || assignment.observerUserId === null) return
      await tracker.track({
        key: key(assignment.assignmentId),
        kind: "observer_act",
        title: { key: "deadline-title-observer_act", params: { procedure: assignment.procedure, date: assignment.date } },
        municipalityId: assignment.municipalityId,
        schoolId: assignment.schoolId,
        due: assignment.dueAt,
        responsible: { userIds: [assignment.observerUserId] },
        reminders: { workingDaysBefore: [], at: 9 * 60 },
      })
    },

    async filed(assignmentId: number, byUserId: number): Promise<void> {
      await tracker?.complete(key(assignmentId), { byUserId })
    },

    async ended(assignmentId: number): Promise<void> {
      await tracker?.cancel(key(assignmentId))
    },
  }
}

export type ActDeadlines = ReturnType<typeof createActDeadlines>
