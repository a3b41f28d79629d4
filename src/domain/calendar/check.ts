import { addDays, isLocalDate, weekday, yearOf, type LocalDate } from "./dates.ts"
import type { CalendarYear } from "./production-calendar.ts"

/**
 * Checks a year of the production calendar that an admin loads (a new decree) before it replaces what the bot plans
 * with: every date real and in that year, each list meaning what calendar.md §2 says it means.
 */

export interface CalendarProblem {
  /** Where: a JSON path (`2027.holidays[3]`) or, for our workbook, the cell (filled in by the reader). */
  where: string
  /** A message id of locales/<lang>/calendar.ftl and its parameters. */
  message:
    | "calendar-not-object"
    | "calendar-year"
    | "calendar-status"
    | "calendar-list"
    | "calendar-date"
    | "calendar-other-year"
    | "calendar-duplicate"
    | "calendar-not-holiday"
    | "calendar-holiday-missing"
    | "calendar-day-off-on-weekend"
    | "calendar-working-weekday"
    | "calendar-short-day-off"
    | "calendar-transfer"
  params?: Record<string, string | number>
}

/** Labour Code art. 112: the non-working holidays, as month-day. */
export const ART_112_HOLIDAYS = ["01-01", "01-02", "01-03", "01-04", "01-05", "01-06", "01-07", "01-08", "02-23", "03-08", "05-01", "05-09", "06-12", "11-04"]

const LISTS = ["holidays", "extraDaysOff", "workingWeekends", "shortDays"] as const

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

function isWeekend(date: LocalDate): boolean {
  const day = weekday(date)
  return day === 0 || day === 6
}

/** A year as loaded, or every problem found. `where` is prefixed with `prefix` (the year in a JSON document). */
export function checkCalendarYear(year: number, input: unknown, prefix = `${year}`): { year: CalendarYear } | { problems: CalendarProblem[] } {
  const problems: CalendarProblem[] = []
  const at = (path: string) => (prefix ? `${prefix}.${path}` : path)
  if (!Number.isInteger(year) || year < 2020 || year > 2100) return { problems: [{ where: prefix, message: "calendar-year", params: { year: String(year) } }] }
  if (!isRecord(input)) return { problems: [{ where: prefix, message: "calendar-not-object" }] }
  if (input.status !== "final" && input.status !== "provisional") problems.push({ where: at("status"), message: "calendar-status" })

  const lists: Record<(typeof LISTS)[number], LocalDate[]> = { holidays: [], extraDaysOff: [], workingWeekends: [], shortDays: [] }
  const seen = new Map<LocalDate, string>()
  for (const name of LISTS) {
    const raw = input[name] ?? []
    if (!Array.isArray(raw)) {
      problems.push({ where: at(name), message: "calendar-list" })
      continue
    }
    raw.forEach((value, index) => {
      const where = at(`${name}[${index}]`)
      if (typeof value !== "string" || !isLocalDate(value)) return void problems.push({ where, message: "calendar-date", params: { value: String(value) } })
      if (yearOf(value) !== year) return void problems.push({ where, message: "calendar-other-year", params: { date: value, year: String(year) } })
      const earlier = seen.get(value)
      if (earlier && !(name === "shortDays" && earlier === "workingWeekends")) return void problems.push({ where, message: "calendar-duplicate", params: { date: value } })
      seen.set(value, name)
      lists[name].push(value)
    })
  }
  const holidays = new Set(lists.holidays)
  for (const [index, date] of lists.holidays.entries()) {
    if (!ART_112_HOLIDAYS.includes(date.slice(5))) problems.push({ where: at(`holidays[${index}]`), message: "calendar-not-holiday", params: { date } })
  }
  for (const monthDay of ART_112_HOLIDAYS) {
    const date = `${year}-${monthDay}`
    if (!holidays.has(date)) problems.push({ where: at("holidays"), message: "calendar-holiday-missing", params: { date } })
  }
  lists.extraDaysOff.forEach((date, index) => {
    if (isWeekend(date)) problems.push({ where: at(`extraDaysOff[${index}]`), message: "calendar-day-off-on-weekend", params: { date } })
  })
  lists.workingWeekends.forEach((date, index) => {
    if (!isWeekend(date)) problems.push({ where: at(`workingWeekends[${index}]`), message: "calendar-working-weekday", params: { date } })
  })
  const off = new Set([...lists.holidays, ...lists.extraDaysOff])
  const working = new Set(lists.workingWeekends)
  lists.shortDays.forEach((date, index) => {
    if (off.has(date) || (isWeekend(date) && !working.has(date))) problems.push({ where: at(`shortDays[${index}]`), message: "calendar-short-day-off", params: { date } })
  })

  const transfers = checkTransfers(input.transfers, at("transfers"), year, new Set(lists.extraDaysOff), problems)
  const pending = checkTransfers(input.pendingTransfers, at("pendingTransfers"), year, null, problems)
  if (problems.length > 0) return { problems }
  const result: CalendarYear = {
    status: input.status as CalendarYear["status"],
    holidays: [...lists.holidays].sort(),
    transfers,
    extraDaysOff: [...lists.extraDaysOff].sort(),
    workingWeekends: [...lists.workingWeekends].sort(),
    shortDays: [...lists.shortDays].sort(),
  }
  if (typeof input.decree === "string" && input.decree.trim()) result.decree = input.decree.trim().slice(0, 500)
  if (typeof input.note === "string" && input.note.trim()) result.note = input.note.trim().slice(0, 1000)
  if (pending.length > 0) result.pendingTransfers = pending
  return { year: result }
}

/** `from` is a day off that moved (a weekend or a holiday, possibly of the year before); `to`, when known, is an extra day off. */
function checkTransfers(raw: unknown, where: string, year: number, extraDaysOff: Set<LocalDate> | null, problems: CalendarProblem[]): CalendarYear["transfers"] {
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) {
    problems.push({ where, message: "calendar-list" })
    return []
  }
  const transfers: CalendarYear["transfers"] = []
  raw.forEach((item, index) => {
    const here = `${where}[${index}]`
    if (!isRecord(item)) return void problems.push({ where: here, message: "calendar-transfer" })
    const from = item.from
    const to = item.to ?? null
    const fromOk = typeof from === "string" && isLocalDate(from) && (yearOf(from) === year || yearOf(from) === year - 1)
    const toOk = to === null ? extraDaysOff === null : typeof to === "string" && isLocalDate(to) && (extraDaysOff === null || extraDaysOff.has(to))
    if (!fromOk || !toOk) return void problems.push({ where: here, message: "calendar-transfer", params: { from: String(from), to: String(to) } })
    transfers.push({ from: from as LocalDate, to: to as LocalDate | null, basis: typeof item.basis === "string" ? item.basis.slice(0, 100) : "decree" })
  })
  return transfers
}

/** Working days and hours of a checked year (calendar.md §4), for the admin to compare with the decree. */
export function yearTotals(data: CalendarYear, year: number): { workingDays: number; hours: number } {
  const off = new Set([...data.holidays, ...data.extraDaysOff])
  const working = new Set(data.workingWeekends)
  const short = new Set(data.shortDays)
  let workingDays = 0
  let hours = 0
  for (let date = `${year}-01-01`; yearOf(date) === year; date = addDays(date, 1)) {
    const isWorking = !off.has(date) && (!isWeekend(date) || working.has(date))
    if (!isWorking) continue
    workingDays++
    hours += short.has(date) ? 7 : 8
  }
  return { workingDays, hours }
}
