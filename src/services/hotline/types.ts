import type { TicketStatus, TicketTopic } from "../../domain/hotline/lifecycle.ts"

/** A message as Telegram delivered it to the bot, reduced to what the hotline keeps (JSON-safe). */
export interface SourceMessage {
  /** The chat it was written in, as a decimal string. */
  chatId: string
  messageId: number
  /** Text or caption. */
  text: string | null
  media: "text" | "photo" | "document" | "other"
}

/** Callback data for the buttons the hotline puts on relayed messages. The bot owns the format (callback-data.ts). */
export interface HotlineButtons {
  take(ticketId: number): string
  close(ticketId: number): string
  reopen(ticketId: number): string
  /** A specialist in a private chat: answer this ticket. */
  answer(ticketId: number): string
  rate(ticketId: number, rating: number): string
  /** The user reopens their closed ticket. */
  userReopen(ticketId: number): string
}

/** A ticket as the asker sees it. */
export interface TicketView {
  id: number
  topic: TicketTopic
  status: TicketStatus
  school: string | null
  grade: number | null
  anonymous: boolean
  createdAt: string
  closedAt: string | null
  rating: number | null
  /** The user may still reopen it (closed, within the window, not reopened before). */
  canReopen: boolean
}

/** A ticket as a specialist sees it in a list or a digest. */
export interface StaffTicketView extends TicketView {
  /** Null when the asker stays anonymous. */
  asker: string | null
  assignee: string | null
  /** Working hours the current question has waited (0 when the ball is with the user). */
  waitingWorkingHours: number
  /** The first question's text, shortened. */
  preview: string
}

/** One line of a ticket's history as a specialist reads it in a private chat. */
export interface HistoryLine {
  kind: "user" | "staff" | "note" | "event"
  at: string
  author: string | null
  text: string
}

/** Event codes stored on `HotlineMessage.event`. */
export type TicketEventData =
  | { code: "taken"; by: string }
  | { code: "closed"; by: "user" | "staff" | "auto"; rating?: number | null; name?: string }
  | { code: "reopened"; by: "user" | "staff"; name?: string }
  | { code: "escalated"; hours: number }
  /** The user blocked the bot: an answer did not reach them. `notify` is the specialist to tell without a group. */
  | { code: "blocked"; notify?: number | null }
