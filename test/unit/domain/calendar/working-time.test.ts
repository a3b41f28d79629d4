import { describe, expect, it } from "vitest"
import {
  addWorkingHours,
  endOfWorkingDaysAfter,
  instantAt,
  nextWorkingMoment,
  ProductionCalendar,
  wallClock,
  workingMinutesBetween,
} from "../../../../src/domain/calendar/index.ts"

const calendar = new ProductionCalendar()

describe("time zones", () => {
  it("converts between instants and wall clocks both ways", () => {
    const at = instantAt("2026-05-12", 9 * 60, "Asia/Barnaul")
    expect(at.toISOString()).toBe("2026-05-12T02:00:00.000Z")
    expect(wallClock(at, "Europe/Moscow")).toEqual({ date: "2026-05-12", minutes: 5 * 60 })
    expect(instantAt("2026-05-12", 9 * 60, "Asia/Kamchatka").toISOString()).toBe("2026-05-11T21:00:00.000Z")
  })
})

describe("working time", () => {
  it("moves a moment at night, on a weekend or a holiday to the next opening in local time", () => {
    const barnaul = "Asia/Barnaul"
    // 23:30 on Thursday 30 April 2026 in Barnaul → Monday 4 May, 09:00 (1–3 May are days off).
    const late = instantAt("2026-04-30", 23 * 60 + 30, barnaul)
    expect(nextWorkingMoment(late, barnaul, calendar).toISOString()).toBe(instantAt("2026-05-04", 9 * 60, barnaul).toISOString())
    // Early morning of a working day → 09:00 the same day.
    const early = instantAt("2026-05-12", 6 * 60, barnaul)
    expect(nextWorkingMoment(early, barnaul, calendar)).toEqual(instantAt("2026-05-12", 9 * 60, barnaul))
    // Inside working hours: unchanged. A shortened day closes at 17:00.
    const inside = instantAt("2026-05-12", 11 * 60, barnaul)
    expect(nextWorkingMoment(inside, barnaul, calendar)).toEqual(inside)
    const shortDayEvening = instantAt("2026-04-30", 17 * 60 + 15, barnaul)
    expect(nextWorkingMoment(shortDayEvening, barnaul, calendar)).toEqual(instantAt("2026-05-04", 9 * 60, barnaul))
    // The same instant is night in Moscow and morning in Vladivostok.
    const instant = new Date("2026-05-12T00:30:00Z")
    expect(nextWorkingMoment(instant, "Asia/Vladivostok", calendar)).toEqual(instant)
    expect(nextWorkingMoment(instant, "Europe/Moscow", calendar)).toEqual(instantAt("2026-05-12", 9 * 60, "Europe/Moscow"))
  })

  it("adds and counts working hours across evenings and holidays", () => {
    const tz = "Europe/Moscow"
    const friday = instantAt("2026-05-08", 15 * 60, tz) // shortened day: closes at 17:00
    const due = addWorkingHours(friday, 4, tz, calendar)
    expect(due).toEqual(instantAt("2026-05-12", 11 * 60, tz))
    expect(workingMinutesBetween(friday, due, tz, calendar)).toBe(4 * 60)
    expect(workingMinutesBetween(due, friday, tz, calendar)).toBe(0)
  })

  it("ends 'within N working days after D' at 23:59 of the N-th working day", () => {
    expect(endOfWorkingDaysAfter("2026-04-30", 5, "Asia/Barnaul", calendar)).toEqual(instantAt("2026-05-08", 23 * 60 + 59, "Asia/Barnaul"))
  })
})
