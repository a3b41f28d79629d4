import { createHash } from "node:crypto"
import { CalendarYearMissing, type ProductionCalendar } from "../../domain/calendar/production-calendar.ts"
import { DEFAULT_NOTICE_OPTIONS, nextNotice, type Notice } from "../../domain/deadlines/notices.ts"
import type { ReminderPlan } from "../../domain/deadlines/rules.ts"
import { createTranslator, type Translate } from "../../i18n.ts"
import { loadCalendar } from "../calendar/calendar.ts"
import type { ServiceDeps } from "../deps.ts"
import { enqueueMany } from "../notifications/outbox.ts"
import type { OutboxMessage } from "../notifications/payload.ts"
import type { Job } from "../scheduling/jobs.ts"
import { DEADLINE_BUTTONS } from "./buttons.ts"
import type { MessageRef, Responsible } from "./kinds.ts"
import { recipientIndex, type Recipient } from "./recipients.ts"
import { dueText, provisionalNote, schoolText, titleText } from "./render.ts"
import { rulesOfAll } from "./rules-store.ts"

/**
 * The reminder planner: every few minutes it looks at the pending deadlines and queues what is due now — the
 * latest reminder slot that has come, or the one overdue message with its escalation — through the outbox, with
 * dedupe keys, and records what it sent on the item. Deciding from state alone makes a run after a restart or
 * after days of downtime send each message at most once and skip what has gone stale (domain/deadlines/notices.ts).
 */

export const NOTICE_JOB = "deadlines.notices"
const EVERY_MS = 5 * 60_000
/** Reminder slots lie at most 20 working days before the due date: about two months with the longest holidays. */
const LOOK_AHEAD_MS = 62 * 86_400_000

export interface NoticeRunResult {
  reminders: number
  overdue: number
  messages: number
  /** Items of events that took place, closed. */
  closed: number
}

/** Kinds with a reminder text of their own (`deadline-reminder-<kind>`); others use the general one. */
const OWN_REMINDER_TEXT = new Set(["results_upload", "event", "report"])

type Row = Awaited<ReturnType<ServiceDeps["prisma"]["deadline"]["findMany"]>>[number]
type School = { login: string; name: string | null }
interface Context {
  row: Row
  timeZone: string
  calendar: ProductionCalendar
  school: School | null
  responsible: Recipient[]
}
type Digests = Map<number, { recipient: Recipient; items: { row: Row; school: { login: string; name: string | null } | null; timeZone: string; nobody: boolean }[]; sendAt: Date }>
/** Lines of one escalation message (the rest are counted): well under Telegram's 4096 characters. */
const DIGEST_LINES = 25

export function createNoticePlanner(deps: ServiceDeps, options: { lookaheadMs?: number; staleAfterMs?: number } = {}) {
  const lookaheadMs = options.lookaheadMs ?? DEFAULT_NOTICE_OPTIONS.lookaheadMs
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_NOTICE_OPTIONS.staleAfterMs
  const translators = new Map<string, Translate>()
  const translator = (language: "ru" | "en") => {
    let t = translators.get(language)
    if (!t) translators.set(language, (t = createTranslator(language)))
    return t
  }

  async function run(now: Date): Promise<NoticeRunResult> {
    const result: NoticeRunResult = { reminders: 0, overdue: 0, messages: 0, closed: 0 }
    // An event is over once it has begun: nothing is late about it.
    result.closed = (await deps.prisma.deadline.updateMany({ where: { status: "pending", escalate: false, due: { lte: now } }, data: { status: "done", doneAt: now } })).count

    const rows = await deps.prisma.deadline.findMany({
      where: { status: "pending", due: { gte: new Date(now.getTime() - staleAfterMs - 86_400_000), lte: new Date(now.getTime() + LOOK_AHEAD_MS) } },
      orderBy: { due: "asc" },
    })
    if (rows.length === 0) return result
    const calendar = await loadCalendar(deps)
    const municipalityIds = [...new Set(rows.map((row) => row.municipalityId))]
    const zones = new Map(
      (await deps.prisma.municipality.findMany({ where: { id: { in: municipalityIds } }, select: { id: true, timeZone: true } })).map((m) => [m.id, m.timeZone]),
    )
    const rules = await rulesOfAll(deps, municipalityIds)
    const missingYears = new Set<number>()
    const digests: Digests = new Map()
    const escalated: { id: number; at: Date }[] = []

    const due: { row: Row; notice: Notice; timeZone: string }[] = []
    for (const row of rows) {
      const timeZone = zones.get(row.municipalityId)
      if (!timeZone) continue
      const plan = (row.reminders as ReminderPlan | null) ?? rules.get(row.municipalityId)!.remindersAt
      try {
        const notice = nextNotice(
          { due: row.due, createdAt: row.createdAt, timeZone, plan, lastNotice: row.lastNotice, escalated: row.escalatedAt !== null, escalate: row.escalate },
          calendar,
          { now, lookaheadMs, staleAfterMs },
        )
        if (notice) due.push({ row, notice, timeZone })
      } catch (error) {
        if (!(error instanceof CalendarYearMissing)) throw error
        missingYears.add(error.year)
      }
    }
    if (due.length > 0) {
      // Everything the messages need, loaded once for the whole batch.
      const people = await recipientIndex(deps, due.map(({ row }) => ({ municipalityId: row.municipalityId, responsible: row.responsible as Responsible })))
      const schoolIds = [...new Set(due.flatMap(({ row }) => (row.schoolId === null ? [] : [row.schoolId])))]
      const schools = new Map((await deps.prisma.school.findMany({ where: { id: { in: schoolIds } }, select: { id: true, login: true, name: true } })).map((school) => [school.id, school]))
      const mutes = new Set((await deps.prisma.deadlineMute.findMany({ where: { kind: { in: [...new Set(due.map(({ row }) => row.kind))] } } })).map((mute) => `${mute.userId}|${mute.kind}`))
      const messages: OutboxMessage[] = []
      const reminded: { id: number; previous: string | null; tag: string }[] = []
      for (const { row, notice, timeZone } of due) {
        const context: Context = { row, timeZone, calendar, school: row.schoolId === null ? null : (schools.get(row.schoolId) ?? null), responsible: people.responsible({ ...row, responsible: row.responsible as Responsible }) }
        if (notice.kind === "reminder") {
          messages.push(...remind(context, notice, mutes))
          reminded.push({ id: row.id, previous: row.lastNotice, tag: notice.tag })
          result.reminders++
        } else {
          messages.push(...overdue(context, notice, people.coordinators(row.municipalityId), digests))
          escalated.push({ id: row.id, at: notice.sendAt })
          result.overdue++
        }
      }
      messages.push(...digestMessages(digests))
      for (let start = 0; start < messages.length; start += 1000) await enqueueMany(deps, messages.slice(start, start + 1000))
      result.messages = messages.length
      // Recorded after the messages are queued: a crash in between repeats the same dedupe keys, which is a no-op.
      // Conditional on the old value, so a planner that raced this one records nothing twice.
      if (reminded.length > 0) {
        await deps.prisma.$executeRawUnsafe(
          `UPDATE "Deadline" d SET "lastNotice" = t.tag FROM unnest($1::int[], $2::text[], $3::text[]) AS t(id, previous, tag)
           WHERE d.id = t.id AND d."lastNotice" IS NOT DISTINCT FROM t.previous`,
          reminded.map((item) => item.id),
          reminded.map((item) => item.previous),
          reminded.map((item) => item.tag),
        )
      }
      for (const item of escalated) await deps.prisma.deadline.updateMany({ where: { id: item.id, escalatedAt: null }, data: { escalatedAt: item.at } })
    }
    if (missingYears.size > 0) deps.logger.warn({ years: [...missingYears] }, "deadlines in years the production calendar does not hold: no reminders planned")
    return result
  }

  /** One reminder to everyone responsible who has not muted the kind. */
  function remind(context: Context, notice: Extract<Notice, { kind: "reminder" }>, mutes: Set<string>): OutboxMessage[] {
    const { row, timeZone, calendar, school } = context
    return context.responsible
      .filter((recipient) => !mutes.has(`${recipient.userId}|${row.kind}`))
      .map((recipient): OutboxMessage => {
        const t = translator(recipient.language)
        const key = OWN_REMINDER_TEXT.has(row.kind) ? `deadline-reminder-${row.kind}` : "deadline-reminder"
        const lines = [
          t(key, { title: titleText(t, row.title as unknown as MessageRef), school: schoolText(t, school), due: dueText(row.due, timeZone), left: notice.workingDaysLeft }),
        ]
        const note = provisionalNote(t, row.due, timeZone, calendar)
        if (note) lines.push(note)
        const buttons = row.escalate ? [[{ text: t("deadline-button-done"), callbackData: DEADLINE_BUTTONS.done(row.id) }]] : []
        buttons.push([{ text: t("deadline-button-mute"), callbackData: DEADLINE_BUTTONS.mute(row.kind) }])
        return { chatId: recipient.chatId, text: lines.join("\n"), keyboard: buttons, dedupeKey: `dl:${row.id}:${notice.tag}:${recipient.userId}`, notBefore: notice.sendAt }
      })
  }

  /** The one overdue message to the responsible; the coordinators' escalation is collected into `digests`. */
  function overdue(context: Context, notice: Extract<Notice, { kind: "overdue" }>, coordinators: Recipient[], digests: Digests): OutboxMessage[] {
    const { row, timeZone, calendar, school, responsible } = context
    const responsibleIds = new Set(responsible.map((recipient) => recipient.userId))
    const messages = responsible.map((recipient): OutboxMessage => {
      const t = translator(recipient.language)
      const lines = [t("deadline-overdue", { title: titleText(t, row.title as unknown as MessageRef), school: schoolText(t, school), due: dueText(row.due, timeZone) })]
      const note = provisionalNote(t, row.due, timeZone, calendar)
      if (note) lines.push(note)
      return {
        chatId: recipient.chatId,
        text: lines.join("\n"),
        keyboard: [[{ text: t("deadline-button-done"), callbackData: DEADLINE_BUTTONS.done(row.id) }]],
        dedupeKey: `dl:${row.id}:overdue@${row.due.toISOString()}:${recipient.userId}`,
        notBefore: notice.sendAt,
      }
    })
    for (const coordinator of coordinators) {
      if (responsibleIds.has(coordinator.userId)) continue
      const digest = digests.get(coordinator.userId) ?? { recipient: coordinator, items: [], sendAt: notice.sendAt }
      digest.items.push({ row, school, timeZone, nobody: responsible.length === 0 })
      if (notice.sendAt > digest.sendAt) digest.sendAt = notice.sendAt
      digests.set(coordinator.userId, digest)
    }
    return messages
  }

  /**
   * One escalation message per coordinator and run, listing every item that became overdue: thirty schools late with
   * the same upload are one message, not thirty. The dedupe key names the items, so a rerun after a crash is a no-op.
   */
  function digestMessages(digests: Digests): OutboxMessage[] {
    return [...digests.values()].map(({ recipient, items, sendAt }) => {
      const t = translator(recipient.language)
      const shown = items.slice(0, DIGEST_LINES)
      const lines = [t("deadline-escalation-head", { count: items.length })]
      for (const item of shown) {
        const title = titleText(t, item.row.title as unknown as MessageRef)
        lines.push(t(item.nobody ? "deadline-escalation-line-nobody" : "deadline-escalation-line", { title, school: schoolText(t, item.school), due: dueText(item.row.due, item.timeZone) }))
      }
      if (items.length > shown.length) lines.push(t("deadline-escalation-more", { count: items.length - shown.length }))
      lines.push(t(items.some((item) => item.nobody) ? "deadline-escalation-foot-nobody" : "deadline-escalation-foot"))
      const ids = items.map((item) => item.row.id).sort((a, b) => a - b).join(",")
      const digest = createHash("sha256").update(ids).digest("hex").slice(0, 16)
      return {
        chatId: recipient.chatId,
        text: lines.join("\n"),
        keyboard: [[{ text: t("deadline-button-board"), callbackData: DEADLINE_BUTTONS.board }]],
        dedupeKey: `dl:esc:${recipient.userId}:${digest}`,
        notBefore: sendAt,
      }
    })
  }

  const job: Job = { name: NOTICE_JOB, everyMs: EVERY_MS, run: async (now) => void (await run(now)) }
  return { run, job }
}
