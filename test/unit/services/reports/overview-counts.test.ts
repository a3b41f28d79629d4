import { describe, expect, it } from "vitest"
import { createTranslator } from "../../../../src/i18n.ts"
import { overviewText } from "../../../../src/services/analysis/summary-text.ts"
import { overviewLines } from "../../../../src/services/reports/assessment-sheets.ts"
import { riskOverviewChart } from "../../../../src/services/reports/chart-models.ts"
import type { MunicipalOverview, OverviewSchool } from "../../../../src/services/reports/model.ts"
import { overviewCounts } from "../../../../src/services/reports/overview-counts.ts"

const t = createTranslator("ru")

function school(login: string, level: OverviewSchool["level"], options: { assessed?: boolean; signs?: string[]; mean?: number | null } = {}): OverviewSchool {
  return {
    login,
    present: 30,
    mean: options.mean === undefined ? 12 : options.mean,
    meanInterval: null,
    level,
    signsFired: options.signs ?? (level === "none" ? [] : ["S4"]),
    assessed: options.assessed ?? true,
    reasons: [],
  }
}

/**
 * Ten schools: 2 in the risk zone (one without a mean, so not drawn), 1 needing attention, 5 needing no action of which
 * 2 have signs left off the re-check list, and 2 not assessed — one of them left at «требует внимания» by its level, which
 * an «unassessed are the none ones» shortcut would miscount.
 */
const overview: MunicipalOverview = {
  procedureTitle: "ВПР 2021 · Математика · 4 класс",
  scopeName: "город Барнаул",
  index: 37.5,
  indexMinimum: 5,
  schoolsWithSigns: 5,
  references: [],
  schools: [
    school("r1", "risk"),
    school("r2", "risk", { mean: null }),
    school("a1", "attention"),
    school("n1", "none"),
    school("n2", "none"),
    school("n3", "none"),
    school("s1", "none", { signs: ["S1"] }),
    school("s2", "none", { signs: ["S2"] }),
    school("u1", "none", { assessed: false }),
    school("u2", "attention", { assessed: false, signs: [] }),
  ],
}

describe("the overview's counts, one source for the chat, the workbook and the chart", () => {
  it("counts unassessed schools apart whatever their level, and the index over the assessed", () => {
    expect(overviewCounts(overview)).toEqual({
      schools: 10,
      present: 300,
      assessed: 8,
      risk: 2,
      attention: 1,
      none: 5,
      unassessed: 2,
      withoutSigns: 3,
      signsOffList: 2,
      index: 37.5,
      indexWithheld: false,
      indexMinimum: 5,
    })
  })

  it("the chat, the «Сводка» lines and the chart caption say the same numbers", () => {
    const chat = overviewText(t, overview, { minimum: 5 })
    expect(chat).toContain("город Барнаул: школ — 10, участников — 300.")
    expect(chat).toContain("Индекс объективности: 37,5 % — доля школ без признаков необъективности (3 из 8 оценённых).")
    expect(chat).toContain("Зона риска — 2, требуют внимания — 1, не требуют действий — 5, не оценивались — 2.")
    expect(chat).toContain("Среди не требующих действий у 2 школ признаки есть, но в список на перепроверку они не вошли.")
    // The unassessed school is not listed as needing attention.
    expect(chat).not.toContain("• u2")

    expect(overviewLines(t, overview)).toEqual([
      "Индекс объективности: 37,5 % — доля школ без признаков необъективности (3 из 8 оценённых)",
      "Школ в зоне риска: 2; требуют внимания: 1; не требуют действий: 5; не оценивались: 2",
      "Среди не требующих действий у 2 школ признаки есть, но в список на перепроверку они не вошли",
    ])

    // Two bars (r2 has no mean to draw), of the three the text calls flagged, of all ten schools.
    const chart = riskOverviewChart(overview, t)
    expect(chart.schools.map((bar) => bar.name).sort()).toEqual(["a1", "r1"])
    expect(chart.coverage).toBe("школы в зоне риска и требующие внимания: показаны 2 из 3; всего школ — 10")
  })

  it("withholds the index everywhere below the minimum of assessed schools", () => {
    const few = { ...overview, indexMinimum: 9 }
    expect(overviewCounts(few).indexWithheld).toBe(true)
    expect(overviewText(t, few, { minimum: 9 })).toContain("Индекс объективности не считается: оценено школ — 8, а для него нужно не меньше 9.")
    expect(overviewLines(t, few)[0]).toBe("Индекс объективности не считается: оценено школ — 8, а для него нужно не меньше 9")
  })
})
