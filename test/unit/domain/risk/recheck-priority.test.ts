import { describe, expect, it } from "vitest"
import { budgetFor, rankRecheckList, recheckPriority, type SignLike } from "../../../../src/domain/risk/recheck-priority.ts"

const level = (id: string): SignLike => ({ id, kind: "level", status: "fired", strength: "moderate", evidence: {} })
const pattern = (id: string, p: number, fired = p < 0.01): SignLike => ({ id, kind: "pattern", status: fired ? "fired" : "not_fired", ...(fired ? { strength: "moderate" } : {}), evidence: { p } })

describe("the re-check list («требует внимания»)", () => {
  it("never gives a place for strong results alone, nor for a school without a fired sign", () => {
    expect(recheckPriority([level("S1"), level("S2"), level("S5")])).toBe(0)
    expect(recheckPriority([level("S1"), pattern("S4", 0.4)])).toBe(0)
    expect(recheckPriority([pattern("S4", 0.005)])).toBeGreaterThan(0)
    // Near-significant evidence of added points counts only with high results behind it.
    expect(recheckPriority([pattern("S12", 0.03)])).toBe(0)
    expect(recheckPriority([level("S1"), pattern("S12", 0.03)])).toBeGreaterThan(0)
    expect(recheckPriority([level("S1"), pattern("S11", 0.03)])).toBe(0) // copying is not confirmed by a re-check
  })

  it("ranks evidence a re-check can confirm above evidence it cannot, and high results raise it", () => {
    const peaks = recheckPriority([pattern("S4", 0.005)])
    const copying = recheckPriority([pattern("S11", 0.005)])
    expect(peaks).toBeGreaterThan(copying)
    expect(recheckPriority([pattern("S4", 0.005), level("S1")])).toBeGreaterThan(peaks)
  })

  it("keeps a budget per municipality: 10 % of its schools with results, at least 3", () => {
    expect(budgetFor(10)).toBe(3)
    expect(budgetFor(64)).toBe(6)
    const schools = Array.from({ length: 20 }, (_, i) => ({
      schoolKey: `s${String(i).padStart(2, "0")}`,
      municipalityId: i < 10 ? "1" : "2",
      level: (i === 0 ? "risk" : "attention") as "risk" | "attention",
      assessed: true,
      signs: [pattern("S12", 0.001 * (i + 1), true)],
    }))
    const ranked = rankRecheckList(schools)
    const listed = (m: string) => [...ranked.values()].filter((r) => r.rank !== null && schools.find((s) => s.schoolKey === r.schoolKey)!.municipalityId === m)
    expect(listed("1").map((r) => r.schoolKey)).toEqual(["s01", "s02", "s03"]) // s00 is in the risk zone: a case, not a place
    expect(listed("2").map((r) => [r.schoolKey, r.rank])).toEqual([["s10", 1], ["s11", 2], ["s12", 3]])
  })
})
