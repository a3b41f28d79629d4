import { addDays, isLocalDate, weekday, type LocalDate } from "../calendar/dates.ts"

/**
 * When an observer can go to a school: any day, some weekdays, some dates (observers.md, sign-up). Read from one line
 * the person types — «пн, ср, 21.04, 23.04–25.04» or «любой день» — so the dialog needs no calendar widget.
 */
export interface Availability {
  any: boolean
  /** 0 = Sunday … 6 = Saturday, as Date.getDay. */
  weekdays: number[]
  dates: LocalDate[]
}

export const ANY_DAY: Availability = { any: true, weekdays: [], dates: [] }

export function isAvailable(availability: Availability, date: LocalDate): boolean {
  return availability.any || availability.dates.includes(date) || availability.weekdays.includes(weekday(date))
}

export type AvailabilityParse = { ok: true; availability: Availability } | { ok: false; unknown: string[] } | { ok: false; empty: true }

const WEEKDAYS: Record<string, number> = {
  пн: 1, пон: 1, понедельник: 1, понедельникам: 1, mon: 1, monday: 1,
  вт: 2, вто: 2, вторник: 2, вторникам: 2, tue: 2, tuesday: 2,
  ср: 3, сре: 3, среда: 3, среду: 3, средам: 3, wed: 3, wednesday: 3,
  чт: 4, чет: 4, четверг: 4, четвергам: 4, thu: 4, thursday: 4,
  пт: 5, пят: 5, пятница: 5, пятницу: 5, пятницам: 5, fri: 5, friday: 5,
  сб: 6, суб: 6, суббота: 6, субботу: 6, субботам: 6, sat: 6, saturday: 6,
  вс: 0, вос: 0, воскресенье: 0, воскресеньям: 0, sun: 0, sunday: 0,
}
const ANY = /^(любой|любые|любая|в любой|any|anytime|any day)( день| дни| day| days)?$/u
/** Longest range accepted, so a typo such as 01.04–01.05 of next year cannot fill a calendar. */
const MAX_RANGE_DAYS = 62

/**
 * Parses the availability line. Dates without a year are the next such date on or after `today`. Every token that
 * is not understood is named back, so nothing is silently dropped.
 */
export function parseAvailability(text: string, today: LocalDate): AvailabilityParse {
  const cleaned = text.trim().toLowerCase().replace(/ё/g, "е")
  if (cleaned === "") return { ok: false, empty: true }
  if (ANY.test(cleaned)) return { ok: true, availability: { ...ANY_DAY } }
  const weekdays = new Set<number>()
  const dates = new Set<LocalDate>()
  const unknown: string[] = []
  // Ranges first («21.04 - 25.04», «пн–пт»), with the dash glued to its ends; then the rest splits on commas and spaces.
  const tokens = cleaned.replace(/\s*[-–—]\s*/g, "–").split(/[\s,;]+/u).filter(Boolean).filter((token) => token !== "и" && token !== "and")
  for (const token of tokens) {
    const range = token.split("–")
    if (range.length === 2) {
      const days = weekdayRange(range[0]!, range[1]!) ?? dateRange(range[0]!, range[1]!, today)
      if (days) {
        for (const day of days.weekdays) weekdays.add(day)
        for (const date of days.dates) dates.add(date)
        continue
      }
      unknown.push(token)
      continue
    }
    const day = WEEKDAYS[token.replace(/\.$/, "")]
    if (day !== undefined) {
      weekdays.add(day)
      continue
    }
    const date = parseDay(token, today)
    if (date) dates.add(date)
    else unknown.push(token)
  }
  if (unknown.length > 0) return { ok: false, unknown }
  if (weekdays.size === 0 && dates.size === 0) return { ok: false, empty: true }
  return { ok: true, availability: { any: false, weekdays: [...weekdays].sort((a, b) => a - b), dates: [...dates].sort() } }
}

function weekdayRange(from: string, to: string): { weekdays: number[]; dates: LocalDate[] } | null {
  const start = WEEKDAYS[from.replace(/\.$/, "")]
  const end = WEEKDAYS[to.replace(/\.$/, "")]
  if (start === undefined || end === undefined) return null
  // Monday-first order: «пн–пт» is five days, «сб–вс» two.
  const order = (day: number) => (day + 6) % 7
  const out: number[] = []
  let i = order(start)
  do {
    out.push((i + 1) % 7)
    i = (i + 1) % 7
  } while (i !== (order(end) + 1) % 7)
  return { weekdays: out.sort((a, b) => a - b), dates: [] }
}

function dateRange(from: string, to: string, today: LocalDate): { weekdays: number[]; dates: LocalDate[] } | null {
  const start = parseDay(from, today)
  // «21–25.04»: the start borrows the end's month.
  const end = parseDay(to, today)
  const first = start ?? (end && /^\d{1,2}$/.test(from) ? withDay(end, Number(from)) : null)
  if (!first || !end || end < first) return null
  const dates: LocalDate[] = []
  for (let date = first; date <= end; date = addDays(date, 1)) {
    dates.push(date)
    if (dates.length > MAX_RANGE_DAYS) return null
  }
  return { weekdays: [], dates }
}

function withDay(date: LocalDate, day: number): LocalDate | null {
  const candidate = `${date.slice(0, 8)}${String(day).padStart(2, "0")}`
  return isLocalDate(candidate) ? candidate : null
}

/** `21.04`, `21.04.2026`, `21.04.26`, `2026-04-21`. */
export function parseDay(token: string, today: LocalDate): LocalDate | null {
  if (isLocalDate(token)) return token
  const match = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4}))?$/.exec(token)
  if (!match) return null
  const day = match[1]!.padStart(2, "0")
  const month = match[2]!.padStart(2, "0")
  if (match[3]) {
    const year = match[3].length === 2 ? `20${match[3]}` : match[3]
    const date = `${year}-${month}-${day}`
    return isLocalDate(date) ? date : null
  }
  const thisYear = `${today.slice(0, 4)}-${month}-${day}`
  const nextYear = `${Number(today.slice(0, 4)) + 1}-${month}-${day}`
  if (isLocalDate(thisYear) && thisYear >= today) return thisYear
  return isLocalDate(nextYear) ? nextYear : null
}
