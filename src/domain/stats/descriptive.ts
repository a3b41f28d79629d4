/**
 * Descriptive statistics of plain number arrays. Empty input gives NaN rather than throwing: a scope with no
 * present participant is an ordinary case in reports, and NaN renders as "—" without special paths.
 */

/** Arithmetic mean; NaN for an empty array. */
export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN
  let sum = 0
  for (const x of xs) sum += x
  return sum / xs.length
}

/** Sample variance with n − 1 in the denominator (two-pass, so large means do not eat the digits); NaN for n < 2. */
export function sampleVariance(xs: readonly number[]): number {
  if (xs.length < 2) return Number.NaN
  const m = mean(xs)
  let squares = 0
  let deviations = 0
  for (const x of xs) {
    const d = x - m
    squares += d * d
    deviations += d
  }
  // The second term corrects the rounding of m (the "corrected two-pass" formula).
  return (squares - (deviations * deviations) / xs.length) / (xs.length - 1)
}

/** Sample standard deviation (n − 1), as R's `sd`; NaN for n < 2. */
export function sampleSd(xs: readonly number[]): number {
  return Math.sqrt(sampleVariance(xs))
}

/** Quantile of ascending-sorted data by R's default definition (type 7): linear between order statistics. */
export function quantile(sorted: readonly number[], p: number): number {
  const n = sorted.length
  if (n === 0 || !(p >= 0 && p <= 1)) return Number.NaN
  const h = (n - 1) * p
  const lower = Math.floor(h)
  const low = sorted[lower]!
  const high = sorted[Math.min(lower + 1, n - 1)]!
  return low + (h - lower) * (high - low)
}

/** Quartiles and the interquartile range of ascending-sorted data (type 7, as R's `quantile` and `IQR`). */
export function iqr(sorted: readonly number[]): { q25: number; q75: number; iqr: number } {
  const q25 = quantile(sorted, 0.25)
  const q75 = quantile(sorted, 0.75)
  return { q25, q75, iqr: q75 - q25 }
}

/** Ascending copy, for callers that hold unsorted data. */
export function sortedAscending(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b)
}

/** Median of unsorted data; NaN for an empty array. */
export function median(xs: readonly number[]): number {
  return quantile(sortedAscending(xs), 0.5)
}

export interface Summary {
  n: number
  mean: number
  /** Sample SD (n − 1); NaN when n < 2. */
  sd: number
  min: number
  max: number
}

/** n, mean, SD, min and max in one call; for n = 0 every figure but n is NaN. */
export function summarize(xs: readonly number[]): Summary {
  if (xs.length === 0) return { n: 0, mean: Number.NaN, sd: Number.NaN, min: Number.NaN, max: Number.NaN }
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (const x of xs) {
    if (x < min) min = x
    if (x > max) max = x
  }
  return { n: xs.length, mean: mean(xs), sd: sampleSd(xs), min, max }
}
