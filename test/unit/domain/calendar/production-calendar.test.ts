import { describe, expect, it } from "vitest"
import { CalendarYearMissing, ProductionCalendar } from "../../../../src/domain/calendar/index.ts"

const calendar = new ProductionCalendar()

function monthCounts(year: number): number[] {
  return Array.from({ length: 12 }, (_, month) => {
    const from = `${year}-${String(month + 1).padStart(2, "0")}-01`
    const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
    return calendar.countWorkingDays(from, `${from.slice(0, 8)}${last}`)
  })
}

function hours(year: number): number {
  let total = 0
  for (let day = `${year}-01-01`; day <= `${year}-12-31`; ) {
    total += calendar.workingHours(day)
    const next = new Date(`${day}T00:00:00Z`)
    next.setUTCDate(next.getUTCDate() + 1)
    day = next.toISOString().slice(0, 10)
  }
  return total
}

describe("production calendar", () => {
  it("counts the decrees' working days and hours (calendar.md §4)", () => {
    expect(monthCounts(2025)).toEqual([17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22])
    expect(monthCounts(2026)).toEqual([15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22])
    expect(monthCounts(2027)).toEqual([15, 19, 22, 22, 19, 21, 22, 22, 22, 21, 21, 23])
    expect(calendar.countWorkingDays("2025-01-01", "2025-12-31")).toBe(247)
    expect(calendar.countWorkingDays("2026-01-01", "2026-12-31")).toBe(247)
    expect(hours(2025)).toBe(1972)
    expect(hours(2026)).toBe(1972)
  })

  it("knows every transfer of 2025 and 2026", () => {
    const daysOff2025 = ["2025-05-02", "2025-05-08", "2025-06-13", "2025-11-03", "2025-12-31"]
    const daysOff2026 = ["2026-01-09", "2026-03-09", "2026-05-11", "2026-12-31"]
    for (const day of [...daysOff2025, ...daysOff2026]) expect(calendar.isWorkingDay(day), day).toBe(false)
    // The days the transfers came from are days off anyway (holidays or weekends), the working Saturday is not.
    expect(calendar.isWorkingDay("2025-11-01")).toBe(true)
    expect(calendar.isShortDay("2025-11-01")).toBe(true)
    expect(calendar.isWorkingDay("2025-03-10")).toBe(true)
    expect(calendar.isWorkingDay("2025-02-24")).toBe(true)
    expect(calendar.isWorkingDay("2026-02-20")).toBe(true)
    expect(calendar.isShortDay("2026-02-20")).toBe(false)
    expect(calendar.workingHours("2026-04-30")).toBe(7)
  })

  it("steps over holidays, weekends and the year boundary", () => {
    expect(calendar.nextWorkingDay("2026-04-30")).toBe("2026-05-04")
    expect(calendar.nextWorkingDay("2026-05-08")).toBe("2026-05-12")
    expect(calendar.nextWorkingDay("2025-04-30")).toBe("2025-05-05")
    expect(calendar.nextWorkingDay("2025-12-30")).toBe("2026-01-12")
    // "1 working day before" a procedure on Tuesday 12 May 2026 is Friday 8 May (9–11 May are days off).
    expect(calendar.addWorkingDays("2026-05-12", -1)).toBe("2026-05-08")
    expect(calendar.addWorkingDays("2026-05-04", -1)).toBe("2026-04-30")
    expect(calendar.addWorkingDays("2026-04-20", -3)).toBe("2026-04-15")
  })

  it("says when a date lies in a provisional year, and refuses a year it does not hold", () => {
    expect(calendar.isProvisional("2027-05-14")).toBe(true)
    expect(calendar.isProvisional("2026-05-14")).toBe(false)
    expect(() => calendar.isWorkingDay("2031-01-05")).toThrow(CalendarYearMissing)
  })
})

describe("checking a year an admin loads", async () => {
  const { checkCalendarYear, yearTotals } = await import("../../../../src/domain/calendar/check.ts")
  const { SHIPPED_CALENDAR } = await import("../../../../src/domain/calendar/production-calendar.ts")

  it("accepts every shipped year as it is, with the decrees' totals", () => {
    for (const [year, data] of Object.entries(SHIPPED_CALENDAR)) {
      const checked = checkCalendarYear(Number(year), data)
      expect(checked, year).toHaveProperty("year")
    }
    expect(yearTotals(SHIPPED_CALENDAR["2025"]!, 2025)).toEqual({ workingDays: 247, hours: 1972 })
    expect(yearTotals(SHIPPED_CALENDAR["2026"]!, 2026)).toEqual({ workingDays: 247, hours: 1972 })
  })

  it("names every wrong entry", () => {
    const wrong = {
      ...SHIPPED_CALENDAR["2027"]!,
      status: "draft",
      holidays: SHIPPED_CALENDAR["2027"]!.holidays.filter((date) => date !== "2027-06-12").concat("2027-06-13", "2026-01-01", "2027-02-30"),
      extraDaysOff: ["2027-05-03", "2027-05-10", "2027-06-14", "2027-05-15"],
      workingWeekends: ["2027-11-01"],
      shortDays: ["2027-05-08"],
    }
    const checked = checkCalendarYear(2027, wrong)
    if (!("problems" in checked)) throw new Error("accepted")
    expect(checked.problems.map((problem) => `${problem.where} ${problem.message}`)).toEqual([
      "2027.status calendar-status",
      "2027.holidays[14] calendar-other-year",
      "2027.holidays[15] calendar-date",
      "2027.holidays[13] calendar-not-holiday",
      "2027.holidays calendar-holiday-missing",
      "2027.extraDaysOff[3] calendar-day-off-on-weekend",
      "2027.workingWeekends[0] calendar-working-weekday",
      "2027.shortDays[0] calendar-short-day-off",
    ])
  })
})
