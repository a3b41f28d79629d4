import { instantAt } from "../../domain/calendar/zoned.ts"
import { isLocalDate, type LocalDate } from "../../domain/calendar/dates.ts"
import { END_OF_DAY, type ReminderPlan } from "../../domain/deadlines/rules.ts"
import { Prisma } from "../../generated/prisma/client.ts"
import type { ServiceDeps } from "../deps.ts"
import { isDeadlineKind, RESPONSIBLE_ROLES, type DeadlineKind, type MessageRef, type Responsible } from "./kinds.ts"

/**
 * The deadlines API other services use: `track` an item (idempotent by key), then `complete` or `cancel` it.
 * Reminders, the overdue escalation and the lists follow from the stored item (services/deadlines/notices.ts).
 */

export interface TrackRequest {
  /** Unique and stable, chosen by the caller, e.g. `risk:recheck:<procedure>:<schoolId>`. */
  key: string
  kind: DeadlineKind
  /** Never the school's name: lists add the school themselves. */
  title: MessageRef
  municipalityId: number
  schoolId?: number | null
  /** An instant, or a local date (and time, default 23:59) in the municipality's time zone. */
  due: Date | { date: LocalDate; minutes?: number }
  responsible: Responsible
  /** Overrides the municipality's reminder plan for this item. */
  reminders?: ReminderPlan
  /** False for items that cannot be late (events). Default true. */
  escalate?: boolean
  createdById?: number | null
}

export interface TrackResult {
  id: number
  created: boolean
  due: Date
  status: DeadlineStatus
}

export type DeadlineStatus = "pending" | "done" | "cancelled"

export class InvalidDeadline extends Error {}

/** What another service holds to open and close its deadlines (services/index.ts hands it the deadlines service). */
export interface DeadlineTracker {
  track(request: TrackRequest): Promise<TrackResult>
  complete(key: string, options?: { byUserId?: number | null; at?: Date }): Promise<boolean>
  cancel(key: string): Promise<boolean>
}

type Db = Pick<ServiceDeps, "prisma" | "clock">

function check(request: TrackRequest): void {
  if (!request.key || request.key.length > 300) throw new InvalidDeadline(`key: ${request.key}`)
  if (!isDeadlineKind(request.kind)) throw new InvalidDeadline(`kind: ${request.kind}`)
  if (!request.title?.key) throw new InvalidDeadline("a title message id is needed")
  const roles = request.responsible.roles ?? []
  if (roles.some((role) => !(RESPONSIBLE_ROLES as readonly string[]).includes(role))) throw new InvalidDeadline(`roles: ${roles.join(", ")}`)
  if ((request.responsible.userIds ?? []).length === 0 && roles.length === 0) throw new InvalidDeadline("nobody is responsible")
  if (!(request.due instanceof Date) && (!isLocalDate(request.due.date) || (request.due.minutes ?? 0) < 0 || (request.due.minutes ?? 0) >= 1440)) {
    throw new InvalidDeadline(`due: ${JSON.stringify(request.due)}`)
  }
}

async function timeZoneOf(deps: Pick<ServiceDeps, "prisma">, municipalityId: number): Promise<string> {
  const municipality = await deps.prisma.municipality.findUnique({ where: { id: municipalityId }, select: { timeZone: true } })
  if (!municipality) throw new InvalidDeadline(`no municipality ${municipalityId}`)
  return municipality.timeZone
}

export function dueInstant(due: TrackRequest["due"], timeZone: string): Date {
  return due instanceof Date ? due : instantAt(due.date, due.minutes ?? END_OF_DAY, timeZone)
}

function fieldsOf(request: TrackRequest, due: Date) {
  return {
    kind: request.kind,
    title: request.title as unknown as Prisma.InputJsonValue,
    municipalityId: request.municipalityId,
    schoolId: request.schoolId ?? null,
    due,
    responsible: { userIds: request.responsible.userIds ?? [], roles: request.responsible.roles ?? [] } as Prisma.InputJsonValue,
    reminders: request.reminders ? (request.reminders as unknown as Prisma.InputJsonValue) : null,
    escalate: request.escalate ?? true,
  }
}

type Existing = { id: number; kind: string; title: unknown; municipalityId: number; schoolId: number | null; due: Date; responsible: unknown; reminders: unknown; escalate: boolean; status: string }

function unchanged(row: Existing, fields: ReturnType<typeof fieldsOf>): boolean {
  return (
    row.kind === fields.kind &&
    row.municipalityId === fields.municipalityId &&
    row.schoolId === fields.schoolId &&
    row.due.getTime() === fields.due.getTime() &&
    row.escalate === fields.escalate &&
    stableJson(row.title) === stableJson(fields.title) &&
    stableJson(row.responsible) === stableJson(fields.responsible) &&
    stableJson(row.reminders ?? null) === stableJson(fields.reminders ?? null)
  )
}

/** JSON with sorted keys: PostgreSQL's jsonb does not keep the order the caller wrote. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1))) : inner,
  )
}

/**
 * Creates the item or brings it up to date. A moved due moment starts a new reminder plan; a cancelled item that is
 * tracked again applies again; a done item stays done (tracking is not a way to reopen work someone finished).
 */
export async function track(deps: Db, request: TrackRequest, existing?: Existing | null, timeZone?: string): Promise<TrackResult> {
  check(request)
  const due = dueInstant(request.due, timeZone ?? (await timeZoneOf(deps, request.municipalityId)))
  const fields = fieldsOf(request, due)
  const row = existing === undefined ? await deps.prisma.deadline.findUnique({ where: { key: request.key } }) : existing
  if (!row) {
    const created = await deps.prisma.deadline.createManyAndReturn({
      data: [{ key: request.key, ...fields, reminders: fields.reminders ?? Prisma.DbNull, createdById: request.createdById ?? null, createdAt: deps.clock.now() }],
      skipDuplicates: true, // two planners at once: the second one's insert is a no-op and it updates below
      select: { id: true },
    })
    if (created.length === 1) return { id: created[0]!.id, created: true, due, status: "pending" }
    return track(deps, request, null, timeZone)
  }
  const reopen = row.status === "cancelled"
  if (unchanged(row, fields) && !reopen) return { id: row.id, created: false, due, status: row.status as DeadlineStatus }
  const moved = row.due.getTime() !== due.getTime()
  await deps.prisma.deadline.update({
    where: { id: row.id },
    data: {
      ...fields,
      reminders: fields.reminders ?? Prisma.DbNull,
      ...(moved ? { lastNotice: null, escalatedAt: null } : {}),
      ...(reopen ? { status: "pending" } : {}),
    },
  })
  return { id: row.id, created: false, due, status: reopen ? "pending" : (row.status as DeadlineStatus) }
}

/** Marks the item done (by a user, or by the system when `byUserId` is absent). False when it was not pending. */
export async function complete(deps: Db, key: string, options: { byUserId?: number | null; at?: Date } = {}): Promise<boolean> {
  const { count } = await deps.prisma.deadline.updateMany({
    where: { key, status: "pending" },
    data: { status: "done", doneAt: options.at ?? deps.clock.now(), doneById: options.byUserId ?? null },
  })
  return count === 1
}

/** The item no longer applies (its procedure was taken off the schedule, the request withdrawn). */
export async function cancel(deps: Db, key: string): Promise<boolean> {
  const { count } = await deps.prisma.deadline.updateMany({ where: { key, status: "pending" }, data: { status: "cancelled" } })
  return count === 1
}

/**
 * Brings every item whose key starts with `prefix` in line with `wanted`: creates and updates those listed, cancels
 * the pending ones no longer listed. For planners that derive a whole family of items from other data.
 */
export async function syncFamily(deps: Db, prefix: string, wanted: TrackRequest[], timeZone: string): Promise<{ created: number; updated: number; cancelled: number }> {
  const rows = await deps.prisma.deadline.findMany({ where: { key: { startsWith: prefix } } })
  const byKey = new Map(rows.map((row) => [row.key, row]))
  let updated = 0
  const seen = new Set<string>()
  const fresh: TrackRequest[] = []
  for (const request of wanted) {
    if (!request.key.startsWith(prefix)) throw new InvalidDeadline(`${request.key} is outside ${prefix}`)
    if (seen.has(request.key)) continue
    seen.add(request.key)
    const before = byKey.get(request.key)
    if (!before) {
      check(request)
      fresh.push(request)
      continue
    }
    const due = dueInstant(request.due, timeZone)
    if (before.status === "cancelled" || !unchanged(before, fieldsOf(request, due))) {
      await track(deps, request, before, timeZone)
      updated++
    }
  }
  // New items in one statement: a whole season's schedule is thousands of them.
  const now = deps.clock.now()
  let created = 0
  for (let start = 0; start < fresh.length; start += 1000) {
    const batch = fresh.slice(start, start + 1000).map((request) => {
      const fields = fieldsOf(request, dueInstant(request.due, timeZone))
      return { key: request.key, ...fields, reminders: fields.reminders ?? Prisma.DbNull, createdById: request.createdById ?? null, createdAt: now }
    })
    created += (await deps.prisma.deadline.createMany({ data: batch, skipDuplicates: true })).count
  }
  const vanished = rows.filter((row) => row.status === "pending" && !seen.has(row.key)).map((row) => row.id)
  if (vanished.length > 0) await deps.prisma.deadline.updateMany({ where: { id: { in: vanished } }, data: { status: "cancelled" } })
  return { created, updated, cancelled: vanished.length }
}
