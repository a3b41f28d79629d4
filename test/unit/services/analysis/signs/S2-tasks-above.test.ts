import { describe, expect, it } from "vitest"
import type { ProcedureResults } from "../../../../../src/services/analysis/types.ts"
import { ordinarySchools, schoolOfTotals, signFor, SPEC } from "./fixtures.ts"

function withSchools(...extra: ProcedureResults["schools"]): ProcedureResults {
  return { spec: SPEC, schools: [...ordinarySchools(20), ...extra] }
}

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
