import { describe, expect, it } from "vitest"
import type { ProcedureResults } from "../../../../../src/services/analysis/types.ts"
import { analyseProcedure } from "../../../../../src/services/analysis/analyse.ts"
import { SIGN_IDS } from "../../../../../src/services/analysis/settings.ts"
import { cellsWithTotal, ordinarySchools, pupil, school, schoolOfTotals, settingsWith, signFor, SPEC } from "./fixtures.ts"

function withSchools(...extra: ProcedureResults["schools"]): ProcedureResults {
  return { spec: SPEC, schools: [...ordinarySchools(20), ...extra] }
}

describe("minimum sizes", () => {
  it("below 5 participants present every sign abstains with too_few_participants", () => {
    const tiny = school("100001", [
      ...[11, 12, 12, 12].map((t) => pupil("100001", cellsWithTotal(t), { journal: 2 })),
      { ...pupil("100001", []), absent: true, cells: [], total: null, mark: null, variant: null },
    ])
    const analysis = analyseProcedure(withSchools(tiny))
    const result = analysis.schools.find((s) => s.schoolKey === "100001")
    expect(result?.present).toBe(4)
    expect(result?.absent).toBe(1)
    expect(result?.signs.map((s) => s.id)).toEqual([...SIGN_IDS])
    expect(result?.signs.every((s) => s.status === "abstained" && s.reason === "too_few_participants")).toBe(true)
    expect(result?.risk.level).toBe("none")
    // The tables are still there.
    expect(result?.mean).toBeCloseTo(11.75, 10)
    expect(result?.interval).not.toBeNull()
  })

  it("a disabled sign abstains with reason disabled", () => {
    const input = withSchools(schoolOfTotals("100002", 30, [11, 12]))
    expect(signFor("S1", input, "100002", settingsWith({ enabledSigns: ["S2"] })).reason).toBe("disabled")
  })
})
