import { splitText } from "../../domain/hotline/split-text.ts"
import type { TicketStatus, TicketTopic } from "../../domain/hotline/lifecycle.ts"
import type { Translate } from "../../i18n.ts"
import type { InlineKeyboard, OutboxMessage } from "../notifications/payload.ts"
import { displayName, localDateTime, type Person } from "./people.ts"
import type { HotlineButtons, TicketEventData } from "./types.ts"

/**
 * The texts the relay sends, one function per kind of message and reader. Relayed user text is sent as plain
 * text (no parse mode), so nothing in it needs escaping; a text over Telegram's 4096 characters becomes several
 * messages, the keyboard on the last.
 */

export interface TicketFacts {
  id: number
  topic: TicketTopic
  status: TicketStatus
  anonymous: boolean
  grade: number | null
  createdAt: Date
  rating: number | null
}

export interface StoredMessage {
  id: number
  kind: "user" | "staff" | "note" | "event"
  authorId: number | null
  chatId: bigint | null
  messageId: number | null
  writtenInGeneration: number | null
  text: string | null
  media: string
  event: TicketEventData | null
  createdAt: Date
}

/** Where a part goes: a chat (and a topic in it). */
export interface Target {
  chatId: bigint
  threadId?: number
}

export interface RenderContext {
  ticket: TicketFacts
  asker: Person | undefined
  school: string | null
  timeZone: string
  buttons: HotlineButtons
  people: Map<number, Person>
}

type Part = Omit<OutboxMessage, "chatId" | "threadId" | "dedupeKey">

function place(target: Target, parts: Part[]): OutboxMessage[] {
  return parts.map((part) => ({ ...part, chatId: target.chatId, ...(target.threadId !== undefined ? { threadId: target.threadId } : {}) }))
}

/** Text parts with the keyboard on the last one. */
function textParts(text: string, keyboard?: InlineKeyboard): Part[] {
  const chunks = splitText(text)
  return chunks.map((chunk, index) => (index === chunks.length - 1 && keyboard ? { text: chunk, keyboard } : { text: chunk }))
}

/** A header and then the message itself: text in one message, media as the header and a copy. */
function withHeader(header: string, message: StoredMessage, keyboard?: InlineKeyboard, footer?: string): Part[] {
  const tail = footer ? `\n\n${footer}` : ""
  if (message.media === "text" || message.chatId === null || message.messageId === null) {
    return textParts(`${header}\n\n${message.text ?? ""}${tail}`.trim(), keyboard)
  }
  const copy = { copy: { fromChatId: message.chatId.toString(), messageId: message.messageId } }
  return [{ text: `${header}${tail}` }, keyboard ? { ...copy, keyboard } : copy]
}

export function senderLabel(t: Translate, context: { ticket: { anonymous: boolean }; asker: Person | undefined }): string {
  return context.ticket.anonymous ? t("hotline-anonymous") : displayName(context.asker)
}

export function topicName(t: Translate, ticket: Pick<TicketFacts, "id" | "topic" | "status">): string {
  return t("hotline-topic-name", { id: ticket.id, topic: t(`hotline-topic-${ticket.topic}`), status: t(`hotline-status-${ticket.status}`) }).slice(0, 128)
}

/** The first message of a ticket for the staff: what it is about and who asks, with the action buttons. */
export function renderCard(t: Translate, context: RenderContext, target: Target, where: "topic" | "private"): OutboxMessage[] {
  const { ticket, buttons } = context
  const text = t("hotline-card", {
    id: ticket.id,
    topic: t(`hotline-topic-${ticket.topic}`),
    school: context.school ?? t("hotline-school-none"),
    grade: ticket.grade ?? 0,
    sender: senderLabel(t, context),
    created: localDateTime(ticket.createdAt, context.timeZone),
    where,
  })
  const keyboard: InlineKeyboard =
    where === "topic"
      ? [[
          { text: t("hotline-button-take"), callbackData: buttons.take(ticket.id) },
          { text: t("hotline-button-close"), callbackData: buttons.close(ticket.id) },
          { text: t("hotline-button-reopen"), callbackData: buttons.reopen(ticket.id) },
        ]]
      : [
          [{ text: t("hotline-button-answer"), callbackData: buttons.answer(ticket.id) }],
          [
            { text: t("hotline-button-take"), callbackData: buttons.take(ticket.id) },
            { text: t("hotline-button-close"), callbackData: buttons.close(ticket.id) },
          ],
        ]
  return place(target, [{ text, keyboard }])
}

/** A user's message for the staff (in the topic, or in a specialist's private chat with an answer button). */
export function renderUserMessage(t: Translate, context: RenderContext, message: StoredMessage, target: Target, where: "topic" | "private"): OutboxMessage[] {
  const header = t("hotline-relay-from-user", { id: context.ticket.id, sender: senderLabel(t, context) })
  const keyboard = where === "private" ? [[{ text: t("hotline-button-answer"), callbackData: context.buttons.answer(context.ticket.id) }]] : undefined
  return place(target, withHeader(header, message, keyboard))
}

function ratingKeyboard(t: Translate, context: RenderContext): InlineKeyboard {
  return [[1, 2, 3, 4, 5].map((rating) => ({ text: t("hotline-button-rate", { rating }), callbackData: context.buttons.rate(context.ticket.id, rating) }))]
}

/** A specialist's answer for the user: the specialist is never named. */
export function renderAnswerForUser(t: Translate, context: RenderContext, message: StoredMessage, target: Target): OutboxMessage[] {
  const header = t("hotline-relay-answer", { id: context.ticket.id })
  return place(target, withHeader(header, message, ratingKeyboard(t, context), t("hotline-relay-answer-footer")))
}

/**
 * A specialist's answer or note shown in a topic it was not written in: answered from a private chat, or a
 * topic re-created after it was deleted (whose attachments went with it: only the text remains).
 */
export function renderStaffInTopic(t: Translate, context: RenderContext, message: StoredMessage, target: Target): OutboxMessage[] {
  const author = message.authorId !== null ? (context.people.get(message.authorId)?.name ?? "—") : "—"
  const at = localDateTime(message.createdAt, context.timeZone)
  const header = t(message.kind === "note" ? "hotline-relay-note-in-topic" : "hotline-relay-staff-in-topic", { name: author, at })
  if (message.writtenInGeneration !== null || message.media === "text") {
    const body = message.text ?? ""
    const attachment = message.media !== "text" ? `\n${t("hotline-relay-attachment-lost")}` : ""
    return place(target, textParts(`${header}\n\n${body}${attachment}`.trim()))
  }
  return place(target, withHeader(header, message))
}

/** An event (taken, closed, reopened, escalated, blocked) for the staff. */
export function renderEventForStaff(t: Translate, context: RenderContext, event: TicketEventData, target: Target): OutboxMessage[] {
  return place(target, textParts(eventText(t, event, context.ticket.id)))
}

/** An event a specialist who answered in a private chat is told of: which ticket, and what happened. */
export function renderEventInPrivate(t: Translate, context: RenderContext, event: TicketEventData, target: Target): OutboxMessage[] {
  return place(target, textParts(t("hotline-event-in-private", { id: context.ticket.id, event: eventText(t, event, context.ticket.id) })))
}

export function eventText(t: Translate, event: TicketEventData, ticketId: number): string {
  switch (event.code) {
    case "taken":
      return t("hotline-event-taken", { name: event.by })
    case "closed":
      if (event.by === "user") return event.rating ? t("hotline-event-closed-user-rated", { rating: event.rating }) : t("hotline-event-closed-user")
      return event.by === "auto" ? t("hotline-event-closed-auto") : t("hotline-event-closed-staff", { name: event.name ?? "—" })
    case "reopened":
      return event.by === "user" ? t("hotline-event-reopened-user") : t("hotline-event-reopened-staff", { name: event.name ?? "—" })
    case "escalated":
      return t("hotline-event-escalated", { hours: event.hours })
    case "blocked":
      return t("hotline-event-blocked", { id: ticketId })
  }
}

/** Whether the asker is told about this event. */
export function eventReachesUser(event: TicketEventData): boolean {
  return (event.code === "closed" && event.by !== "user") || (event.code === "reopened" && event.by === "staff")
}

/** The asker's notice of an event, with the buttons that make sense next. */
export function renderEventForUser(t: Translate, context: RenderContext, event: TicketEventData, target: Target): OutboxMessage[] {
  const id = context.ticket.id
  if (event.code === "closed") {
    const rate = context.ticket.rating === null ? ratingKeyboard(t, context) : []
    const reopen = [[{ text: t("hotline-button-user-reopen"), callbackData: context.buttons.userReopen(id) }]]
    const key = event.by === "auto" ? "hotline-notice-closed-auto" : "hotline-notice-closed-staff"
    return place(target, textParts(t(key, { id }), [...rate, ...reopen]))
  }
  return place(target, textParts(t("hotline-notice-reopened", { id })))
}
