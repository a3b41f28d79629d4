// Reference values: scipy 1.17.1 (stats.rankdata, stats.spearmanr — average ranks, as R's cor(method = "spearman"),
// stats.binomtest, stats.poisson.sf, stats.ttest_1samp); Holm by hand (Holm 1979), equal to R's p.adjust(p, "holm").
import { describe, expect, it } from "vitest"
import { binomialTestGreater, binomialTestLess, holmAdjust, oneSampleTTest, oneSidedZTest, poissonTestGreater, summarize } from "../../../../src/domain/stats/index.ts"
import { expectRelClose } from "./support.ts"

describe("tests", () => {
  it("Holm adjustment keeps input order and is monotone", () => {
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005])
    const expected = [0.03, 0.06, 0.06, 0.02] // sorted: 4·0.005, 3·0.01, 2·0.03, max(1·0.04, 0.06)
    adjusted.forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 15))
    expect(holmAdjust([0.5, 0.6])).toEqual([1, 1])
    expect(holmAdjust([])).toEqual([])
  })
  it("binomial tests match binom.test", () => {
    expectRelClose(binomialTestGreater(30, 40, 0.5), 0.0011107168866146822, 1e-12)
    expectRelClose(binomialTestLess(2, 100, 0.1), 0.0019448846518800213, 1e-12)
    expectRelClose(binomialTestGreater(5200, 10_000, 0.5), 3.2967577993361714e-5, 1e-11)
  })
  it("Poisson test matches poisson.test(x, r = expected, alternative = 'greater')", () => {
    expectRelClose(poissonTestGreater(10, 3.2), 0.001761887868184628, 1e-12) // poisson.sf(9, 3.2)
    expectRelClose(poissonTestGreater(3, 0.1), 0.00015465307026467172, 1e-12)
    expect(poissonTestGreater(0, 4)).toBe(1)
  })
  it("one-sample t test matches t.test", () => {
    const xs = [0.12, 0.05, 0.2, -0.03, 0.15, 0.09]
    const summary = summarize(xs)
    expectRelClose(summary.sd, 0.0804155872120988, 1e-14) // np.std(xs, ddof=1)
    const greater = oneSampleTTest(summary, 0)!
    expectRelClose(greater.t, 2.9445038788874953, 1e-13)
    expect(greater.df).toBe(5)
    expectRelClose(greater.p, 0.01604442439412936, 1e-12) // ttest_1samp(xs, 0, alternative='greater')
    expectRelClose(oneSampleTTest(summary, 0.1, "less")!.p, 0.46153605473230486, 1e-12)
    expect(oneSampleTTest({ mean: 1, sd: 0, n: 5 }, 0)).toBeNull()
  })
  it("one-sided z test", () => {
    const r = oneSidedZTest(0.3, 0.2, 0.05)!
    expect(r.z).toBeCloseTo(2, 14)
    expectRelClose(r.p, 0.022750131948179195, 1e-13) // 1 − pnorm(2)
    expect(oneSidedZTest(0.3, 0.2, 0)).toBeNull()
  })
})
