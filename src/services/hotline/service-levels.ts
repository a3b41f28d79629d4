import { splitText } from "../../domain/hotline/split-text.ts"
import { nextWorkingMoment } from "../../domain/calendar/working-time.ts"
import { wallClock } from "../../domain/calendar/zoned.ts"
import { createTranslator } from "../../i18n.ts"
import { loadCalendar } from "../calendar/calendar.ts"
import type { ServiceDeps } from "../deps.ts"
import { enqueueMany } from "../notifications/outbox.ts"
import type { Job } from "../scheduling/jobs.ts"
import { schoolLabel } from "../schools/search.ts"
import { loadPeople, timeZoneOf } from "./people.ts"
import type { Relay } from "./relay.ts"
import type { HotlineSettings } from "./settings.ts"
import { staffScope } from "./scope.ts"
import type { StaffDesk } from "./staff.ts"
import { changeTicket } from "./store.ts"
import { resolveActorById } from "./actors.ts"
import { deadlineAfter, workingMinutes } from "./working-time.ts"

const DIGEST_WINDOW_MINUTES = 180

/**
 * The hotline's background work: relays left unplanned or undelivered, escalation of unanswered tickets to the
 * municipal coordinator, the specialists' morning digest, and auto-closing answered tickets nobody replied to.
 * Every job is idempotent (dedupe keys, conditional ticket changes): after a crash it simply runs again.
 */
export function hotlineJobs(deps: ServiceDeps, relay: Relay, desk: StaffDesk, settings: HotlineSettings, defaultTimeZone: string): Job[] {
  const { prisma } = deps
  const logger = deps.logger.child({ component: "hotline-jobs" })

  async function escalate(now: Date): Promise<void> {
    const calendar = await loadCalendar(deps)
    const waiting = await prisma.hotlineTicket.findMany({ where: { status: { not: "closed" }, waitingSince: { not: null } } })
    for (const ticket of waiting) {
      const since = ticket.waitingSince!
      if (ticket.escalatedAt && ticket.escalatedAt >= since) continue
      const timeZone = await timeZoneOf(deps, ticket.municipalityId, defaultTimeZone)
      if (now < deadlineAfter(since, settings.firstResponseWorkingHours, timeZone, calendar)) continue
      const recipients = await coordinatorsOf(ticket.municipalityId)
      const people = await loadPeople(deps, recipients)
      const school = ticket.schoolId !== null ? ((await schoolLabel(deps, ticket.schoolId))?.label ?? null) : null
      const waited = Math.floor(workingMinutes(since, now, timeZone, calendar) / 60)
      // Enqueue first, then mark: a crash in between re-enqueues (a no-op by the dedupe key) and marks next time.
      await enqueueMany(
        deps,
        [...people.values()].map((person) => {
          const t = createTranslator(person.language)
          return {
            chatId: person.telegramId,
            text: t("hotline-escalation", {
              id: ticket.id,
              topic: t(`hotline-topic-${ticket.topic}`),
              school: school ?? t("hotline-school-none"),
              grade: ticket.grade ?? 0,
              waited,
              norm: settings.firstResponseWorkingHours,
            }),
            dedupeKey: `hl:esc:${ticket.id}:${since.getTime()}:${person.id}`,
            notBefore: nextWorkingMoment(now, timeZone, calendar),
          }
        }),
      )
      await changeTicket(deps, ticket.id, (current) =>
        current.waitingSince?.getTime() === since.getTime() && !(current.escalatedAt && current.escalatedAt >= since)
          ? { data: { escalatedAt: now }, messages: [{ kind: "event", event: { code: "escalated", hours: settings.firstResponseWorkingHours } }], result: true }
          : { refuse: false },
      )
      await relay.plan(ticket.id)
      logger.info({ ticketId: ticket.id, recipients: people.size }, "hotline ticket escalated")
    }
  }

  /**
   * The municipality's coordinators. A ticket that names no school is every municipality's (its specialists all see
   * it), so all coordinators are told; when there are none, the admins.
   */
  async function coordinatorsOf(municipalityId: number | null): Promise<number[]> {
    const grants = await prisma.roleGrant.findMany({
      where: { role: "municipal_coordinator", revokedAt: null, ...(municipalityId !== null ? { municipalityId } : {}) },
      select: { userId: true },
    })
    if (grants.length > 0) return [...new Set(grants.map((grant) => grant.userId))]
    const admins = await prisma.roleGrant.findMany({ where: { role: "admin", revokedAt: null }, select: { userId: true } })
    return [...new Set(admins.map((grant) => grant.userId))]
  }

  async function digest(now: Date): Promise<void> {
    const calendar = await loadCalendar(deps)
    const grants = await prisma.roleGrant.findMany({ where: { role: "hotline_specialist", revokedAt: null }, select: { userId: true, municipalityId: true } })
    const specialists = new Map<number, number | null>()
    for (const grant of grants) if (!specialists.has(grant.userId)) specialists.set(grant.userId, grant.municipalityId)
    for (const [userId, municipalityId] of specialists) {
      const timeZone = await timeZoneOf(deps, municipalityId, defaultTimeZone)
      const local = wallClock(now, timeZone)
      let workingDay: boolean
      try {
        workingDay = calendar.isWorkingDay(local.date)
      } catch {
        workingDay = true // a year the calendar does not hold: better a digest on a holiday than none
      }
      // A morning digest: from its hour for three hours (a bot that was down all morning skips the day).
      if (!workingDay || local.minutes < settings.digestAtMinutes || local.minutes >= settings.digestAtMinutes + DIGEST_WINDOW_MINUTES) continue
      const dedupeKey = `hl:digest:${userId}:${local.date}`
      if ((await prisma.outbox.count({ where: { dedupeKey: { startsWith: dedupeKey } } })) > 0) continue
      const actor = await resolveActorById(deps, userId)
      if (!actor || !staffScope(actor)) continue
      const open = await desk.openTickets(actor)
      if (!Array.isArray(open) || open.length === 0) continue
      const t = createTranslator(actor.language)
      const lines = open.map((ticket) =>
        t("hotline-digest-line", {
          id: ticket.id,
          topic: t(`hotline-topic-${ticket.topic}`),
          status: t(`hotline-status-${ticket.status}`),
          waited: ticket.waitingWorkingHours,
          assignee: ticket.assignee ?? "none",
        }),
      )
      const parts = splitText([t("hotline-digest-title", { count: open.length }), "", ...lines].join("\n"))
      await enqueueMany(deps, parts.map((text, index) => ({ chatId: BigInt(actor.telegramId), text, dedupeKey: `${dedupeKey}:${index}` })))
    }
  }

  async function autoClose(now: Date): Promise<void> {
    const before = new Date(now.getTime() - settings.autoCloseDays * 86_400_000)
    const stale = await prisma.hotlineTicket.findMany({ where: { status: "answered", answeredAt: { lt: before } }, select: { id: true } })
    for (const { id } of stale) {
      const outcome = await changeTicket(deps, id, (ticket) =>
        ticket.status === "answered" && ticket.answeredAt && ticket.answeredAt < before
          ? {
              data: { status: "closed", closedAt: now, closedBy: "auto", waitingSince: null },
              messages: [{ kind: "event", event: { code: "closed", by: "auto" } }],
              result: true,
            }
          : { refuse: false },
      )
      if (outcome.found && outcome.changed) await relay.plan(id)
    }
  }

  async function relayWork(): Promise<void> {
    await relay.followUpFailures()
    await relay.planPending()
  }

  return [
    { name: "hotline-relay", everyMs: 10_000, run: relayWork },
    { name: "hotline-escalation", everyMs: 5 * 60_000, run: escalate },
    { name: "hotline-digest", everyMs: 15 * 60_000, run: digest },
    { name: "hotline-auto-close", everyMs: 60 * 60_000, run: autoClose },
  ]
}
