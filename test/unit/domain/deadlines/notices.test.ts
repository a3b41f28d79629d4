import { describe, expect, it } from "vitest"
import { instantAt, ProductionCalendar, wallClock } from "../../../../src/domain/calendar/index.ts"
import { nextNotice, reminderSlots, type NoticeState } from "../../../../src/domain/deadlines/notices.ts"
import { DEFAULT_RULES } from "../../../../src/domain/deadlines/rules.ts"

const calendar = new ProductionCalendar()
const plan = { workingDaysBefore: [3, 1, 0], at: 9 * 60 }
const options = { lookaheadMs: 5 * 60_000, staleAfterMs: 7 * 86_400_000 }

function local(instant: Date, timeZone: string): string {
  const { date, minutes } = wallClock(instant, timeZone)
  return `${date} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`
}

function state(due: Date, timeZone: string, extra: Partial<NoticeState> = {}): NoticeState {
  return { due, createdAt: new Date("2026-01-15T00:00:00Z"), timeZone, plan, lastNotice: null, escalated: false, escalate: true, ...extra }
}

describe("reminder slots", () => {
  it("fall at 09:00 local on working days, in each municipality's own time zone", () => {
    // Due at the end of Tuesday 12 May 2026: 9–11 May are days off, so "1 working day before" is Friday 8 May.
    for (const timeZone of ["Europe/Kaliningrad", "Europe/Moscow", "Asia/Barnaul", "Asia/Vladivostok", "Asia/Kamchatka"]) {
      const due = instantAt("2026-05-12", 23 * 60 + 59, timeZone)
      const slots = reminderSlots(due, plan, timeZone, calendar)
      expect(slots.map((slot) => local(slot.sendAt, timeZone)), timeZone).toEqual(["2026-05-06 09:00", "2026-05-08 09:00", "2026-05-12 09:00"])
    }
    // The same wall-clock plan is a different instant in Kaliningrad and in Kamchatka (10 hours apart).
    const kaliningrad = reminderSlots(instantAt("2026-05-12", 1439, "Europe/Kaliningrad"), plan, "Europe/Kaliningrad", calendar)[0]!.sendAt
    const kamchatka = reminderSlots(instantAt("2026-05-12", 1439, "Asia/Kamchatka"), plan, "Asia/Kamchatka", calendar)[0]!.sendAt
    expect((kaliningrad.getTime() - kamchatka.getTime()) / 3600_000).toBe(10)
  })

  it("skip a same-day slot after the due moment, and merge offsets that land on one morning", () => {
    const earlyDue = instantAt("2026-04-21", 8 * 60, "Asia/Barnaul") // due before 09:00: no reminder that morning
    expect(reminderSlots(earlyDue, plan, "Asia/Barnaul", calendar).map((slot) => local(slot.sendAt, "Asia/Barnaul"))).toEqual(["2026-04-16 09:00", "2026-04-20 09:00"])
    // A due date on a Sunday: "0 days before" would be Monday morning, after the due moment; it is dropped.
    const sunday = instantAt("2026-04-26", 23 * 60 + 59, "Asia/Barnaul")
    expect(reminderSlots(sunday, plan, "Asia/Barnaul", calendar).map((slot) => slot.tag.split("@")[0])).toEqual(["r3", "r1"])
  })

  it("uses the defaults of calendar.md §6.2 plus the morning of the due date", () => {
    expect(DEFAULT_RULES.remindersAt).toEqual({ workingDaysBefore: [3, 1, 0], at: 540 })
  })
})

describe("the next notice", () => {
  const timeZone = "Asia/Barnaul"
  const due = instantAt("2026-05-12", 23 * 60 + 59, timeZone)

  it("queues a slot a few minutes ahead with its exact moment, and says how many working days are left", () => {
    const notice = nextNotice(state(due, timeZone), calendar, { ...options, now: instantAt("2026-05-08", 8 * 60 + 57, timeZone) })
    expect(notice).toMatchObject({ kind: "reminder", tag: `r1@${due.toISOString()}`, workingDaysLeft: 1 })
    expect(local(notice!.sendAt, timeZone)).toBe("2026-05-08 09:00")
    // At 08:00 the missed 3-days slot would go at 09:00, with the 1-day slot: only the latter goes.
    expect(nextNotice(state(due, timeZone), calendar, { ...options, now: instantAt("2026-05-08", 8 * 60, timeZone) })).toBeNull()
  })

  it("does not repeat a slot already sent", () => {
    const now = instantAt("2026-05-08", 10 * 60, timeZone)
    expect(nextNotice(state(due, timeZone, { lastNotice: `r1@${due.toISOString()}` }), calendar, { ...options, now })).toBeNull()
  })

  it("after downtime sends only the latest slot, at the next working moment, and drops one that would collide with the next", () => {
    // Down from Tuesday 5 May to Friday 8 May 11:30: the 3-days slot (6 May) is stale, the 1-day slot (8 May 09:00) goes now.
    const now = instantAt("2026-05-08", 11 * 60 + 30, timeZone)
    const notice = nextNotice(state(due, timeZone), calendar, { ...options, now })
    expect(notice).toMatchObject({ kind: "reminder", tag: `r1@${due.toISOString()}` })
    expect(notice!.sendAt).toEqual(now)
    // Back at 02:00 on 12 May: the 8 May slot would go at 09:00, together with the due-day slot — only the latter is sent.
    const night = instantAt("2026-05-12", 2 * 60, timeZone)
    expect(nextNotice(state(due, timeZone), calendar, { ...options, now: night })).toBeNull()
    const morning = nextNotice(state(due, timeZone), calendar, { ...options, now: instantAt("2026-05-12", 8 * 60 + 58, timeZone) })
    expect(morning).toMatchObject({ tag: `r0@${due.toISOString()}`, workingDaysLeft: 0 })
  })

  it("never sends at night: a run at 23:00 after a missed slot waits for 09:00 of the next working day", () => {
    // The 3-days slot (6 May 09:00) was missed; at 23:00 it is queued for 7 May 09:00, still before the 1-day slot (8 May).
    const notice = nextNotice(state(due, timeZone), calendar, { ...options, now: instantAt("2026-05-06", 23 * 60, timeZone) })!
    expect(notice).toMatchObject({ kind: "reminder", tag: `r3@${due.toISOString()}`, workingDaysLeft: 2 })
    expect(local(notice.sendAt, timeZone)).toBe("2026-05-07 09:00")
  })

  it("escalates once after the due moment, in working hours, unless it was born overdue or is long past", () => {
    // At midnight nothing is queued yet: the message waits for 09:00, so that work done early in the morning still counts.
    expect(nextNotice(state(due, timeZone), calendar, { ...options, now: instantAt("2026-05-13", 0, timeZone) })).toBeNull()
    const after = instantAt("2026-05-13", 8 * 60 + 56, timeZone)
    const notice = nextNotice(state(due, timeZone), calendar, { ...options, now: after })!
    expect(notice.kind).toBe("overdue")
    expect(local(notice.sendAt, timeZone)).toBe("2026-05-13 09:00")
    expect(nextNotice(state(due, timeZone, { escalated: true }), calendar, { ...options, now: after })).toBeNull()
    expect(nextNotice(state(due, timeZone, { createdAt: instantAt("2026-05-13", 0, timeZone) }), calendar, { ...options, now: after })).toBeNull()
    expect(nextNotice(state(due, timeZone), calendar, { ...options, now: instantAt("2026-05-25", 10 * 60, timeZone) })).toBeNull()
    expect(nextNotice(state(due, timeZone, { escalate: false }), calendar, { ...options, now: after })).toBeNull()
  })

  it("skips slots from before the item existed", () => {
    const created = instantAt("2026-05-08", 12 * 60, timeZone)
    expect(nextNotice(state(due, timeZone, { createdAt: created }), calendar, { ...options, now: instantAt("2026-05-08", 13 * 60, timeZone) })).toBeNull()
    expect(nextNotice(state(due, timeZone, { createdAt: created }), calendar, { ...options, now: instantAt("2026-05-12", 9 * 60, timeZone) })).toMatchObject({ tag: `r0@${due.toISOString()}` })
  })
})
