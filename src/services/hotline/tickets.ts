import {
  isRating, isTicketTopic, nextStatus, userReopenRefusal, type TicketStatus, type TicketTopic,
} from "../../domain/hotline/lifecycle.ts"
import { audit } from "../access/audit.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notFound, type Done, type NotFound } from "../outcome.ts"
import { schoolLabel } from "../schools/search.ts"
import type { Relay } from "./relay.ts"
import type { HotlineSettings } from "./settings.ts"
import { changeTicket, knownMessage, messageData, type Decision, type TicketRow } from "./store.ts"
import type { SourceMessage, TicketView } from "./types.ts"

/** The asker's side: open a ticket, add to it, see it, rate the answer, reopen. Any user may ask: no role. */

export interface OpenRequest {
  topic: TicketTopic
  schoolId?: number | null
  grade?: number | null
  anonymous: boolean
  question: SourceMessage
}

export type OpenOutcome = Done<{ ticketId: number }> | { ok: false; reason: "bad_request"; problem: "topic" | "grade" | "school" | "empty" }

export type AddOutcome = Done<{ ticketId: number }> | NotFound | { ok: false; reason: "closed"; ticketId: number; canReopen: boolean }

export type RateOutcome = Done<{ ticketId: number; closedNow: boolean }> | NotFound | { ok: false; reason: "already_rated" | "bad_rating" }

export type ReopenOutcome = Done<{ ticketId: number }> | NotFound | { ok: false; reason: "not_closed" | "already_reopened" | "too_late" }

export function createTickets(deps: ServiceDeps, relay: Relay, settings: HotlineSettings) {
  const { prisma, clock } = deps

  async function open(actor: Actor, request: OpenRequest): Promise<OpenOutcome> {
    if (!isTicketTopic(request.topic)) return { ok: false, reason: "bad_request", problem: "topic" }
    const grade = request.grade ?? null
    if (grade !== null && (!Number.isInteger(grade) || grade < 1 || grade > 11)) return { ok: false, reason: "bad_request", problem: "grade" }
    if (!request.question.text?.trim() && request.question.media === "text") return { ok: false, reason: "bad_request", problem: "empty" }
    const known = await knownMessage(deps, request.question)
    if (known !== null) return { ok: true, ticketId: known } // the same question delivered twice
    let municipalityId: number | null = null
    if (request.schoolId != null) {
      const school = await schoolLabel(deps, request.schoolId)
      if (!school) return { ok: false, reason: "bad_request", problem: "school" }
      municipalityId = school.municipalityId
    }
    const now = clock.now()
    const ticket = await prisma.hotlineTicket.create({
      data: {
        userId: actor.userId,
        chatId: BigInt(actor.telegramId),
        topic: request.topic,
        schoolId: request.schoolId ?? null,
        municipalityId,
        grade,
        anonymous: request.anonymous,
        createdAt: now,
        waitingSince: now,
        changeSeq: 1,
        messages: { create: [withoutTicket(messageData(0, { kind: "user", authorId: actor.userId, source: request.question }, now))] },
      },
    })
    await audit(prisma, { actorId: actor.userId, action: "hotline.ticket_opened", subject: String(ticket.id), details: { topic: request.topic, anonymous: request.anonymous } })
    await relay.plan(ticket.id)
    return { ok: true, ticketId: ticket.id }
  }

  async function add(actor: Actor, ticketId: number, message: SourceMessage): Promise<AddOutcome> {
    const now = clock.now()
    const outcome = await changeTicket(deps, ticketId, (ticket): Decision<AddOutcome> => {
      if (ticket.userId !== actor.userId) return { refuse: notFound() }
      const status = nextStatus(ticket.status as TicketStatus, "user_message", ticket.assigneeId !== null)
      if (!status) return { refuse: { ok: false, reason: "closed", ticketId, canReopen: userReopenRefusal(asLifecycle(ticket), now, settings) === null } }
      return {
        data: { status, waitingSince: ticket.waitingSince ?? now },
        messages: [{ kind: "user", authorId: actor.userId, source: message }],
        result: { ok: true, ticketId },
      }
    })
    if (!outcome.found) return notFound()
    if (outcome.changed) await relay.plan(ticketId)
    return outcome.result
  }

  async function rate(actor: Actor, ticketId: number, rating: number): Promise<RateOutcome> {
    if (!isRating(rating)) return { ok: false, reason: "bad_rating" }
    const now = clock.now()
    const outcome = await changeTicket(deps, ticketId, (ticket): Decision<RateOutcome> => {
      if (ticket.userId !== actor.userId) return { refuse: notFound() }
      if (ticket.rating !== null) return { refuse: { ok: false, reason: "already_rated" } }
      if (ticket.status === "closed") return { data: { rating }, result: { ok: true, ticketId, closedNow: false } }
      return {
        data: { rating, status: "closed", closedAt: now, closedBy: "user", waitingSince: null },
        messages: [{ kind: "event", event: { code: "closed", by: "user", rating } }],
        result: { ok: true, ticketId, closedNow: true },
      }
    })
    if (!outcome.found) return notFound()
    if (outcome.changed) await relay.plan(ticketId)
    return outcome.result
  }

  async function reopen(actor: Actor, ticketId: number): Promise<ReopenOutcome> {
    const now = clock.now()
    const outcome = await changeTicket(deps, ticketId, (ticket): Decision<ReopenOutcome> => {
      if (ticket.userId !== actor.userId) return { refuse: notFound() }
      const refusal = userReopenRefusal(asLifecycle(ticket), now, settings)
      if (refusal) return { refuse: { ok: false, reason: refusal } }
      return {
        data: {
          status: nextStatus("closed", "reopen", ticket.assigneeId !== null)!,
          reopenCount: ticket.reopenCount + 1,
          closedAt: null,
          closedBy: null,
          rating: null,
          waitingSince: now,
        },
        messages: [{ kind: "event", event: { code: "reopened", by: "user" } }],
        result: { ok: true, ticketId },
      }
    })
    if (!outcome.found) return notFound()
    if (outcome.changed) await relay.plan(ticketId)
    return outcome.result
  }

  /** The asker's open tickets and those closed recently enough to reopen, newest first. */
  async function mine(actor: Actor): Promise<TicketView[]> {
    const since = new Date(clock.now().getTime() - settings.reopenDays * 86_400_000)
    const rows = await prisma.hotlineTicket.findMany({
      where: { userId: actor.userId, OR: [{ status: { not: "closed" } }, { closedAt: { gte: since } }] },
      orderBy: { id: "desc" },
      take: 20,
    })
    return Promise.all(rows.map((row) => ticketView(row)))
  }

  /** The asker's ticket a reply in their chat refers to: the relayed message they replied to. */
  async function ticketOfReply(actor: Actor, replyToMessageId: number): Promise<number | null> {
    const sent = await prisma.outbox.findFirst({ where: { chatId: BigInt(actor.telegramId), messageId: replyToMessageId }, select: { id: true } })
    if (!sent) return null
    const delivery = await prisma.hotlineDelivery.findUnique({ where: { outboxId: sent.id }, select: { ticketId: true } })
    if (!delivery) return null
    const ticket = await prisma.hotlineTicket.findUnique({ where: { id: delivery.ticketId }, select: { userId: true } })
    return ticket?.userId === actor.userId ? delivery.ticketId : null
  }

  async function ticketView(row: TicketRow): Promise<TicketView> {
    return {
      id: row.id,
      topic: row.topic as TicketTopic,
      status: row.status as TicketStatus,
      school: row.schoolId !== null ? ((await schoolLabel(deps, row.schoolId))?.label ?? null) : null,
      grade: row.grade,
      anonymous: row.anonymous,
      createdAt: row.createdAt.toISOString(),
      closedAt: row.closedAt?.toISOString() ?? null,
      rating: row.rating,
      canReopen: userReopenRefusal(asLifecycle(row), clock.now(), settings) === null,
    }
  }

  return { open, add, rate, reopen, mine, ticketOfReply, ticketView }
}

export function asLifecycle(ticket: TicketRow) {
  return { status: ticket.status as TicketStatus, closedAt: ticket.closedAt, reopenCount: ticket.reopenCount }
}

function withoutTicket<T extends { ticketId: number }>(data: T): Omit<T, "ticketId"> {
  const { ticketId: _ticketId, ...rest } = data
  return rest
}

export type Tickets = ReturnType<typeof createTickets>
