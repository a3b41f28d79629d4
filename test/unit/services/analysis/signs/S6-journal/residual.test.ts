import { describe, expect, it } from "vitest"
import { buildJournalResidual, journalResidualTest } from "../../../../../../src/services/analysis/signs/S6-journal/residual.ts"
import { tallySchool } from "../../../../../../src/services/analysis/signs/common/school-tallies.ts"
import { cellsWithTotal, pupil, school, SPEC } from "../fixtures.ts"

describe("S6 (d) journal residual", () => {
  // Two pupils of each school at score 5; school A's journals 4 and 5, school B's 3 and 4.
  // A against B: (4 − 3.5 + 5 − 3.5) / 2 = +1; B against A: (3 − 4.5 + 4 − 4.5) / 2 = −1.
  const a = school("A", [
    pupil("A", cellsWithTotal(5), { journal: 4 }),
    pupil("A", cellsWithTotal(5), { journal: 5 }),
    // Nobody else scored 12: no expectation, so this pupil is left out.
    pupil("A", cellsWithTotal(12), { journal: 5 }),
    pupil("A", cellsWithTotal(7)),
  ])
  const b = school("B", [pupil("B", cellsWithTotal(5), { journal: 3 }), pupil("B", cellsWithTotal(5), { journal: 4 })])
  const baseline = buildJournalResidual([tallySchool(a, SPEC), tallySchool(b, SPEC)], SPEC, 20)

  it("compares each pupil with the other schools' pupils of the same score (hand-computed)", () => {
    expect(baseline.bySchool.get("A")).toMatchObject({ pupils: 2, residual: 1 })
    expect(baseline.bySchool.get("B")).toMatchObject({ pupils: 2, residual: -1 })
    // Pooled within-school variance: (0.25 + 0.25 + 0.25 + 0.25) / (1 + 1).
    expect(baseline.pupilVariance).toBeCloseTo(0.5, 12)
  })

  it("tests R against the centre with pupil noise and the honest spread (too few schools: no spread)", () => {
    expect(baseline).toMatchObject({ schools: 2, tau: 0 })
    const test = journalResidualTest(baseline.bySchool.get("A")!, baseline)
    // se = √(0.5 / 2) = 0.5, z = 1 / 0.5 = 2; P(Z > 2) = 0.0227501 (R: pnorm(2, lower.tail = FALSE)).
    expect(test.z).toBeCloseTo(2, 12)
    expect(test.pJournalAbove).toBeCloseTo(0.0227501, 6)
    expect(test.pScoresAbove).toBeCloseTo(1 - 0.0227501, 6)
  })
})
