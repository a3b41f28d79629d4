/**
 * The life of a risk case (issue 13): новый → на рассмотрении → перепроверка → подтверждено / не подтверждено →
 * закрыт. A step may be skipped forward (a coordinator who already knows may confirm at once); «не подтверждено»
 * needs the reason, which is recorded, so a case that was cleared never looks as if it had just gone away.
 */
export const CASE_STATUSES = ["new", "review", "recheck", "confirmed", "not_confirmed", "closed"] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ["review", "recheck", "confirmed", "not_confirmed"],
  review: ["recheck", "confirmed", "not_confirmed"],
  recheck: ["review", "confirmed", "not_confirmed"],
  confirmed: ["closed", "recheck"],
  not_confirmed: ["closed", "recheck"],
  closed: [],
}

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value)
}

export function nextStatuses(status: CaseStatus): readonly CaseStatus[] {
  return NEXT[status]
}

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to)
}

/** «Не подтверждено» is recorded with its reason. */
export function needsReason(to: CaseStatus): boolean {
  return to === "not_confirmed"
}

export function isOpen(status: CaseStatus): boolean {
  return status !== "closed"
}

/** Follow-up measures from the roadmaps. */
export const MEASURE_KINDS = ["visit", "observers", "video", "help_programme", "interview"] as const
export type MeasureKind = (typeof MEASURE_KINDS)[number]

export function isMeasureKind(value: string): value is MeasureKind {
  return (MEASURE_KINDS as readonly string[]).includes(value)
}
