import type { RoleName } from "../access/roles.ts"

/**
 * The kinds of deadline. A user mutes reminders per kind, and lists name the kind, so each has a label in
 * locales/<lang>/deadlines.ftl (`deadline-kind-<kind>`). Other services add theirs here.
 */
export const DEADLINE_KINDS = [
  "briefing", // the municipality briefs school coordinators before a procedure (schedule rule)
  "materials", // a school checks its materials on the eve of a work (schedule rule)
  "results_upload", // a school uploads its results after a work (schedule rule)
  "analysis", // the municipality analyses the results (schedule rule)
  "report", // a school sends a document by a date (services/deadlines/reports)
  "event", // a briefing, seminar or interview takes place (services/deadlines/events)
  "recheck", // a municipal re-check of selected works (risk workflow)
  "follow_up", // a follow-up measure after a risk finding (risk workflow)
  "observer_act", // an observer submits the observation act (observers)
  "observer_assignment", // observers are assigned to a work (observers)
  "observer_briefing", // observers are briefed before a work (observers)
  "kdr_scale", // the municipality sets the mark scale of a КДР after its results arrive (services/kdr)
] as const
export type DeadlineKind = (typeof DEADLINE_KINDS)[number]

export function isDeadlineKind(kind: string): kind is DeadlineKind {
  return (DEADLINE_KINDS as readonly string[]).includes(kind)
}

/** Roles a deadline can name as responsible: school roles act in the item's school, the others in its municipality. */
export const RESPONSIBLE_ROLES = ["school_coordinator", "teacher", "municipal_coordinator", "observer", "hotline_specialist"] as const satisfies readonly RoleName[]
export type ResponsibleRole = (typeof RESPONSIBLE_ROLES)[number]

export function isSchoolRole(role: RoleName): boolean {
  return role === "school_coordinator" || role === "teacher"
}

/** Who must act: named users, and/or the holders of roles in the item's scope (resolved when a message goes out). */
export interface Responsible {
  userIds?: number[]
  roles?: ResponsibleRole[]
}

/** A text in the reader's language: a message id of locales/<lang>/*.ftl and its parameters. */
export interface MessageRef {
  key: string
  params?: Record<string, string | number>
}
