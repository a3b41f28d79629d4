import { describe, expect, it } from "vitest"
import type { ParticipantResult, ProcedureSpec } from "../../../src/domain/results.ts"
import { countPairs, maskedKeys, patternKeys } from "../../../src/services/analysis/signs/S11-identical-answers.ts"

// Five tasks of max 2 (total 10); patterns within one point of 0 or 10 are left out by S11.
const spec = { tasks: Array.from({ length: 5 }, (_, k) => ({ label: String(k + 1), max: 2, level: null })) } as unknown as ProcedureSpec
const tasks = [0, 1, 2, 3, 4]
const pupil = (cells: number[], variant: number): ParticipantResult => ({
  schoolKey: "s", code: cells.join(""), className: "4а", variant, absent: false, cells, total: cells.reduce((a, b) => a + b, 0), mark: null, journalMark: null, sex: null,
})

describe("S11 with one differing task allowed (maxDifferences: 1)", () => {
  it("counts every pair at most one task apart once, split by variant", () => {
    const pupils = [
      pupil([2, 1, 0, 1, 2], 1),
      pupil([2, 1, 0, 1, 2], 1), // identical to the first
      pupil([2, 1, 1, 1, 2], 1), // one task from both
      pupil([2, 1, 1, 1, 2], 2), // identical to the third, other variant; one task from the first two
      pupil([0, 2, 2, 0, 1], 2), // far from all
      pupil([2, 0, 1, 2, 1], 1), // far from all
    ]
    const keys = patternKeys(pupils, spec, tasks)
    const exact = countPairs(pupils, keys)
    expect(exact).toMatchObject({ sameIdentical: 1, crossIdentical: 1 })
    const near = countPairs(pupils, keys, maskedKeys(pupils, spec, tasks))
    // Same variant: (1,2) identical, (1,3), (2,3) one apart. Cross: (3,4) identical, (1,4), (2,4) one apart.
    expect(near).toMatchObject({ sameIdentical: 3, crossIdentical: 3, samePairs: 6 + 1, crossPairs: 15 - 7 })
  })

  it("leaves out patterns the score nearly forces, as the identical rule does", () => {
    const pupils = [pupil([2, 2, 2, 2, 1], 1), pupil([2, 2, 2, 1, 2], 1), pupil([0, 0, 0, 0, 1], 1)]
    expect(maskedKeys(pupils, spec, tasks)).toEqual([null, null, null])
  })
})
