import type { TicketTopic } from "./lifecycle.ts"
import { TICKET_TOPICS } from "./lifecycle.ts"

/** One ticket as the monthly statistics see it. */
export interface TicketFacts {
  topic: TicketTopic
  /** Working minutes from the question to the first answer; null while unanswered. */
  firstResponseMinutes: number | null
  rating: number | null
  escalated: boolean
  closedBy: "user" | "staff" | "auto" | null
}

export interface MonthStatistics {
  tickets: number
  byTopic: Record<TicketTopic, number>
  answered: number
  /** Median working minutes to the first answer over answered tickets; null when none was answered. */
  medianFirstResponseMinutes: number | null
  /** Tickets rated 1…5 (index 0 is a rating of 1). */
  ratings: [number, number, number, number, number]
  meanRating: number | null
  escalated: number
  autoClosed: number
  /** Questions the FAQ answered before any ticket was opened. */
  answeredByFaq: number
}

export function monthStatistics(tickets: readonly TicketFacts[], answeredByFaq: number): MonthStatistics {
  const byTopic = Object.fromEntries(TICKET_TOPICS.map((topic) => [topic, 0])) as Record<TicketTopic, number>
  const ratings: [number, number, number, number, number] = [0, 0, 0, 0, 0]
  const responses: number[] = []
  let escalated = 0
  let autoClosed = 0
  for (const ticket of tickets) {
    byTopic[ticket.topic]++
    if (ticket.firstResponseMinutes !== null) responses.push(ticket.firstResponseMinutes)
    if (ticket.rating !== null) ratings[ticket.rating - 1]!++
    if (ticket.escalated) escalated++
    if (ticket.closedBy === "auto") autoClosed++
  }
  const rated = ratings.reduce((sum, count) => sum + count, 0)
  return {
    tickets: tickets.length,
    byTopic,
    answered: responses.length,
    medianFirstResponseMinutes: median(responses),
    ratings,
    meanRating: rated === 0 ? null : ratings.reduce((sum, count, index) => sum + count * (index + 1), 0) / rated,
    escalated,
    autoClosed,
    answeredByFaq,
  }
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
