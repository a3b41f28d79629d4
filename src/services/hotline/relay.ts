import type { TicketStatus, TicketTopic } from "../../domain/hotline/lifecycle.ts"
import { createTranslator } from "../../i18n.ts"
import type { ServiceDeps } from "../deps.ts"
import { enqueueMany } from "../notifications/outbox.ts"
import type { OutboxMessage } from "../notifications/payload.ts"
import { schoolLabel } from "../schools/search.ts"
import { loadPeople, timeZoneOf } from "./people.ts"
import {
  eventReachesUser, renderAnswerForUser, renderCard, renderEventForStaff, renderEventForUser, renderEventInPrivate, renderStaffInTopic,
  renderUserMessage, topicName, type RenderContext, type StoredMessage, type Target,
} from "./render.ts"
import { isTopicGoneError, type StaffChannel } from "./staff-channel.ts"
import type { HotlineButtons, TicketEventData } from "./types.ts"

/**
 * The relay: turns a ticket's stored messages into outbox rows for every place they must reach — the user,
 * the ticket's topic in the staff group, or the specialists' private chats when no group is linked. It is
 * idempotent: a delivery row per (message, destination, part) and an outbox dedupe key per part, so planning
 * again after a crash or a restart sends nothing twice, and `plannedSeq` tells the job what is left to plan.
 *
 * Topics: one per ticket and generation. The unique (ticket, generation) row is claimed before
 * createForumTopic is called, so two messages arriving together (in two processes) never open two topics;
 * inside one process plans of a ticket run one after another. A deleted topic becomes the next generation,
 * rebuilt with the ticket's history.
 */

export interface Connection {
  channel: StaffChannel
  buttons: HotlineButtons
}

/** A topic claimed but not created for this long was abandoned by a crashed process. */
const ABANDONED_CLAIM_MS = 2 * 60_000

type TicketRow = Awaited<ReturnType<ServiceDeps["prisma"]["hotlineTicket"]["findUniqueOrThrow"]>>
type TopicRow = Awaited<ReturnType<ServiceDeps["prisma"]["hotlineTopic"]["findUniqueOrThrow"]>>

export interface Relay {
  /** Plans whatever of the ticket has not reached its destinations yet. Never throws (the job retries). */
  plan(ticketId: number): Promise<void>
  /** Tickets with unplanned changes, planned now (after a crash, or a topic still being created). */
  planPending(): Promise<number>
  /** Acts on failed deliveries: re-creates deleted topics, tells the staff the user blocked the bot. */
  followUpFailures(): Promise<{ topicsRecreated: number; blocked: number }>
  /** Whether the bot has connected the staff channel and the buttons (planning waits until it has). */
  connected(): boolean
}

export function createRelay(deps: ServiceDeps, connection: () => Connection | null, defaultTimeZone: string): Relay {
  const { prisma, clock } = deps
  const logger = deps.logger.child({ component: "hotline-relay" })
  const staffT = createTranslator("ru") // the staff group reads Russian
  const running = new Map<number, Promise<void>>()

  /** One plan per ticket at a time in this process; a second caller waits, then plans what is left. */
  function serial(ticketId: number, work: () => Promise<void>): Promise<void> {
    const previous = running.get(ticketId) ?? Promise.resolve()
    const next = previous.then(work, work)
    running.set(ticketId, next)
    return next.finally(() => {
      if (running.get(ticketId) === next) running.delete(ticketId)
    })
  }

  async function plan(ticketId: number): Promise<void> {
    try {
      await serial(ticketId, () => planNow(ticketId))
    } catch (error) {
      logger.error({ err: error, ticketId }, "planning a hotline ticket failed; the job will retry")
    }
  }

  async function staffRoute(municipalityId: number | null): Promise<{ chatId: bigint } | null> {
    const groups = await prisma.hotlineStaffGroup.findMany()
    return (municipalityId !== null ? groups.find((group) => group.municipalityId === municipalityId) : undefined) ??
      groups.find((group) => group.municipalityId === null) ??
      null
  }

  async function planNow(ticketId: number): Promise<void> {
    const link = connection()
    if (!link) return
    const ticket = await prisma.hotlineTicket.findUnique({ where: { id: ticketId } })
    if (!ticket) return
    const seq = ticket.changeSeq
    const route = await staffRoute(ticket.municipalityId)
    let topic: TopicRow | null = null
    if (route) {
      topic = await ensureTopic(ticket, route.chatId, link.channel)
      if (topic) topic = await syncTopicName(ticket, topic, link.channel)
    }
    const [messages, deliveries] = await Promise.all([
      prisma.hotlineMessage.findMany({ where: { ticketId }, orderBy: { id: "asc" } }),
      prisma.hotlineDelivery.findMany({ where: { ticketId }, select: { messageId: true, destination: true } }),
    ])
    const done = new Set(deliveries.map((delivery) => `${delivery.messageId ?? "card"}|${delivery.destination}`))
    const reachedStaff = new Set(deliveries.filter((delivery) => delivery.destination.startsWith("staff:")).map((delivery) => delivery.messageId))

    const recipients = route ? [] : await privateRecipients(ticket)
    const people = await loadPeople(deps, [
      ticket.userId,
      ...recipients,
      ...messages.flatMap((message) => (message.authorId !== null ? [message.authorId] : [])),
    ])
    const context: RenderContext = {
      ticket: { ...ticket, topic: ticket.topic as TicketTopic, status: ticket.status as TicketStatus },
      asker: people.get(ticket.userId),
      school: ticket.schoolId !== null ? ((await schoolLabel(deps, ticket.schoolId))?.label ?? null) : null,
      timeZone: await timeZoneOf(deps, ticket.municipalityId, defaultTimeZone),
      buttons: link.buttons,
      people,
    }
    const answeredBy = new Set(messages.flatMap((message) => (message.kind === "staff" && message.authorId !== null ? [message.authorId] : [])))
    const userTarget: Target = { chatId: ticket.chatId }
    const userT = createTranslator(context.asker?.language ?? "ru")
    const topicDestination = topic ? `topic:${topic.generation}` : null
    const topicTarget: Target | null = topic ? { chatId: topic.chatId, threadId: topic.threadId! } : null

    const planned: { messageId: number | null; destination: string; parts: OutboxMessage[] }[] = []
    const add = (messageId: number | null, destination: string, parts: OutboxMessage[]) => {
      if (!done.has(`${messageId ?? "card"}|${destination}`)) planned.push({ messageId, destination, parts })
    }
    if (topicDestination && topicTarget) add(null, topicDestination, renderCard(staffT, context, topicTarget, "topic"))

    for (const row of messages) {
      const message = row as unknown as StoredMessage
      switch (message.kind) {
        case "user":
          if (topicDestination && topicTarget) add(message.id, topicDestination, renderUserMessage(staffT, context, message, topicTarget, "topic"))
          else if (!route && !reachedStaff.has(message.id)) {
            for (const userId of recipients) {
              const person = people.get(userId)
              if (!person) continue
              const t = createTranslator(person.language)
              const target = { chatId: person.telegramId }
              add(null, `staff:${userId}`, renderCard(t, context, target, "private"))
              add(message.id, `staff:${userId}`, renderUserMessage(t, context, message, target, "private"))
            }
          }
          break
        case "staff":
          add(message.id, "user", renderAnswerForUser(userT, context, message, userTarget))
          if (topicDestination && topicTarget && message.writtenInGeneration !== topic!.generation) {
            add(message.id, topicDestination, renderStaffInTopic(staffT, context, message, topicTarget))
          }
          break
        case "note":
          if (topicDestination && topicTarget && message.writtenInGeneration !== topic!.generation) {
            add(message.id, topicDestination, renderStaffInTopic(staffT, context, message, topicTarget))
          }
          break
        case "event": {
          const event = message.event!
          if (topicDestination && topicTarget) add(message.id, topicDestination, renderEventForStaff(staffT, context, event, topicTarget))
          else if (!route && event.code === "blocked" && event.notify) {
            const person = people.get(event.notify) ?? (await loadPeople(deps, [event.notify])).get(event.notify)
            if (person) add(message.id, `staff:${person.id}`, renderEventForStaff(createTranslator(person.language), context, event, { chatId: person.telegramId }))
          } else if (!route && (event.code === "closed" || event.code === "reopened") && event.by === "user") {
            // Without a group nobody sees the ticket's history: who answered is told the rating or the reopening.
            for (const authorId of answeredBy) {
              const person = people.get(authorId)
              if (person) add(message.id, `staff:${authorId}`, renderEventInPrivate(createTranslator(person.language), context, event, { chatId: person.telegramId }))
            }
          }
          if (eventReachesUser(event)) add(message.id, "user", renderEventForUser(userT, context, event, userTarget))
          break
        }
      }
    }
    await enqueuePlanned(ticket.id, planned)
    // A topic that could not be had now (being created elsewhere, Telegram down) leaves the plan unfinished.
    const complete = !route || topic !== null
    if (complete) await prisma.hotlineTicket.updateMany({ where: { id: ticket.id, plannedSeq: { lt: seq } }, data: { plannedSeq: seq } })
  }

  async function enqueuePlanned(ticketId: number, planned: { messageId: number | null; destination: string; parts: OutboxMessage[] }[]) {
    if (planned.length === 0) return
    const rows = planned.flatMap(({ messageId, destination, parts }) =>
      parts.map((part, index) => ({
        messageId,
        destination,
        part: index,
        message: { ...part, dedupeKey: `hl:${messageId === null ? `card${ticketId}` : `m${messageId}`}:${destination}:${index}` },
      })),
    )
    const results = await enqueueMany(deps, rows.map((row) => row.message))
    await prisma.hotlineDelivery.createMany({
      data: rows.map((row, index) => ({ ticketId, messageId: row.messageId, destination: row.destination, part: row.part, outboxId: results[index]!.id })),
      skipDuplicates: true,
    })
  }

  /**
   * Specialists who get a ticket in their private chats when no group is linked: its assignee; else the hotline
   * specialists of its municipality (all of them for a ticket without a school); else, so that someone hears,
   * the municipal coordinators, else the admins.
   */
  async function privateRecipients(ticket: TicketRow): Promise<number[]> {
    if (ticket.assigneeId !== null) return [ticket.assigneeId]
    const inScope = ticket.municipalityId === null ? {} : { municipalityId: ticket.municipalityId }
    for (const where of [
      { role: "hotline_specialist" as const, ...inScope },
      { role: "municipal_coordinator" as const, ...inScope },
      { role: "admin" as const },
    ]) {
      const grants = await prisma.roleGrant.findMany({ where: { ...where, revokedAt: null }, select: { userId: true } })
      if (grants.length > 0) return [...new Set(grants.map((grant) => grant.userId))].sort((a, b) => a - b)
    }
    return []
  }

  async function ensureTopic(ticket: TicketRow, chatId: bigint, channel: StaffChannel): Promise<TopicRow | null> {
    const latest = await prisma.hotlineTopic.findFirst({ where: { ticketId: ticket.id }, orderBy: { generation: "desc" } })
    if (latest && latest.deletedAt === null) {
      if (latest.chatId === chatId && latest.threadId !== null) return latest
      const abandoned = clock.now().getTime() - latest.createdAt.getTime() > ABANDONED_CLAIM_MS
      if (latest.chatId === chatId && !abandoned) return null // another process is creating it
      await prisma.hotlineTopic.update({ where: { id: latest.id }, data: { deletedAt: clock.now() } })
    }
    const generation = (latest?.generation ?? 0) + 1
    const name = topicName(staffT, { id: ticket.id, topic: ticket.topic as TicketTopic, status: ticket.status as TicketStatus })
    const claimed = await prisma.hotlineTopic.createManyAndReturn({
      data: [{ ticketId: ticket.id, generation, chatId, createdAt: clock.now() }],
      skipDuplicates: true,
    })
    if (claimed.length === 0) return null // someone else claimed this generation first
    const claim = claimed[0]!
    let threadId: number
    try {
      threadId = await channel.createTopic(chatId, name)
    } catch (error) {
      await prisma.hotlineTopic.delete({ where: { id: claim.id } })
      logger.warn({ err: error, ticketId: ticket.id }, "could not create a hotline topic; the job will retry")
      return null
    }
    return prisma.hotlineTopic.update({ where: { id: claim.id }, data: { threadId, name } })
  }

  async function syncTopicName(ticket: TicketRow, topic: TopicRow, channel: StaffChannel): Promise<TopicRow | null> {
    const name = topicName(staffT, { id: ticket.id, topic: ticket.topic as TicketTopic, status: ticket.status as TicketStatus })
    if (topic.name === name) return topic
    let outcome: "ok" | "gone"
    try {
      outcome = await channel.renameTopic(topic.chatId, topic.threadId!, name)
    } catch (error) {
      logger.warn({ err: error, ticketId: ticket.id }, "could not rename a hotline topic")
      return topic // the name catches up at the next change
    }
    if (outcome === "ok") return prisma.hotlineTopic.update({ where: { id: topic.id }, data: { name } })
    await prisma.hotlineTopic.update({ where: { id: topic.id }, data: { deletedAt: clock.now() } })
    return ensureTopic(ticket, topic.chatId, channel)
  }

  async function planPending(): Promise<number> {
    const pending = await prisma.$queryRaw<{ id: number }[]>`
      SELECT id FROM "HotlineTicket" WHERE "plannedSeq" < "changeSeq" ORDER BY id LIMIT 200`
    for (const { id } of pending) await plan(id)
    return pending.length
  }

  async function followUpFailures(): Promise<{ topicsRecreated: number; blocked: number }> {
    const failed = await prisma.$queryRaw<
      { id: number; ticketId: number; messageId: number | null; destination: string; status: string; lastError: string | null }[]
    >`
      SELECT d.id, d."ticketId", d."messageId", d.destination, o.status::text AS status, o."lastError"
      FROM "HotlineDelivery" d JOIN "Outbox" o ON o.id = d."outboxId"
      WHERE d."checkedAt" IS NULL AND o.status IN ('blocked', 'failed')
      ORDER BY d.id LIMIT 500`
    const touched = new Set<number>()
    let topicsRecreated = 0
    const blockedMessages = new Map<string, { ticketId: number; messageId: number | null }>()
    for (const row of failed) {
      const generation = /^topic:(\d+)$/.exec(row.destination)?.[1]
      if (generation && row.status === "failed" && isTopicGoneError(row.lastError)) {
        const { count } = await prisma.hotlineTopic.updateMany({
          where: { ticketId: row.ticketId, generation: Number(generation), deletedAt: null },
          data: { deletedAt: clock.now() },
        })
        topicsRecreated += count
        touched.add(row.ticketId)
      } else if (row.destination === "user" && row.status === "blocked") {
        blockedMessages.set(`${row.ticketId}|${row.messageId}`, { ticketId: row.ticketId, messageId: row.messageId })
      } else {
        logger.warn({ delivery: row.id, error: row.lastError }, "a hotline relay was not delivered")
      }
    }
    for (const { ticketId, messageId } of blockedMessages.values()) {
      const source = messageId !== null ? await prisma.hotlineMessage.findUnique({ where: { id: messageId }, select: { kind: true, authorId: true } }) : null
      // A notice about our own notice would loop: only answers and event notices count, each once.
      if (source?.kind === "event") continue
      const event: TicketEventData = { code: "blocked", notify: source?.authorId ?? null }
      await prisma.$transaction([
        prisma.hotlineMessage.create({ data: { ticketId, kind: "event", media: "none", event, createdAt: clock.now() } }),
        prisma.hotlineTicket.update({ where: { id: ticketId }, data: { changeSeq: { increment: 1 } } }),
      ])
      touched.add(ticketId)
    }
    if (failed.length > 0) {
      await prisma.hotlineDelivery.updateMany({ where: { id: { in: failed.map((row) => row.id) } }, data: { checkedAt: clock.now() } })
    }
    for (const ticketId of touched) {
      await prisma.hotlineTicket.update({ where: { id: ticketId }, data: { changeSeq: { increment: 1 } } })
      await plan(ticketId)
    }
    return { topicsRecreated, blocked: blockedMessages.size }
  }

  return { plan, planPending, followUpFailures, connected: () => connection() !== null }
}
