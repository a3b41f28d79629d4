import { addDays } from "../../domain/calendar/dates.ts"
import { instantAt } from "../../domain/calendar/zoned.ts"
import type { ServiceDeps } from "../deps.ts"
import type { Job } from "../scheduling/jobs.ts"
import type { Assignments } from "./assignments.ts"
import { observerButton } from "./buttons.ts"
import { factsOf, localMoment, sessionInclude, sessionLines, sessionStart, type SessionFacts } from "./facts.ts"
import { sendTo } from "./notify.ts"
import { languageOf } from "./scope.ts"
import { observerSettingsOf, type ObserverSettings } from "./settings.ts"

/**
 * Timed work of the observer programme, run every few minutes by the scheduler; each step is idempotent (dedupe
 * keys), so a run after downtime catches up without sending anything twice, and skips what is no longer useful
 * (no reminder after the work began).
 */

const EVERY_MS = 5 * 60_000

/** When the reminders and the act request of a confirmed session are due. */
export function reminderTimes(facts: SessionFacts, settings: ObserverSettings): { evening: Date; morning: Date; start: Date; actRequest: Date } {
  const start = sessionStart(facts)
  const morning = new Date(Math.min(instantAt(facts.date, settings.morningReminderAt, facts.timeZone).getTime(), start.getTime() - 3600_000))
  const evening = instantAt(addDays(facts.date, -1), settings.eveningReminderAt, facts.timeZone)
  const actRequest =
    facts.startMinutes === null ? instantAt(facts.date, 13 * 60, facts.timeZone) : new Date(start.getTime() + settings.actRequestAfterMinutes * 60_000)
  return { evening, morning, start, actRequest }
}

export function createObserverJobs(deps: ServiceDeps, assignments: Assignments, defaultTimeZone: string): Job[] {
  async function remind(now: Date): Promise<void> {
    // Dates as strings: a window wide enough for every time zone of Russia around now.
    const today = now.toISOString().slice(0, 10)
    const rows = await deps.prisma.observerAssignment.findMany({
      where: { status: "confirmed", session: { date: { gte: addDays(today, -2), lte: addDays(today, 2) } } },
      include: { session: { include: sessionInclude }, observer: { include: { user: true } }, act: { select: { id: true } } },
    })
    const settings = await observerSettingsOf(deps, rows.flatMap((row) => (row.session.school.municipalityId === null ? [] : [row.session.school.municipalityId])))
    for (const row of rows) {
      const user = row.observer.user
      if (!user) continue
      const facts = factsOf(row.session, defaultTimeZone)
      const rules = settings.get(facts.municipalityId ?? -1)
      if (!rules) continue
      const times = reminderTimes(facts, rules)
      const to = [{ telegramId: user.telegramId, language: languageOf(user) }]
      const confirmedLate = row.respondedAt !== null && row.respondedAt >= times.evening
      if (now >= times.evening && now < times.morning && !confirmedLate) {
        await sendTo(deps, to, `obs:evening:${row.id}`, (t) => ({
          text: [t("observers-reminder-evening"), sessionLines(t, facts), t("observers-offer-bring", { bring: rules.whatToBring ?? t("observers-bring-default") })].join("\n"),
        }))
      }
      if (now >= times.morning && now < times.start) {
        await sendTo(deps, to, `obs:morning:${row.id}`, (t) => ({ text: [t("observers-reminder-morning"), sessionLines(t, facts)].join("\n") }))
      }
      if (now >= times.actRequest && !row.act && row.actDueAt && now < row.actDueAt) {
        const due = localMoment(row.actDueAt, facts.timeZone)
        await sendTo(deps, to, `obs:actask:${row.id}`, (t) => ({
          text: [t("observers-act-request", { due }), sessionLines(t, facts)].join("\n"),
          keyboard: [[{ text: t("observers-act-button"), callbackData: observerButton("act", { assignmentId: row.id }) }]],
        }))
      }
    }
  }

  return [
    { name: "observers.offers", everyMs: EVERY_MS, run: async (now) => void (await assignments.expireOffers(now)) },
    { name: "observers.reminders", everyMs: EVERY_MS, run: remind },
  ]
}
