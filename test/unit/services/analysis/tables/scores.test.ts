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
import { scopeSummary, scoreDistribution } from "../../../../../src/services/analysis/tables/index.ts"

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

describe("scoreDistribution", () => {
  it("counts every primary score 0…max", () => {
    const d = scoreDistribution(scope, spec.maxTotal)
    // totals 6, 1, 2, 4, 4, 0
    expect(d.bins.map((b) => b.count)).toEqual([1, 1, 1, 0, 2, 0, 1])
    expect(d.bins[4]).toEqual({ score: 4, count: 2, percent: (100 * 2) / 6 })
    expect(d.present).toBe(6)
    expect(d.outOfRange).toBe(0)
  })
  it("keeps totals above the maximum visible instead of dropping them", () => {
    const d = scoreDistribution([...scope, pupil("p9", [1, 2, 2, 2], 7, 5, 5, 1)], spec.maxTotal)
    expect(d.outOfRange).toBe(1)
    expect(d.present).toBe(7)
    expect(d.bins.reduce((s, b) => s + b.count, 0)).toBe(6)
  })
})

describe("scopeSummary", () => {
  it("summarises present totals with a t interval", () => {
    const s = scopeSummary(scope)
    // totals 6, 1, 2, 4, 4, 0: mean 17/6, Σ(x − mean)² = 149/6, sd = √(149/30), median (2 + 4)/2
    const sd = Math.sqrt(149 / 30)
    expect(s).toMatchObject({ present: 6, absent: 1, median: 3, min: 0, max: 6 })
    expect(s.mean).toBeCloseTo(17 / 6, 14)
    expect(s.sd).toBeCloseTo(sd, 14)
    const half = (2.5705818356363146 * sd) / Math.sqrt(6) // qt(0.975, 5), scipy 1.17.1
    expect(s.meanCi!.low).toBeCloseTo(17 / 6 - half, 12)
    expect(s.meanCi!.high).toBeCloseTo(17 / 6 + half, 12)
  })
  it("has no interval for a single pupil", () => {
    const s = scopeSummary([scope[0]!, absentPupil])
    expect(s).toMatchObject({ present: 1, absent: 1, mean: 6, median: 6, meanCi: null })
    expect(s.sd).toBeNaN()
  })
})
