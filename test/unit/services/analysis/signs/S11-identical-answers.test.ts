import { describe, expect, it } from "vitest"
import { cellsWithTotal, ordinarySchools, pupil, school, signFor, SPEC } from "./fixtures.ts"

describe("S11 on hand-made schools", () => {
  // Variant 1: eight pupils hand in one mid-score pattern; variant 2: varied work. Other schools: ordinary.
  const copied = [1, 1, 0, 1, 2, 0, 1, 0]
  const copying = school("300001", [
    ...Array.from({ length: 8 }, () => pupil("300001", copied, { variant: 1 })),
    ...[3, 5, 6, 7, 8, 9, 4, 6].map((t) => pupil("300001", cellsWithTotal(t), { variant: 2 })),
    ...[2, 9, 10, 11].map((t) => pupil("300001", cellsWithTotal(t), { variant: 1 })),
  ])
  const input = { spec: SPEC, schools: [...ordinarySchools(20), copying] }

  it("fires on same-variant identical pairs far above the school's cross-variant rate", () => {
    const s11 = signFor("S11", input, "300001")
    expect(s11.status).toBe("fired")
    expect(s11.evidence.observedPairs as number).toBeGreaterThanOrEqual(28)
    expect(s11.evidence.largestGroup).toBe(8)
    expect(s11.evidence.expectedPairs as number).toBeLessThan(s11.evidence.observedPairs as number)
  })

  it("abstains for a school that wrote one variant only", () => {
    const single = school("300002", [3, 5, 7, 9, 11, 4].map((t) => pupil("300002", cellsWithTotal(t), { variant: 1 })))
    expect(signFor("S11", { spec: SPEC, schools: [...ordinarySchools(5), single] }, "300002")).toMatchObject({ status: "abstained", reason: "single_variant" })
  })
})
