/** «Статистика по отметкам» and «Сравнение отметок с отметками по журналу» for any scope of participants. */
import type { Mark, ParticipantResult } from "../../../domain/results.ts"
import { countAbsent, countShare, presentOf, type CountShare } from "./participants.ts"

export const MARKS: readonly Mark[] = [2, 3, 4, 5]

export interface MarkDistribution {
  /** Present participants (not absent, with a score). */
  present: number
  absent: number
  /** Present participants with a VPR mark — the denominator of the percents (no mark when the scale is unknown). */
  withMark: number
  marks: Record<Mark, CountShare>
}

export function markDistribution(participants: readonly ParticipantResult[]): MarkDistribution {
  const present = presentOf(participants)
  const counts: Record<Mark, number> = { 2: 0, 3: 0, 4: 0, 5: 0 }
  let withMark = 0
  for (const p of present) {
    if (p.mark === null) continue
    counts[p.mark]++
    withMark++
  }
  return {
    present: present.length,
    absent: countAbsent(participants),
    withMark,
    marks: {
      2: countShare(counts[2], withMark),
      3: countShare(counts[3], withMark),
      4: countShare(counts[4], withMark),
      5: countShare(counts[5], withMark),
    },
  }
}

/** FIS OKO's three outcomes: VPR mark lower than / equal to / higher than the journal mark. */
export type JournalOutcome = "lowered" | "confirmed" | "raised"

export interface JournalComparison {
  /** Present participants with both a VPR mark and a journal mark 2–5: the denominator. */
  compared: number
  lowered: CountShare
  confirmed: CountShare
  raised: CountShare
  /** |mark − journal| ≥ 2 (FIOKO 2026 singles out gaps of two marks; sign S6b). */
  gapOfTwoOrMore: CountShare
}

export function journalOutcome(mark: Mark, journalMark: number): JournalOutcome {
  if (mark < journalMark) return "lowered"
  return mark === journalMark ? "confirmed" : "raised"
}

export function journalComparison(participants: readonly ParticipantResult[]): JournalComparison {
  const counts: Record<JournalOutcome, number> = { lowered: 0, confirmed: 0, raised: 0 }
  let compared = 0
  let gaps = 0
  for (const p of presentOf(participants)) {
    if (p.mark === null || p.journalMark === null) continue
    compared++
    counts[journalOutcome(p.mark, p.journalMark)]++
    if (Math.abs(p.mark - p.journalMark) >= 2) gaps++
  }
  return {
    compared,
    lowered: countShare(counts.lowered, compared),
    confirmed: countShare(counts.confirmed, compared),
    raised: countShare(counts.raised, compared),
    gapOfTwoOrMore: countShare(gaps, compared),
  }
}
