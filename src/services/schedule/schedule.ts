import { isLocalDate, type LocalDate } from "../../domain/calendar/dates.ts"
import type { ProcedureKey } from "../../domain/results.ts"
import { audit } from "../access/audit.ts"
import { canActOnSchool, coordinatedMunicipalities, isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, type Done, type NotAllowed, type NotFound } from "../outcome.ts"
import { procedureId } from "../results/procedure-key.ts"

/**
 * The procedure calendar of the schools: which procedure each school writes on which date. The deadlines service
 * plans reminders from it and the observers service assigns observers to it. Coordinators of a municipality
 * keep it for their schools; a school coordinator enters or confirms the dates of their own school.
 */

export interface ScheduleEntry {
  schoolId: number
  procedure: ProcedureKey
  date: LocalDate
  startMinutes?: number | null
  rooms?: number
}

/** A scheduled procedure as the bot and the other services see it (JSON-safe). */
export interface ScheduledView {
  id: number
  schoolId: number
  schoolLogin: string
  schoolName: string | null
  municipalityId: number | null
  /** Procedure id: `ВПР|2026|Математика|4`. */
  procedure: string
  date: LocalDate
  startMinutes: number | null
  rooms: number
  confirmed: boolean
}

const EDITORS = ["school_coordinator", "municipal_coordinator"] as const

const include = { school: { select: { login: true, name: true, municipalityId: true } } } as const

type Row = {
  id: number
  schoolId: number
  procedure: string
  date: string
  startMinutes: number | null
  rooms: number
  confirmedAt: Date | null
  school: { login: string; name: string | null; municipalityId: number | null }
}

function view(row: Row): ScheduledView {
  return {
    id: row.id,
    schoolId: row.schoolId,
    schoolLogin: row.school.login,
    schoolName: row.school.name,
    municipalityId: row.school.municipalityId,
    procedure: row.procedure,
    date: row.date,
    startMinutes: row.startMinutes,
    rooms: row.rooms,
    confirmed: row.confirmedAt !== null,
  }
}

export class InvalidScheduleEntry extends Error {}

function checkEntry(entry: ScheduleEntry): void {
  if (!isLocalDate(entry.date)) throw new InvalidScheduleEntry(`not a date: ${entry.date}`)
  if (entry.rooms !== undefined && (!Number.isInteger(entry.rooms) || entry.rooms < 1 || entry.rooms > 100)) throw new InvalidScheduleEntry(`rooms: ${entry.rooms}`)
  if (entry.startMinutes != null && (!Number.isInteger(entry.startMinutes) || entry.startMinutes < 0 || entry.startMinutes >= 24 * 60)) {
    throw new InvalidScheduleEntry(`start: ${entry.startMinutes}`)
  }
}

export function createSchedule(deps: ServiceDeps) {
  async function schoolInScope(actor: Actor, schoolId: number) {
    const school = await deps.prisma.school.findUnique({ where: { id: schoolId }, select: { id: true, login: true, municipalityId: true } })
    if (!school) return null
    return canActOnSchool(actor, school, [...EDITORS]) ? school : false
  }

  return {
    /**
     * Adds or updates the date of a procedure at a school (the same school × procedure × date is one entry).
     * An entry made by the school's own coordinator counts as confirmed.
     */
    async save(actor: Actor, entry: ScheduleEntry): Promise<Done<{ entry: ScheduledView; created: boolean }> | NotAllowed | NotFound> {
      checkEntry(entry)
      const school = await schoolInScope(actor, entry.schoolId)
      if (school === null) return notFound()
      if (school === false) return notAllowed()
      const bySchool = actor.grants.some((grant) => grant.role === "school_coordinator" && grant.schoolId === entry.schoolId)
      const key = { schoolId: entry.schoolId, procedure: procedureId(entry.procedure), date: entry.date }
      const existing = await deps.prisma.scheduledProcedure.findUnique({ where: { schoolId_procedure_date: key } })
      const fields = {
        startMinutes: entry.startMinutes ?? null,
        rooms: entry.rooms ?? 1,
        ...(bySchool ? { confirmedAt: deps.clock.now() } : {}),
      }
      const row = await deps.prisma.scheduledProcedure.upsert({
        where: { schoolId_procedure_date: key },
        create: { ...key, ...fields, createdById: actor.userId },
        update: fields,
        include,
      })
      await audit(deps.prisma, { actorId: actor.userId, action: "schedule.saved", subject: String(row.id), details: { ...key } })
      return { ok: true, entry: view(row), created: existing === null }
    },

    /** The school coordinator confirms a date the municipality entered. */
    async confirm(actor: Actor, id: number): Promise<Done<{ entry: ScheduledView }> | NotAllowed | NotFound> {
      const row = await deps.prisma.scheduledProcedure.findUnique({ where: { id } })
      if (!row) return notFound()
      const school = await schoolInScope(actor, row.schoolId)
      if (!school) return notAllowed()
      const updated = await deps.prisma.scheduledProcedure.update({ where: { id }, data: { confirmedAt: deps.clock.now() }, include })
      await audit(deps.prisma, { actorId: actor.userId, action: "schedule.confirmed", subject: String(id) })
      return { ok: true, entry: view(updated) }
    },

    async remove(actor: Actor, id: number): Promise<Done | NotAllowed | NotFound> {
      const row = await deps.prisma.scheduledProcedure.findUnique({ where: { id } })
      if (!row) return notFound()
      if (!(await schoolInScope(actor, row.schoolId))) return notAllowed()
      await deps.prisma.scheduledProcedure.delete({ where: { id } })
      await audit(deps.prisma, { actorId: actor.userId, action: "schedule.removed", subject: String(id), details: { procedure: row.procedure, date: row.date } })
      return { ok: true }
    },

    /** The entries the actor may see, by date: an admin all; a coordinator their municipality's; a school its own. */
    async list(actor: Actor, range: { from?: LocalDate; to?: LocalDate; schoolIds?: number[] } = {}): Promise<ScheduledView[]> {
      const municipalities = coordinatedMunicipalities(actor)
      const schools = actor.grants.flatMap((grant) => (grant.schoolId !== null && EDITORS.includes(grant.role as never) ? [grant.schoolId] : []))
      if (!isAdmin(actor) && municipalities.length === 0 && schools.length === 0) return []
      const rows = await deps.prisma.scheduledProcedure.findMany({
        where: {
          ...(isAdmin(actor) ? {} : { OR: [{ school: { municipalityId: { in: municipalities } } }, { schoolId: { in: schools } }] }),
          ...(range.schoolIds ? { schoolId: { in: range.schoolIds } } : {}),
          date: { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lte: range.to } : {}) },
        },
        include,
        orderBy: [{ date: "asc" }, { schoolId: "asc" }, { procedure: "asc" }],
      })
      return rows.map(view)
    },
  }
}

export type Schedule = ReturnType<typeof createSchedule>
