import { russianDate } from "../../domain/calendar/dates.ts"
import { wallClock } from "../../domain/calendar/zoned.ts"
import type { ServiceDeps } from "../deps.ts"

/** What the relay needs to know about a person: how to name them, where to write, in which language. */
export interface Person {
  id: number
  telegramId: bigint
  name: string
  username: string | null
  language: "ru" | "en"
}

export async function loadPeople(deps: Pick<ServiceDeps, "prisma">, ids: Iterable<number>): Promise<Map<number, Person>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const users = await deps.prisma.user.findMany({ where: { id: { in: unique } } })
  return new Map(
    users.map((user) => [
      user.id,
      {
        id: user.id,
        telegramId: user.telegramId,
        name: [user.firstName, user.lastName].filter(Boolean).join(" "),
        username: user.username,
        language: user.language === "en" ? "en" : "ru",
      },
    ]),
  )
}

/** «Анна Иванова (@anna)»: how a non-anonymous asker is shown to the specialists. */
export function displayName(person: Person | undefined): string {
  if (!person) return "—"
  return person.username ? `${person.name} (@${person.username})` : person.name
}

/** `05.12.2026 14:30` on the wall clock of the time zone. */
export function localDateTime(instant: Date, timeZone: string): string {
  const { date, minutes } = wallClock(instant, timeZone)
  return `${russianDate(date)} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`
}

/** The time zone of a ticket: its municipality's, else the installation's default. */
export async function timeZoneOf(deps: Pick<ServiceDeps, "prisma">, municipalityId: number | null, fallback: string): Promise<string> {
  if (municipalityId === null) return fallback
  const municipality = await deps.prisma.municipality.findUnique({ where: { id: municipalityId }, select: { timeZone: true } })
  return municipality?.timeZone ?? fallback
}
