import { describe, expect, it } from "vitest"
import { analyseProcedure } from "../../../src/services/analysis/analyse.ts"
import { DEFAULT_SETTINGS } from "../../../src/services/analysis/settings.ts"
import { cohortJumps } from "../../../src/services/analysis/signs/S7-cohort-jump.ts"
import type { ProcedureResults, SchoolResults } from "../../../src/services/analysis/types.ts"
import { ordinarySchools, schoolOfTotals, settingsWith, signFor, SPEC } from "./fixtures.ts"

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

describe("S8 (ВПР not confirmed by ОГЭ/ЕГЭ)", () => {
  // Eleven schools with rising ВПР results; the exam ranks them the same way except the best one, which is last.
  const schools = Array.from({ length: 11 }, (_, i) =>
    schoolOfTotals(`52000${String(i).padStart(2, "0")}`, 10, [2 + (i % 11)], undefined),
  )
  schools[10] = { ...schools[10]!, context: { settlementType: 1, settlementSize: 8, isLyceumOrGymnasium: false, isSpecial: false } }
  const input = { spec: SPEC, schools }
  const meanBySchool = Object.fromEntries(schools.map((s, i) => [s.schoolKey, i === 10 ? 30 : 40 + i]))
  const exams = { exams: { kind: "ОГЭ" as const, year: 2022, subject: "Математика", meanBySchool } }

  it("fires when the school is in the top quarter on ВПР and in the bottom half on the exam", () => {
    const s8 = signFor("S8", input, "5200010", DEFAULT_SETTINGS, exams)
    expect(s8).toMatchObject({ status: "fired", strength: "strong", reason: "exam_not_confirming" })
    expect(s8.evidence).toMatchObject({ vprPercentile: 100, examPercentile: 0, schools: 11, label: "ОГЭ 2022 · Математика" })
    expect(signFor("S8", input, "5200009", DEFAULT_SETTINGS, exams).status).toBe("not_fired")
  })

  it("exempts lyceums and gymnasiums (setting) and abstains without exam data", () => {
    const lyceum = { ...input, schools: input.schools.map((s, i) => (i === 10 ? { ...s, context: { ...s.context!, isLyceumOrGymnasium: true } } : s)) }
    expect(signFor("S8", lyceum, "5200010", DEFAULT_SETTINGS, exams)).toMatchObject({ status: "abstained", reason: "lyceum_exempt" })
    expect(signFor("S8", lyceum, "5200010", settingsWith({ S8: { exemptLyceums: false } }), exams).status).toBe("fired")
    expect(signFor("S8", input, "5200010")).toMatchObject({ status: "abstained", reason: "no_data" })
  })
})

describe("S9 (medalists) and S10 (re-check)", () => {
  const input = { spec: SPEC, schools: ordinarySchools(3) }
  const key = "900001"

  it("S9: the share of medalists below the cut-off in Russian or mathematics", () => {
    const medalists = { [key]: [{ russian: 85, mathematics: 65 }, { russian: 60, mathematics: null }, { russian: 90, mathematics: 88 }, { russian: 72, mathematics: 74 }] }
    const s9 = signFor("S9", input, key, DEFAULT_SETTINGS, { medalists })
    expect(s9).toMatchObject({ status: "fired", strength: "strong", reason: "medalists_not_confirmed" })
    expect(s9.evidence).toMatchObject({ medalists: 4, belowCutoff: 2, index: 0.5 })
    expect(signFor("S9", input, key, settingsWith({ S9: { cutoff: 60 } }), { medalists }).status).toBe("not_fired")
    expect(signFor("S9", input, key, DEFAULT_SETTINGS, { medalists: { [key]: medalists[key].slice(0, 2) } }).reason).toBe("too_few_medalists")
    expect(signFor("S9", input, key).reason).toBe("no_data")
  })

  it("S10: marks lowered on re-check, or the mean score change — when the fall is systematic", () => {
    const works = (pairs: [number, number][]) => ({ rechecks: { [key]: pairs.map(([originalScore, recheckedScore]) => ({ originalScore, recheckedScore })) } })
    const confirmed = works(Array.from({ length: 12 }, (_, i) => [5 + (i % 5), 5 + (i % 5)] as [number, number]))
    expect(signFor("S10", input, key, DEFAULT_SETTINGS, confirmed)).toMatchObject({ status: "not_fired", reason: "recheck_confirmed" })
    // 8 of 12 lose a mark (7 → 6 crosses «4»→«3»), none gains one: share 0.67, sign test p = 0.5⁸ ≈ 0.004.
    const lowered = works([...Array.from({ length: 4 }, () => [8, 8] as [number, number]), ...Array.from({ length: 8 }, () => [7, 6] as [number, number])])
    const s10 = signFor("S10", input, key, DEFAULT_SETTINGS, lowered)
    expect(s10).toMatchObject({ status: "fired", strength: "strong", reason: "marks_lowered_on_recheck" })
    expect(s10.evidence).toMatchObject({ works: 12, lowered: 8, raised: 0 })
    expect(s10.evidence.pMarks).toBeCloseTo(0.5 ** 8, 10)
    // Three marks lowered and three raised by an honest second checker: a 0.25 share, but no systematic fall.
    const disagreement = works([...Array.from({ length: 6 }, () => [8, 8] as [number, number]), [7, 6], [7, 6], [7, 6], [6, 7], [6, 7], [6, 7]])
    expect(signFor("S10", input, key, DEFAULT_SETTINGS, disagreement)).toMatchObject({ status: "not_fired", evidence: { downShare: 0.25, raised: 3 } })
    // Every work loses two points: the mean change −2 is systematic (t test cannot run without spread: p = 0).
    const scores = works(Array.from({ length: 10 }, () => [9, 7] as [number, number]))
    expect(signFor("S10", input, key, DEFAULT_SETTINGS, scores)).toMatchObject({ status: "fired", reason: "scores_lowered_on_recheck", evidence: { meanChange: -2, pScores: 0 } })
    // A mean change of −1.6 carried by two works out of ten (−8 each) is not a significant fall at α = 0.01.
    const twoWorks = works([...Array.from({ length: 8 }, () => [9, 9] as [number, number]), [12, 4], [12, 4]])
    expect(signFor("S10", input, key, DEFAULT_SETTINGS, twoWorks)).toMatchObject({ status: "not_fired", evidence: { meanChange: -1.6 } })
    expect(signFor("S10", input, key, DEFAULT_SETTINGS, works([[8, 5]])).reason).toBe("too_few_rechecked")
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
