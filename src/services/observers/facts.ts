import { formatTimeOfDay } from "../../domain/observers/act.ts"
import { russianDate, type LocalDate } from "../../domain/calendar/dates.ts"
import { instantAt, wallClock } from "../../domain/calendar/zoned.ts"
import { procedureTitle } from "../../domain/results.ts"
import type { Translate } from "../../i18n.ts"
import { parseProcedureId } from "../results/procedure-key.ts"

/** A session as messages and lists show it (JSON-safe). */
export interface SessionFacts {
  sessionId: number
  schoolId: number
  schoolLogin: string
  schoolName: string | null
  address: string | null
  municipalityId: number | null
  timeZone: string
  procedure: string
  date: LocalDate
  startMinutes: number | null
  rooms: number
}

/** What Prisma gives for a session with its school and municipality. */
export interface SessionRow {
  id: number
  schoolId: number
  procedure: string
  date: string
  startMinutes: number | null
  rooms: number
  school: { login: string; name: string | null; address: string | null; municipalityId: number | null; municipality: { timeZone: string } | null }
}

export const sessionInclude = {
  school: { select: { login: true, name: true, address: true, municipalityId: true, municipality: { select: { timeZone: true } } } },
} as const

export function factsOf(row: SessionRow, defaultTimeZone: string): SessionFacts {
  return {
    sessionId: row.id,
    schoolId: row.schoolId,
    schoolLogin: row.school.login,
    schoolName: row.school.name,
    address: row.school.address,
    municipalityId: row.school.municipalityId,
    timeZone: row.school.municipality?.timeZone ?? defaultTimeZone,
    procedure: row.procedure,
    date: row.date,
    startMinutes: row.startMinutes,
    rooms: row.rooms,
  }
}

export function schoolLabel(school: { login: string; name: string | null }): string {
  return school.name ? `${school.name} (${school.login})` : school.login
}

export function procedureLabel(procedure: string): string {
  try {
    return procedureTitle(parseProcedureId(procedure))
  } catch {
    return procedure
  }
}

/** «21.04.2026, 09:00» or «21.04.2026» when the start is not known. */
export function whenLabel(facts: Pick<SessionFacts, "date" | "startMinutes">): string {
  return facts.startMinutes === null ? russianDate(facts.date) : `${russianDate(facts.date)}, ${formatTimeOfDay(facts.startMinutes)}`
}

/** The start of the work as an instant (09:00 local when not given: ВПР are written in the first lessons). */
export function sessionStart(facts: Pick<SessionFacts, "date" | "startMinutes" | "timeZone">): Date {
  return instantAt(facts.date, facts.startMinutes ?? 9 * 60, facts.timeZone)
}

/** «22.04.2026 12:00» in the municipality's time zone. */
export function localMoment(instant: Date, timeZone: string): string {
  const clock = wallClock(instant, timeZone)
  return `${russianDate(clock.date)} ${formatTimeOfDay(clock.minutes)}`
}

/** The lines every message about a session carries. */
export function sessionLines(t: Translate, facts: SessionFacts): string {
  return t("observers-session-lines", {
    school: schoolLabel({ login: facts.schoolLogin, name: facts.schoolName }),
    address: facts.address ?? t("observers-address-unknown"),
    procedure: procedureLabel(facts.procedure),
    when: whenLabel(facts),
  })
}
