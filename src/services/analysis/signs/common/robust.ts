/**
 * Robust summaries over schools. Honest between-school spreads are estimated from data that contain the
 * manipulated schools too; medians, MADs and Theil–Sen lines let a minority of them barely move the estimate.
 */

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

/** Theil–Sen line: the median of pairwise slopes, then the median intercept — a minority of outliers cannot tilt it. */
export function theilSen(points: readonly { x: number; y: number }[]): Line {
  // A typed array sorts numerically without a comparator: ~60,000 slopes per procedure, several times, must stay cheap.
  const slopes = new Float64Array((points.length * (points.length - 1)) / 2)
  let count = 0
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as { x: number; y: number }
    for (let j = i + 1; j < points.length; j++) {
      const b = points[j] as { x: number; y: number }
      if (b.x !== a.x) slopes[count++] = (b.y - a.y) / (b.x - a.x)
    }
  }
  const slope = medianOfSorted(slopes.subarray(0, count).sort())
  const intercept = medianOfSorted(Float64Array.from(points, (p) => p.y - slope * p.x).sort())
  return { intercept, slope }
}
