import { describe, expect, it } from "vitest"
import { markOf, recheckFigures } from "../../../../src/domain/risk/recheck-report.ts"

describe("re-check figures", () => {
  it("count changed marks, the mean change and the non-confirmation index", () => {
    const thresholds = [6, 10, 15]
    expect(markOf(5, thresholds)).toBe(2)
    expect(markOf(10, thresholds)).toBe(4)
    const figures = recheckFigures(
      [
        { original: 10, rechecked: 8 }, // 4 → 3, score down
        { original: 6, rechecked: 6 }, // unchanged
        { original: 14, rechecked: 15 }, // 4 → 5, score up
        { original: 12, rechecked: 11 }, // score down, mark 4 stays
      ],
      thresholds,
    )
    expect(figures).toEqual({ works: 4, marksChanged: 2, marksLowered: 1, marksRaised: 1, marksChangedShare: 0.5, meanChange: -0.5, nonConfirmationIndex: 0.5 })
  })

  it("say nothing of marks without a scale, and nothing at all without works", () => {
    expect(recheckFigures([{ original: 3, rechecked: 1 }], [])).toMatchObject({ marksChanged: 0, meanChange: -2, nonConfirmationIndex: 1 })
    expect(recheckFigures([], [1, 2, 3])).toMatchObject({ works: 0, marksChangedShare: 0, meanChange: 0, nonConfirmationIndex: 0 })
  })
})
