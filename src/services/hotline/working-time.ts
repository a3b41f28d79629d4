import { addWorkingHours, workingMinutesBetween } from "../../domain/calendar/working-time.ts"
import type { ProductionCalendar } from "../../domain/calendar/production-calendar.ts"

/**
 * Working time for service levels, with a fallback for dates outside the production calendar (a year without
 * data): then every hour counts, which errs on the side of escalating early rather than never.
 */
export function workingMinutes(from: Date, to: Date, timeZone: string, calendar: ProductionCalendar): number {
  try {
    return workingMinutesBetween(from, to, timeZone, calendar)
  } catch {
    return Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000))
  }
}

export function deadlineAfter(from: Date, hours: number, timeZone: string, calendar: ProductionCalendar): Date {
  try {
    return addWorkingHours(from, hours, timeZone, calendar)
  } catch {
    return new Date(from.getTime() + hours * 3600_000)
  }
}
