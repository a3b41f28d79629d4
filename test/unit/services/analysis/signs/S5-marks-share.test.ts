import { describe, expect, it } from "vitest"
import type { ProcedureResults } from "../../../../../src/services/analysis/types.ts"
import { ordinarySchools, schoolOfTotals, signFor, SPEC } from "./fixtures.ts"

function withSchools(...extra: ProcedureResults["schools"]): ProcedureResults {
  return { spec: SPEC, schools: [...ordinarySchools(20), ...extra] }
}

describe("S5 (few «2» / many «5»)", () => {
  it("fires on many «5» and on improbably few «2», and not on an ordinary school", () => {
    const fives = schoolOfTotals("100040", 40, [10, 11, 12, 9])
    const noTwos = schoolOfTotals("100041", 60, [4, 5, 6, 7, 8, 9])
    const input = withSchools(fives, noTwos)
    expect(signFor("S5", input, "100040")).toMatchObject({ status: "fired", reason: "many_fives" })
    const twos = signFor("S5", input, "100041")
    expect(twos).toMatchObject({ status: "fired", reason: "few_twos" })
    expect(twos.evidence.twos).toBe(0)
    // Group without the school: 20 ordinary schools with 6 «2» of 30 each, and the «5» school with none.
    expect(twos.evidence.groupTwoShare).toBeCloseTo(120 / 640, 12)
    expect(twos.evidence.pFewTwos as number).toBeCloseTo((1 - 120 / 640) ** 60, 12)
    expect(signFor("S5", input, "900002").status).toBe("not_fired")
  })

  it("abstains without a mark scale", () => {
    const input = { spec: { ...SPEC, scale: null }, schools: withSchools().schools }
    expect(signFor("S5", input, "900002").reason).toBe("no_scale")
  })
})
