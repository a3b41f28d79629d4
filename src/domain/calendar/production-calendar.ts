import shipped from "./production-calendar.json" with { type: "json" }
import { addDays, weekday, yearOf, type LocalDate } from "./dates.ts"

/**
 * The Russian production calendar (производственный календарь) for a five-day week: which dates are working days,
 * which are shortened. Rules and data: shared/domain/calendar.md — Labour Code art. 112 holidays, the yearly
 * government decree «О переносе выходных дней», art. 95 shortened pre-holiday days.
 */

export interface CalendarYear {
  status: "final" | "provisional"
  decree?: string | null
  note?: string
  holidays: LocalDate[]
  transfers: { from: LocalDate; to: LocalDate | null; basis: string }[]
  pendingTransfers?: { from: LocalDate; to: LocalDate | null; basis: string }[]
  /** The authoritative list of weekdays off that are not holidays themselves (the targets of the transfers). */
  extraDaysOff: LocalDate[]
  /** Saturdays or Sundays made working days by a decree. */
  workingWeekends: LocalDate[]
  /** Working days of 7 hours instead of 8. */
  shortDays: LocalDate[]
}

export type CalendarData = Record<string, CalendarYear>

/** A date in a year the calendar does not hold: an error, never "weekends only". */
export class CalendarYearMissing extends Error {
  constructor(readonly year: number) {
    super(`the production calendar has no data for ${year}`)
  }
}

export const SHIPPED_CALENDAR: CalendarData = shipped as CalendarData

export class ProductionCalendar {
  private readonly daysOff = new Set<LocalDate>()
  private readonly working = new Set<LocalDate>()
  private readonly short = new Set<LocalDate>()

  constructor(readonly data: CalendarData = SHIPPED_CALENDAR) {
    for (const year of Object.values(data)) {
      for (const date of [...year.holidays, ...year.extraDaysOff]) this.daysOff.add(date)
      for (const date of year.workingWeekends) this.working.add(date)
      for (const date of year.shortDays) this.short.add(date)
    }
  }

  years(): number[] {
    return Object.keys(this.data).map(Number).sort((a, b) => a - b)
  }

  private yearData(date: LocalDate): CalendarYear {
    const entry = this.data[String(yearOf(date))]
    if (!entry) throw new CalendarYearMissing(yearOf(date))
    return entry
  }

  /** calendar.md §2: a day off is a weekend day not made working, a holiday, or an extra day off. */
  isWorkingDay(date: LocalDate): boolean {
    this.yearData(date)
    if (this.daysOff.has(date)) return false
    const day = weekday(date)
    return !(day === 0 || day === 6) || this.working.has(date)
  }

  isShortDay(date: LocalDate): boolean {
    return this.isWorkingDay(date) && this.short.has(date)
  }

  /** 0 on a day off, 7 on a shortened day, else 8 (40-hour week). */
  workingHours(date: LocalDate): number {
    if (!this.isWorkingDay(date)) return 0
    return this.short.has(date) ? 7 : 8
  }

  /** Whether an answer about this date must say the calendar is provisional (no decree yet). */
  isProvisional(date: LocalDate): boolean {
    return this.yearData(date).status === "provisional"
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return this.addWorkingDays(date, 1)
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: LocalDate): LocalDate {
    return this.addWorkingDays(date, -1)
  }

  /**
   * The n-th working day strictly after `date` (n > 0) or strictly before it (n < 0): calendar.md §6.2,
   * "N working days before D is the N-th working day strictly before D". n = 0 gives `date` itself.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    const step = n < 0 ? -1 : 1
    let left = Math.abs(n)
    let day = date
    while (left > 0) {
      day = addDays(day, step)
      if (this.isWorkingDay(day)) left--
    }
    return day
  }

  /** The working day itself, or the next one after it. */
  onOrAfterWorkingDay(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date)
  }

  /** Working days in [from, to], both included. */
  countWorkingDays(from: LocalDate, to: LocalDate): number {
    let count = 0
    for (let day = from; day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++
    return count
  }
}
