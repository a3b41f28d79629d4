import { localDate } from "../../domain/calendar/zoned.ts"
import { addDays } from "../../domain/calendar/dates.ts"
import { checkAct, type ActDraft, type ActProblem, type ActViolation } from "../../domain/observers/act.ts"
import { audit } from "../access/audit.ts"
import type { Actor } from "../access/roles.ts"
import type { ActDeadlines } from "./deadlines.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, refused, type Done, type NotAllowed, type RefusedWithProblems } from "../outcome.ts"
import { factsOf, sessionInclude, sessionLines, type SessionFacts } from "./facts.ts"
import { fitMessage, sendToCoordinators } from "./notify.ts"

/**
 * The observation act (observers.md §4.3): filed by the observer who was confirmed for the session, on the day of
 * the work or after it, once. Violations reach the municipality's coordinators at once, whatever the hour.
 */

export type SubmitActProblem = ActProblem | "too_early" | "already_filed"

/** Acts are asked for up to a month after the work; later ones are a matter for the coordinator. */
const ACT_WINDOW_DAYS = 31

export function createActs(deps: ServiceDeps, defaultTimeZone: string, actDeadlines: ActDeadlines) {
  return {
    /** The actor's confirmed sessions that have begun (today or earlier) and have no act yet. */
    async pending(actor: Actor): Promise<{ assignmentId: number; session: SessionFacts; dueAt: string | null }[]> {
      const rows = await deps.prisma.observerAssignment.findMany({
        where: { observer: { userId: actor.userId }, status: "confirmed", act: null },
        include: { session: { include: sessionInclude } },
        orderBy: [{ session: { date: "asc" } }, { id: "asc" }],
      })
      const now = deps.clock.now()
      return rows
        .map((row) => ({ assignmentId: row.id, session: factsOf(row.session, defaultTimeZone), dueAt: row.actDueAt?.toISOString() ?? null }))
        .filter(({ session }) => {
          const today = localDate(now, session.timeZone)
          return session.date <= today && session.date >= addDays(today, -ACT_WINDOW_DAYS)
        })
    },

    /** The session an act would be filed for, if the actor may file it (the act dialog shows it first). */
    async actable(actor: Actor, assignmentId: number): Promise<Done<{ session: SessionFacts }> | NotAllowed | RefusedWithProblems<"too_early" | "already_filed">> {
      const row = await deps.prisma.observerAssignment.findUnique({ where: { id: assignmentId }, include: { observer: true, act: true, session: { include: sessionInclude } } })
      if (!row || row.observer.userId !== actor.userId || row.status !== "confirmed") return notAllowed(["assignment"])
      if (row.act) return refused(["already_filed" as const])
      const session = factsOf(row.session, defaultTimeZone)
      if (session.date > localDate(deps.clock.now(), session.timeZone)) return refused(["too_early" as const])
      return { ok: true, session }
    },

    /**
     * Files the act. Refused — NotAllowed — for a session the actor was not assigned to and did not confirm.
     * Returns whether it came after its deadline (12:00 of the next working day).
     */
    async submit(actor: Actor, assignmentId: number, draft: ActDraft): Promise<Done<{ actId: number; late: boolean; alerted: number }> | NotAllowed | RefusedWithProblems<SubmitActProblem>> {
      const row = await deps.prisma.observerAssignment.findUnique({ where: { id: assignmentId }, include: { observer: true, act: true, session: { include: sessionInclude } } })
      if (!row || row.observer.userId !== actor.userId || row.status !== "confirmed") return notAllowed(["assignment"])
      const session = factsOf(row.session, defaultTimeZone)
      const now = deps.clock.now()
      const problems: SubmitActProblem[] = [...checkAct(draft)]
      if (row.act) problems.push("already_filed")
      if (session.date > localDate(now, session.timeZone)) problems.push("too_early")
      if (problems.length > 0) return refused(problems)
      const dueAt = row.actDueAt ?? (await actDeadlines.dueOf(session))
      const violations: ActViolation[] = draft.violations.map((violation) => ({ code: violation.code, comment: violation.comment?.trim() || null }))
      let actId: number
      try {
        const act = await deps.prisma.observationAct.create({
          data: {
            assignmentId,
            observerId: row.observerId,
            schoolId: session.schoolId,
            procedure: session.procedure,
            date: session.date,
            stages: draft.stages,
            startMinutes: draft.startMinutes,
            endMinutes: draft.endMinutes,
            violations: violations as never,
            comment: draft.comment?.trim() || null,
            photoFileIds: draft.photoFileIds,
            dueAt,
            submittedAt: now,
          },
        })
        actId = act.id
      } catch (error) {
        // Two submissions at once: the unique assignment id lets one through.
        if ((error as { code?: string }).code === "P2002") return refused(["already_filed" as const])
        throw error
      }
      // The school was observed: a request for observers there is fulfilled.
      await deps.prisma.observerRequest.updateMany({ where: { schoolId: session.schoolId, closedAt: null, since: { lte: session.date } }, data: { closedAt: now } })
      await actDeadlines.filed(assignmentId, actor.userId)
      await audit(deps.prisma, { actorId: actor.userId, action: "observer.act.filed", subject: String(actId), details: { assignmentId, violations: violations.length } })
      const alerted =
        violations.length === 0
          ? 0
          : await sendToCoordinators(deps, session.municipalityId, `obs:violation:${actId}`, (t) => ({
              text: fitMessage([
                t("observers-violation-alert", { name: row.observer.fullName ?? "", phone: row.observer.phone ?? "" }),
                sessionLines(t, session),
                "",
                ...violations.map((violation) => `• ${t(`observers-violation-${violation.code}`)}${violation.comment ? ` — ${violation.comment}` : ""}`),
                ...(draft.comment?.trim() ? ["", t("observers-act-comment-line", { comment: draft.comment.trim() })] : []),
              ].join("\n")),
            }))
      return { ok: true, actId, late: now > dueAt, alerted }
    },
  }
}

export type Acts = ReturnType<typeof createActs>
