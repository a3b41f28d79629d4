import { addDays, type LocalDate } from "./dates.ts"
import type { ProductionCalendar } from "./production-calendar.ts"
import { instantAt, wallClock } from "./zoned.ts"

/**
 * When people may be written to and how working time is counted (calendar.md §6.2, inferred conventions):
 * alerts go out on working days inside working hours, 09:00–18:00 local, until 17:00 on a shortened day;
 * an alert that falls outside moves to the next allowed moment. Working hours for service levels are counted
 * inside the same window.
 */
export interface WorkingWindow {
  /** Minutes after local midnight. */
  start: number
  end: number
  /** The end on a shortened pre-holiday day. */
  shortDayEnd: number
}

export const DEFAULT_WINDOW: WorkingWindow = { start: 9 * 60, end: 18 * 60, shortDayEnd: 17 * 60 }

function dayWindow(calendar: ProductionCalendar, date: LocalDate, window: WorkingWindow): [number, number] | null {
  if (!calendar.isWorkingDay(date)) return null
  return [window.start, calendar.isShortDay(date) ? window.shortDayEnd : window.end]
}

/** `instant` itself when it lies inside working hours, else the next opening of the window. */
export function nextWorkingMoment(
  instant: Date,
  timeZone: string,
  calendar: ProductionCalendar,
  window: WorkingWindow = DEFAULT_WINDOW,
): Date {
  const { date, minutes } = wallClock(instant, timeZone)
  const today = dayWindow(calendar, date, window)
  if (today && minutes >= today[0] && minutes < today[1]) return instant
  if (today && minutes < today[0]) return instantAt(date, today[0], timeZone)
  const next = calendar.nextWorkingDay(date)
  return instantAt(next, window.start, timeZone)
}

export function isWorkingMoment(instant: Date, timeZone: string, calendar: ProductionCalendar, window: WorkingWindow = DEFAULT_WINDOW): boolean {
  return nextWorkingMoment(instant, timeZone, calendar, window).getTime() === instant.getTime()
}

/** The instant `hours` working hours after `from` (a service level: "answered within 4 working hours"). */
export function addWorkingHours(
  from: Date,
  hours: number,
  timeZone: string,
  calendar: ProductionCalendar,
  window: WorkingWindow = DEFAULT_WINDOW,
): Date {
  let left = Math.round(hours * 60)
  let at = nextWorkingMoment(from, timeZone, calendar, window)
  for (;;) {
    const { date, minutes } = wallClock(at, timeZone)
    const [, end] = dayWindow(calendar, date, window)!
    const available = end - minutes
    if (left <= available) return new Date(at.getTime() + left * 60_000)
    left -= available
    at = instantAt(calendar.nextWorkingDay(date), window.start, timeZone)
  }
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(
  from: Date,
  to: Date,
  timeZone: string,
  calendar: ProductionCalendar,
  window: WorkingWindow = DEFAULT_WINDOW,
): number {
  if (to <= from) return 0
  let total = 0
  const start = wallClock(from, timeZone)
  const stop = wallClock(to, timeZone)
  for (let date = start.date; date <= stop.date; date = addDays(date, 1)) {
    const open = dayWindow(calendar, date, window)
    if (!open) continue
    const low = date === start.date ? Math.max(open[0], start.minutes) : open[0]
    const high = date === stop.date ? Math.min(open[1], stop.minutes) : open[1]
    if (high > low) total += high - low
  }
  return total
}

/** "Within N working days after D" ends at 23:59 of the N-th working day after D (calendar.md §6.2). */
export function endOfWorkingDaysAfter(date: LocalDate, n: number, timeZone: string, calendar: ProductionCalendar): Date {
  return instantAt(calendar.addWorkingDays(date, n), 23 * 60 + 59, timeZone)
}
