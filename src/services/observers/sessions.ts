import { isLocalDate, type LocalDate } from "../../domain/calendar/dates.ts"
import { localDate } from "../../domain/calendar/zoned.ts"
import type { ProcedureKey } from "../../domain/results.ts"
import { audit } from "../access/audit.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, refused, type Done, type NotAllowed, type NotFound, type RefusedWithProblems } from "../outcome.ts"
import type { Schedule } from "../schedule/schedule.ts"
import { parseSchoolLogin } from "../../domain/schools.ts"
import { factsOf, schoolLabel, sessionInclude, type SessionFacts } from "./facts.ts"
import { riskSchoolIds } from "./risk-levels.ts"
import { canActOnMunicipality, coordinatorScope } from "./scope.ts"

/**
 * Observation sessions are the procedure schedule's rows (services/schedule): a school writes a procedure on a date,
 * in some rooms, one observer per room. Here: the coordinator's view of them with their staffing, a new session
 * entered from the observers' section, and the schools whose sessions come first (risk zone, or asked for).
 */

export type Priority = "risk" | "request" | null

export interface SessionView extends SessionFacts {
  /** Observers offered or confirmed. */
  offered: number
  confirmed: number
  proposed: number
  priority: Priority
}

export interface NewSession {
  schoolId: number
  procedure: ProcedureKey
  date: LocalDate
  startMinutes: number | null
  rooms: number
  /** The school's address when it is not known yet. */
  address?: string
}

export type NewSessionProblem = "date" | "past" | "start" | "rooms" | "address"

export const ACTIVE = ["offered", "confirmed"] as const

export function createSessions(deps: ServiceDeps, schedule: Schedule, defaultTimeZone: string) {
  async function today(municipalityId: number | null): Promise<LocalDate> {
    const municipality = municipalityId === null ? null : await deps.prisma.municipality.findUnique({ where: { id: municipalityId } })
    return localDate(deps.clock.now(), municipality?.timeZone ?? defaultTimeZone)
  }

  /** Why each session comes first, if it does: its school is in the risk zone, or observers were asked for there. */
  async function priorities(sessions: readonly Pick<SessionFacts, "sessionId" | "schoolId" | "municipalityId" | "date">[]): Promise<Map<number, Priority>> {
    const municipalityIds = [...new Set(sessions.flatMap((session) => (session.municipalityId === null ? [] : [session.municipalityId])))]
    const risk = sessions.length === 0 ? new Set<number>() : await riskSchoolIds(deps, municipalityIds)
    const requests = await deps.prisma.observerRequest.findMany({
      where: { schoolId: { in: [...new Set(sessions.map((session) => session.schoolId))] }, closedAt: null },
      select: { schoolId: true, since: true },
    })
    return new Map(
      sessions.map((session) => [
        session.sessionId,
        risk.has(session.schoolId) ? "risk" : requests.some((request) => request.schoolId === session.schoolId && request.since <= session.date) ? "request" : null,
      ]),
    )
  }

  return {
    priorities,
    today,

    /** Sessions from today on in the actor's municipalities, with how many observers each has. */
    async upcoming(actor: Actor, range: { from?: LocalDate; to?: LocalDate } = {}): Promise<SessionView[]> {
      const scope = coordinatorScope(actor)
      if (scope !== null && scope.length === 0) return []
      const from = range.from ?? (await today(scope?.[0] ?? null))
      const rows = await deps.prisma.scheduledProcedure.findMany({
        where: { date: { gte: from, ...(range.to ? { lte: range.to } : {}) }, ...(scope ? { school: { municipalityId: { in: scope } } } : {}) },
        include: { ...sessionInclude, observerAssignments: { where: { status: { in: ["proposed", ...ACTIVE] } }, select: { status: true } } },
        orderBy: [{ date: "asc" }, { startMinutes: "asc" }, { schoolId: "asc" }],
      })
      const facts = rows.map((row) => factsOf(row, defaultTimeZone))
      const priority = await priorities(facts)
      return rows.map((row, index) => ({
        ...facts[index]!,
        offered: row.observerAssignments.filter((a) => a.status === "offered").length,
        confirmed: row.observerAssignments.filter((a) => a.status === "confirmed").length,
        proposed: row.observerAssignments.filter((a) => a.status === "proposed").length,
        priority: priority.get(row.id) ?? null,
      }))
    },

    /** A coordinator enters a session (a row of the procedure schedule) and, when missing, the school's address. */
    async create(actor: Actor, session: NewSession): Promise<Done<{ session: SessionFacts; created: boolean }> | NotAllowed | NotFound | RefusedWithProblems<NewSessionProblem>> {
      const school = await deps.prisma.school.findUnique({ where: { id: session.schoolId } })
      if (!school) return notFound()
      if (!canActOnMunicipality(actor, school.municipalityId)) return notAllowed(["school"])
      const problems: NewSessionProblem[] = []
      if (!isLocalDate(session.date)) problems.push("date")
      else if (session.date < (await today(school.municipalityId))) problems.push("past")
      if (session.startMinutes !== null && (!Number.isInteger(session.startMinutes) || session.startMinutes < 0 || session.startMinutes >= 24 * 60)) problems.push("start")
      if (!Number.isInteger(session.rooms) || session.rooms < 1 || session.rooms > 100) problems.push("rooms")
      const address = session.address?.trim()
      if (address !== undefined && (address.length < 5 || address.length > 300)) problems.push("address")
      if (problems.length > 0) return refused(problems)
      const saved = await schedule.save(actor, { schoolId: session.schoolId, procedure: session.procedure, date: session.date, startMinutes: session.startMinutes, rooms: session.rooms })
      if (!saved.ok) return saved
      if (address) {
        await deps.prisma.school.update({ where: { id: school.id }, data: { address } })
        await audit(deps.prisma, { actorId: actor.userId, action: "school.address.saved", subject: String(school.id) })
      }
      const row = await deps.prisma.scheduledProcedure.findUniqueOrThrow({ where: { id: saved.entry.id }, include: sessionInclude })
      return { ok: true, session: factsOf(row, defaultTimeZone), created: saved.created }
    },

    /** Schools a coordinator may enter sessions for, by login or a part of the name. */
    async searchSchools(actor: Actor, query: string, limit = 8): Promise<{ id: number; label: string }[]> {
      const scope = coordinatorScope(actor)
      if (scope !== null && scope.length === 0) return []
      const text = query.trim()
      if (text.length < 2) return []
      const login = parseSchoolLogin(text)
      const inScope = scope ? { municipalityId: { in: scope } } : {}
      const rows = await deps.prisma.school.findMany({
        where: login ? { ...inScope, key: login.key } : { ...inScope, OR: [{ name: { contains: text, mode: "insensitive" } }, { login: { contains: text.toLowerCase() } }] },
        select: { id: true, login: true, name: true },
        orderBy: [{ name: "asc" }, { login: "asc" }],
        take: limit,
      })
      return rows.map((row) => ({ id: row.id, label: schoolLabel(row) }))
    },

    /** A school as the new-session dialog needs it: whether its address is known. */
    async school(actor: Actor, schoolId: number): Promise<{ id: number; label: string; address: string | null } | null> {
      const row = await deps.prisma.school.findUnique({ where: { id: schoolId } })
      if (!row || !canActOnMunicipality(actor, row.municipalityId)) return null
      return { id: row.id, label: schoolLabel(row), address: row.address }
    },

    /**
     * «Observers at the next procedure» for a school — what a risk case asks for (the lead wires risk cases here):
     * the school's sessions from today on are staffed first until an act from the school arrives.
     * Returns the sessions already scheduled that it marks.
     */
    async requestObservers(actor: Actor, schoolId: number, reason: string): Promise<Done<{ requestId: number; sessions: SessionFacts[] }> | NotAllowed | NotFound | RefusedWithProblems<"reason">> {
      const school = await deps.prisma.school.findUnique({ where: { id: schoolId } })
      if (!school) return notFound()
      if (!canActOnMunicipality(actor, school.municipalityId)) return notAllowed(["school"])
      const text = reason.trim()
      if (text.length === 0 || text.length > 500) return refused(["reason" as const])
      const since = await today(school.municipalityId)
      const request = await deps.prisma.observerRequest.create({ data: { schoolId, reason: text, requestedById: actor.userId, since } })
      await audit(deps.prisma, { actorId: actor.userId, action: "observers.requested", subject: String(schoolId), details: { requestId: request.id } })
      const rows = await deps.prisma.scheduledProcedure.findMany({ where: { schoolId, date: { gte: since } }, include: sessionInclude, orderBy: { date: "asc" } })
      return { ok: true, requestId: request.id, sessions: rows.map((row) => factsOf(row, defaultTimeZone)) }
    },
  }
}

export type Sessions = ReturnType<typeof createSessions>
