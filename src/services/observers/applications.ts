import { QUIZ_ANSWERS } from "../../domain/observers/quiz.ts"
import { audit } from "../access/audit.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, refused, type Done, type NotAllowed, type NotFound, type RefusedWithProblems } from "../outcome.ts"
import { schoolLabel } from "./facts.ts"
import { observerButton } from "./buttons.ts"
import { sendTo, sendToCoordinators } from "./notify.ts"
import { canActOnMunicipality, coordinatorScope, languageOf } from "./scope.ts"

/** The coordinator's decision on applicants who passed the quiz (observers.md R2). */

export interface ApplicationView {
  observerId: number
  fullName: string
  phone: string
  municipalityName: string
  work: string[]
  children: string[]
  quizScore: number | null
  quizTotal: number
}

export const MAX_REASON = 500

export function createApplications(deps: ServiceDeps) {
  async function decidable(actor: Actor, observerId: number) {
    const observer = await deps.prisma.observer.findUnique({ where: { id: observerId }, include: { user: true } })
    if (!observer) return notFound()
    if (!canActOnMunicipality(actor, observer.municipalityId)) return notAllowed(["municipality"])
    // Decided by another coordinator meanwhile, or withdrawn: the button is stale.
    if (observer.status !== "awaiting_approval" || !observer.user) return notFound()
    return { ok: true as const, observer, user: observer.user }
  }

  return {
    async pending(actor: Actor): Promise<ApplicationView[]> {
      const scope = coordinatorScope(actor)
      if (scope !== null && scope.length === 0) return []
      const rows = await deps.prisma.observer.findMany({
        where: { status: "awaiting_approval", ...(scope ? { municipalityId: { in: scope } } : {}) },
        include: { municipality: { select: { name: true } }, ties: { include: { school: { select: { login: true, name: true } } }, orderBy: { id: "asc" } } },
        orderBy: { quizPassedAt: "asc" },
        take: 50,
      })
      return rows.map((row) => ({
        observerId: row.id,
        fullName: row.fullName ?? "",
        phone: row.phone ?? "",
        municipalityName: row.municipality.name,
        work: row.ties.filter((tie) => tie.kind === "works").map((tie) => schoolLabel(tie.school)),
        children: row.ties.filter((tie) => tie.kind === "child").map((tie) => schoolLabel(tie.school)),
        quizScore: row.quizScore,
        quizTotal: QUIZ_ANSWERS.length,
      }))
    },

    /** Approves: the applicant gets the observer role in the municipality and a message. */
    async approve(actor: Actor, observerId: number): Promise<Done<{ fullName: string }> | NotAllowed | NotFound> {
      const found = await decidable(actor, observerId)
      if (!found.ok) return found
      const { observer, user } = found
      const now = deps.clock.now()
      const taken = await deps.prisma.observer.updateMany({
        where: { id: observerId, status: "awaiting_approval" },
        data: { status: "approved", reviewedById: actor.userId, reviewedAt: now, rejectionReason: null },
      })
      if (taken.count === 0) return notFound()
      const hasRole = await deps.prisma.roleGrant.findFirst({ where: { userId: user.id, role: "observer", municipalityId: observer.municipalityId, revokedAt: null } })
      if (!hasRole) {
        await deps.prisma.roleGrant.create({ data: { userId: user.id, role: "observer", municipalityId: observer.municipalityId, grantedById: actor.userId } })
      }
      await audit(deps.prisma, { actorId: actor.userId, action: "observer.approved", subject: String(observerId) })
      await sendTo(deps, [{ telegramId: user.telegramId, language: languageOf(user) }], `obs:approved:${observerId}:${now.getTime()}`, (t) => ({ text: t("observers-approved") }))
      return { ok: true, fullName: observer.fullName ?? "" }
    },

    /** Rejects with a reason the applicant reads. */
    async reject(actor: Actor, observerId: number, reason: string): Promise<Done<{ fullName: string }> | NotAllowed | NotFound | RefusedWithProblems<"reason">> {
      const text = reason.trim()
      if (text.length < 3 || text.length > MAX_REASON) return refused(["reason" as const])
      const found = await decidable(actor, observerId)
      if (!found.ok) return found
      const { observer, user } = found
      const taken = await deps.prisma.observer.updateMany({
        where: { id: observerId, status: "awaiting_approval" },
        data: { status: "rejected", reviewedById: actor.userId, reviewedAt: deps.clock.now(), rejectionReason: text },
      })
      if (taken.count === 0) return notFound()
      await audit(deps.prisma, { actorId: actor.userId, action: "observer.rejected", subject: String(observerId) })
      await sendTo(deps, [{ telegramId: user.telegramId, language: languageOf(user) }], `obs:rejected:${observerId}:${deps.clock.now().getTime()}`, (t) => ({ text: t("observers-rejected", { reason: text }) }))
      return { ok: true, fullName: observer.fullName ?? "" }
    },
  }
}

/** Tells the municipality's coordinators, in working hours, that an applicant passed the quiz and waits for them. */
export async function announceApplication(deps: ServiceDeps, observerId: number, occasion: string): Promise<void> {
  const observer = await deps.prisma.observer.findUniqueOrThrow({
    where: { id: observerId },
    include: { municipality: true, ties: { include: { school: { select: { login: true, name: true } } }, orderBy: { id: "asc" } } },
  })
  const schools = (kind: string) => observer.ties.filter((tie) => tie.kind === kind).map((tie) => schoolLabel(tie.school)).join("; ")
  await sendToCoordinators(
    deps,
    observer.municipalityId,
    `obs:application:${observerId}:${occasion}`,
    (t) => ({
      text: t("observers-application", {
        name: observer.fullName ?? "",
        phone: observer.phone ?? "",
        work: schools("works") || t("observers-none"),
        children: schools("child") || t("observers-none"),
        score: observer.quizScore ?? 0,
        total: QUIZ_ANSWERS.length,
      }),
      keyboard: [
        [
          { text: t("observers-approve-button"), callbackData: observerButton("approve", { observerId }) },
          { text: t("observers-reject-button"), callbackData: observerButton("reject", { observerId }) },
        ],
      ],
    }),
    { at: "working", timeZone: observer.municipality.timeZone },
  )
}
