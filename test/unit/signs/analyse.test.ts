import { describe, expect, it } from "vitest"
import { analyseProcedure } from "../../../src/services/analysis/analyse.ts"
import { contextKey, sizeBand } from "../../../src/services/analysis/groups.ts"
import { SIGN_IDS } from "../../../src/services/analysis/settings.ts"
import { generateRegion, MATH_4_2021, RUSSIAN_4_2021 } from "../../support/generator/index.ts"
import { contextOf, ordinarySchools, schoolOfTotals, settingsWith, SPEC } from "./fixtures.ts"

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

describe("reference groups", () => {
  const region = generateRegion({ seed: 6, spec: MATH_4_2021, schools: 120, municipalities: 6 })
  const key = region.results.schools.find((s) => s.participants.length > 40 && s.context?.isLyceumOrGymnasium === false)?.schoolKey as string

  it("leave-one-out takes the school out of the reference but not out of the whole group (S1)", () => {
    const ctx = contextOf(region.results, key)
    expect(ctx.group.whole.n - ctx.group.reference.n).toBe(ctx.school.n)
    expect(ctx.group.otherSchools).toBe(119)
    const kept = contextOf(region.results, key, settingsWith({ leaveOneOut: false }))
    expect(kept.group.reference.n).toBe(kept.group.whole.n)
  })

  it("a municipality group holds the municipality's schools, and a small one falls back to the whole upload", () => {
    const ctx = contextOf(region.results, key, settingsWith({ referenceGroup: { kind: "municipality", minSchools: 5 } }))
    const municipality = region.results.schools.find((s) => s.schoolKey === key)?.municipalityId
    const members = region.results.schools.filter((s) => s.municipalityId === municipality)
    expect(ctx.group).toMatchObject({ kind: "municipality", label: municipality, otherSchools: members.length - 1 })
    const tooBig = contextOf(region.results, key, settingsWith({ referenceGroup: { kind: "municipality", minSchools: 500 } }))
    expect(tooBig.group).toMatchObject({ kind: "all", requestedKind: "municipality", otherSchools: 119 })
  })

  it("a control sample is the named schools, and a school outside it compares with all of them", () => {
    const control = region.results.schools.slice(0, 8).map((s) => s.schoolKey)
    const outside = region.results.schools[50]?.schoolKey as string
    const ctx = contextOf(region.results, outside, settingsWith({ referenceGroup: { kind: "control", controlSchoolKeys: control } }))
    expect(ctx.group).toMatchObject({ kind: "control", otherSchools: 8 })
    expect(ctx.group.reference.n).toBe(ctx.group.whole.n)
  })

  it("context groups: settlement type, size band, lyceum or not", () => {
    expect(sizeBand(1)).toBe("village")
    expect(sizeBand(5)).toBe("town")
    expect(sizeBand(8)).toBe("city")
    expect(contextKey({ settlementType: 4, settlementSize: 2, isLyceumOrGymnasium: false, isSpecial: false })).toBe("4/village/ordinary")
    expect(contextKey(null)).toBeNull()
    const ctx = contextOf(region.results, key, settingsWith({ referenceGroup: { kind: "context", minSchools: 3 } }))
    expect(ctx.group.kind).toBe("context")
    expect(ctx.group.label).toBe(contextKey(region.results.schools.find((s) => s.schoolKey === key)?.context ?? null))
  })
})
