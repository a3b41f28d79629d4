import type { LocalDate } from "./dates.ts"

/**
 * Instants ↔ wall-clock time in an IANA time zone (a municipality's), with the Intl data Node ships.
 * Russia keeps no daylight saving time, but the conversion does not assume it.
 */

export interface WallClock {
  date: LocalDate
  /** Minutes after local midnight, 0–1439. */
  minutes: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
    formatters.set(timeZone, format)
  }
  return format
}

export function isTimeZone(name: string): boolean {
  try {
    formatter(name)
    return true
  } catch {
    return false
  }
}

export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((part) => [part.type, part.value]))
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) }
}

/** The instant at which the wall clock in `timeZone` shows `date` and `minutes` (a skipped time moves forward). */
export function instantAt(date: LocalDate, minutes: number, timeZone: string): Date {
  const asUtc = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000
  let guess = asUtc
  // Two passes settle the offset, also across a change of offset between the guess and the answer.
  for (let pass = 0; pass < 2; pass++) {
    const shown = wallClock(new Date(guess), timeZone)
    const shownUtc = Date.parse(`${shown.date}T00:00:00Z`) + shown.minutes * 60_000
    guess += asUtc - shownUtc
  }
  return new Date(guess)
}

export function localDate(instant: Date, timeZone: string): LocalDate {
  return wallClock(instant, timeZone).date
}
