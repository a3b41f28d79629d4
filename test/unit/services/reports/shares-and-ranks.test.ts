import { describe, expect, it } from "vitest"
import { compare, rankSchools, scoreShares, shareOf } from "../../../../src/services/reports/shares-and-ranks.ts"
import type { OverviewSchool } from "../../../../src/services/reports/model.ts"

describe("shares and ranks", () => {
  it("shares: null instead of a division by zero", () => {
    expect(shareOf(1, 4)).toBe(0.25)
    expect(shareOf(0, 0)).toBeNull()
    expect(scoreShares([1, 3], 3)).toEqual([0.25, 0.75, 0, 0])
    expect(scoreShares([0, 0], 1)).toEqual([null, null])
  })

  it("compare: intervals decide when both are known, values otherwise", () => {
    expect(compare(0.6, 0.5, { low: 0.55, high: 0.65 }, { low: 0.49, high: 0.51 })).toBe("above")
    expect(compare(0.6, 0.5, { low: 0.45, high: 0.75 }, { low: 0.49, high: 0.51 })).toBe("same")
    expect(compare(0.4, 0.5, { low: 0.3, high: 0.48 }, { low: 0.49, high: 0.51 })).toBe("below")
    expect(compare(0.6, 0.5)).toBe("above")
    expect(compare(null, 0.5)).toBe("same")
  })

  it("ranks risk, then attention, then none; score and fired signs break ties; login keeps it stable", () => {
    const school = (login: string, level: OverviewSchool["level"], score: number, signs: number): OverviewSchool => ({
      login, present: 20, mean: 10, level, score, signsFired: Array.from({ length: signs }, (_, i) => `S${i}`), reasons: [],
    })
    const ranked = rankSchools([
      school("e", "none", 0, 0), school("d", "attention", 1, 1), school("c", "risk", 3, 1),
      school("b", "risk", 5, 2), school("a", "risk", 3, 2), school("f", "none", 0, 0),
    ])
    expect(ranked.map((s) => s.login)).toEqual(["b", "a", "c", "d", "e", "f"])
  })
})
