/**
 * Calendar dates as `YYYY-MM-DD` strings: what a production calendar, a schedule and a deadline speak in. They are
 * JSON-safe (conversations and the outbox store them as they are) and compare correctly as strings.
 */
export type LocalDate = string

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isLocalDate(text: string): boolean {
  const match = DATE.exec(text)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === text
}

function utcOf(date: LocalDate): Date {
  if (!isLocalDate(date)) throw new Error(`not a date: ${date}`)
  return new Date(`${date}T00:00:00Z`)
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const utc = utcOf(date)
  utc.setUTCDate(utc.getUTCDate() + days)
  return utc.toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday, as Date.getDay. */
export function weekday(date: LocalDate): number {
  return utcOf(date).getUTCDay()
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4))
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utcOf(to).getTime() - utcOf(from).getTime()) / 86_400_000)
}

/** `05.12.2026`, as Russian documents write dates. */
export function russianDate(date: LocalDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`
}
