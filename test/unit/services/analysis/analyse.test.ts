import { describe, expect, it } from "vitest"
import { analyseProcedure } from "../../../../src/services/analysis/analyse.ts"
import { SIGN_IDS } from "../../../../src/services/analysis/settings.ts"
import { generateRegion, RUSSIAN_4_2021 } from "../../../support/generator/index.ts"
import { ordinarySchools, schoolOfTotals, SPEC } from "./signs/fixtures.ts"

describe("analyseProcedure", () => {
  it("reports every school with counts, mean, interval, all signs and a risk level, and the procedure figures", () => {
    const input = { spec: SPEC, schools: [...ordinarySchools(10), schoolOfTotals("600001", 30, [10, 11, 12])] }
    const a = analyseProcedure(input)
    expect(a.procedure).toEqual({ kind: "ВПР", year: 2021, subject: "Математика", grade: 4 })
    expect(a.schools).toHaveLength(11)
    const high = a.schools.find((s) => s.schoolKey === "600001")
    expect(high).toMatchObject({ present: 30, absent: 0, mean: 11 })
    expect(high?.signs.map((s) => s.id)).toEqual([...SIGN_IDS])
    expect(high?.risk.level).not.toBe("none")
    const first = high?.risk.reasons[0]
    expect(first?.code).toBe(high?.signs.find((s) => s.id === first?.signId && s.status === "fired")?.reason)
    expect(a.group.present).toBe(330)
    expect(a.group.mean).toBeCloseTo((10 * ordinaryTotal() + 30 * 11) / 330, 10)
    expect(a.group.interval?.low).toBeLessThan(a.group.mean as number)
    expect(a.index.schools).toBe(11)
    expect(a.index.index).toBe(100 - (100 * a.index.schoolsWithSigns) / 11)
  })

  // Speed is measured in `npm run bench` (bench/analysis.ts), never asserted here.
  it("analyses a whole generated region of 600 schools and ~25,000 pupils, every school assessed", () => {
    const region = generateRegion({ seed: 8, spec: RUSSIAN_4_2021 })
    const a = analyseProcedure(region.results)
    expect(a.group.present).toBeGreaterThan(22_000)
    expect(a.schools).toHaveLength(region.results.schools.length)
    expect(a.schools.every((school) => school.signs.length === 13)).toBe(true)
  })
})

/** Sum of the totals of one ordinary school (30 pupils cycling through 13 totals). */
function ordinaryTotal(): number {
  const totals = [2, 3, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11]
  return Array.from({ length: 30 }, (_, i) => totals[i % 13] as number).reduce((a, b) => a + b, 0)
}
