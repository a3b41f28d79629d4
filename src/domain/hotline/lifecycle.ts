/**
 * A hotline ticket's life: new → in progress → answered → closed, and back when the user writes again or
 * reopens. Pure rules; the service applies them to stored tickets.
 */

export const TICKET_TOPICS = ["dates", "results", "objectivity", "other"] as const
export type TicketTopic = (typeof TICKET_TOPICS)[number]

export const TICKET_STATUSES = ["new", "in_progress", "answered", "closed"] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

export function isTicketTopic(value: string): value is TicketTopic {
  return (TICKET_TOPICS as readonly string[]).includes(value)
}

export function isOpen(status: TicketStatus): boolean {
  return status !== "closed"
}

export type TicketEvent =
  /** A specialist takes the ticket (or takes it over from a colleague). */
  | "take"
  /** A specialist's answer reached the relay. */
  | "staff_reply"
  /** The user adds to the ticket. */
  | "user_message"
  /** Closed by the user (with or without a rating), a specialist, or the auto-close job. */
  | "close"
  | "reopen"

/** The status after the event, or null when the event does not apply in this status. */
export function nextStatus(status: TicketStatus, event: TicketEvent, assigned: boolean): TicketStatus | null {
  switch (event) {
    case "take":
      return status === "closed" ? null : status === "answered" ? "answered" : "in_progress"
    case "staff_reply":
      return status === "closed" ? null : "answered"
    case "user_message":
      if (status === "closed") return null
      // The ball is back with the staff: an answered ticket is worked on again by whoever holds it.
      return status === "answered" ? (assigned ? "in_progress" : "new") : status
    case "close":
      return status === "closed" ? null : "closed"
    case "reopen":
      return status === "closed" ? (assigned ? "in_progress" : "new") : null
  }
}

export interface ReopenRule {
  /** Days after closing during which the user may reopen. */
  reopenDays: number
  /** How many times the user may reopen one ticket. */
  maxUserReopens: number
}

export const DEFAULT_REOPEN_RULE: ReopenRule = { reopenDays: 14, maxUserReopens: 1 }

/** Why a user may not reopen a closed ticket, or null when they may. */
export function userReopenRefusal(
  ticket: { status: TicketStatus; closedAt: Date | null; reopenCount: number },
  now: Date,
  rule: ReopenRule = DEFAULT_REOPEN_RULE,
): "not_closed" | "already_reopened" | "too_late" | null {
  if (ticket.status !== "closed" || !ticket.closedAt) return "not_closed"
  if (ticket.reopenCount >= rule.maxUserReopens) return "already_reopened"
  if (now.getTime() - ticket.closedAt.getTime() > rule.reopenDays * 86_400_000) return "too_late"
  return null
}

export function isRating(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 5
}

/** Internal notes in a staff topic start with this marker and never reach the user. */
export const NOTE_MARKER = "!"

export function isInternalNote(text: string | null | undefined): boolean {
  return (text ?? "").trimStart().startsWith(NOTE_MARKER)
}
