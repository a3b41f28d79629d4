import { describe, expect, it } from "vitest"
import { analyseProcedure } from "../../../../../src/services/analysis/analyse.ts"
import { DEFAULT_SETTINGS } from "../../../../../src/services/analysis/settings.ts"
import { cohortJumps } from "../../../../../src/services/analysis/signs/S7-cohort-jump.ts"
import type { ProcedureResults, SchoolResults } from "../../../../../src/services/analysis/types.ts"
import { schoolOfTotals, signFor, SPEC } from "./fixtures.ts"

const LATER = { ...SPEC, year: 2022, grade: 5 }

/** Twelve schools whose results keep their level a year later (K ≈ 1, small spread), plus `extra`. */
function cohortPair(extraEarlier: SchoolResults[], extraLater: SchoolResults[]): { earlier: ProcedureResults; later: ProcedureResults } {
  const base = (year: number) =>
    Array.from({ length: 12 }, (_, i) => schoolOfTotals(`5000${String(i).padStart(2, "0")}`, 20, [4 + (i % 3), 6, 7 + ((i + year) % 2), 8]))
  return { earlier: { spec: SPEC, schools: [...base(0), ...extraEarlier] }, later: { spec: LATER, schools: [...base(1), ...extraLater] } }
}

describe("S7 (cohort jumps, FIOKO 2019 rule c)", () => {
  const fall = { e: schoolOfTotals("510001", 20, [11, 12]), l: schoolOfTotals("510001", 20, [4, 5]) }
  const rise = { e: schoolOfTotals("510002", 20, [3, 4]), l: schoolOfTotals("510002", 20, [11, 12]) }
  const { earlier, later } = cohortPair([fall.e, rise.e], [fall.l, rise.l])
  const jumps = cohortJumps(earlier, later, DEFAULT_SETTINGS)

  it("computes K for every school present in both years and flags the outliers beyond 3 IQR", () => {
    expect(Object.keys(jumps.schools)).toHaveLength(14)
    expect(jumps.schools["510001"]?.k).toBeCloseTo(11.5 / 4.5, 10)
    expect(jumps.schools["510001"]?.flag).toBe("fall")
    expect(jumps.schools["510002"]?.flag).toBe("rise")
    expect(Object.values(jumps.schools).filter((s) => s.flag !== null)).toHaveLength(2)
    expect(jumps.highFence).toBeCloseTo(jumps.q75 + 3 * jumps.iqr, 12)
  })

  it("a fall fires on the earlier procedure, a rise on the later one; each school only where it points", () => {
    const onEarlier = (key: string) => signFor("S7", earlier, key, DEFAULT_SETTINGS, { cohorts: [{ role: "earlier", jumps }] })
    const onLater = (key: string) => signFor("S7", later, key, DEFAULT_SETTINGS, { cohorts: [{ role: "later", jumps }] })
    expect(onEarlier("510001")).toMatchObject({ status: "fired", reason: "fall_next_year", kind: "pattern" })
    expect(onEarlier("510002")).toMatchObject({ status: "not_fired", reason: "no_jump" })
    expect(onLater("510002")).toMatchObject({ status: "fired", reason: "rise_from_last_year" })
    expect(onLater("510001").status).toBe("not_fired")
    expect(onEarlier("500003").status).toBe("not_fired")
    expect(onEarlier("510001").evidence.k).toBeCloseTo(11.5 / 4.5, 10)
  })

  it("abstains without cohort data, and for a school missing from the other year", () => {
    expect(signFor("S7", earlier, "510001")).toMatchObject({ status: "abstained", reason: "no_data" })
    const alone = { spec: SPEC, schools: [...earlier.schools, schoolOfTotals("519999", 20, [6])] }
    expect(signFor("S7", alone, "519999", DEFAULT_SETTINGS, { cohorts: [{ role: "earlier", jumps }] }).reason).toBe("no_data")
  })
})

describe("extra data through analyseProcedure", () => {
  it("passes cohort evidence to every school of the procedure", () => {
    const { earlier, later } = cohortPair([], [])
    const jumps = cohortJumps(earlier, later, DEFAULT_SETTINGS)
    const analysis = analyseProcedure(earlier, DEFAULT_SETTINGS, { cohorts: [{ role: "earlier", jumps }] })
    expect(analysis.schools.every((s) => s.signs.find((x) => x.id === "S7")?.status === "not_fired")).toBe(true)
  })
})
