import { describe, expect, it } from "vitest"
import { robustCentreAndSd, theilSen } from "../../../../../../src/services/analysis/signs/common/robust.ts"

describe("robust summaries", () => {
  it("a Theil–Sen line is not tilted by an outlier", () => {
    const points = Array.from({ length: 10 }, (_, x) => ({ x, y: 1 + 2 * x }))
    expect(theilSen([...points, { x: 5, y: 100 }])).toEqual({ intercept: 1, slope: 2 })
  })

  it("median and 1.4826 · MAD", () => {
    expect(robustCentreAndSd([100, 1, 3, 2, 4])).toEqual({ centre: 3, sd: 1.4826 })
  })
})
