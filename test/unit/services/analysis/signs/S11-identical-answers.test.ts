import { describe, expect, it } from "vitest"
import { cellsWithTotal, ordinarySchools, pupil, school, signFor, SPEC } from "./fixtures.ts"
import type { ParticipantResult, ProcedureSpec } from "../../../../../src/domain/results.ts"
import { countPairs, maskedKeys, patternKeys } from "../../../../../src/services/analysis/signs/S11-identical-answers.ts"

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

// Five tasks of max 2 (total 10); patterns within one point of 0 or 10 are left out by S11.
const spec = { tasks: Array.from({ length: 5 }, (_, k) => ({ label: String(k + 1), max: 2, level: null })) } as unknown as ProcedureSpec
const tasks = [0, 1, 2, 3, 4]
const patternPupil = (cells: number[], variant: number): ParticipantResult => ({
  schoolKey: "s", code: cells.join(""), className: "4а", variant, absent: false, cells, total: cells.reduce((a, b) => a + b, 0), mark: null, journalMark: null, sex: null,
})

describe("S11 with one differing task allowed (maxDifferences: 1)", () => {
  it("counts every pair at most one task apart once, split by variant", () => {
    const pupils = [
      patternPupil([2, 1, 0, 1, 2], 1),
      patternPupil([2, 1, 0, 1, 2], 1), // identical to the first
      patternPupil([2, 1, 1, 1, 2], 1), // one task from both
      patternPupil([2, 1, 1, 1, 2], 2), // identical to the third, other variant; one task from the first two
      patternPupil([0, 2, 2, 0, 1], 2), // far from all
      patternPupil([2, 0, 1, 2, 1], 1), // far from all
    ]
    const keys = patternKeys(pupils, spec, tasks)
    const exact = countPairs(pupils, keys)
    expect(exact).toMatchObject({ sameIdentical: 1, crossIdentical: 1 })
    const near = countPairs(pupils, keys, maskedKeys(pupils, spec, tasks))
    // Same variant: (1,2) identical, (1,3), (2,3) one apart. Cross: (3,4) identical, (1,4), (2,4) one apart.
    expect(near).toMatchObject({ sameIdentical: 3, crossIdentical: 3, samePairs: 6 + 1, crossPairs: 15 - 7 })
  })

  it("leaves out patterns the score nearly forces, as the identical rule does", () => {
    const pupils = [patternPupil([2, 2, 2, 2, 1], 1), patternPupil([2, 2, 2, 1, 2], 1), patternPupil([0, 0, 0, 0, 1], 1)]
    expect(maskedKeys(pupils, spec, tasks)).toEqual([null, null, null])
  })
})
