import { describe, expect, it } from "vitest"
import type { ProcedureResults } from "../../../../../src/services/analysis/types.ts"
import { ordinarySchools, schoolOfTotals, settingsWith, signFor, SPEC } from "./fixtures.ts"

function withSchools(...extra: ProcedureResults["schools"]): ProcedureResults {
  return { spec: SPEC, schools: [...ordinarySchools(20), ...extra] }
}

describe("S4 (peaks at mark thresholds)", () => {
  // Thresholds on SPEC: «3» from 4, «4» from 7, «5» from 10.
  const pushed = schoolOfTotals("200001", 30, [4, 7, 10, 4, 7, 10, 11, 12, 1, 4])

  it("fires strongly when scores pile up exactly on the thresholds, with the counts as evidence", () => {
    const s4 = signFor("S4", withSchools(pushed), "200001")
    expect(s4).toMatchObject({ status: "fired", kind: "pattern", strength: "strong", reason: "peak_at_threshold" })
    expect(s4.evidence).toMatchObject({ mark3Threshold: 4, mark3At: 9, mark3Below: 0, mark4At: 6, mark4Below: 0, window: 2 })
    // Ordinary schools: one pupil in 13 at the threshold, two in the two scores below it.
    expect(s4.evidence.mark3ExpectedShare).toBeCloseTo(1 / 3, 1)
    expect(s4.evidence.p as number).toBeLessThan(0.001)
  })

  it("does not fire on a smooth distribution", () => {
    expect(signFor("S4", withSchools(pushed), "900004")).toMatchObject({ status: "not_fired", reason: "no_peak" })
  })

  it("with the table's window of one score, the same school still fires", () => {
    expect(signFor("S4", withSchools(pushed), "200001", settingsWith({ S4: { window: 1 } })).status).toBe("fired")
  })

  it("tests the thresholds together: small peaks at every threshold add up", () => {
    // Three pupils exactly at each threshold and none just below, in a school of 24.
    const spread = schoolOfTotals("200002", 24, [4, 7, 10, 1, 11, 12, 4, 7, 10, 1, 11, 12, 4, 7, 10, 0, 11, 12, 1, 0, 11, 12, 12, 0])
    const s4 = signFor("S4", withSchools(spread), "200002")
    expect(s4.status).toBe("fired")
    expect(s4.evidence.mark).toBe("all")
    expect(s4.evidence.jointAt).toBe(9)
    expect(s4.evidence.jointBelow).toBe(0)
  })

  it("abstains below 20 participants and without a scale", () => {
    const small = schoolOfTotals("200003", 19, [4, 7, 10])
    expect(signFor("S4", withSchools(small), "200003")).toMatchObject({ status: "abstained", reason: "too_few_for_distribution" })
    expect(signFor("S4", { spec: { ...SPEC, scale: null }, schools: withSchools(pushed).schools }, "200001").reason).toBe("no_scale")
  })
})
