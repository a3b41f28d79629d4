import { describe, expect, it } from "vitest"
import type { ProcedureResults } from "../../../src/services/analysis/types.ts"
import { analyseProcedure } from "../../../src/services/analysis/analyse.ts"
import { SIGN_IDS } from "../../../src/services/analysis/settings.ts"
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

describe("S2 (tasks above the reference)", () => {
  it("fires when at least half of the tasks are above the group's Wilson interval, naming them", () => {
    const input = withSchools(schoolOfTotals("100030", 40, [11, 12]))
    const s2 = signFor("S2", input, "100030")
    expect(s2.status).toBe("fired")
    expect(s2.evidence.share as number).toBeGreaterThanOrEqual(0.5)
    expect(String(s2.evidence.tasksAboveLabels)).toContain("8")
    expect(signFor("S2", input, "900001").status).toBe("not_fired")
  })
})

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
