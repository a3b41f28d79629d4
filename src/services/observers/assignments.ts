import type { LocalDate } from "../../domain/calendar/dates.ts"
import { conflictAt, assignObservers, rankCandidates, type SessionInput, type ShortReason } from "../../domain/observers/assign.ts"
import { russianDate } from "../../domain/calendar/dates.ts"
import { audit } from "../access/audit.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, refused, type Done, type NotAllowed, type NotFound, type RefusedWithProblems } from "../outcome.ts"
import { observerButton, type OfferAnswer } from "./buttons.ts"
import type { ActDeadlines } from "./deadlines.ts"
import { factsOf, localMoment, procedureLabel, sessionInclude, sessionLines, sessionStart, type SessionFacts } from "./facts.ts"
import { HOLDING, observerPool } from "./inputs.ts"
import { sendTo, sendToCoordinators } from "./notify.ts"
import { canActOnMunicipality, coordinatorScope, languageOf } from "./scope.ts"
import { ACTIVE, type Priority, type Sessions } from "./sessions.ts"
import { observerSettings, observerSettingsOf, type ObserverSettings } from "./settings.ts"

/**
 * Assignments: the coordinator asks for a proposal over a range of dates, edits it, accepts it; the observers are
 * offered their sessions and confirm (declaring no conflict of interest) or decline; a decline, a declared
 * conflict, a withdrawal or no answer in time puts a replacement before the coordinator.
 */

export interface ProposalLine {
  assignmentId: number
  session: SessionFacts
  observerId: number
  observerName: string
  priority: Priority
  cross: boolean
}

export interface ProposalShort {
  session: SessionFacts
  missing: number
  reason: ShortReason | null
}

export interface ProposalView {
  /** Proposed assignments in all; `lines` holds the first of them. */
  total: number
  lines: ProposalLine[]
  /** Sessions left short in all; `short` holds the first of them. */
  shortTotal: number
  short: ProposalShort[]
}

/** Lines of a draft a view carries (the bot shows 30). */
export const DRAFT_LINES = 50

export interface CandidateView {
  observerId: number
  name: string
  cross: boolean
}

export type EndReason = "declined" | "conflict" | "no_answer" | "withdrawn" | "detected_conflict" | "removed"

export type RespondProblem = "already_answered" | "closed" | "session_started" | "conflict_detected"

const assignmentInclude = {
  session: { include: sessionInclude },
  observer: { include: { user: true, ties: { select: { schoolId: true, kind: true } } } },
} as const

export function createAssignments(deps: ServiceDeps, sessions: Sessions, defaultTimeZone: string, actDeadlines: ActDeadlines) {
  async function loadAssignment(id: number) {
    return deps.prisma.observerAssignment.findUnique({ where: { id }, include: assignmentInclude })
  }
  type Loaded = NonNullable<Awaited<ReturnType<typeof loadAssignment>>>

  const tiesOf = (observer: Loaded["observer"]) => ({
    workSchoolIds: observer.ties.filter((tie) => tie.kind === "works").map((tie) => tie.schoolId),
    childSchoolIds: observer.ties.filter((tie) => tie.kind === "child").map((tie) => tie.schoolId),
  })

  function sessionInput(facts: SessionFacts, open: number, priority: Priority): SessionInput {
    return { sessionId: facts.sessionId, schoolId: facts.schoolId, municipalityId: facts.municipalityId, date: facts.date, startMinutes: facts.startMinutes, open, priority: priority !== null }
  }

  const assignOptions = (settings: ObserverSettings) => ({ perDayLimit: settings.perDayLimit, minGapMinutes: settings.minGapMinutes })

  /**
   * The draft in the actor's municipalities: its first `limit` lines (by date) with the count of all, and the
   * sessions left short. A region's draft has thousands of lines; a message shows a few dozen.
   */
  async function draft(actor: Actor, short: Map<number, { missing: number; reason: ShortReason }> = new Map(), limit = DRAFT_LINES): Promise<ProposalView> {
    const scope = coordinatorScope(actor)
    const where = { status: "proposed", ...(scope ? { session: { school: { municipalityId: { in: scope } } } } : {}) }
    const [total, rows] = await Promise.all([
      deps.prisma.observerAssignment.count({ where }),
      deps.prisma.observerAssignment.findMany({
        where,
        select: {
          id: true,
          sessionId: true,
          observerId: true,
          session: { include: sessionInclude },
          observer: { select: { fullName: true, ties: { where: { kind: "works" }, select: { id: true }, take: 1 } } },
        },
        orderBy: [{ session: { date: "asc" } }, { sessionId: "asc" }, { id: "asc" }],
        take: limit,
      }),
    ])
    const facts = rows.map((row) => factsOf(row.session, defaultTimeZone))
    const priority = await sessions.priorities(facts)
    const lines = rows.map((row, index) => ({
      assignmentId: row.id,
      session: facts[index]!,
      observerId: row.observerId,
      observerName: row.observer.fullName ?? "",
      priority: priority.get(row.sessionId) ?? null,
      cross: row.observer.ties.length > 0,
    }))
    const shortIds = [...short.keys()]
    const shortRows = shortIds.length === 0 ? [] : await deps.prisma.scheduledProcedure.findMany({ where: { id: { in: shortIds } }, include: sessionInclude, orderBy: [{ date: "asc" }, { id: "asc" }], take: limit })
    return {
      total,
      lines,
      shortTotal: short.size,
      short: shortRows.map((row) => ({ session: factsOf(row, defaultTimeZone), missing: short.get(row.id)!.missing, reason: short.get(row.id)!.reason })),
    }
  }

  async function scopedProposed(actor: Actor, assignmentId: number) {
    const row = await loadAssignment(assignmentId)
    if (!row || row.status !== "proposed") return notFound()
    if (!canActOnMunicipality(actor, row.session.school.municipalityId)) return notAllowed(["municipality"])
    return { ok: true as const, row }
  }

  /** Ranked observers who could take this proposed place instead. */
  async function alternatives(row: Loaded): Promise<CandidateView[]> {
    const facts = factsOf(row.session, defaultTimeZone)
    if (facts.municipalityId === null) return []
    const settings = await observerSettings(deps, facts.municipalityId)
    const pool = await observerPool(deps, { municipalityIds: [facts.municipalityId], dates: [facts.date], excludeAssignmentIds: [row.id] })
    const others = await deps.prisma.observerAssignment.findMany({ where: { sessionId: row.sessionId, id: { not: row.id } }, select: { observerId: true } })
    const exclude = new Set([...others.map((other) => other.observerId), row.observerId])
    const priority = (await sessions.priorities([facts])).get(facts.sessionId) ?? null
    return rankCandidates(sessionInput(facts, 1, priority), pool.inputs, assignOptions(settings), exclude).map((candidate) => ({
      ...candidate,
      name: pool.names.get(candidate.observerId) ?? "",
    }))
  }

  /**
   * After an assignment ended: the best other observer for the place, proposed to the coordinators with one-tap
   * buttons, or a message that nobody fits. Nothing when the session has already begun.
   */
  async function planReplacement(ended: Loaded, reason: EndReason): Promise<void> {
    const facts = factsOf(ended.session, defaultTimeZone)
    if (sessionStart(facts) <= deps.clock.now() || facts.municipalityId === null) return
    const settings = await observerSettings(deps, facts.municipalityId)
    const pool = await observerPool(deps, { municipalityIds: [facts.municipalityId], dates: [facts.date] })
    const everyone = await deps.prisma.observerAssignment.findMany({ where: { sessionId: facts.sessionId }, select: { observerId: true } })
    const priority = (await sessions.priorities([facts])).get(facts.sessionId) ?? null
    const [best] = rankCandidates(sessionInput(facts, 1, priority), pool.inputs, assignOptions(settings), new Set(everyone.map((row) => row.observerId)))
    const replacement = best
      ? await deps.prisma.observerAssignment.create({ data: { sessionId: facts.sessionId, observerId: best.observerId, status: "proposed", priority: priority !== null } })
      : null
    const name = ended.observer.fullName ?? ""
    await sendToCoordinators(deps, facts.municipalityId, `obs:replace:${ended.id}`, (t) => {
      const head = t("observers-replacement-head", { name, reason: t(`observers-end-${reason}`) })
      if (!replacement) return { text: [head, sessionLines(t, facts), "", t("observers-replacement-none")].join("\n") }
      const candidate = pool.names.get(replacement.observerId) ?? ""
      return {
        text: [head, sessionLines(t, facts), "", t("observers-replacement-offer", { candidate })].join("\n"),
        keyboard: [
          [{ text: t("observers-replacement-accept", { candidate }), callbackData: observerButton("acceptOne", { assignmentId: replacement.id }) }],
          [
            { text: t("observers-replacement-other"), callbackData: observerButton("edit", { assignmentId: replacement.id }) },
            { text: t("observers-replacement-none-button"), callbackData: observerButton("drop", { assignmentId: replacement.id }) },
          ],
        ],
      }
    })
  }

  /** Ends an offered or confirmed assignment and asks the coordinators for a replacement. */
  async function end(row: Loaded, status: "declined" | "cancelled" | "expired", reason: EndReason): Promise<boolean> {
    const { count } = await deps.prisma.observerAssignment.updateMany({
      where: { id: row.id, status: { in: [...ACTIVE] } },
      data: { status, endReason: reason, respondedAt: deps.clock.now() },
    })
    if (count === 0) return false
    await actDeadlines.ended(row.id)
    await planReplacement(row, reason)
    return true
  }

  async function offer(row: Loaded, settings: ObserverSettings, respondBy: Date): Promise<void> {
    const facts = factsOf(row.session, defaultTimeZone)
    const user = row.observer.user
    if (!user) return
    await sendTo(deps, [{ telegramId: user.telegramId, language: languageOf(user) }], `obs:offer:${row.id}`, (t) => ({
      text: [
        t("observers-offer-head"),
        sessionLines(t, facts),
        t("observers-offer-bring", { bring: settings.whatToBring ?? t("observers-bring-default") }),
        "",
        t("observers-offer-declaration", { until: localMoment(respondBy, facts.timeZone) }),
      ].join("\n"),
      keyboard: [
        [{ text: t("observers-offer-confirm"), callbackData: observerButton("offer", { assignmentId: row.id, answer: "y" }) }],
        [
          { text: t("observers-offer-decline"), callbackData: observerButton("offer", { assignmentId: row.id, answer: "n" }) },
          { text: t("observers-offer-conflict"), callbackData: observerButton("offer", { assignmentId: row.id, answer: "c" }) },
        ],
      ],
    }))
  }

  return {
    planReplacement,
    end,

    /**
     * Proposes observers for every session from `from` to `to` (today at the earliest) with places left, replacing
     * the earlier draft of those sessions. Risk schools first (domain/observers/assign.ts).
     */
    async propose(actor: Actor, range: { from?: LocalDate; to: LocalDate }): Promise<Done<{ proposal: ProposalView }> | NotAllowed> {
      const scope = coordinatorScope(actor)
      if (scope !== null && scope.length === 0) return notAllowed(["municipality"])
      const today = await sessions.today(scope?.[0] ?? null)
      const from = range.from && range.from > today ? range.from : today
      const rows = await deps.prisma.scheduledProcedure.findMany({
        where: { date: { gte: from, lte: range.to }, ...(scope ? { school: { municipalityId: { in: scope } } } : {}) },
        include: { ...sessionInclude, observerAssignments: { where: { status: { in: [...ACTIVE] } }, select: { id: true } } },
      })
      const sessionIds = rows.map((row) => row.id)
      await deps.prisma.observerAssignment.deleteMany({ where: { sessionId: { in: sessionIds }, status: "proposed" } })
      const facts = rows.map((row) => factsOf(row, defaultTimeZone))
      const priority = await sessions.priorities(facts)
      const inputs = rows.map((row, index) => sessionInput(facts[index]!, Math.max(0, row.rooms - row.observerAssignments.length), priority.get(row.id) ?? null))
      const municipalityIds = [...new Set(facts.flatMap((fact) => (fact.municipalityId === null ? [] : [fact.municipalityId])))]
      const pool = await observerPool(deps, { municipalityIds, dates: [...new Set(facts.map((fact) => fact.date))] })
      const settings = await observerSettingsOf(deps, municipalityIds)
      const short = new Map<number, { missing: number; reason: ShortReason }>()
      const created: { sessionId: number; observerId: number; priority: boolean }[] = []
      for (const municipalityId of municipalityIds) {
        const result = assignObservers(
          inputs.filter((input) => input.municipalityId === municipalityId),
          pool.inputs.filter((input) => input.municipalityId === municipalityId),
          assignOptions(settings.get(municipalityId)!),
        )
        for (const assignment of result.assignments) created.push({ sessionId: assignment.sessionId, observerId: assignment.observerId, priority: assignment.priority })
        for (const shortfall of result.shortfalls) short.set(shortfall.sessionId, { missing: shortfall.missing, reason: shortfall.reason })
      }
      for (const input of inputs) if (input.municipalityId === null && input.open > 0) short.set(input.sessionId, { missing: input.open, reason: "nobody_free" })
      // One INSERT of arrays: createMany took ~1 s for a region's 3,000 rows on PGlite (bench/observers.ts).
      const now = deps.clock.now()
      await deps.prisma.$executeRaw`
        INSERT INTO "ObserverAssignment" ("sessionId", "observerId", status, priority, "proposedById", "createdAt", "updatedAt")
        SELECT s, o, 'proposed', p, ${actor.userId}, ${now}, ${now}
        FROM unnest(${created.map((row) => row.sessionId)}::int[], ${created.map((row) => row.observerId)}::int[], ${created.map((row) => row.priority)}::boolean[]) AS t(s, o, p)`
      return { ok: true, proposal: await draft(actor, short) }
    },

    draft: (actor: Actor) => draft(actor),

    async alternatives(actor: Actor, assignmentId: number): Promise<Done<{ line: { session: SessionFacts; observerName: string }; candidates: CandidateView[] }> | NotAllowed | NotFound> {
      const found = await scopedProposed(actor, assignmentId)
      if (!found.ok) return found
      return { ok: true, line: { session: factsOf(found.row.session, defaultTimeZone), observerName: found.row.observer.fullName ?? "" }, candidates: await alternatives(found.row) }
    },

    /** The coordinator's edit: another observer for a proposed place — only one the rules allow. */
    async choose(actor: Actor, assignmentId: number, observerId: number): Promise<Done | NotAllowed | NotFound | RefusedWithProblems<"not_eligible">> {
      const found = await scopedProposed(actor, assignmentId)
      if (!found.ok) return found
      const candidates = await alternatives(found.row)
      if (!candidates.some((candidate) => candidate.observerId === observerId)) return refused(["not_eligible" as const])
      await deps.prisma.observerAssignment.updateMany({ where: { id: assignmentId, status: "proposed" }, data: { observerId, proposedById: actor.userId } })
      return { ok: true }
    },

    /** The coordinator leaves a proposed place empty. */
    async drop(actor: Actor, assignmentId: number): Promise<Done | NotAllowed | NotFound> {
      const found = await scopedProposed(actor, assignmentId)
      if (!found.ok) return found
      await deps.prisma.observerAssignment.deleteMany({ where: { id: assignmentId, status: "proposed" } })
      return { ok: true }
    },

    /**
     * Accepts the draft (or the given proposed assignments): each observer is offered the session with Confirm /
     * Decline and a time to answer. A conflict that appeared since the proposal drops the line instead.
     */
    async accept(actor: Actor, assignmentIds?: number[]): Promise<Done<{ offered: number; dropped: number }> | NotAllowed | NotFound> {
      const scope = coordinatorScope(actor)
      if (scope !== null && scope.length === 0) return notAllowed(["municipality"])
      const rows = await deps.prisma.observerAssignment.findMany({
        where: {
          status: "proposed",
          ...(assignmentIds ? { id: { in: assignmentIds } } : {}),
          ...(scope ? { session: { school: { municipalityId: { in: scope } } } } : {}),
        },
        include: assignmentInclude,
      })
      if (rows.length === 0) return notFound()
      const now = deps.clock.now()
      const settings = await observerSettingsOf(deps, rows.flatMap((row) => (row.session.school.municipalityId === null ? [] : [row.session.school.municipalityId])))
      let offered = 0
      let dropped = 0
      for (const row of rows) {
        const facts = factsOf(row.session, defaultTimeZone)
        const rules = settings.get(facts.municipalityId ?? -1)
        if (!rules || !row.observer.user || row.observer.status !== "approved" || conflictAt(tiesOf(row.observer), facts.schoolId) || sessionStart(facts) <= now) {
          await deps.prisma.observerAssignment.deleteMany({ where: { id: row.id, status: "proposed" } })
          dropped++
          continue
        }
        // An answer is due well before the work, but never sooner than an hour from now.
        const latest = sessionStart(facts).getTime() - 12 * 3600_000
        const respondBy = new Date(Math.max(now.getTime() + 3600_000, Math.min(now.getTime() + rules.responseHours * 3600_000, latest)))
        const { count } = await deps.prisma.observerAssignment.updateMany({
          where: { id: row.id, status: "proposed" },
          data: { status: "offered", offeredAt: now, respondBy, proposedById: row.proposedById ?? actor.userId },
        })
        if (count === 0) continue
        await offer(row, rules, respondBy)
        offered++
      }
      await audit(deps.prisma, { actorId: actor.userId, action: "observers.assignments.accepted", details: { offered, dropped } })
      return { ok: true, offered, dropped }
    },

    /**
     * The observer's answer to an offer: `y` confirms and records the declaration of no conflict of interest, `n`
     * declines, `c` declares a conflict. Only the observer it was offered to may answer.
     */
    async respond(actor: Actor, assignmentId: number, answer: OfferAnswer): Promise<Done<{ status: "confirmed" | "declined" | "cancelled"; session: SessionFacts }> | NotAllowed | NotFound | RefusedWithProblems<RespondProblem>> {
      const row = await loadAssignment(assignmentId)
      if (!row) return notFound()
      if (row.observer.userId !== actor.userId) return notAllowed(["assignment"])
      const facts = factsOf(row.session, defaultTimeZone)
      const now = deps.clock.now()
      if (sessionStart(facts) <= now) return refused(["session_started" as const])
      if (answer === "y") {
        if (row.status === "confirmed") return refused(["already_answered" as const])
        if (row.status !== "offered") return refused(["closed" as const])
        if (conflictAt(tiesOf(row.observer), facts.schoolId)) {
          await end(row, "cancelled", "detected_conflict")
          return refused(["conflict_detected" as const])
        }
        const actDueAt = await actDeadlines.dueOf(facts)
        const { count } = await deps.prisma.observerAssignment.updateMany({
          where: { id: row.id, status: "offered" },
          data: { status: "confirmed", respondedAt: now, declaredAt: now, actDueAt },
        })
        if (count === 0) return refused(["closed" as const])
        await actDeadlines.confirmed({ assignmentId: row.id, observerUserId: actor.userId, municipalityId: facts.municipalityId, schoolId: facts.schoolId, procedure: procedureLabel(facts.procedure), date: russianDate(facts.date), dueAt: actDueAt })
        await audit(deps.prisma, { actorId: actor.userId, action: "observer.assignment.confirmed", subject: String(row.id), details: { declaration: "no_conflict_of_interest", at: now.toISOString() } })
        return { ok: true, status: "confirmed", session: facts }
      }
      if (row.status !== "offered" && row.status !== "confirmed") return refused(["closed" as const])
      const ended = answer === "c" ? await end(row, "cancelled", "conflict") : await end(row, "declined", "declined")
      if (!ended) return refused(["closed" as const])
      await audit(deps.prisma, { actorId: actor.userId, action: answer === "c" ? "observer.assignment.conflict" : "observer.assignment.declined", subject: String(row.id) })
      return { ok: true, status: answer === "c" ? "cancelled" : "declined", session: facts }
    },

    /**
     * Ends whatever an observer holds from now on (withdrawal, or a new workplace or child's school that makes a
     * conflict): drafts are dropped, offers and confirmations cancelled with a replacement proposed.
     * `onlyConflicts`: only the ones at schools the observer is now tied to.
     */
    async endAhead(observerId: number, reason: EndReason, onlyConflicts = false): Promise<number> {
      const rows = await deps.prisma.observerAssignment.findMany({ where: { observerId, status: { in: [...HOLDING] } }, include: assignmentInclude })
      const now = deps.clock.now()
      let ended = 0
      for (const row of rows) {
        const facts = factsOf(row.session, defaultTimeZone)
        if (sessionStart(facts) <= now) continue
        if (onlyConflicts && !conflictAt(tiesOf(row.observer), facts.schoolId)) continue
        if (row.status === "proposed") await deps.prisma.observerAssignment.deleteMany({ where: { id: row.id, status: "proposed" } })
        else await end(row, "cancelled", reason)
        ended++
      }
      return ended
    },

    /** The observer's own sessions: offers waiting for an answer and confirmed sessions ahead. */
    async mine(actor: Actor): Promise<{ assignmentId: number; status: "offered" | "confirmed"; session: SessionFacts }[]> {
      const rows = await deps.prisma.observerAssignment.findMany({
        where: { observer: { userId: actor.userId }, status: { in: [...ACTIVE] } },
        include: { session: { include: sessionInclude } },
        orderBy: [{ session: { date: "asc" } }, { id: "asc" }],
      })
      const now = deps.clock.now()
      return rows
        .map((row) => ({ assignmentId: row.id, status: row.status as "offered" | "confirmed", session: factsOf(row.session, defaultTimeZone) }))
        .filter((row) => sessionStart(row.session) > now)
    },

    /** Offers nobody answered in time: expired, the observer told, a replacement proposed (a job). */
    async expireOffers(now: Date): Promise<number> {
      const rows = await deps.prisma.observerAssignment.findMany({ where: { status: "offered", respondBy: { lt: now } }, include: assignmentInclude })
      let expired = 0
      for (const row of rows) {
        if (!(await end(row, "expired", "no_answer"))) continue
        expired++
        const user = row.observer.user
        const facts = factsOf(row.session, defaultTimeZone)
        if (user) await sendTo(deps, [{ telegramId: user.telegramId, language: languageOf(user) }], `obs:expired:${row.id}`, (t) => ({ text: [t("observers-offer-expired"), sessionLines(t, facts)].join("\n") }))
      }
      return expired
    },
  }
}

export type Assignments = ReturnType<typeof createAssignments>
