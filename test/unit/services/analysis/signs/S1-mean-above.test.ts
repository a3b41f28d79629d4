import { describe, expect, it } from "vitest"
import type { ProcedureResults } from "../../../../../src/services/analysis/types.ts"
import { cellsWithTotal, ordinarySchools, pupil, school, schoolOfTotals, settingsWith, signFor, SPEC } from "./fixtures.ts"

function withSchools(...extra: ProcedureResults["schools"]): ProcedureResults {
  return { spec: SPEC, schools: [...ordinarySchools(20), ...extra] }
}

describe("S1 and S1− (FIOKO 2019 rule a)", () => {
  it("fires when the school's interval lies entirely above the group's, with the intervals as evidence", () => {
    const input = withSchools(schoolOfTotals("100010", 30, [10, 11, 12]), schoolOfTotals("100011", 30, [1, 2, 3]))
    const high = signFor("S1", input, "100010")
    expect(high).toMatchObject({ id: "S1", kind: "level", status: "fired", reason: "mean_above_group" })
    expect(high.evidence.mean).toBeCloseTo(11, 10)
    expect(high.evidence.low as number).toBeGreaterThan(high.evidence.groupHigh as number)
    expect(signFor("S1-", input, "100010").status).toBe("not_fired")
    const low = signFor("S1-", input, "100011")
    expect(low).toMatchObject({ kind: "info", status: "fired", reason: "mean_below_group" })
    expect(signFor("S1", input, "900003").status).toBe("not_fired")
  })

  it("Student t (default) is wider than z = 1.96 for a small school: the borderline school fires only with z", () => {
    // Mean 9, SD 2.24, n 5: t half-width 2.78 (low 6.2), z half-width 1.96 (low 7.0); the group's high is about 6.6.
    const border = school("100020", [6, 8, 9, 10, 12].map((t) => pupil("100020", cellsWithTotal(t))))
    const input = withSchools(border)
    const t = signFor("S1", input, "100020")
    const z = signFor("S1", input, "100020", settingsWith({ ci: "z" }))
    expect(t.status).toBe("not_fired")
    expect(z.status).toBe("fired")
    expect((z.evidence.low as number) - (t.evidence.low as number)).toBeCloseTo(((2.776445 - 1.96) * Math.sqrt(5)) / Math.sqrt(5), 4)
  })
})
