import { instantAt } from "../calendar/zoned.ts"
import type { LocalDate } from "../calendar/dates.ts"
import type { ProductionCalendar } from "../calendar/production-calendar.ts"

/**
 * The observation act in the bot (observers.md §4.3): the five stages of the Moscow oblast form, the checklist of
 * violations by stage, and when the act is due. Texts are in the locale files (`observers-stage-…`, `observers-violation-…`).
 */
export const STAGES = ["preparation", "handover", "conduct", "checking", "forms"] as const
export type Stage = (typeof STAGES)[number]

/** Each violation with the stages it belongs to; items 1–3 follow the Moscow form, the rest the ГИА analogy and the VPR rules. */
export const VIOLATIONS = [
  { code: "infosec", stages: ["preparation", "handover", "conduct"] },
  { code: "late_entry", stages: ["conduct"] },
  { code: "no_briefing", stages: ["conduct"] },
  { code: "devices", stages: ["conduct"] },
  { code: "reference", stages: ["conduct"] },
  { code: "prompting", stages: ["conduct"] },
  { code: "duration", stages: ["conduct"] },
  { code: "tasks_leaked", stages: ["conduct"] },
  { code: "not_collected", stages: ["conduct"] },
  { code: "criteria", stages: ["checking"] },
  { code: "corrections", stages: ["checking"] },
  { code: "forms_differ", stages: ["checking", "forms"] },
  { code: "other", stages: [...STAGES] },
] as const satisfies readonly { code: string; stages: readonly Stage[] }[]
export type ViolationCode = (typeof VIOLATIONS)[number]["code"]

/** «Другое» needs a description (observers.md §4.3, item 10). */
export const VIOLATION_NEEDS_COMMENT: ReadonlySet<ViolationCode> = new Set(["other"])

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value)
}

export function isViolationCode(value: string): value is ViolationCode {
  return VIOLATIONS.some((violation) => violation.code === value)
}

/** The checklist for the stages observed, in the form's order. */
export function violationsFor(stages: readonly Stage[]): ViolationCode[] {
  return VIOLATIONS.filter((violation) => violation.stages.some((stage) => stages.includes(stage))).map((violation) => violation.code)
}

export interface ActViolation {
  code: ViolationCode
  comment: string | null
}

export interface ActDraft {
  stages: Stage[]
  startMinutes: number
  endMinutes: number
  /** Empty: «Нарушений не выявлено». */
  violations: ActViolation[]
  comment: string | null
  photoFileIds: string[]
}

export type ActProblem = "no_stages" | "end_before_start" | "time_out_of_day" | "violation_not_for_stage" | "comment_required" | "too_many_photos" | "text_too_long"

export const MAX_ACT_PHOTOS = 5
export const MAX_ACT_TEXT = 1000

/** Everything wrong with a draft, or nothing. */
export function checkAct(act: ActDraft): ActProblem[] {
  const problems: ActProblem[] = []
  if (act.stages.length === 0 || !act.stages.every(isStage)) problems.push("no_stages")
  if (![act.startMinutes, act.endMinutes].every((minutes) => Number.isInteger(minutes) && minutes >= 0 && minutes < 24 * 60)) problems.push("time_out_of_day")
  else if (act.endMinutes <= act.startMinutes) problems.push("end_before_start")
  const allowed = violationsFor(act.stages)
  if (act.violations.some((violation) => !allowed.includes(violation.code))) problems.push("violation_not_for_stage")
  if (act.violations.some((violation) => VIOLATION_NEEDS_COMMENT.has(violation.code) && !violation.comment?.trim())) problems.push("comment_required")
  if (act.photoFileIds.length > MAX_ACT_PHOTOS) problems.push("too_many_photos")
  if ([act.comment, ...act.violations.map((violation) => violation.comment)].some((text) => (text?.length ?? 0) > MAX_ACT_TEXT)) problems.push("text_too_long")
  return problems
}

/** calendar.md §6.2 `observerActDue`: by 12:00 of the next working day after the work, local time. */
export function observerActDue(date: LocalDate, timeZone: string, calendar: ProductionCalendar): Date {
  return instantAt(calendar.nextWorkingDay(date), 12 * 60, timeZone)
}

/** «9:05», «09.05», «9-05» → minutes after midnight; null when it is not a time of day. */
export function parseTimeOfDay(text: string): number | null {
  const match = /^\s*(\d{1,2})[:.\-\s](\d{2})\s*$/.exec(text)
  if (!match) return null
  const hours = Number(match[1])
  const minutes = Number(match[2])
  if (hours > 23 || minutes > 59) return null
  return hours * 60 + minutes
}

export function formatTimeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`
}
