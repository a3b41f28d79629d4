import { describe, expect, it } from "vitest"
import { CELL_EMPTY, CELL_NO_ANSWER, CELL_NOT_TAUGHT, type JournalMark, type Mark, type ParticipantResult } from "../../../../../src/domain/results.ts"
import { journalComparison, markDistribution } from "../../../../../src/services/analysis/tables/index.ts"

function pupil(
  code: string,
  cells: number[],
  total: number,
  mark: Mark,
  journalMark: JournalMark | null,
  variant: number,
): ParticipantResult {
  return { schoolKey: "223379", code, className: "А", variant, absent: false, cells, total, mark, journalMark, sex: null }
}

const absentPupil: ParticipantResult = {
  schoolKey: "223379", code: "p5", className: "А", variant: null, absent: true,
  cells: [], total: null, mark: null, journalMark: null, sex: null,
}
/** Not marked absent but without a score (the `вариант` = 0 rows of 2021): neither present nor absent. */
const unscoredPupil: ParticipantResult = { ...absentPupil, code: "p8", absent: false, variant: 0 }

const scope: ParticipantResult[] = [
  pupil("p1", [1, 2, 2, 1], 6, 5, 5, 1),
  pupil("p2", [0, 1, CELL_NO_ANSWER, 0], 1, 2, 3, 2),
  pupil("p3", [1, CELL_NOT_TAUGHT, 1, 0], 2, 3, 5, 1),
  pupil("p4", [1, 2, CELL_EMPTY, 1], 4, 4, null, 2),
  absentPupil,
  pupil("p6", [1, 1, 1, 1], 4, 4, 3, 1),
  pupil("p7", [0, CELL_NOT_TAUGHT, 0, 0], 0, 2, 2, 2),
  unscoredPupil,
]

describe("markDistribution", () => {
  it("counts marks among present participants", () => {
    const d = markDistribution(scope)
    expect(d.present).toBe(6)
    expect(d.absent).toBe(1)
    expect(d.withMark).toBe(6)
    // «2»: p2, p7; «3»: p3; «4»: p4, p6; «5»: p1
    expect(d.marks[2]).toEqual({ count: 2, percent: (100 * 2) / 6 })
    expect(d.marks[3]).toEqual({ count: 1, percent: (100 * 1) / 6 })
    expect(d.marks[4]).toEqual({ count: 2, percent: (100 * 2) / 6 })
    expect(d.marks[5]).toEqual({ count: 1, percent: (100 * 1) / 6 })
  })
  it("gives null percents for an empty scope", () => {
    const d = markDistribution([absentPupil])
    expect(d).toMatchObject({ present: 0, absent: 1, withMark: 0 })
    expect(d.marks[4]).toEqual({ count: 0, percent: null })
  })
})

describe("journalComparison", () => {
  it("classifies pupils with both marks", () => {
    // p1 5=5 confirmed, p2 2<3 lowered, p3 3<5 lowered (gap 2), p6 4>3 raised, p7 2=2 confirmed; p4 has no journal mark
    const j = journalComparison(scope)
    expect(j.compared).toBe(5)
    expect(j.lowered).toEqual({ count: 2, percent: 40 })
    expect(j.confirmed).toEqual({ count: 2, percent: 40 })
    expect(j.raised).toEqual({ count: 1, percent: 20 })
    expect(j.gapOfTwoOrMore).toEqual({ count: 1, percent: 20 })
  })
})
