import { describe, expect, it } from "vitest"
import { medianInPlace, medianOfSorted, robustCentreAndSd, THEIL_SEN_MAX_PAIRS, theilSen } from "../../../../../../src/services/analysis/signs/common/robust.ts"

/** The median of every pairwise slope, the definition itself. */
function allPairsSlope(points: readonly { x: number; y: number }[]): number {
  const all: number[] = []
  for (let i = 0; i < points.length; i++) for (let j = i + 1; j < points.length; j++) if (points[j]!.x !== points[i]!.x) all.push((points[j]!.y - points[i]!.y) / (points[j]!.x - points[i]!.x))
  const slopes = Float64Array.from(all).sort()
  const mid = slopes.length >> 1
  return slopes.length % 2 === 1 ? slopes[mid]! : (slopes[mid - 1]! + slopes[mid]!) / 2
}

/** Schools' points around y = 3 + 0.5·x with noise and a tenth of them pushed up: fixed by the seed. */
function noisyPoints(count: number): { x: number; y: number }[] {
  let state = 7
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  return Array.from({ length: count }, (_, index) => {
    const x = 20 + 60 * next()
    return { x, y: 3 + 0.5 * x + 4 * (next() - 0.5) + (index % 10 === 0 ? 15 : 0) }
  })
}

describe("robust summaries", () => {
  it("a Theil–Sen line is not tilted by an outlier", () => {
    const points = Array.from({ length: 10 }, (_, x) => ({ x, y: 1 + 2 * x }))
    expect(theilSen([...points, { x: 5, y: 100 }])).toEqual({ intercept: 1, slope: 2 })
  })

  it("takes every pair up to 2,000 points: the exact median slope", () => {
    const points = noisyPoints(1_000)
    expect((points.length * (points.length - 1)) / 2).toBeLessThanOrEqual(THEIL_SEN_MAX_PAIRS)
    expect(theilSen(points).slope).toBe(allPairsSlope(points))
  })

  it("past that, a fixed sample of pairs: the same line every time, within 0.5 % of the exact slope", () => {
    const points = noisyPoints(2_100)
    expect((points.length * (points.length - 1)) / 2).toBeGreaterThan(THEIL_SEN_MAX_PAIRS)
    const exact = allPairsSlope(points)
    const sampled = theilSen(points)
    expect(sampled).toEqual(theilSen(points))
    expect(Math.abs(sampled.slope - exact) / exact).toBeLessThan(0.005)
  })

  it("the median by selection is the median of the sorted values, for odd and even counts, ties and NaN", () => {
    let state = 11
    const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let count = 0; count < 200; count++) {
      const values = Float64Array.from({ length: count }, () => (count % 3 === 0 ? Math.floor(next() * 5) : next() * 100 - 50))
      expect(medianInPlace(Float64Array.from(values))).toBe(medianOfSorted(Float64Array.from(values).sort()))
    }
    expect(medianInPlace(Float64Array.from([3, Number.NaN, 1]))).toBe(3)
  })

  it("median and 1.4826 · MAD", () => {
    expect(robustCentreAndSd([100, 1, 3, 2, 4])).toEqual({ centre: 3, sd: 1.4826 })
  })
})
