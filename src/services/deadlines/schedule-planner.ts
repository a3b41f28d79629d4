import { localDate } from "../../domain/calendar/zoned.ts"
import { planFromSchedule, scheduleHorizon, type ScheduledWork } from "../../domain/deadlines/schedule-plan.ts"
import { loadCalendar } from "../calendar/calendar.ts"
import type { ServiceDeps } from "../deps.ts"
import { parseProcedureId } from "../results/procedure-key.ts"
import type { Job } from "../scheduling/jobs.ts"
import { rulesOfAll } from "./rules-store.ts"
import { complete, syncFamily, type TrackRequest } from "./track.ts"

/**
 * Turns the procedure calendar into deadlines (domain/deadlines/schedule-plan.ts), municipality by municipality,
 * as the family of keys `sched:<municipality>:…`: new works add items, moved ones move them, removed ones cancel
 * them; results that arrived close the schools' upload items. Runs on a timer and right after a schedule changes.
 */

export const SCHEDULE_JOB = "deadlines.schedule"

export function createSchedulePlanner(deps: ServiceDeps) {
  async function run(now: Date, only?: number[]): Promise<{ municipalities: number; created: number; updated: number; cancelled: number; completed: number }> {
    const total = { municipalities: 0, created: 0, updated: 0, cancelled: 0, completed: 0 }
    const earliest = scheduleHorizon(now.toISOString().slice(0, 10))
    const works = await deps.prisma.scheduledProcedure.findMany({
      where: { date: { gte: earliest }, school: { municipalityId: only ? { in: only } : { not: null } } },
      select: { schoolId: true, procedure: true, date: true, school: { select: { municipalityId: true } } },
    })
    const byMunicipality = new Map<number, ScheduledWork[]>()
    for (const work of works) {
      const municipalityId = work.school.municipalityId!
      const list = byMunicipality.get(municipalityId) ?? []
      list.push({ schoolId: work.schoolId, procedure: work.procedure, key: parseProcedureId(work.procedure), date: work.date })
      byMunicipality.set(municipalityId, list)
    }
    // A municipality whose last work was removed still has items to cancel.
    const withItems = await deps.prisma.deadline.findMany({ where: { key: { startsWith: "sched:" }, status: "pending" }, distinct: ["municipalityId"], select: { municipalityId: true } })
    for (const { municipalityId } of withItems) if (!byMunicipality.has(municipalityId) && (!only || only.includes(municipalityId))) byMunicipality.set(municipalityId, [])
    if (byMunicipality.size === 0) return total

    const calendar = await loadCalendar(deps)
    const ids = [...byMunicipality.keys()]
    const rules = await rulesOfAll(deps, ids)
    const zones = new Map((await deps.prisma.municipality.findMany({ where: { id: { in: ids } }, select: { id: true, timeZone: true } })).map((m) => [m.id, m.timeZone]))

    for (const [municipalityId, list] of byMunicipality) {
      const timeZone = zones.get(municipalityId)!
      const uploads = await firstUploads(municipalityId, list, timeZone, now)
      const plan = planFromSchedule({ works: list, uploads, rules: rules.get(municipalityId)!, calendar, today: localDate(now, timeZone) })
      if (plan.missingYears.length > 0) deps.logger.warn({ municipalityId, years: plan.missingYears }, "scheduled works in years the production calendar does not hold")
      const prefix = `sched:${municipalityId}:`
      const wanted: TrackRequest[] = plan.deadlines.map((item) => ({
        key: prefix + item.key,
        kind: item.kind,
        title: item.title,
        municipalityId,
        schoolId: item.schoolId,
        due: item.due,
        responsible: { roles: [item.role] },
        escalate: item.escalate,
        ...(item.reminders ? { reminders: item.reminders } : {}),
      }))
      const synced = await syncFamily(deps, prefix, wanted, timeZone)
      let completed = 0
      for (const item of plan.deadlines) {
        if (item.doneOn && (await complete(deps, prefix + item.key, { at: now }))) completed++
      }
      total.municipalities++
      total.created += synced.created
      total.updated += synced.updated
      total.cancelled += synced.cancelled
      total.completed += completed
    }
    return total
  }

  /**
   * `schoolId|procedure` → the local date the school's results arrived: when the planner saw them and closed the
   * upload item (its own clock, stable from then on), else the first result set's stamp (the database's clock, taken
   * as "now" when it lies ahead of the service's — tests move the clock).
   */
  async function firstUploads(municipalityId: number, works: ScheduledWork[], timeZone: string, now: Date): Promise<Map<string, string>> {
    if (works.length === 0) return new Map()
    const sets = await deps.prisma.resultSet.groupBy({
      by: ["schoolId", "procedure"],
      where: { schoolId: { in: [...new Set(works.map((work) => work.schoolId))] }, procedure: { in: [...new Set(works.map((work) => work.procedure))] } },
      _min: { createdAt: true },
    })
    const prefix = `sched:${municipalityId}:upload:`
    const closed = await deps.prisma.deadline.findMany({ where: { key: { startsWith: prefix }, status: "done", doneById: null }, select: { key: true, doneAt: true } })
    const closedAt = new Map(closed.map((row) => [row.key.slice(prefix.length).replace(":", "|"), row.doneAt!]))
    return new Map(sets.map((set) => {
      const pair = `${set.schoolId}|${set.procedure}`
      const stamped = set._min.createdAt! > now ? now : set._min.createdAt!
      return [pair, localDate(closedAt.get(pair) ?? stamped, timeZone)]
    }))
  }

  const job: Job = { name: SCHEDULE_JOB, everyMs: 10 * 60_000, run: async (now) => void (await run(now)) }
  return { run, job }
}
