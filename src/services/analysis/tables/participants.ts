/** Who counts in a table, and the share arithmetic every table shares. */
import type { ParticipantResult } from "../../../domain/results.ts"

/** objectivity.md: present = not absent and with a score; absent participants are counted, never analysed. */
export function isPresent(p: ParticipantResult): p is ParticipantResult & { total: number } {
  return !p.absent && p.total !== null
}

export function presentOf(participants: readonly ParticipantResult[]): (ParticipantResult & { total: number })[] {
  return participants.filter(isPresent)
}

export function countAbsent(participants: readonly ParticipantResult[]): number {
  let n = 0
  for (const p of participants) if (p.absent) n++
  return n
}

/** A count with its percent of the table's denominator (0–100, unrounded; null when the denominator is 0). */
export interface CountShare {
  count: number
  percent: number | null
}

export function countShare(count: number, denominator: number): CountShare {
  return { count, percent: denominator > 0 ? (100 * count) / denominator : null }
}
