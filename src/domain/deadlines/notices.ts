import type { ProductionCalendar } from "../calendar/production-calendar.ts"
import { nextWorkingMoment } from "../calendar/working-time.ts"
import { instantAt, wallClock } from "../calendar/zoned.ts"
import type { ReminderPlan } from "./rules.ts"

/**
 * When a deadline's next message goes out, decided from the state alone so that the planner can run at any time,
 * twice, or after days of downtime, and reach the same answer:
 *
 * - reminders fall on the plan's slots (N working days before the due date at a local time), moved into working
 *   hours (calendar.md §6.2: never at night, never on a day off);
 * - only the latest slot that has come is sent: after downtime the older ones are stale and dropped, and a slot
 *   whose send moment reaches the next slot or the due moment is dropped too;
 * - slots before the item existed are skipped (its creator announced it);
 * - after the due moment one overdue message (with the escalation) goes out, unless the item was created already
 *   overdue or has been overdue for longer than `staleAfterMs` — an alarm about last month helps nobody.
 */

export interface Slot {
  /** Identifies the slot across runs: the plan offset and the due moment (a moved due date starts a new plan). */
  tag: string
  sendAt: Date
}

export type Notice =
  | { kind: "reminder"; tag: string; sendAt: Date; workingDaysLeft: number }
  | { kind: "overdue"; sendAt: Date }

export interface NoticeState {
  due: Date
  createdAt: Date
  timeZone: string
  plan: ReminderPlan
  /** The tag of the last reminder sent. */
  lastNotice: string | null
  escalated: boolean
  /** False for items that cannot be late (an event simply happens). */
  escalate: boolean
}

export interface NoticeOptions {
  now: Date
  /** A slot due within this much time is queued now with its exact moment (the planner runs this often). */
  lookaheadMs: number
  staleAfterMs: number
}

export const DEFAULT_NOTICE_OPTIONS = { lookaheadMs: 5 * 60_000, staleAfterMs: 7 * 86_400_000 }

export function reminderSlots(due: Date, plan: ReminderPlan, timeZone: string, calendar: ProductionCalendar): Slot[] {
  const dueDate = wallClock(due, timeZone).date
  const slots: Slot[] = []
  for (const before of [...plan.workingDaysBefore].sort((a, b) => b - a)) {
    const date = before === 0 ? dueDate : calendar.addWorkingDays(dueDate, -before)
    const sendAt = nextWorkingMoment(instantAt(date, plan.at, timeZone), timeZone, calendar)
    if (sendAt >= due) continue
    // Two offsets landing on one moment (a day off between them) are one reminder: keep the later offset's tag.
    if (slots.length > 0 && slots[slots.length - 1]!.sendAt.getTime() === sendAt.getTime()) slots.pop()
    slots.push({ tag: `r${before}@${due.toISOString()}`, sendAt })
  }
  return slots
}

export function nextNotice(state: NoticeState, calendar: ProductionCalendar, options: NoticeOptions): Notice | null {
  const { now } = options
  const horizon = now.getTime() + options.lookaheadMs
  const nowMoment = nextWorkingMoment(now, state.timeZone, calendar)
  const overdueAt = nextWorkingMoment(state.due, state.timeZone, calendar)
  if (state.due.getTime() <= horizon) {
    if (!state.escalate || state.escalated || state.due <= state.createdAt) return null
    if (now.getTime() - state.due.getTime() > options.staleAfterMs) return null
    if (overdueAt.getTime() > horizon) return null
    return { kind: "overdue", sendAt: later(overdueAt, nowMoment) }
  }
  const slots = reminderSlots(state.due, state.plan, state.timeZone, calendar).filter((slot) => slot.sendAt >= state.createdAt)
  const index = slots.findLastIndex((slot) => slot.sendAt.getTime() <= horizon)
  if (index === -1) return null
  const slot = slots[index]!
  if (slot.tag === state.lastNotice) return null
  const sendAt = slot.sendAt > now ? slot.sendAt : nowMoment
  const next = slots[index + 1]
  if (sendAt >= state.due || (next && next.sendAt <= sendAt)) return null
  const fromDate = wallClock(sendAt, state.timeZone).date
  const dueDate = wallClock(state.due, state.timeZone).date
  const workingDaysLeft = fromDate >= dueDate ? 0 : calendar.countWorkingDays(fromDate, dueDate) - (calendar.isWorkingDay(fromDate) ? 1 : 0)
  return { kind: "reminder", tag: slot.tag, sendAt, workingDaysLeft }
}

function later(a: Date, b: Date): Date {
  return a > b ? a : b
}
