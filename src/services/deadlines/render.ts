import { russianDate, yearOf } from "../../domain/calendar/dates.ts"
import type { ProductionCalendar } from "../../domain/calendar/production-calendar.ts"
import { wallClock } from "../../domain/calendar/zoned.ts"
import { END_OF_DAY, formatMinutes } from "../../domain/deadlines/rules.ts"
import type { Translate } from "../../i18n.ts"
import type { MessageRef } from "./kinds.ts"

/** Texts about deadlines, in the reader's language. Plain text: titles may carry a coordinator's own words. */

export function titleText(t: Translate, title: MessageRef): string {
  return t(title.key, title.params ?? {})
}

/** `15.05.2026`, or `15.05.2026, 12:00` when the moment is not the end of the day. */
export function dueText(due: Date, timeZone: string): string {
  const { date, minutes } = wallClock(due, timeZone)
  return minutes >= END_OF_DAY ? russianDate(date) : `${russianDate(date)}, ${formatMinutes(minutes)}`
}

export function schoolText(t: Translate, school: { login: string; name: string | null } | null): string {
  if (!school) return ""
  return school.name ? t("deadline-school-named", { login: school.login, name: school.name }) : t("deadline-school", { login: school.login })
}

/** Said with every answer that depends on a provisional year of the production calendar (calendar.md §2). */
export function provisionalNote(t: Translate, due: Date, timeZone: string, calendar: ProductionCalendar): string | null {
  const date = wallClock(due, timeZone).date
  try {
    return calendar.isProvisional(date) ? t("deadline-provisional", { year: String(yearOf(date)) }) : null
  } catch {
    return null
  }
}

export function kindLabel(t: Translate, kind: string): string {
  return t(`deadline-kind-${kind}`)
}
