/**
 * Risk cases (issue 13): each school × procedure in the risk zone, or added by hand from the re-check list, with a
 * status, an owner, notes, history and due dates. Every use case checks the actor's scope on the case's school.
 * Follow-up measures (visit, observers at the next procedure, video, help programme, interview) hang off a case with
 * an owner and a due date; `dueMeasures` and `observerRequests` are what the deadline alerts and the observer service
 * read once they exist.
 */
import { daysBetween, isLocalDate, type LocalDate } from "../../domain/calendar/dates.ts"
import { localDate } from "../../domain/calendar/zoned.ts"
import { canMove, isCaseStatus, isMeasureKind, isOpen, needsReason, type CaseStatus, type MeasureKind } from "../../domain/risk/case-status.ts"
import { isRiskLevel, type RiskLevel } from "../../domain/risk/levels.ts"
import type { RecheckFigures } from "../../domain/risk/recheck-report.ts"
import { procedureTitle } from "../../domain/results.ts"
import { audit } from "../access/audit.ts"
import type { Actor } from "../access/roles.ts"
import type { RiskDeadlines } from "./deadlines.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, type Done, type NotAllowed, type NotFound } from "../outcome.ts"
import { parseProcedureId } from "../results/procedure-key.ts"
import { mayWorkOnRisk, municipalityFilter, schoolInScope } from "./scope.ts"

export const NOTE_MAX_LENGTH = 1000

export interface CaseEventView {
  at: string
  actor: string | null
  kind: string
  text: string | null
  details: Record<string, unknown> | null
}

export interface MeasureView {
  id: number
  caseId: number
  kind: MeasureKind
  owner: string | null
  ownerId: number | null
  dueDate: LocalDate
  status: "planned" | "done" | "cancelled"
  note: string | null
}

export interface RecheckSummary {
  planId: number
  works: number
  createdAt: string
  receivedAt: string | null
  /** This school's figures once the commission's scores are in. */
  figures: RecheckFigures | null
}

export interface CaseView {
  id: number
  schoolId: number
  schoolLogin: string
  schoolName: string | null
  municipalityId: number | null
  procedure: string
  title: string
  status: CaseStatus
  level: RiskLevel
  origin: "analysis" | "manual"
  ownerId: number | null
  owner: string | null
  dueDate: LocalDate | null
  twoYears: boolean
  resolution: string | null
  openedAt: string
  ageDays: number
  closedAt: string | null
}

export interface CaseDetails extends CaseView {
  events: CaseEventView[]
  measures: MeasureView[]
  rechecks: RecheckSummary[]
}

type Deps = ServiceDeps

const caseInclude = { events: { orderBy: { id: "asc" } }, measures: { orderBy: { id: "asc" } } } as const

/** What another service does when a measure is planned (observers at the next procedure → the observer service). */
export type MeasurePlannedListener = (actor: Actor, measure: { measureId: number; caseId: number; kind: string; dueDate: LocalDate; schoolId: number; procedure: string }) => Promise<void>

export function createCases(deps: Deps, options: { defaultTimeZone: string; onMeasurePlanned?: MeasurePlannedListener; deadlines?: RiskDeadlines }) {
  const today = (): LocalDate => localDate(deps.clock.now(), options.defaultTimeZone)

  async function names(ids: (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))]
    if (wanted.length === 0) return new Map()
    const users = await deps.prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, firstName: true, lastName: true } })
    return new Map(users.map((user) => [user.id, [user.firstName, user.lastName].filter(Boolean).join(" ")]))
  }

  type CaseRow = NonNullable<Awaited<ReturnType<typeof deps.prisma.riskCase.findUnique>>>

  async function views(rows: readonly CaseRow[]): Promise<CaseView[]> {
    const schools = new Map(
      (await deps.prisma.school.findMany({ where: { id: { in: rows.map((row) => row.schoolId) } }, select: { id: true, login: true, name: true } })).map((s) => [s.id, s]),
    )
    const owners = await names(rows.map((row) => row.ownerId))
    const now = today()
    return rows.map((row) => ({
      id: row.id,
      schoolId: row.schoolId,
      schoolLogin: schools.get(row.schoolId)?.login ?? String(row.schoolId),
      schoolName: schools.get(row.schoolId)?.name ?? null,
      municipalityId: row.municipalityId,
      procedure: row.procedure,
      title: procedureTitle(parseProcedureId(row.procedure)),
      status: isCaseStatus(row.status) ? row.status : "new",
      level: isRiskLevel(row.level) ? row.level : "none",
      origin: row.origin === "manual" ? "manual" : "analysis",
      ownerId: row.ownerId,
      owner: row.ownerId === null ? null : (owners.get(row.ownerId) ?? null),
      dueDate: row.dueDate,
      twoYears: row.twoYears,
      resolution: row.resolution,
      openedAt: row.openedAt.toISOString(),
      ageDays: Math.max(0, daysBetween(localDate(row.openedAt, options.defaultTimeZone), now)),
      closedAt: row.closedAt?.toISOString() ?? null,
    }))
  }

  /** The case if it exists and lies in the actor's scope. */
  async function load(actor: Actor, caseId: number): Promise<CaseRow | NotFound | NotAllowed> {
    if (!mayWorkOnRisk(actor)) return notAllowed()
    const row = await deps.prisma.riskCase.findUnique({ where: { id: caseId } })
    if (!row) return notFound()
    const school = await schoolInScope(deps, actor, row.schoolId)
    if (!school) return notAllowed([String(caseId)])
    return row
  }

  async function event(caseId: number, actor: Actor | null, kind: string, text: string | null = null, details: Record<string, unknown> | null = null) {
    await deps.prisma.riskCaseEvent.create({ data: { caseId, at: deps.clock.now(), actorId: actor?.userId ?? null, kind, text, details: (details ?? undefined) as never } })
  }

  const isRow = (value: CaseRow | NotFound | NotAllowed): value is CaseRow => !("ok" in value)

  return {
    load,
    event,

    /** Open cases of the actor's scope, the oldest first (/risk). */
    async listOpen(actor: Actor): Promise<Done<{ cases: CaseView[] }> | NotAllowed> {
      if (!mayWorkOnRisk(actor)) return notAllowed()
      const filter = municipalityFilter(actor)
      const rows = await deps.prisma.riskCase.findMany({
        where: { status: { not: "closed" }, ...(filter ? { municipalityId: filter } : {}) },
        orderBy: [{ openedAt: "asc" }, { id: "asc" }],
      })
      return { ok: true, cases: await views(rows) }
    },

    async details(actor: Actor, caseId: number): Promise<Done<{ case: CaseDetails }> | NotFound | NotAllowed> {
      const found = await load(actor, caseId)
      if (!isRow(found)) return found
      const row = await deps.prisma.riskCase.findUniqueOrThrow({ where: { id: caseId }, include: caseInclude })
      const [view] = await views([row])
      const people = await names([...row.events.map((e) => e.actorId), ...row.measures.map((m) => m.ownerId)])
      const plans = await deps.prisma.recheckPlan.findMany({ where: { caseIds: { has: caseId } }, orderBy: { id: "asc" } })
      return {
        ok: true,
        case: {
          ...view!,
          events: row.events.map((e) => ({
            at: e.at.toISOString(),
            actor: e.actorId === null ? null : (people.get(e.actorId) ?? null),
            kind: e.kind,
            text: e.text,
            details: (e.details as Record<string, unknown> | null) ?? null,
          })),
          measures: row.measures.map((m) => measureView(m, people)),
          rechecks: plans.map((plan) => {
            const report = (plan.report as Record<string, RecheckFigures> | null) ?? null
            const works = (plan.works as { schoolId: number }[]).filter((work) => work.schoolId === row.schoolId).length
            return { planId: plan.id, works, createdAt: plan.createdAt.toISOString(), receivedAt: plan.receivedAt?.toISOString() ?? null, figures: report?.[String(row.schoolId)] ?? null }
          }),
        },
      }
    },

    /**
     * The open case of a finding's school × procedure; with `create`, one is opened by hand when there is none (a school
     * from the re-check list, or from an alert's button).
     */
    async forFinding(actor: Actor, findingId: number, create: boolean): Promise<Done<{ caseId: number | null; created: boolean }> | NotFound | NotAllowed> {
      if (!mayWorkOnRisk(actor)) return notAllowed()
      const finding = await deps.prisma.riskFinding.findUnique({ where: { id: findingId } })
      if (!finding) return notFound()
      const school = await schoolInScope(deps, actor, finding.schoolId)
      if (!school) return notAllowed([String(finding.schoolId)])
      const open = await deps.prisma.riskCase.findFirst({ where: { schoolId: finding.schoolId, procedure: finding.procedure, status: { not: "closed" } }, orderBy: { id: "desc" } })
      if (open || !create) return { ok: true, caseId: open?.id ?? null, created: false }
      const created = await deps.prisma.riskCase.create({
        data: {
          schoolId: finding.schoolId,
          procedure: finding.procedure,
          municipalityId: school.municipalityId,
          level: finding.level,
          origin: finding.level === "risk" ? "analysis" : "manual",
          openedAt: deps.clock.now(),
        },
      })
      await event(created.id, actor, "opened", null, { origin: created.origin, findingId })
      await audit(deps.prisma, { actorId: actor.userId, action: "risk.case.opened", subject: String(created.id), details: { schoolId: finding.schoolId, procedure: finding.procedure } })
      return { ok: true, caseId: created.id, created: true }
    },

    async move(actor: Actor, caseId: number, to: string, reason?: string): Promise<Done<{ status: CaseStatus }> | NotFound | NotAllowed | { ok: false; reason: "bad_move" | "reason_needed" }> {
      const found = await load(actor, caseId)
      if (!isRow(found)) return found
      const from = isCaseStatus(found.status) ? found.status : "new"
      if (!isCaseStatus(to) || !canMove(from, to)) return { ok: false, reason: "bad_move" }
      const why = reason?.trim().slice(0, NOTE_MAX_LENGTH) ?? ""
      if (needsReason(to) && why === "") return { ok: false, reason: "reason_needed" }
      const now = deps.clock.now()
      await deps.prisma.riskCase.update({
        where: { id: caseId },
        data: {
          status: to,
          ...(needsReason(to) ? { resolution: why } : {}),
          ...(to === "closed" ? { closedAt: now } : {}),
          ...(found.ownerId === null ? { ownerId: actor.userId } : {}),
        },
      })
      await event(caseId, actor, "status", why || null, { from, to })
      await audit(deps.prisma, { actorId: actor.userId, action: "risk.case.status", subject: String(caseId), details: { from, to } })
      return { ok: true, status: to }
    },

    async takeOwnership(actor: Actor, caseId: number): Promise<Done | NotFound | NotAllowed> {
      const found = await load(actor, caseId)
      if (!isRow(found)) return found
      await deps.prisma.riskCase.update({ where: { id: caseId }, data: { ownerId: actor.userId } })
      await event(caseId, actor, "owner", null, { ownerId: actor.userId })
      return { ok: true }
    },

    /** «Просмотрено»: a new case goes to review with the actor as its owner (when it has none). */
    async markSeen(actor: Actor, caseId: number): Promise<Done<{ status: CaseStatus }> | NotFound | NotAllowed> {
      const found = await load(actor, caseId)
      if (!isRow(found)) return found
      const status = isCaseStatus(found.status) ? found.status : "new"
      if (status !== "new") {
        await event(caseId, actor, "seen")
        return { ok: true, status }
      }
      await deps.prisma.riskCase.update({ where: { id: caseId }, data: { status: "review", ...(found.ownerId === null ? { ownerId: actor.userId } : {}) } })
      await event(caseId, actor, "status", null, { from: "new", to: "review" })
      return { ok: true, status: "review" }
    },

    async addNote(actor: Actor, caseId: number, text: string): Promise<Done | NotFound | NotAllowed | { ok: false; reason: "empty" }> {
      const found = await load(actor, caseId)
      if (!isRow(found)) return found
      const note = text.trim().slice(0, NOTE_MAX_LENGTH)
      if (note === "") return { ok: false, reason: "empty" }
      await event(caseId, actor, "note", note)
      return { ok: true }
    },

    async setDue(actor: Actor, caseId: number, date: LocalDate): Promise<Done | NotFound | NotAllowed | { ok: false; reason: "bad_date" }> {
      const found = await load(actor, caseId)
      if (!isRow(found)) return found
      if (!isLocalDate(date) || date < today()) return { ok: false, reason: "bad_date" }
      await deps.prisma.riskCase.update({ where: { id: caseId }, data: { dueDate: date } })
      await event(caseId, actor, "due", null, { dueDate: date })
      return { ok: true }
    },

    async addMeasure(
      actor: Actor,
      caseId: number,
      input: { kind: string; dueDate: LocalDate; ownerName?: string | null; note?: string | null },
    ): Promise<Done<{ measureId: number }> | NotFound | NotAllowed | { ok: false; reason: "bad_kind" | "bad_date" }> {
      const found = await load(actor, caseId)
      if (!isRow(found)) return found
      if (!isMeasureKind(input.kind)) return { ok: false, reason: "bad_kind" }
      if (!isLocalDate(input.dueDate) || input.dueDate < today()) return { ok: false, reason: "bad_date" }
      const ownerName = input.ownerName?.trim().slice(0, 200) || null
      const measure = await deps.prisma.followUpMeasure.create({
        data: {
          caseId,
          kind: input.kind,
          ownerId: ownerName ? null : actor.userId,
          ownerName,
          dueDate: input.dueDate,
          note: input.note?.trim().slice(0, NOTE_MAX_LENGTH) || null,
          createdById: actor.userId,
          createdAt: deps.clock.now(),
        },
      })
      await event(caseId, actor, "measure", null, { measureId: measure.id, kind: input.kind, dueDate: input.dueDate })
      await audit(deps.prisma, { actorId: actor.userId, action: "risk.measure.planned", subject: String(measure.id), details: { caseId, kind: input.kind } })
      await options.deadlines?.measurePlanned(actor, { measureId: measure.id, caseId, kind: input.kind, dueDate: input.dueDate, schoolId: found.schoolId })
      try {
        await options.onMeasurePlanned?.(actor, { measureId: measure.id, caseId, kind: input.kind, dueDate: input.dueDate, schoolId: found.schoolId, procedure: found.procedure })
      } catch (error) {
        // The measure stands; the hand-over is logged for the coordinator's colleagues to repeat by hand.
        deps.logger.error({ err: error, measureId: measure.id }, "handing a measure to another service failed")
      }
      return { ok: true, measureId: measure.id }
    },

    async finishMeasure(actor: Actor, measureId: number, status: "done" | "cancelled"): Promise<Done | NotFound | NotAllowed> {
      const measure = await deps.prisma.followUpMeasure.findUnique({ where: { id: measureId } })
      if (!measure) return notFound()
      const found = await load(actor, measure.caseId)
      if (!isRow(found)) return found
      await deps.prisma.followUpMeasure.update({ where: { id: measureId }, data: { status, doneAt: deps.clock.now() } })
      await event(measure.caseId, actor, "measure_done", null, { measureId, status })
      await options.deadlines?.measureFinished(actor, measureId, status)
      return { ok: true }
    },

    /** Planned measures due on or before `date` (for the deadline alerts, once they exist). */
    async dueMeasures(date: LocalDate): Promise<(MeasureView & { schoolId: number; procedure: string })[]> {
      const rows = await deps.prisma.followUpMeasure.findMany({ where: { status: "planned", dueDate: { lte: date } }, include: { case: true }, orderBy: { dueDate: "asc" } })
      const people = await names(rows.map((row) => row.ownerId))
      return rows.map((row) => ({ ...measureView(row, people), schoolId: row.case.schoolId, procedure: row.case.procedure }))
    },

    /** Planned «observers at the next procedure» measures: what the observer service takes as requests. */
    async observerRequests(): Promise<(MeasureView & { schoolId: number; procedure: string })[]> {
      const rows = await deps.prisma.followUpMeasure.findMany({ where: { status: "planned", kind: "observers" }, include: { case: true }, orderBy: { dueDate: "asc" } })
      const people = await names(rows.map((row) => row.ownerId))
      return rows.map((row) => ({ ...measureView(row, people), schoolId: row.case.schoolId, procedure: row.case.procedure }))
    },

    /** Every case of the municipality (or all, null) for the municipal XLSX, open ones first. */
    async forWorkbook(municipalityId: number | null, procedure?: string): Promise<(CaseView & { measures: MeasureView[] })[]> {
      const rows = await deps.prisma.riskCase.findMany({
        where: { ...(municipalityId === null ? {} : { municipalityId }), ...(procedure ? { procedure } : {}) },
        include: { measures: { orderBy: { id: "asc" } } },
        orderBy: [{ openedAt: "asc" }, { id: "asc" }],
      })
      const list = await views(rows)
      const people = await names(rows.flatMap((row) => row.measures.map((m) => m.ownerId)))
      return list
        .map((view, i) => ({ ...view, measures: rows[i]!.measures.map((m) => measureView(m, people)) }))
        .sort((a, b) => Number(!isOpen(a.status)) - Number(!isOpen(b.status)))
    },
  }
}

function measureView(
  row: { id: number; caseId: number; kind: string; ownerId: number | null; ownerName: string | null; dueDate: string; status: string; note: string | null },
  people: Map<number, string>,
): MeasureView {
  return {
    id: row.id,
    caseId: row.caseId,
    kind: isMeasureKind(row.kind) ? row.kind : "visit",
    owner: row.ownerName ?? (row.ownerId === null ? null : (people.get(row.ownerId) ?? null)),
    ownerId: row.ownerId,
    dueDate: row.dueDate,
    status: row.status === "done" || row.status === "cancelled" ? row.status : "planned",
    note: row.note,
  }
}

export type Cases = ReturnType<typeof createCases>
