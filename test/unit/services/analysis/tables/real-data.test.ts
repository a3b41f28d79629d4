// Check figures: formats.md §9.2 (marks from the recorded totals with the 2021 scale, journal comparison)
// and objectivity.md "Known reference figures" (region mean and SD of mathematics grade 4).
import { existsSync } from "node:fs"
import path from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { pointsOf, type ParticipantResult } from "../../../../../src/domain/results.ts"
import {
  journalComparison,
  markDistribution,
  scopeSummary,
  scoreDistribution,
  taskCompletion,
} from "../../../../../src/services/analysis/tables/index.ts"
import { readLayoutC } from "./layout-c-reader.ts"

// <repo>/../shared/data, from <repo>/test/unit/services/analysis/tables
const dataDir = path.resolve(import.meta.dirname, "../../../../../../shared/data")
const file = path.join(dataDir, "fisoko/2021/Проведение работы по математике, 4 класс. ВПР 2021.xlsx")
const oneDecimal = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10)

describe.skipIf(!existsSync(file))("2021 regional export, Математика 4", () => {
  let all: ParticipantResult[] = []
  beforeAll(async () => {
    all = await readLayoutC(file, 15, { "3": 6, "4": 10, "5": 15 })
  })

  it("reproduces the mark distribution of formats.md §9.2", () => {
    const d = markDistribution(all)
    expect(all.length).toBe(26666)
    expect(d.absent).toBe(1732)
    expect(d.present).toBe(24933)
    expect(d.withMark).toBe(24933)
    expect([2, 3, 4, 5].map((m) => d.marks[m as 2 | 3 | 4 | 5].count)).toEqual([826, 5887, 11513, 6707])
    expect([2, 3, 4, 5].map((m) => oneDecimal(d.marks[m as 2 | 3 | 4 | 5].percent))).toEqual([3.3, 23.6, 46.2, 26.9])
  })

  it("reproduces the journal comparison of formats.md §9.2", () => {
    const j = journalComparison(all)
    expect(j.compared).toBe(24928)
    expect([j.lowered.count, j.confirmed.count, j.raised.count]).toEqual([3209, 16277, 5442])
    expect([j.lowered.percent, j.confirmed.percent, j.raised.percent].map(oneDecimal)).toEqual([12.9, 65.3, 21.8])
  })

  it("reproduces the region mean and SD", () => {
    const s = scopeSummary(all)
    expect(s.mean).toBeCloseTo(12.0146, 4)
    expect(s.sd).toBeCloseTo(3.7846, 4)
    expect(s.meanCi!.high - s.meanCi!.low).toBeLessThan(0.1)
    const scores = scoreDistribution(all, 20)
    expect(scores.bins.reduce((sum, b) => sum + b.count, 0) + scores.outOfRange).toBe(24933)
  })

  it("sums task points to the recomputed mean total of formats.md §9.2", () => {
    const rows = taskCompletion(all, { tasks: Array.from({ length: 15 }, () => ({ label: "", max: 2, level: null })) })
    const points = rows.reduce((sum, r) => sum + r.points, 0)
    // §9.2 averages over 24,934 rows, including the one `вариант` = 0 row that has task cells but no total;
    // the tables leave that row out (no score, so not present), so its points are added here by hand.
    const unscored = all.filter((p) => !p.absent && p.total === null)
    expect(unscored.length).toBe(1)
    const unscoredPoints = unscored[0]!.cells.reduce((sum, c) => sum + pointsOf(c), 0)
    expect((points + unscoredPoints) / 24934).toBeCloseTo(12.0094, 4)
  })
})
