// Reference values: scipy 1.17.1 (stats.rankdata, stats.spearmanr — average ranks, as R's cor(method = "spearman"),
// stats.binomtest, stats.poisson.sf, stats.ttest_1samp); Holm by hand (Holm 1979), equal to R's p.adjust(p, "holm").
import { describe, expect, it } from "vitest"
import { averageRanks, spearman } from "../../../../src/domain/stats/index.ts"
import { expectRelClose } from "./support.ts"

describe("ranks and Spearman", () => {
  it("averages tied ranks", () => {
    expect(averageRanks([10, 20, 10, 30, 20, 20, 5])).toEqual([2.5, 5, 2.5, 7, 5, 5, 1])
  })
  it("matches cor(method = 'spearman') with ties", () => {
    const a = spearman([1, 2, 2, 3, 4, 4, 4, 5, 5, 3], [2, 3, 3, 3, 5, 4, 5, 5, 4, 2])!
    expectRelClose(a.rho, 0.7987587348739056, 1e-14)
    expect(a.n).toBe(10)
    // journal marks vs primary scores of one class
    const marks = [5, 4, 4, 3, 3, 3, 2, 5, 4, 3, 5, 2]
    const scores = [14, 18, 11, 9, 12, 9, 4, 20, 16, 7, 12, 6]
    expectRelClose(spearman(marks, scores)!.rho, 0.8334276203451441, 1e-14)
    expectRelClose(spearman([5, 5, 4, 4, 3, 3, 2], [10, 12, 14, 11, 16, 15, 18])!.rho, -0.8994232953125818, 1e-14)
    expectRelClose(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])!.rho, 0.8207826816681233, 1e-14)
  })
  it("abstains on too few pairs or no variance", () => {
    expect(spearman([1, 2], [3, 4])).toBeNull()
    expect(spearman([5, 5, 5, 5], [1, 2, 3, 4])).toBeNull()
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow(RangeError)
  })
})
