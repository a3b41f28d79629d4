import { describe, expect, it } from "vitest"
import { createTranslator } from "../../../../src/i18n.ts"
import { overviewText } from "../../../../src/services/analysis/summary-text.ts"
import type { MunicipalOverview } from "../../../../src/services/reports/model.ts"

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
    const text = overviewText(t, overview(30))
    expect(text.length).toBeLessThanOrEqual(4096)
    const listed = text.split("\n").filter((line) => line.startsWith("• ")).length
    expect(listed).toBeGreaterThan(0)
    expect(listed).toBeLessThanOrEqual(10)
    expect(text).toContain(`…и ещё ${30 - listed}. Полный список — в отчёте XLSX.`)
    // Every listed school keeps both of its reasons.
    expect(text.split("\n").filter((line) => line.startsWith("   — ")).length).toBe(2 * listed)
  })

  it("shows the index, the levels and all schools of a short list", () => {
    const text = overviewText(t, overview(2))
    expect(text).toContain("Индекс объективности: 72,5 %")
    expect(text).toContain("Зона риска — 2, требуют внимания — 0, не требуют действий — 0, не оценивались — 0.")
    expect(text).not.toContain("…и ещё")
    expect(text).not.toContain("выборочную перепроверку")
  })

  it("suggests a selective re-check when schools need attention, within one message however long the list", () => {
    const text = overviewText(t, overview(30, "attention"))
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
    const text = overviewText(t, overview(3), { year: 2020, index: 70, riskTwoYears: [] })
    for (const jargon of JARGON) expect(text).not.toMatch(jargon)
    expect(text).toContain("   — Пики на границах отметок")
    expect(text).toContain("   — Совпадающие ответы")
    expect(text).toContain("В 2020 году индекс был 70,0 %.")
  })
})
