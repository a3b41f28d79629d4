// Reference values: scipy 1.17.1 (stats.t.ppf, stats.binomtest(...).proportion_ci(method="wilson"), which equals
// R's prop.test(x, n, correct = FALSE)$conf.int).
import { describe, expect, it } from "vitest"
import { meanInterval, wilsonInterval } from "../../../../src/domain/stats/index.ts"
import { expectRelClose } from "./support.ts"

describe("meanInterval", () => {
  it("uses Student t with n − 1 d.f. by default", () => {
    const ci = meanInterval({ mean: 10, sd: 2, n: 10 })!
    const half = (2.262157162798205 * 2) / Math.sqrt(10) // qt(0.975, 9) = 2.262157162798205
    expectRelClose(ci.low, 10 - half, 1e-12)
    expectRelClose(ci.high, 10 + half, 1e-12)
    expect(ci.estimate).toBe(10)
  })
  it("honours the confidence level, the z method and a fixed critical value", () => {
    const ci90 = meanInterval({ mean: 0, sd: 1, n: 30 }, { confidence: 0.9 })!
    expectRelClose(ci90.high, 1.6991270265334972 / Math.sqrt(30), 1e-12) // qt(0.95, 29)
    const z = meanInterval({ mean: 5, sd: 3, n: 100 }, { method: "z" })!
    expectRelClose(z.high, 5 + (1.959963984540054 * 3) / 10, 1e-14) // qnorm(0.975)
    const fioko = meanInterval({ mean: 5, sd: 3, n: 100 }, { method: "z", critical: 1.96 })!
    expect(fioko.low).toBeCloseTo(5 - 0.588, 14)
  })
  it("returns null when n < 2", () => {
    expect(meanInterval({ mean: 3, sd: Number.NaN, n: 1 })).toBeNull()
    expect(meanInterval({ mean: 3, sd: 0, n: 0 })).toBeNull()
  })
})

describe("wilsonInterval", () => {
  // [x, n, confidence, low, high]
  const table: [number, number, number, number, number][] = [
    [15, 50, 0.95, 0.1910355350088095, 0.4375035046445341],
    [0, 20, 0.95, 0, 0.16112515805281935],
    [20, 20, 0.95, 0.8388748419471808, 1],
    [981, 1000, 0.99, 0.9663012567415561, 0.9893580426213666],
    [1, 3, 0.9, 0.07826572633372841, 0.7464661317187758],
  ]
  it.each(table)("x = %d, n = %d, level %d", (x, n, confidence, low, high) => {
    const ci = wilsonInterval(x, n, confidence)
    expect(Math.abs(ci.low - low)).toBeLessThan(1e-13)
    expect(Math.abs(ci.high - high)).toBeLessThan(1e-13)
    expect(ci.estimate).toBe(x / n)
  })
  it("rejects impossible counts", () => {
    expect(() => wilsonInterval(3, 0)).toThrow(RangeError)
    expect(() => wilsonInterval(6, 5)).toThrow(RangeError)
  })
})
