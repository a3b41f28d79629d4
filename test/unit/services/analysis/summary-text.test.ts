import { describe, expect, it } from "vitest"
import { createTranslator } from "../../../../src/i18n.ts"
import type { SchoolAnalysis } from "../../../../src/services/analysis/analyse.ts"
import type { SignResult } from "../../../../src/services/analysis/signs/common/types.ts"
import { overviewText, schoolText } from "../../../../src/services/analysis/summary-text.ts"
import { yearComparison } from "../../../../src/services/analysis/trend.ts"
import type { MunicipalOverview, SchoolReport } from "../../../../src/services/reports/model.ts"

const t = createTranslator("ru")

function overview(riskSchools: number, level: "risk" | "attention" = "risk"): MunicipalOverview {
  return {
    procedureTitle: "ВПР 2021 · Математика · 4 класс",
    scopeName: "город Барнаул",
    index: 72.5,
    references: [],
    schools: Array.from({ length: riskSchools }, (_, index) => ({
      login: `sch22${String(index).padStart(4, "0")}`,
      present: 40,
      mean: 14,
      level,
      score: 100 - index,
      signsFired: ["S4", "S11"],
      assessed: true,
      reasons: [`S4 · Пики на границах отметок: ${"длинное объяснение ".repeat(8)}`, `S11 · Совпадающие ответы: ${"ещё объяснение ".repeat(8)}`],
    })),
  }
}

describe("the coordinator's overview text", () => {
  it("lists whole schools only, as many as fit one Telegram message, and says how many more there are", () => {
    const text = overviewText(t, overview(30), { minimum: 5 })
    expect(text.length).toBeLessThanOrEqual(4096)
    const listed = text.split("\n").filter((line) => line.startsWith("• ")).length
    expect(listed).toBeGreaterThan(0)
    expect(listed).toBeLessThanOrEqual(10)
    expect(text).toContain(`…и ещё ${30 - listed}. Полный список — в отчёте XLSX.`)
    // Every listed school keeps both of its reasons.
    expect(text.split("\n").filter((line) => line.startsWith("   — ")).length).toBe(2 * listed)
  })

  it("shows the index, the levels and all schools of a short list", () => {
    const text = overviewText(t, overview(2), { minimum: 2 })
    expect(text).toContain("Индекс объективности: 72,5 %")
    expect(text).toContain("Зона риска — 2, требуют внимания — 0, не требуют действий — 0, не оценивались — 0.")
    expect(text).not.toContain("…и ещё")
    expect(text).not.toContain("выборочную перепроверку")
  })

  it("suggests a selective re-check when schools need attention, within one message however long the list", () => {
    const text = overviewText(t, overview(30, "attention"), { minimum: 5 })
    expect(text.length).toBeLessThanOrEqual(4096)
    expect(text).toContain("выборочную перепроверку")
    expect(text).toContain("«В перепроверку»")
    expect(text.endsWith("Подробнее по школе — кнопками ниже.")).toBe(true)
  })
})

/** Figures stay in the XLSX: no interval, p-value, percentage points or sign code in a chat message. */
const JARGON = [/ДИ/, /p\s*=/, /п\.\s*п\./, /\bS\d{1,2}-?\b/]

describe("plain words in the coordinator's overview", () => {
  it("names the signs of each listed school by their titles, and the trend without percentage points", () => {
    const text = overviewText(t, overview(6), { minimum: 5, lastYear: { year: 2020, common: 6, sameSchools: true, index: 70, currentIndex: 72.5, riskTwoYears: [] } })
    for (const jargon of JARGON) expect(text).not.toMatch(jargon)
    expect(text).toContain("   — Пики на границах отметок")
    expect(text).toContain("   — Совпадающие ответы")
    expect(text).toContain("В 2020 году индекс был 70,0 %.")
  })
})

describe("honest comparisons", () => {
  const group = (role: "reference" | "school", mean: number) => ({
    name: role,
    role,
    present: 24,
    absent: 0,
    mean,
    marks: { "2": 2, "3": 8, "4": 10, "5": 4 },
    completion: role === "school" ? [0.9, 0.2] : [0.9, 0.6],
    completionIntervals: [{ low: 0.8, high: 0.95 }, { low: 0.1, high: 0.3 }],
  })
  const report: SchoolReport = {
    procedureTitle: "ВПР 2022 · Математика · 4 класс",
    schoolLogin: "edu223017",
    groupName: "Все школы",
    maxScore: 20,
    thresholds: null,
    tasks: [{ label: "1", max: 1, level: null }, { label: "2", max: 1, level: null }],
    groups: [group("reference", 9.8), group("school", 9.8)],
  }
  const sign = (id: SignResult["id"], status: SignResult["status"], reason: string, evidence = {}): SignResult => ({ id, kind: "pattern", status, reason, evidence })
  const analysed = (signs: SignResult[]) => ({ signs, risk: { level: "none", score: 0, reasons: [] } }) as unknown as SchoolAnalysis

  it("does not compare a school with a group of itself, and says what is missing and who loads it", () => {
    const text = schoolText(t, report, analysed([sign("S4", "not_fired", "x")]), { withRisk: false, comparison: { otherSchools: 0, minimum: 5 } })
    expect(text).toContain("Средний первичный балл — 9,8.")
    expect(text).not.toContain("по всем школам")
    expect(text).not.toContain("заметно")
    expect(text).toContain("Сравнения с другими школами пока нет: кроме этой школы, результаты работы не загружены, а для честного сравнения нужно не меньше 5.")
    expect(text).toContain("загружают их координаторы или муниципальный координатор")
  })

  it("names the number of other schools when there are too few, and compares once there are enough", () => {
    const few = schoolText(t, report, analysed([]), { withRisk: true, comparison: { otherSchools: 3, minimum: 5 } })
    expect(few).toContain("загружены результаты только 3 других школ, а для честного сравнения нужно не меньше 5.")
    expect(few).toContain("загрузите выгрузку ФИС ОКО")
    const enough = schoolText(t, report, analysed([]), { withRisk: true, comparison: { otherSchools: 5, minimum: 5 } })
    expect(enough).toContain("по всем школам — 9,8")
    expect(enough).toContain("Задания, выполненные заметно хуже, чем в других школах: 2.")
    expect(enough).not.toContain("Сравнения с другими школами пока нет")
  })

  it("says «nothing found» only of the signs assessed, and names those not assessed with the reason, without codes", () => {
    const signs = [
      sign("S1", "not_fired", "x"),
      sign("S4", "not_fired", "x"),
      sign("S8", "abstained", "no_data"),
      sign("S2", "abstained", "no_reference"),
      sign("S5", "abstained", "no_reference"),
    ]
    const text = schoolText(t, report, analysed(signs), { withRisk: false, comparison: { otherSchools: 9, minimum: 5 } })
    expect(text).toContain("Из 5 признаков оценено 2; среди них требующих особого внимания не найдено.")
    expect(text).toContain("Не оценивались:")
    expect(text).toContain("• Результаты ВПР не подтверждаются ОГЭ/ЕГЭ — нет данных ОГЭ/ЕГЭ")
    expect(text).toContain("• Выполнение заданий выше группы; Нетипично мало «2» / много «5» — нет данных группы сравнения")
    for (const jargon of JARGON) expect(text).not.toMatch(jargon)
    expect(text).not.toContain("Признаков, требующих особого внимания, не найдено.")
  })
})

describe("the objectivity index of too few schools, and its trend like with like", () => {
  it("gives no index for one school", () => {
    const text = overviewText(t, { ...overview(1), index: 100 }, { minimum: 5, lastYear: { year: 2021, common: 1, sameSchools: false, index: 76.6, currentIndex: 100, riskTwoYears: [] } })
    expect(text).toContain("Индекс объективности не считается: оценено школ — 1, а для него нужно не меньше 5.")
    expect(text).not.toContain("100,0 %")
    expect(text).not.toContain("76,6")
  })

  it("compares the index over the schools assessed in both years, or says it cannot", () => {
    const common = overviewText(t, overview(8), { minimum: 5, lastYear: { year: 2021, common: 6, sameSchools: false, index: 50, currentIndex: 66.7, riskTwoYears: [] } })
    expect(common).toContain("По 6 школам, оценённым в оба года: в 2021 году индекс был 50,0 %, в этом — 66,7 %.")
    const none = overviewText(t, overview(8), { minimum: 5, lastYear: { year: 2021, common: 2, sameSchools: false, index: 50, currentIndex: 100, riskTwoYears: [] } })
    expect(none).toContain("С 2021 годом не сравниваем: школ, оценённых в оба года, — 2, а нужно не меньше 5.")
  })

  it("computes both years' indices over the same schools", () => {
    const year = (logins: string[], fired: string[]): MunicipalOverview => ({
      ...overview(0),
      schools: logins.map((login) => ({ login, present: 20, mean: 10, level: fired.includes(login) ? "risk" : "none", signsFired: fired.includes(login) ? ["S4"] : [], assessed: true, reasons: [] })),
    })
    const comparison = yearComparison(year(["a", "b"], []), year(["a", "b", "c", "d"], ["b", "c", "d"]), 2021)
    expect(comparison).toMatchObject({ year: 2021, common: 2, sameSchools: false, index: 50, currentIndex: 100 })
    expect(yearComparison(year(["a", "b"], ["a"]), year(["b", "a"], ["a"]), 2021)).toMatchObject({ common: 2, sameSchools: true, index: 50, currentIndex: 50, riskTwoYears: ["a"] })
  })
})
