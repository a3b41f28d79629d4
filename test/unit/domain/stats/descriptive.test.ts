// Reference values: numpy 2.4 (np.quantile default "linear" = R type 7, np.std(ddof=1) = R sd), scipy 1.17.1.
import { describe, expect, it } from "vitest"
import { iqr, mean, median, quantile, sampleSd, summarize } from "../../../../src/domain/stats/index.ts"
import { expectRelClose } from "./support.ts"

describe("descriptive statistics", () => {
  it("mean and sample SD", () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5)
    expectRelClose(sampleSd([2, 4, 4, 4, 5, 5, 7, 9]), 2.138089935299395, 1e-15) // np.std(ddof=1)
    // Large offset: a one-pass Σx² − n·m² formula returns 0 or garbage here.
    expectRelClose(sampleSd([1e9 + 1, 1e9 + 2, 1e9 + 3]), 1, 1e-12)
    expect(mean([])).toBeNaN()
    expect(sampleSd([3])).toBeNaN()
  })

  it("quantile is R type 7", () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect(quantile(xs, 0.25)).toBeCloseTo(3.25, 14) // R quantile(1:10, 0.25) = 3.25
    expect(quantile(xs, 0.5)).toBeCloseTo(5.5, 14)
    expect(quantile(xs, 0.75)).toBeCloseTo(7.75, 14)
    expect(quantile(xs, 0.1)).toBeCloseTo(1.9, 14)
    expect(quantile(xs, 0)).toBe(1)
    expect(quantile(xs, 1)).toBe(10)
    expect(quantile([], 0.5)).toBeNaN()
    expect(iqr([1, 2, 3.5, 7])).toEqual({ q25: 1.75, q75: 4.375, iqr: 2.625 }) // np.quantile([1,2,3.5,7], .25/.75)
    expect(median([7, 1, 3.5, 2])).toBe(2.75)
  })

  it("summarize", () => {
    expect(summarize([3, 1, 2])).toEqual({ n: 3, mean: 2, sd: 1, min: 1, max: 3 })
    const empty = summarize([])
    expect(empty.n).toBe(0)
    expect(empty.mean).toBeNaN()
  })
})
