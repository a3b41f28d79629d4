import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import type { Job } from "../scheduling/jobs.ts"
import { createNoticePlanner } from "./notices.ts"
import { createSchedulePlanner } from "./schedule-planner.ts"
import { rulesFor, saveRules } from "./rules-store.ts"
import { canActOnMunicipality } from "./scope.ts"
import { cancel, complete, track, type TrackRequest } from "./track.ts"
import { createDeadlineViews } from "./views.ts"
import { createEvents } from "./events.ts"
import { createReports } from "./reports.ts"

export type { TrackRequest, TrackResult } from "./track.ts"
export type { DeadlineKind, MessageRef, Responsible } from "./kinds.ts"

/**
 * Deadlines: items with a due moment and people responsible, reminders before, one escalation after. Other services
 * create theirs with `track` (idempotent by key) and close them with `complete` or `cancel` (docs/conventions.md).
 */
export function createDeadlines(deps: ServiceDeps) {
  const notices = createNoticePlanner(deps)
  const views = createDeadlineViews(deps)
  const schedulePlanner = createSchedulePlanner(deps)
  const jobs: Job[] = [schedulePlanner.job, notices.job]
  return {
    /** Creates or updates the item with this key; see TrackRequest. */
    track: (request: TrackRequest) => track(deps, request),
    /** Marks the item done (by the system, or by `byUserId`); false when it was not pending. */
    complete: (key: string, options: { byUserId?: number | null; at?: Date } = {}) => complete(deps, key, options),
    /** The item no longer applies; false when it was not pending. */
    cancel: (key: string) => cancel(deps, key),
    ...views,
    /** A municipality's timing rules (calendar.md §6.2 defaults with its changes): coordinators of it and admins. */
    async rules(actor: Actor, municipalityId: number) {
      if (!canActOnMunicipality(actor, municipalityId)) return null
      return rulesFor(deps, municipalityId)
    },
    /** Saves a coordinator's change of the rules and derives the schedule's items anew with them. */
    async saveRules(actor: Actor, municipalityId: number, changes: Record<string, unknown>) {
      const outcome = await saveRules(deps, actor, municipalityId, changes)
      if (outcome.ok) await schedulePlanner.run(deps.clock.now(), [municipalityId])
      return outcome
    },
    /** Briefings, seminars, interviews: invitees by role and scope, reminders, attendance. */
    events: createEvents(deps),
    /** Documents asked from the schools by a date: upload, status, reminders, one escalation, one archive. */
    reports: createReports(deps),
    /** Runs the reminder planner once (tests and the CLI; the scheduler runs `jobs`). */
    planNotices: (now: Date) => notices.run(now),
    /** Derives the schedule's deadlines now (after an import), for some municipalities or all. */
    planSchedule: (municipalityIds?: number[]) => schedulePlanner.run(deps.clock.now(), municipalityIds),
    jobs,
  }
}

export type Deadlines = ReturnType<typeof createDeadlines>
