/**
 * Robust summaries over schools. Honest between-school spreads are estimated from data that contain the
 * manipulated schools too; medians, MADs and Theil–Sen lines let a minority of them barely move the estimate.
 */
import { SeededRandom } from "../../../../domain/risk/random.ts"

/** Median of already sorted numbers; 0 for none (callers treat an empty upload as "no spread"). */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length
  if (n === 0) return 0
  const mid = n >> 1
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Median and 1.4826·MAD (the SD for normal data) of unsorted numbers. */
export function robustCentreAndSd(values: readonly number[]): { centre: number; sd: number } {
  const centre = medianOfSorted(Float64Array.from(values).sort())
  const sd = 1.4826 * medianOfSorted(Float64Array.from(values, (v) => Math.abs(v - centre)).sort())
  return { centre, sd }
}

export interface Line {
  intercept: number
  slope: number
}

/**
 * Pairs whose slopes are all taken: every pair of up to 2,000 schools, more than any region has. Past that the
 * pairs grow with the square of the schools (50 million for 10,000: 400 MB and 6.5 s of a 14 s analysis), so this
 * many pairs are drawn instead, the same ones for the same input.
 */
export const THEIL_SEN_MAX_PAIRS = 2_000_000

/**
 * Theil–Sen line: the median of pairwise slopes, then the median intercept — a minority of outliers cannot tilt it.
 * Past THEIL_SEN_MAX_PAIRS pairs the median is that of a fixed pseudo-random sample of pairs: its rank is off by
 * about 1/(2√pairs), 0.04 % of the slopes.
 */
export function theilSen(points: readonly { x: number; y: number }[]): Line {
  const n = points.length
  const all = (n * (n - 1)) / 2
  // A typed array sorts numerically without a comparator: ~200,000 slopes per procedure, several times, must stay cheap.
  const slopes = new Float64Array(Math.min(all, THEIL_SEN_MAX_PAIRS))
  let count = 0
  const add = (a: { x: number; y: number }, b: { x: number; y: number }) => {
    if (b.x !== a.x) slopes[count++] = (b.y - a.y) / (b.x - a.x)
  }
  if (all <= THEIL_SEN_MAX_PAIRS) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) add(points[i]!, points[j]!)
  } else {
    const random = new SeededRandom(n)
    for (let drawn = 0; drawn < THEIL_SEN_MAX_PAIRS; drawn++) {
      const i = Math.floor(random.next() * n)
      const j = (i + 1 + Math.floor(random.next() * (n - 1))) % n
      add(points[i]!, points[j]!)
    }
  }
  const slope = medianInPlace(slopes.subarray(0, count))
  const intercept = medianInPlace(Float64Array.from(points, (p) => p.y - slope * p.x))
  return { intercept, slope }
}

/**
 * The median of `values`, which it reorders: the same number as medianOfSorted of the sorted values, found by
 * selection in linear time rather than by sorting the hundreds of thousands of slopes. NaN makes it sort instead
 * (where a sort puts NaN is what the median was).
 */
export function medianInPlace(values: Float64Array): number {
  const n = values.length
  if (n === 0) return 0
  if (values.some(Number.isNaN)) return medianOfSorted(values.sort())
  const lower = select(values, (n - 1) >> 1)
  if (n % 2 === 1) return lower
  // select left every value after the lower middle at least as large: the upper middle is the least of them.
  let upper = Infinity
  for (let at = n >> 1; at < n; at++) if (values[at]! < upper) upper = values[at]!
  return (lower + upper) / 2
}

/** The k-th smallest value (0-based), by quickselect; the values before k end up no larger, those after no smaller. */
function select(values: Float64Array, k: number): number {
  let left = 0
  let right = values.length - 1
  while (left < right) {
    const pivot = middleOfThree(values[left]!, values[(left + right) >> 1]!, values[right]!)
    let i = left
    let j = right
    while (i <= j) {
      while (values[i]! < pivot) i++
      while (values[j]! > pivot) j--
      if (i <= j) {
        const swap = values[i]!
        values[i] = values[j]!
        values[j] = swap
        i++
        j--
      }
    }
    if (k <= j) right = j
    else if (k >= i) left = i
    else return values[k]!
  }
  return values[k]!
}

function middleOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b
}

