import { isInternalNote, nextStatus, type TicketStatus } from "../../domain/hotline/lifecycle.ts"
import { createTranslator } from "../../i18n.ts"
import { audit } from "../access/audit.ts"
import { coordinatedMunicipalities, isAdmin, type Actor } from "../access/roles.ts"
import { loadCalendar } from "../calendar/calendar.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, type Done, type NotAllowed, type NotFound } from "../outcome.ts"
import { displayName, loadPeople, localDateTime, timeZoneOf } from "./people.ts"
import type { Relay } from "./relay.ts"
import { eventText, senderLabel } from "./render.ts"
import { scopeCovers, staffScope, ticketsInScope, type StaffScope } from "./scope.ts"
import { changeTicket, type Decision, type TicketRow } from "./store.ts"
import type { Tickets } from "./tickets.ts"
import type { HistoryLine, SourceMessage, StaffTicketView, TicketEventData } from "./types.ts"
import { workingMinutes } from "./working-time.ts"

/**
 * The specialists' side: answer (in the ticket's topic or privately), write internal notes, take, close and
 * reopen tickets, list the open ones. Every use case checks the actor's hotline scope on the ticket itself.
 */

export type StaffOutcome = Done<{ ticketId: number }> | NotFound | NotAllowed | { ok: false; reason: "closed" | "unchanged"; ticketId: number }

export type ReplyOutcome = Done<{ ticketId: number; kind: "answer" | "note" }> | NotFound | NotAllowed | { ok: false; reason: "closed"; ticketId: number }

export function createStaffDesk(deps: ServiceDeps, relay: Relay, tickets: Tickets, defaultTimeZone: string) {
  const { prisma, clock } = deps

  /** Links a forum supergroup: an admin's serves everyone, a municipal coordinator's their municipality. */
  async function linkGroup(actor: Actor, group: { chatId: string; title: string }): Promise<Done<{ municipality: string | null }> | NotAllowed> {
    const own = coordinatedMunicipalities(actor)[0]
    if (!isAdmin(actor) && own === undefined) return notAllowed()
    const municipalityId = isAdmin(actor) ? null : own!
    const chatId = BigInt(group.chatId)
    await prisma.$transaction([
      prisma.hotlineStaffGroup.deleteMany({ where: { OR: [{ chatId }, { municipalityId }] } }),
      prisma.hotlineStaffGroup.create({ data: { chatId, title: group.title, municipalityId, linkedById: actor.userId, linkedAt: clock.now() } }),
      // Open tickets of this scope move into the group: the relay job gives each its topic.
      prisma.hotlineTicket.updateMany({
        where: { status: { not: "closed" }, ...(municipalityId === null ? {} : { municipalityId }) },
        data: { changeSeq: { increment: 1 } },
      }),
    ])
    await audit(prisma, { actorId: actor.userId, action: "hotline.group_linked", subject: group.chatId, details: { title: group.title, municipalityId } })
    const municipality = municipalityId === null ? null : await prisma.municipality.findUnique({ where: { id: municipalityId }, select: { name: true } })
    return { ok: true, municipality: municipality?.name ?? null }
  }

  async function unlinkGroup(actor: Actor, chatId: string): Promise<Done | NotAllowed | NotFound> {
    const group = await prisma.hotlineStaffGroup.findUnique({ where: { chatId: BigInt(chatId) } })
    if (!group) return notFound()
    if (!isAdmin(actor) && (group.municipalityId === null || !coordinatedMunicipalities(actor).includes(group.municipalityId))) return notAllowed()
    await prisma.hotlineStaffGroup.delete({ where: { chatId: group.chatId } })
    await audit(prisma, { actorId: actor.userId, action: "hotline.group_unlinked", subject: chatId })
    return { ok: true }
  }

  async function isStaffGroup(chatId: string): Promise<boolean> {
    return (await prisma.hotlineStaffGroup.count({ where: { chatId: BigInt(chatId) } })) > 0
  }

  /** A message a specialist wrote in a ticket's topic: an answer for the user, or a note when it starts with «!». */
  async function replyInTopic(actor: Actor, where: { chatId: string; threadId: number }, message: SourceMessage): Promise<ReplyOutcome> {
    const topic = await prisma.hotlineTopic.findUnique({ where: { chatId_threadId: { chatId: BigInt(where.chatId), threadId: where.threadId } } })
    if (!topic) return notFound()
    return reply(actor, topic.ticketId, message, topic.generation)
  }

  /** An answer written in a private chat with the bot (no staff group, or from the list of open tickets). */
  function answer(actor: Actor, ticketId: number, message: SourceMessage): Promise<ReplyOutcome> {
    return reply(actor, ticketId, message, null)
  }

  async function reply(actor: Actor, ticketId: number, message: SourceMessage, generation: number | null): Promise<ReplyOutcome> {
    const scope = staffScope(actor)
    if (!scope) return notAllowed()
    const now = clock.now()
    const note = generation !== null && isInternalNote(message.text)
    const outcome = await changeTicket(deps, ticketId, (ticket): Decision<ReplyOutcome> => {
      if (!scopeCovers(scope, ticket.municipalityId)) return { refuse: notAllowed() }
      if (note) {
        return { data: {}, messages: [{ kind: "note", authorId: actor.userId, source: message, writtenInGeneration: generation }], result: { ok: true, ticketId, kind: "note" } }
      }
      const status = nextStatus(ticket.status as TicketStatus, "staff_reply", ticket.assigneeId !== null)
      if (!status) return { refuse: { ok: false, reason: "closed", ticketId } }
      return {
        data: { status, firstResponseAt: ticket.firstResponseAt ?? now, answeredAt: now, waitingSince: null, assigneeId: ticket.assigneeId ?? actor.userId },
        messages: [{ kind: "staff", authorId: actor.userId, source: message, writtenInGeneration: generation }],
        result: { ok: true, ticketId, kind: "answer" },
      }
    })
    if (!outcome.found) return notFound()
    if (outcome.changed) await relay.plan(ticketId)
    return outcome.result
  }

  async function act(actor: Actor, ticketId: number, decide: (ticket: TicketRow, now: Date) => Decision<StaffOutcome>): Promise<StaffOutcome> {
    const scope = staffScope(actor)
    if (!scope) return notAllowed()
    const now = clock.now()
    const outcome = await changeTicket(deps, ticketId, (ticket) => (scopeCovers(scope, ticket.municipalityId) ? decide(ticket, now) : { refuse: notAllowed() }))
    if (!outcome.found) return notFound()
    if (outcome.changed) {
      await audit(prisma, { actorId: actor.userId, action: "hotline.ticket_changed", subject: String(ticketId), details: { outcome: outcome.result.ok } })
      await relay.plan(ticketId)
    }
    return outcome.result
  }

  function take(actor: Actor, ticketId: number): Promise<StaffOutcome> {
    return act(actor, ticketId, (ticket) => {
      const status = nextStatus(ticket.status as TicketStatus, "take", true)
      if (!status) return { refuse: { ok: false, reason: "closed", ticketId } }
      if (ticket.assigneeId === actor.userId) return { refuse: { ok: false, reason: "unchanged", ticketId } }
      const event: TicketEventData = { code: "taken", by: actor.firstName }
      return { data: { status, assigneeId: actor.userId }, messages: [{ kind: "event", event }], result: { ok: true, ticketId } }
    })
  }

  function close(actor: Actor, ticketId: number): Promise<StaffOutcome> {
    return act(actor, ticketId, (ticket, now) => {
      if (!nextStatus(ticket.status as TicketStatus, "close", true)) return { refuse: { ok: false, reason: "unchanged", ticketId } }
      const event: TicketEventData = { code: "closed", by: "staff", name: actor.firstName }
      return {
        data: { status: "closed", closedAt: now, closedBy: "staff", waitingSince: null },
        messages: [{ kind: "event", event }],
        result: { ok: true, ticketId },
      }
    })
  }

  /** Staff may reopen at any time (the user's once-within-N-days rule is the user's). */
  function reopen(actor: Actor, ticketId: number): Promise<StaffOutcome> {
    return act(actor, ticketId, (ticket, now) => {
      const status = nextStatus(ticket.status as TicketStatus, "reopen", ticket.assigneeId !== null)
      if (!status) return { refuse: { ok: false, reason: "unchanged", ticketId } }
      const event: TicketEventData = { code: "reopened", by: "staff", name: actor.firstName }
      return {
        data: { status, closedAt: null, closedBy: null, waitingSince: now },
        messages: [{ kind: "event", event }],
        result: { ok: true, ticketId },
      }
    })
  }

  /** Open tickets in the actor's scope, the longest waiting first. */
  async function openTickets(actor: Actor): Promise<StaffTicketView[] | NotAllowed> {
    const scope = staffScope(actor)
    if (!scope) return notAllowed()
    const rows = await prisma.hotlineTicket.findMany({
      where: { status: { not: "closed" }, ...ticketsInScope(scope) },
      orderBy: [{ waitingSince: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: 50,
    })
    return staffViews(rows)
  }

  async function staffViews(rows: TicketRow[]): Promise<StaffTicketView[]> {
    const calendar = await loadCalendar(deps)
    const people = await loadPeople(deps, rows.flatMap((row) => [row.userId, ...(row.assigneeId !== null ? [row.assigneeId] : [])]))
    const firstQuestions = await prisma.hotlineMessage.findMany({
      where: { ticketId: { in: rows.map((row) => row.id) }, kind: "user" },
      orderBy: { id: "asc" },
      distinct: ["ticketId"],
      select: { ticketId: true, text: true },
    })
    const previews = new Map(firstQuestions.map((row) => [row.ticketId, row.text ?? ""]))
    const now = clock.now()
    return Promise.all(
      rows.map(async (row) => {
        const timeZone = await timeZoneOf(deps, row.municipalityId, defaultTimeZone)
        const preview = previews.get(row.id) ?? ""
        return {
          ...(await tickets.ticketView(row)),
          asker: row.anonymous ? null : displayName(people.get(row.userId)),
          assignee: row.assigneeId !== null ? (people.get(row.assigneeId)?.name ?? null) : null,
          waitingWorkingHours: row.waitingSince ? Math.floor(workingMinutes(row.waitingSince, now, timeZone, calendar) / 60) : 0,
          preview: preview.length > 120 ? `${preview.slice(0, 119)}…` : preview,
        } satisfies StaffTicketView
      }),
    )
  }

  /** A ticket with its history, for a specialist reading it in a private chat. */
  async function history(actor: Actor, ticketId: number): Promise<Done<{ ticket: StaffTicketView; lines: HistoryLine[] }> | NotFound | NotAllowed> {
    const scope = staffScope(actor)
    if (!scope) return notAllowed()
    const row = await prisma.hotlineTicket.findUnique({ where: { id: ticketId } })
    if (!row) return notFound()
    if (!scopeCovers(scope, row.municipalityId)) return notAllowed()
    const [ticket] = await staffViews([row])
    const messages = await prisma.hotlineMessage.findMany({ where: { ticketId }, orderBy: { id: "asc" } })
    const people = await loadPeople(deps, [row.userId, ...messages.flatMap((message) => (message.authorId !== null ? [message.authorId] : []))])
    const timeZone = await timeZoneOf(deps, row.municipalityId, defaultTimeZone)
    const t = createTranslator(actor.language)
    const context = { ticket: row, asker: people.get(row.userId) }
    const lines = messages.map((message): HistoryLine => {
      const at = localDateTime(message.createdAt, timeZone)
      const kind = message.kind as HistoryLine["kind"]
      const text = message.text ?? (message.media !== "none" ? t("hotline-history-attachment") : "")
      if (kind === "user") return { kind, at, author: senderLabel(t, context), text }
      if (kind === "event") return { kind, at, author: null, text: eventText(t, message.event as TicketEventData, row.id) }
      return { kind, at, author: message.authorId !== null ? (people.get(message.authorId)?.name ?? null) : null, text }
    })
    return { ok: true, ticket: ticket!, lines }
  }

  /** The ticket whose relayed message (in the specialist's private chat) the specialist replied to. */
  async function ticketOfReply(actor: Actor, replyToMessageId: number): Promise<number | null> {
    if (!staffScope(actor)) return null
    const sent = await prisma.outbox.findFirst({ where: { chatId: BigInt(actor.telegramId), messageId: replyToMessageId }, select: { id: true } })
    if (!sent) return null
    const delivery = await prisma.hotlineDelivery.findUnique({ where: { outboxId: sent.id }, select: { ticketId: true, destination: true } })
    return delivery?.destination === `staff:${actor.userId}` ? delivery.ticketId : null
  }

  /** The ticket a staff group's topic belongs to (any generation), or null for the staff's own topics. */
  async function ticketOfTopic(chatId: string, threadId: number): Promise<number | null> {
    const topic = await prisma.hotlineTopic.findUnique({ where: { chatId_threadId: { chatId: BigInt(chatId), threadId } }, select: { ticketId: true } })
    return topic?.ticketId ?? null
  }

  return { ticketOfReply, ticketOfTopic, linkGroup, unlinkGroup, isStaffGroup, replyInTopic, answer, take, close, reopen, openTickets, history, staffViews, scopeOf: staffScope }
}

export type StaffDesk = ReturnType<typeof createStaffDesk>
export type { StaffScope }
