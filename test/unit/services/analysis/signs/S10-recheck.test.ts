import { describe, expect, it } from "vitest"
import { DEFAULT_SETTINGS } from "../../../../../src/services/analysis/settings.ts"
import { ordinarySchools, signFor, SPEC } from "./fixtures.ts"

describe("S10 (re-check)", () => {
  const input = { spec: SPEC, schools: ordinarySchools(3) }
  const key = "900001"

  it("S10: marks lowered on re-check, or the mean score change — when the fall is systematic", () => {
    const works = (pairs: [number, number][]) => ({ rechecks: { [key]: pairs.map(([originalScore, recheckedScore]) => ({ originalScore, recheckedScore })) } })
    const confirmed = works(Array.from({ length: 12 }, (_, i) => [5 + (i % 5), 5 + (i % 5)] as [number, number]))
    expect(signFor("S10", input, key, DEFAULT_SETTINGS, confirmed)).toMatchObject({ status: "not_fired", reason: "recheck_confirmed" })
    // 8 of 12 lose a mark (7 → 6 crosses «4»→«3»), none gains one: share 0.67, sign test p = 0.5⁸ ≈ 0.004.
    const lowered = works([...Array.from({ length: 4 }, () => [8, 8] as [number, number]), ...Array.from({ length: 8 }, () => [7, 6] as [number, number])])
    const s10 = signFor("S10", input, key, DEFAULT_SETTINGS, lowered)
    expect(s10).toMatchObject({ status: "fired", strength: "strong", reason: "marks_lowered_on_recheck" })
    expect(s10.evidence).toMatchObject({ works: 12, lowered: 8, raised: 0 })
    expect(s10.evidence.pMarks).toBeCloseTo(0.5 ** 8, 10)
    // Three marks lowered and three raised by an honest second checker: a 0.25 share, but no systematic fall.
    const disagreement = works([...Array.from({ length: 6 }, () => [8, 8] as [number, number]), [7, 6], [7, 6], [7, 6], [6, 7], [6, 7], [6, 7]])
    expect(signFor("S10", input, key, DEFAULT_SETTINGS, disagreement)).toMatchObject({ status: "not_fired", evidence: { downShare: 0.25, raised: 3 } })
    // Every work loses two points: the mean change −2 is systematic (t test cannot run without spread: p = 0).
    const scores = works(Array.from({ length: 10 }, () => [9, 7] as [number, number]))
    expect(signFor("S10", input, key, DEFAULT_SETTINGS, scores)).toMatchObject({ status: "fired", reason: "scores_lowered_on_recheck", evidence: { meanChange: -2, pScores: 0 } })
    // A mean change of −1.6 carried by two works out of ten (−8 each) is not a significant fall at α = 0.01.
    const twoWorks = works([...Array.from({ length: 8 }, () => [9, 9] as [number, number]), [12, 4], [12, 4]])
    expect(signFor("S10", input, key, DEFAULT_SETTINGS, twoWorks)).toMatchObject({ status: "not_fired", evidence: { meanChange: -1.6 } })
    expect(signFor("S10", input, key, DEFAULT_SETTINGS, works([[8, 5]])).reason).toBe("too_few_rechecked")
  })
})
