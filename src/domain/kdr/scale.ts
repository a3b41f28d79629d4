import { markForScore, type Mark, type MarkScale } from "../results.ts"

/**
 * A mark scale for a regional diagnostic work (КДР), whose scale is set after the work is written (issue 16 §7):
 * proposals from the score distribution, and what a scale does to the marks. Pure.
 */

export type MarkShares = Record<Mark, number>

export interface MarkCounts {
  counts: Record<Mark, number>
  shares: MarkShares
  total: number
}

/** Participants by primary score: `histogram[s]` pupils scored `s` (0…maxTotal). */
export function histogram(totals: readonly number[], maxTotal: number): number[] {
  const bins = new Array<number>(maxTotal + 1).fill(0)
  for (const total of totals) bins[Math.max(0, Math.min(maxTotal, Math.round(total)))]!++
  return bins
}

export function marksUnder(totals: readonly number[], scale: MarkScale): MarkCounts {
  const counts: Record<Mark, number> = { 2: 0, 3: 0, 4: 0, 5: 0 }
  for (const total of totals) counts[markForScore(total, scale)]++
  const n = totals.length
  const share = (mark: Mark) => (n === 0 ? 0 : counts[mark] / n)
  return { counts, shares: { 2: share(2), 3: share(3), 4: share(4), 5: share(5) }, total: n }
}

/** Shares as the coordinator writes them, in percent «15 40 35 10» (for 2, 3, 4, 5), normalised to sum to 1. */
export function parseShares(text: string): MarkShares | null {
  const numbers = text.replace(/%/gu, " ").split(/[\s,;/]+/u).filter(Boolean).map((part) => Number(part.replace(",", ".")))
  if (numbers.length !== 4 || numbers.some((value) => !Number.isFinite(value) || value < 0)) return null
  const sum = numbers.reduce((a, b) => a + b, 0)
  if (sum <= 0) return null
  return { 2: numbers[0]! / sum, 3: numbers[1]! / sum, 4: numbers[2]! / sum, 5: numbers[3]! / sum }
}

/**
 * The scale whose marks come closest to the wanted shares: each threshold is the score at which the share of pupils
 * below it is nearest the wanted cumulative share (2; 2+3; 2+3+4). Ties in the scores make exact shares impossible;
 * the thresholds stay strictly increasing and inside 1…maxTotal, so every mark stays reachable.
 */
export function scaleFromShares(totals: readonly number[], maxTotal: number, wanted: MarkShares): MarkScale {
  if (maxTotal < 3) throw new Error(`a scale needs a maximum of at least 3, got ${maxTotal}`)
  const bins = histogram(totals, maxTotal)
  const n = totals.length
  // below[t] = share of pupils with score < t, for t = 0 … maxTotal + 1.
  const below: number[] = [0]
  for (let score = 0; score <= maxTotal; score++) below.push(below[score]! + (n === 0 ? 0 : bins[score]! / n))
  const targets = [wanted[2], wanted[2] + wanted[3], wanted[2] + wanted[3] + wanted[4]]
  const thresholds: number[] = []
  let lowest = 1
  targets.forEach((target, index) => {
    const highest = maxTotal - (2 - index) // leave room for the thresholds still to come
    let best = lowest
    for (let t = lowest; t <= highest; t++) if (Math.abs(below[t]! - target) < Math.abs(below[best]! - target)) best = t
    thresholds.push(best)
    lowest = best + 1
  })
  return { "3": thresholds[0]!, "4": thresholds[1]!, "5": thresholds[2]! }
}

/**
 * The ВПР scale of the same subject carried over in proportion to the maximum score: a threshold at 40 % of the
 * ВПР maximum becomes 40 % of the КДР maximum (rounded up, so a mark is never easier than in the ВПР).
 */
export function scaleFromReference(reference: MarkScale, referenceMax: number, maxTotal: number): MarkScale {
  const carry = (threshold: number) => Math.ceil((threshold / referenceMax) * maxTotal - 1e-9)
  const three = Math.max(1, Math.min(maxTotal - 2, carry(reference["3"])))
  const four = Math.max(three + 1, Math.min(maxTotal - 1, carry(reference["4"])))
  const five = Math.max(four + 1, Math.min(maxTotal, carry(reference["5"])))
  return { "3": three, "4": four, "5": five }
}

export function isValidScale(scale: MarkScale, maxTotal: number): boolean {
  const values = [scale["3"], scale["4"], scale["5"]]
  return values.every((value) => Number.isInteger(value)) && scale["3"] >= 1 && scale["3"] < scale["4"] && scale["4"] < scale["5"] && scale["5"] <= maxTotal
}

/** Default shares when the coordinator names none and no earlier ВПР of the subject is at hand. */
export const DEFAULT_SHARES: MarkShares = { 2: 0.1, 3: 0.35, 4: 0.4, 5: 0.15 }
