import { isLocalDate, russianDate, type LocalDate } from "../../domain/calendar/dates.ts"
import { instantAt } from "../../domain/calendar/zoned.ts"
import { formatMinutes } from "../../domain/deadlines/rules.ts"
import { createTranslator } from "../../i18n.ts"
import { audit } from "../access/audit.ts"
import type { Actor, RoleName } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { enqueueMany } from "../notifications/outbox.ts"
import { notAllowed, notFound, refused, type Done, type NotAllowed, type NotFound, type RefusedWithProblems } from "../outcome.ts"
import { isSchoolRole } from "./kinds.ts"
import { usersByIds } from "./recipients.ts"
import { canActOnMunicipality } from "./scope.ts"
import { cancel, track } from "./track.ts"

/**
 * Events from the roadmaps on the same calendar as the deadlines: coordinator briefings, seminars and webinars for
 * teachers, interviews with school administrations. Invitees are chosen by role and scope and fixed when the event
 * is created (who was invited is what attendance is marked against); they get an invitation at once and reminders
 * through a deadline of kind "event" (the working day before and the morning of the day, 09:00 local).
 */

export const EVENT_KINDS = ["briefing", "seminar", "webinar", "interview"] as const
export type EventKind = (typeof EVENT_KINDS)[number]
export const AUDIENCE_ROLES = ["school_coordinator", "teacher", "observer", "municipal_coordinator"] as const satisfies readonly RoleName[]
export type AudienceRole = (typeof AUDIENCE_ROLES)[number]

export interface NewEvent {
  municipalityId: number
  kind: EventKind
  title: string
  place?: string | null
  date: LocalDate
  startMinutes: number
  roles: AudienceRole[]
  /** Schools whose staff are invited (school roles); null or absent: every school of the municipality. */
  schoolIds?: number[] | null
}

export type EventProblem = "event-title" | "event-date" | "event-time" | "event-past" | "event-roles" | "event-schools" | "event-nobody"

export interface EventView {
  id: number
  kind: EventKind
  title: string
  place: string | null
  when: string
  startsAt: string
  invited: number
  attended: number
  marked: number
  past: boolean
  cancelled: boolean
  /** The viewer may mark attendance and cancel. */
  manage: boolean
}

const DAY = 86_400_000

export function createEvents(deps: ServiceDeps) {
  async function zoneOf(municipalityId: number): Promise<string | null> {
    return (await deps.prisma.municipality.findUnique({ where: { id: municipalityId }, select: { timeZone: true } }))?.timeZone ?? null
  }

  async function invitees(municipalityId: number, roles: AudienceRole[], schoolIds: number[] | null): Promise<number[]> {
    const or = roles.map((role) =>
      isSchoolRole(role)
        ? schoolIds ? { role, schoolId: { in: schoolIds } } : { role, school: { municipalityId } }
        : { role, municipalityId },
    )
    const grants = await deps.prisma.roleGrant.findMany({ where: { revokedAt: null, OR: or }, select: { userId: true } })
    return [...new Set(grants.map((grant) => grant.userId))].sort((a, b) => a - b)
  }

  return {
    /** A coordinator of the municipality creates an event: invitations go out at once, reminders follow. */
    async create(actor: Actor, input: NewEvent): Promise<Done<{ id: number; invited: number }> | NotAllowed | NotFound | RefusedWithProblems<EventProblem>> {
      if (!canActOnMunicipality(actor, input.municipalityId)) return notAllowed()
      const problems: EventProblem[] = []
      const title = input.title.trim()
      if (!title || title.length > 200) problems.push("event-title")
      if (!isLocalDate(input.date)) problems.push("event-date")
      if (!Number.isInteger(input.startMinutes) || input.startMinutes < 0 || input.startMinutes >= 1440) problems.push("event-time")
      if (input.roles.length === 0 || input.roles.some((role) => !(AUDIENCE_ROLES as readonly string[]).includes(role))) problems.push("event-roles")
      const timeZone = await zoneOf(input.municipalityId)
      if (!timeZone) return notFound()
      const startsAt = problems.length === 0 ? instantAt(input.date, input.startMinutes, timeZone) : null
      if (startsAt && startsAt <= deps.clock.now()) problems.push("event-past")
      const schoolIds = input.schoolIds && input.schoolIds.length > 0 ? [...new Set(input.schoolIds)] : null
      if (schoolIds) {
        const inside = await deps.prisma.school.count({ where: { id: { in: schoolIds }, municipalityId: input.municipalityId } })
        if (inside !== schoolIds.length) problems.push("event-schools")
      }
      if (problems.length > 0) return refused(problems)
      const people = await invitees(input.municipalityId, input.roles, schoolIds)
      if (people.length === 0) return refused(["event-nobody"])

      const event = await deps.prisma.event.create({
        data: {
          municipalityId: input.municipalityId,
          kind: input.kind,
          title,
          place: input.place?.trim() ? input.place.trim().slice(0, 300) : null,
          date: input.date,
          startMinutes: input.startMinutes,
          startsAt: startsAt!,
          audience: { roles: input.roles, schoolIds },
          createdById: actor.userId,
          createdAt: deps.clock.now(),
          invites: { createMany: { data: people.map((userId) => ({ userId })) } },
        },
      })
      await track(deps, {
        key: `event:${event.id}`,
        kind: "event",
        title: { key: `event-title-${input.kind}`, params: { title } },
        municipalityId: input.municipalityId,
        due: startsAt!,
        responsible: { userIds: people },
        reminders: { workingDaysBefore: [1, 0], at: 9 * 60 },
        escalate: false,
        createdById: actor.userId,
      }, null, timeZone)
      const recipients = await usersByIds(deps, people)
      await enqueueMany(deps, recipients.map((recipient) => {
        const t = createTranslator(recipient.language)
        return {
          chatId: recipient.chatId,
          text: t("event-invitation", { title: t(`event-title-${input.kind}`, { title }), when: `${russianDate(input.date)}, ${formatMinutes(input.startMinutes)}`, place: event.place ?? "none" }),
          dedupeKey: `event:${event.id}:invite:${recipient.userId}`,
        }
      }))
      await audit(deps.prisma, { actorId: actor.userId, action: "event.created", subject: String(event.id), details: { kind: input.kind, invited: people.length } })
      return { ok: true, id: event.id, invited: people.length }
    },

    /** Events the actor is invited to or manages, from two weeks back (for attendance) to the future. */
    async list(actor: Actor): Promise<EventView[]> {
      const now = deps.clock.now()
      const managed = isManagerOf(actor)
      const events = await deps.prisma.event.findMany({
        where: {
          startsAt: { gte: new Date(now.getTime() - 14 * DAY) },
          OR: [{ invites: { some: { userId: actor.userId } } }, ...(managed === "all" ? [{}] : [{ municipalityId: { in: managed } }])],
        },
        include: { invites: true },
        orderBy: { startsAt: "asc" },
      })
      return events.map((event) => ({
        id: event.id,
        kind: event.kind as EventKind,
        title: event.title,
        place: event.place,
        when: `${russianDate(event.date)}, ${formatMinutes(event.startMinutes)}`,
        startsAt: event.startsAt.toISOString(),
        invited: event.invites.length,
        attended: event.invites.filter((invite) => invite.attended === true).length,
        marked: event.invites.filter((invite) => invite.attended !== null).length,
        past: event.startsAt <= now,
        cancelled: event.cancelledAt !== null,
        manage: managed === "all" || managed.includes(event.municipalityId),
      }))
    },

    /** The invitees of an event with their attendance marks (coordinators of its municipality). */
    async attendance(actor: Actor, eventId: number): Promise<Done<{ title: string; kind: EventKind; when: string; people: { userId: number; name: string; attended: boolean | null }[] }> | NotAllowed | NotFound> {
      const event = await deps.prisma.event.findUnique({ where: { id: eventId }, include: { invites: true } })
      if (!event) return notFound()
      if (!canActOnMunicipality(actor, event.municipalityId)) return notAllowed()
      const users = await deps.prisma.user.findMany({ where: { id: { in: event.invites.map((invite) => invite.userId) } }, select: { id: true, firstName: true, lastName: true } })
      const names = new Map(users.map((user) => [user.id, [user.firstName, user.lastName].filter(Boolean).join(" ")]))
      const people = event.invites
        .map((invite) => ({ userId: invite.userId, name: names.get(invite.userId) ?? "—", attended: invite.attended }))
        .sort((a, b) => a.name.localeCompare(b.name, "ru"))
      return { ok: true, title: event.title, kind: event.kind as EventKind, when: `${russianDate(event.date)}, ${formatMinutes(event.startMinutes)}`, people }
    },

    /** Marks (or clears with null) one invitee's attendance, once the event has begun. */
    async mark(actor: Actor, eventId: number, userId: number, attended: boolean | null): Promise<Done | NotAllowed | NotFound> {
      const event = await deps.prisma.event.findUnique({ where: { id: eventId } })
      if (!event) return notFound()
      if (!canActOnMunicipality(actor, event.municipalityId) || event.startsAt > deps.clock.now()) return notAllowed()
      const { count } = await deps.prisma.eventInvite.updateMany({ where: { eventId, userId }, data: { attended, markedAt: attended === null ? null : deps.clock.now() } })
      if (count === 0) return notFound()
      await audit(deps.prisma, { actorId: actor.userId, action: "event.attendance", subject: String(eventId), details: { userId, attended } })
      return { ok: true }
    },

    /** Calls the event off: the reminders stop and the invitees are told. */
    async cancel(actor: Actor, eventId: number): Promise<Done | NotAllowed | NotFound> {
      const event = await deps.prisma.event.findUnique({ where: { id: eventId }, include: { invites: true } })
      if (!event || event.cancelledAt) return notFound()
      if (!canActOnMunicipality(actor, event.municipalityId)) return notAllowed()
      await deps.prisma.event.update({ where: { id: eventId }, data: { cancelledAt: deps.clock.now() } })
      await cancel(deps, `event:${eventId}`)
      const recipients = await usersByIds(deps, event.invites.map((invite) => invite.userId))
      await enqueueMany(deps, recipients.map((recipient) => {
        const t = createTranslator(recipient.language)
        return {
          chatId: recipient.chatId,
          text: t("event-cancelled", { title: t(`event-title-${event.kind}`, { title: event.title }), when: `${russianDate(event.date)}, ${formatMinutes(event.startMinutes)}` }),
          dedupeKey: `event:${eventId}:cancelled:${recipient.userId}`,
        }
      }))
      await audit(deps.prisma, { actorId: actor.userId, action: "event.cancelled", subject: String(eventId) })
      return { ok: true }
    },

    /** The municipality a coordinator creates events in (their first), or null. */
    municipalityOf(actor: Actor): number | null {
      const managed = isManagerOf(actor)
      return managed === "all" ? null : (managed[0] ?? null)
    },
  }
}

function isManagerOf(actor: Actor): number[] | "all" {
  if (actor.grants.some((grant) => grant.role === "admin")) return "all"
  return actor.grants.flatMap((grant) => (grant.role === "municipal_coordinator" && grant.municipalityId !== null ? [grant.municipalityId] : []))
}

export type Events = ReturnType<typeof createEvents>
