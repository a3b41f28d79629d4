import { describe, expect, it } from "vitest"
import {
  CELL_EMPTY,
  CELL_NO_ANSWER,
  CELL_NOT_TAUGHT,
  type JournalMark,
  type Mark,
  type ParticipantResult,
  type ProcedureSpec,
} from "../../../../../src/domain/results.ts"
import { levelCompletion, taskCompletion, taskCompletionByMark, variantAchievement } from "../../../../../src/services/analysis/tables/index.ts"

const spec: ProcedureSpec = {
  kind: "ВПР",
  year: 2021,
  subject: "Математика",
  grade: 4,
  version: 1,
  tasks: [
    { label: "1", max: 1, level: "Б" },
    { label: "2", max: 2, level: "Б" },
    { label: "3", max: 2, level: "П" },
    { label: "4", max: 1, level: "В" },
  ],
  scale: { "3": 2, "4": 4, "5": 5 },
  maxTotal: 6,
  source: "hand-made test spec",
}

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

describe("taskCompletion", () => {
  it("excludes not-taught cells and counts no-answer and empty cells as 0", () => {
    const rows = taskCompletion(scope, spec)
    // task 1: 1+0+1+1+1+0 = 4 of 6·1; task 2 (p3, p7 not taught): 2+1+2+1 = 6 of 4·2;
    // task 3: 2+0+1+0+1+0 = 4 of 6·2; task 4: 1+0+0+1+1+0 = 3 of 6·1
    expect(rows.map((r) => [r.label, r.counted, r.points, r.possible])).toEqual([
      ["1", 6, 4, 6],
      ["2", 4, 6, 8],
      ["3", 6, 4, 12],
      ["4", 6, 3, 6],
    ])
    expect(rows.map((r) => r.percent)).toEqual([(100 * 4) / 6, 75, (100 * 4) / 12, 50])
    expect(rows[2]).toMatchObject({ index: 2, max: 2, level: "П" })
  })
  it("groups tasks by level as Σ points / Σ max", () => {
    expect(levelCompletion(scope, spec)).toEqual([
      { level: "Б", tasks: 2, points: 10, possible: 14, percent: (100 * 10) / 14 },
      { level: "П", tasks: 1, points: 4, possible: 12, percent: (100 * 4) / 12 },
      { level: "В", tasks: 1, points: 3, possible: 6, percent: 50 },
    ])
  })
  it("splits completion by VPR mark", () => {
    const groups = taskCompletionByMark(scope, spec)
    expect(groups.map((g) => [g.mark, g.n])).toEqual([[2, 2], [3, 1], [4, 2], [5, 1]])
    // «2» = p2, p7: task 2 counted only for p2 (1 of 2 points); task 3 counted for both (0 of 4)
    const two = groups[0]!.tasks
    expect([two[1]!.counted, two[1]!.points, two[1]!.percent]).toEqual([1, 1, 50])
    expect([two[2]!.counted, two[2]!.points, two[2]!.percent]).toEqual([2, 0, 0])
    // «3» = p3 alone, whose task 2 was not taught: nothing to report rather than 0 %
    expect(groups[1]!.tasks[1]).toMatchObject({ counted: 0, possible: 0, percent: null })
  })
  it("rejects cells that do not match the spec", () => {
    expect(() => taskCompletion([pupil("bad", [1, 1], 2, 3, null, 1)], spec)).toThrow(/2 cells, the spec has 4/)
  })
})

describe("variantAchievement", () => {
  it("reports n, mean score and completion per variant", () => {
    // variant 1: p1 6/6, p3 2/4 (task 2 not taught), p6 4/6 → 12/16; variant 2: p2 1/6, p4 4/6, p7 0/4 → 5/16
    expect(variantAchievement(scope, spec)).toEqual([
      { variant: 1, n: 3, meanScore: 4, completionPercent: 75 },
      { variant: 2, n: 3, meanScore: 5 / 3, completionPercent: 31.25 },
    ])
  })
})
