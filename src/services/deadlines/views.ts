import { wallClock } from "../../domain/calendar/zoned.ts"
import type { Translate } from "../../i18n.ts"
import { audit } from "../access/audit.ts"
import { coordinatedMunicipalities, isAdmin, type Actor } from "../access/roles.ts"
import { loadCalendar } from "../calendar/calendar.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, type Done, type NotAllowed, type NotFound } from "../outcome.ts"
import { isDeadlineKind, type MessageRef, type Responsible } from "./kinds.ts"
import { isResponsible } from "./recipients.ts"
import { dueText, kindLabel, provisionalNote, schoolText, titleText } from "./render.ts"
import { canActOnMunicipality } from "./scope.ts"

/** What a user sees of deadlines: their own items, and for coordinators every school's status. */

export interface DeadlineLine {
  id: number
  kind: string
  kindLabel: string
  title: string
  school: string
  due: string
  overdue: boolean
  /** Whether a "done" button makes sense (events simply take place). */
  canMarkDone: boolean
  provisional: string | null
}

export interface BoardGroup {
  /** The id of one item of the group: what a button carries to open it. */
  handle: number
  kindLabel: string
  title: string
  due: string
  done: number
  pending: number
  overdue: number
  /** Items without a school (the municipality's own): the group is one item. */
  schools: number
}

export interface GroupItem {
  id: number
  school: string
  status: "done" | "pending" | "overdue"
}

type Row = Awaited<ReturnType<ServiceDeps["prisma"]["deadline"]["findMany"]>>[number]

const DAY = 86_400_000

/** The municipalities an actor's grants reach (their own school's municipality included). */
function municipalitiesOf(actor: Actor): number[] {
  return [...new Set(actor.grants.flatMap((grant) => [grant.municipalityId, grant.schoolMunicipalityId].filter((id): id is number => id !== null)))]
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1))) : inner,
  )
}

export function createDeadlineViews(deps: ServiceDeps) {
  async function zonesOf(ids: number[]): Promise<Map<number, string>> {
    const rows = await deps.prisma.municipality.findMany({ where: { id: { in: ids } }, select: { id: true, timeZone: true } })
    return new Map(rows.map((row) => [row.id, row.timeZone]))
  }

  async function schoolsOf(ids: (number | null)[]) {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))]
    const rows = wanted.length === 0 ? [] : await deps.prisma.school.findMany({ where: { id: { in: wanted } }, select: { id: true, login: true, name: true } })
    return new Map(rows.map((row) => [row.id, row]))
  }

  /** The actor's own pending items due in the next `days` days, and those already overdue (the last 30 days), by date. */
  async function mine(actor: Actor, t: Translate, days = 30): Promise<DeadlineLine[]> {
    const now = deps.clock.now()
    const municipalities = municipalitiesOf(actor)
    const rows = await deps.prisma.deadline.findMany({
      where: {
        status: "pending",
        due: { gte: new Date(now.getTime() - 30 * DAY), lte: new Date(now.getTime() + days * DAY) },
        ...(isAdmin(actor) ? {} : { municipalityId: { in: municipalities } }),
      },
      orderBy: [{ due: "asc" }, { id: "asc" }],
    })
    const own = rows.filter((row) => isResponsible(actor.grants, actor.userId, { ...row, responsible: row.responsible as Responsible }))
    return lines(own, t, now)
  }

  async function lines(rows: Row[], t: Translate, now: Date): Promise<DeadlineLine[]> {
    const zones = await zonesOf([...new Set(rows.map((row) => row.municipalityId))])
    const schools = await schoolsOf(rows.map((row) => row.schoolId))
    const calendar = await loadCalendar(deps)
    return rows.map((row) => {
      const timeZone = zones.get(row.municipalityId) ?? "UTC"
      return {
        id: row.id,
        kind: row.kind,
        kindLabel: kindLabel(t, row.kind),
        title: titleText(t, row.title as unknown as MessageRef),
        school: schoolText(t, row.schoolId === null ? null : (schools.get(row.schoolId) ?? null)),
        due: dueText(row.due, timeZone),
        overdue: row.due <= now,
        canMarkDone: row.escalate,
        provisional: provisionalNote(t, row.due, timeZone, calendar),
      }
    })
  }

  async function boardRows(actor: Actor): Promise<Row[] | null> {
    const municipalities = coordinatedMunicipalities(actor)
    if (!isAdmin(actor) && municipalities.length === 0) return null
    const now = deps.clock.now()
    return deps.prisma.deadline.findMany({
      where: {
        status: { in: ["pending", "done"] },
        escalate: true,
        due: { gte: new Date(now.getTime() - 30 * DAY), lte: new Date(now.getTime() + 30 * DAY) },
        ...(isAdmin(actor) ? {} : { municipalityId: { in: municipalities } }),
      },
      orderBy: [{ due: "asc" }, { id: "asc" }],
    })
  }

  function groupKey(row: Row, timeZone: string): string {
    return `${row.municipalityId}|${row.kind}|${stable(row.title)}|${wallClock(row.due, timeZone).date}`
  }

  function statusOf(row: Row, now: Date): GroupItem["status"] {
    if (row.status === "done") return "done"
    return row.due <= now ? "overdue" : "pending"
  }

  /**
   * Coordinators: every item of their municipalities due within 30 days either way, grouped by what is asked and by
   * when (one group: "results of ВПР … by 28.04" across the schools), with done / pending / overdue counts.
   */
  async function board(actor: Actor, t: Translate): Promise<BoardGroup[] | NotAllowed> {
    const rows = await boardRows(actor)
    if (rows === null) return notAllowed()
    const now = deps.clock.now()
    const zones = await zonesOf([...new Set(rows.map((row) => row.municipalityId))])
    const groups = new Map<string, { rows: Row[]; timeZone: string }>()
    for (const row of rows) {
      const timeZone = zones.get(row.municipalityId) ?? "UTC"
      const key = groupKey(row, timeZone)
      const group = groups.get(key) ?? { rows: [], timeZone }
      group.rows.push(row)
      groups.set(key, group)
    }
    return [...groups.values()].map(({ rows: members, timeZone }) => {
      const first = members[0]!
      const statuses = members.map((row) => statusOf(row, now))
      return {
        handle: first.id,
        kindLabel: kindLabel(t, first.kind),
        title: titleText(t, first.title as unknown as MessageRef),
        due: dueText(first.due, timeZone),
        done: statuses.filter((status) => status === "done").length,
        pending: statuses.filter((status) => status === "pending").length,
        overdue: statuses.filter((status) => status === "overdue").length,
        schools: members.filter((row) => row.schoolId !== null).length,
      }
    })
  }

  /** One group of the board, school by school. */
  async function group(actor: Actor, handle: number, t: Translate): Promise<Done<{ title: string; due: string; items: GroupItem[] }> | NotAllowed | NotFound> {
    const anchor = await deps.prisma.deadline.findUnique({ where: { id: handle } })
    if (!anchor) return notFound()
    if (!canActOnMunicipality(actor, anchor.municipalityId)) return notAllowed()
    const timeZone = (await zonesOf([anchor.municipalityId])).get(anchor.municipalityId) ?? "UTC"
    const key = groupKey(anchor, timeZone)
    const dayStart = new Date(anchor.due.getTime() - DAY)
    const dayEnd = new Date(anchor.due.getTime() + DAY)
    const siblings = (
      await deps.prisma.deadline.findMany({
        where: { municipalityId: anchor.municipalityId, kind: anchor.kind, status: { in: ["pending", "done"] }, due: { gte: dayStart, lte: dayEnd } },
        orderBy: { id: "asc" },
      })
    ).filter((row) => groupKey(row, timeZone) === key)
    const schools = await schoolsOf(siblings.map((row) => row.schoolId))
    const now = deps.clock.now()
    const items = siblings
      .map((row) => ({ id: row.id, school: row.schoolId === null ? "" : schoolText(t, schools.get(row.schoolId) ?? null), status: statusOf(row, now) }))
      .sort((a, b) => a.school.localeCompare(b.school))
    return { ok: true, title: titleText(t, anchor.title as unknown as MessageRef), due: dueText(anchor.due, timeZone), items }
  }

  /** Done by the responsible themselves or by a coordinator of the municipality. */
  async function markDone(actor: Actor, id: number): Promise<Done<{ already: boolean; title: MessageRef }> | NotAllowed | NotFound> {
    const row = await deps.prisma.deadline.findUnique({ where: { id } })
    if (!row || row.status === "cancelled") return notFound()
    const allowed = canActOnMunicipality(actor, row.municipalityId) || isResponsible(actor.grants, actor.userId, { ...row, responsible: row.responsible as Responsible })
    if (!allowed || !row.escalate) return notAllowed()
    const title = row.title as unknown as MessageRef
    if (row.status === "done") return { ok: true, already: true, title }
    await deps.prisma.deadline.updateMany({ where: { id, status: "pending" }, data: { status: "done", doneAt: deps.clock.now(), doneById: actor.userId } })
    await audit(deps.prisma, { actorId: actor.userId, action: "deadline.done", subject: String(id), details: { key: row.key } })
    return { ok: true, already: false, title }
  }

  async function mute(actor: Actor, kind: string): Promise<Done | NotFound> {
    if (!isDeadlineKind(kind)) return notFound()
    await deps.prisma.deadlineMute.upsert({ where: { userId_kind: { userId: actor.userId, kind } }, create: { userId: actor.userId, kind }, update: {} })
    return { ok: true }
  }

  async function unmute(actor: Actor, kind: string): Promise<Done> {
    await deps.prisma.deadlineMute.deleteMany({ where: { userId: actor.userId, kind } })
    return { ok: true }
  }

  async function mutes(actor: Actor): Promise<string[]> {
    return (await deps.prisma.deadlineMute.findMany({ where: { userId: actor.userId }, orderBy: { kind: "asc" } })).map((row) => row.kind)
  }

  return { mine, board, group, markDone, mute, unmute, mutes }
}
