import { isLocalDate, russianDate, yearOf, type LocalDate } from "../../domain/calendar/dates.ts"
import { vprWindow } from "../../domain/deadlines/windows.ts"
import { loadCalendar } from "../calendar/calendar.ts"
import type { LocatedProblem } from "../workbooks/located-problem.ts"
import { checkDay } from "./schedule-xlsx.ts"
import type { ProcedureKey } from "../../domain/results.ts"
import { audit } from "../access/audit.ts"
import { canActOnSchool, coordinatedMunicipalities, isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, type Done, type NotAllowed, type NotFound } from "../outcome.ts"
import { procedureId } from "../results/procedure-key.ts"
import { askToConfirm, importSchedule, scheduleTemplate, schoolsInScope } from "./schedule-import.ts"

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

export interface ScheduleHooks {
  /** Called after the schedule of these municipalities changed (the deadlines planner derives their items anew). */
  changed?(municipalityIds: number[]): Promise<unknown>
}

export function createSchedule(deps: ServiceDeps, hooks: ScheduleHooks = {}) {
  const changed = async (municipalityIds: (number | null)[]) => {
    const ids = [...new Set(municipalityIds.filter((id): id is number => id !== null))]
    if (ids.length === 0 || !hooks.changed) return
    try {
      await hooks.changed(ids)
    } catch (error) {
      // The timer runs the planner again shortly: a failure here delays the items, it loses nothing.
      deps.logger.error({ err: error, municipalityIds: ids }, "planning after a schedule change failed")
    }
  }

  async function schoolInScope(actor: Actor, schoolId: number) {
    const school = await deps.prisma.school.findUnique({ where: { id: schoolId }, select: { id: true, login: true, municipalityId: true } })
    if (!school) return null
    return canActOnSchool(actor, school, [...EDITORS]) ? school : false
  }

  async function saveMany(actor: Actor, entries: readonly ScheduleEntry[]): Promise<Done<{ saved: { entry: ScheduledView; created: boolean }[] }> | NotAllowed | NotFound> {
    entries.forEach(checkEntry)
    const schools = new Map<number, { municipalityId: number | null }>()
    for (const entry of entries) {
      const school = await schoolInScope(actor, entry.schoolId)
      if (school === null) return notFound()
      if (school === false) return notAllowed()
      schools.set(entry.schoolId, school)
    }
    const saved: { entry: ScheduledView; created: boolean }[] = []
    const toConfirm = new Map<number, { id: number; procedure: string; date: string }[]>()
    for (const entry of entries) {
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
      if (!bySchool && row.confirmedAt === null) toConfirm.set(row.schoolId, [...(toConfirm.get(row.schoolId) ?? []), { id: row.id, procedure: row.procedure, date: row.date }])
      saved.push({ entry: view(row), created: existing === null })
    }
    await askToConfirm(deps, toConfirm)
    await changed([...new Set([...schools.values()].map((school) => school.municipalityId))])
    return { ok: true, saved }
  }

  return {
    /**
     * Adds or updates the date of a procedure at a school (the same school × procedure × date is one entry).
     * An entry made by the school's own coordinator counts as confirmed.
     */
    async save(actor: Actor, entry: ScheduleEntry): Promise<Done<{ entry: ScheduledView; created: boolean }> | NotAllowed | NotFound> {
      const saved = await saveMany(actor, [entry])
      return saved.ok ? { ok: true, ...saved.saved[0]! } : saved
    },

    /**
     * Several dates at once, each as `save` stores it; the school coordinators are asked to confirm them in one
     * message per school, not one per date. All are checked before any is stored.
     */
    saveMany,

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
      const school = await deps.prisma.school.findUnique({ where: { id: row.schoolId }, select: { municipalityId: true } })
      await changed([school?.municipalityId ?? null])
      return { ok: true }
    },

    /** A school coordinator (or a coordinator for them) confirms every date of the school that waits for it. */
    async confirmAll(actor: Actor, schoolId: number): Promise<Done<{ confirmed: number }> | NotAllowed | NotFound> {
      const school = await schoolInScope(actor, schoolId)
      if (school === null) return notFound()
      if (school === false) return notAllowed()
      const { count } = await deps.prisma.scheduledProcedure.updateMany({ where: { schoolId, confirmedAt: null }, data: { confirmedAt: deps.clock.now() } })
      if (count > 0) await audit(deps.prisma, { actorId: actor.userId, action: "schedule.confirmed", subject: `school:${schoolId}`, details: { count } })
      return { ok: true, confirmed: count }
    },

    /** The schedule workbook for the actor's schools, filled with what they have scheduled from this year on. */
    template: (actor: Actor) => scheduleTemplate(deps, actor),

    /** A filled schedule workbook: checked cell by cell, then stored all or nothing (schedule-import.ts). */
    async importWorkbook(actor: Actor, bytes: Buffer) {
      const outcome = await importSchedule(deps, actor, bytes)
      if (outcome.ok) await changed(outcome.municipalityIds)
      return outcome
    },

    /** Whether a work of this kind may be held on this date (a working day or a Saturday, inside the ВПР window). */
    async checkDate(kind: ProcedureKey["kind"], date: LocalDate): Promise<LocatedProblem | null> {
      if (!isLocalDate(date)) return { message: "schedule-date", params: { value: date } }
      const day = checkDay(date, await loadCalendar(deps))
      if (day) return day
      const window = kind === "ВПР" ? vprWindow(yearOf(date)) : null
      if (window && (date < window.from || date > window.to)) {
        return { message: "schedule-outside-window", params: { date: russianDate(date), from: russianDate(window.from), to: russianDate(window.to), year: String(yearOf(date)) } }
      }
      return null
    },

    /** What /schedule shows: this year's entries from today on (or, when none are left, the year's), and today. */
    async overview(actor: Actor): Promise<{ today: LocalDate; entries: ScheduledView[]; total: number }> {
      const today = deps.clock.now().toISOString().slice(0, 10)
      const all = await this.list(actor, { from: `${today.slice(0, 4)}-01-01` })
      const upcoming = all.filter((entry) => entry.date >= today)
      return { today, entries: upcoming.length > 0 ? upcoming : all, total: all.length }
    },

    /** The schools the actor keeps the schedule of (for pickers). */
    schools: (actor: Actor) => schoolsInScope(deps, actor),

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
