import { splitText } from "../../domain/hotline/split-text.ts"
import { createTranslator } from "../../i18n.ts"
import { audit } from "../access/audit.ts"
import { canActOnSchool, coordinatedMunicipalities, hasRole, isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { enqueueMany } from "../notifications/outbox.ts"
import { notAllowed, notFound, type Done, type NotAllowed, type NotFound } from "../outcome.ts"
import type { Job } from "../scheduling/jobs.ts"
import { searchSchools, schoolLabel, type SchoolChoice } from "../schools/search.ts"

/**
 * Announcements to the parents of a school's grade (dates of the procedures, what ВПР is for, results published),
 * by the school's coordinator or a coordinator of its municipality. Recipients are the parents subscribed when the
 * announcement was made. They are enqueued in batches with a dedupe key per (broadcast, chat, part): the outbox
 * paces them within Telegram's limits, a restart in the middle resumes where it stopped (the job below), and
 * nobody gets an announcement twice.
 */

const SENDERS = ["school_coordinator", "municipal_coordinator"] as const
export const BROADCAST_MAX_LENGTH = 3500
const BATCH = 1000

export type BroadcastOutcome =
  | Done<{ broadcastId: number; recipients: number }>
  | NotAllowed
  | NotFound
  | { ok: false; reason: "empty" | "too_long" | "bad_grade" }

export function createBroadcasts(deps: ServiceDeps) {
  const { prisma, clock } = deps
  const logger = deps.logger.child({ component: "broadcasts" })

  function maySend(actor: Actor): boolean {
    return hasRole(actor, ...SENDERS)
  }

  /**
   * The schools this actor may announce to: a school coordinator's own schools; for a municipal coordinator (or an
   * admin) the schools of their municipalities (all) that match the query.
   */
  async function schools(actor: Actor, query: string): Promise<SchoolChoice[]> {
    if (!maySend(actor)) return []
    const ownIds = actor.grants.flatMap((grant) => (grant.role === "school_coordinator" && grant.schoolId !== null ? [grant.schoolId] : []))
    const own = (await Promise.all(ownIds.map((id) => schoolLabel(deps, id)))).filter((school): school is SchoolChoice => school !== null)
    const municipalities = coordinatedMunicipalities(actor)
    if (!query.trim() || (!isAdmin(actor) && municipalities.length === 0)) return own
    return searchSchools(deps, query, { limit: 8, ...(isAdmin(actor) ? {} : { municipalityIds: municipalities }) })
  }

  async function checkScope(actor: Actor, schoolId: number): Promise<NotAllowed | NotFound | null> {
    const school = await prisma.school.findUnique({ where: { id: schoolId }, select: { id: true, municipalityId: true } })
    if (!school) return notFound()
    return canActOnSchool(actor, school, [...SENDERS]) ? null : notAllowed()
  }

  /** How many parents an announcement to this grade would reach now. */
  async function audience(actor: Actor, schoolId: number, grade: number): Promise<Done<{ recipients: number }> | NotAllowed | NotFound> {
    const refusal = await checkScope(actor, schoolId)
    if (refusal) return refusal
    return { ok: true, recipients: await prisma.parentSubscription.count({ where: { schoolId, grade } }) }
  }

  async function send(actor: Actor, request: { schoolId: number; grade: number; text: string }): Promise<BroadcastOutcome> {
    if (!Number.isInteger(request.grade) || request.grade < 1 || request.grade > 11) return { ok: false, reason: "bad_grade" }
    const text = request.text.trim()
    if (!text) return { ok: false, reason: "empty" }
    if (text.length > BROADCAST_MAX_LENGTH) return { ok: false, reason: "too_long" }
    const refusal = await checkScope(actor, request.schoolId)
    if (refusal) return refusal
    const broadcast = await prisma.broadcast.create({
      data: { authorId: actor.userId, schoolId: request.schoolId, grade: request.grade, text, createdAt: clock.now() },
    })
    await audit(prisma, { actorId: actor.userId, action: "parents.broadcast", subject: String(broadcast.id), details: { schoolId: request.schoolId, grade: request.grade } })
    const recipients = await resume(broadcast.id)
    return { ok: true, broadcastId: broadcast.id, recipients }
  }

  /** Enqueues the announcement for every recipient not yet enqueued; safe to run again at any point. */
  async function resume(broadcastId: number): Promise<number> {
    const broadcast = await prisma.broadcast.findUniqueOrThrow({ where: { id: broadcastId } })
    const school = (await schoolLabel(deps, broadcast.schoolId))?.label ?? "—"
    const headers = new Map<string, string>()
    const header = (language: "ru" | "en") => {
      if (!headers.has(language)) headers.set(language, createTranslator(language)("parents-broadcast-header", { school, grade: broadcast.grade }))
      return headers.get(language)!
    }
    let afterId = 0
    let total = 0
    for (;;) {
      const subscriptions = await prisma.parentSubscription.findMany({
        where: { schoolId: broadcast.schoolId, grade: broadcast.grade, createdAt: { lte: broadcast.createdAt }, id: { gt: afterId } },
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true, userId: true },
      })
      if (subscriptions.length === 0) break
      afterId = subscriptions.at(-1)!.id
      const users = await prisma.user.findMany({ where: { id: { in: subscriptions.map((row) => row.userId) } }, select: { telegramId: true, language: true } })
      const messages = users.flatMap((user) =>
        splitText(`${header(user.language === "en" ? "en" : "ru")}\n\n${broadcast.text}`).map((part, index) => ({
          chatId: user.telegramId,
          text: part,
          dedupeKey: `bc:${broadcast.id}:${user.telegramId}:${index}`,
        })),
      )
      await enqueueMany(deps, messages)
      total += users.length
      await prisma.broadcast.update({ where: { id: broadcast.id }, data: { enqueued: total } })
    }
    await prisma.broadcast.update({ where: { id: broadcast.id }, data: { enqueued: total, enqueuedAt: clock.now() } })
    logger.info({ broadcastId, recipients: total }, "broadcast enqueued")
    return total
  }

  /** Finishes enqueueing broadcasts a stopped process left half done. */
  const resumeJob: Job = {
    name: "broadcasts-resume",
    everyMs: 60_000,
    async run() {
      const unfinished = await prisma.broadcast.findMany({ where: { enqueuedAt: null }, select: { id: true } })
      for (const { id } of unfinished) await resume(id)
    },
  }

  return { maySend, schools, audience, send, resume, jobs: [resumeJob] }
}
