/** What coordinators type in the risk dialogs: dates as Russian documents write them, and plain counts. */
import { isLocalDate, type LocalDate } from "../calendar/dates.ts"

/** `25.03.2027` (also `25.3.2027`, `25/03/2027`) → `2027-03-25`; null for anything else. */
export function parseDayMonthYear(text: string): LocalDate | null {
  const match = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(text)
  if (!match) return null
  const date = `${match[3]}-${match[2]!.padStart(2, "0")}-${match[1]!.padStart(2, "0")}`
  return isLocalDate(date) ? date : null
}

/** A whole number within [min, max], or null. */
export function parseCount(text: string, min: number, max: number): number | null {
  if (!/^\s*\d{1,6}\s*$/.test(text)) return null
  const n = Number(text)
  return n >= min && n <= max ? n : null
}
