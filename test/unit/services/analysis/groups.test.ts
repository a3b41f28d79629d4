import { describe, expect, it } from "vitest"
import { contextKey, sizeBand } from "../../../../src/services/analysis/groups.ts"
import { generateRegion, MATH_4_2021 } from "../../../support/generator/index.ts"
import { contextOf, settingsWith } from "./signs/fixtures.ts"

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
