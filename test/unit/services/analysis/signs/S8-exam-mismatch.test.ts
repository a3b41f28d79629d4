import { describe, expect, it } from "vitest"
import { DEFAULT_SETTINGS } from "../../../../../src/services/analysis/settings.ts"
import { schoolOfTotals, settingsWith, signFor, SPEC } from "./fixtures.ts"

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
