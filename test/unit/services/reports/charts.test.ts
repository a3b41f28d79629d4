import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { createTranslator } from "../../../../src/i18n.ts"
import { riskOverviewChart, scoreDistributionChart, taskCompletionChart } from "../../../../src/services/reports/chart-models.ts"
import { renderRiskOverview, renderScoreDistribution, renderTaskCompletion } from "../../../../src/services/reports/charts.ts"
import type { ScoreDistributionChart } from "../../../../src/services/reports/model.ts"
import { MAX_SCORE, overviewOf, schoolReport, TASKS } from "./fixtures.ts"
import { decodePng, inkShare, PNG_SIGNATURE } from "./png.ts"

const t = createTranslator("ru")
const report = schoolReport("edu223379", { name: "МБОУ «СОШ № 1»", pushed: true })

/** Set REPORT_SAMPLES_DIR to look at the charts (never into the repository). */
function keep(name: string, png: Buffer): void {
  const dir = process.env.REPORT_SAMPLES_DIR
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, name), png)
}

function timed<T>(label: string, run: () => T): T {
  const started = performance.now()
  const result = run()
  console.log(`${label}: ${(performance.now() - started).toFixed(0)} ms`)
  return result
}

describe("chart models", () => {
  it("score distribution: the school's shares, the group's line, thresholds and Russian labels", () => {
    const chart = scoreDistributionChart(report, t)!
    expect(chart.title).toBe("Распределение первичных баллов")
    expect(chart.xLabel).toBe("Первичный балл")
    expect(chart.series.map((s) => s.name)).toEqual(["edu223379", "Алтайский край"])
    for (const series of chart.series) {
      expect(series.shares).toHaveLength(MAX_SCORE + 1)
      expect(series.shares.reduce<number>((a, b) => a + (b ?? 0), 0)).toBeCloseTo(1, 10)
    }
    // The pushed school has nobody one point short of a «4».
    expect(chart.series[0]!.shares[23]).toBe(0)
    expect(chart.thresholds.map((th) => th.mark)).toEqual([3, 4, 5])
  })

  it("task completion: levels noted only when there are П/В tasks; reference band named after the group", () => {
    const chart = taskCompletionChart(report, t)!
    expect(chart.tasks).toHaveLength(TASKS.length)
    expect(chart.reference?.intervals).toHaveLength(TASKS.length)
    expect(chart.reference?.bandName).toBe("Алтайский край: доверительный интервал")
    expect(chart.levelNote).toMatch(/повышенного/)
    const basicOnly = { ...report, tasks: report.tasks.map((task) => ({ ...task, level: "Б" as const })) }
    expect(taskCompletionChart(basicOnly, t)!.levelNote).toBeUndefined()
  })

  it("returns null when the school has no figures to draw", () => {
    const bare = { ...report, groups: report.groups.map((g) => ({ ...g, scoreCounts: null, completion: null })) }
    expect(scoreDistributionChart(bare, t)).toBeNull()
    expect(taskCompletionChart(bare, t)).toBeNull()
  })

  it("risk overview shows the schools in the risk zone and needing attention, by name, and says how many of all", () => {
    const reports = Array.from({ length: 6 }, (_, i) => schoolReport(`edu22300${i}`, { seed: 20 + i * 7, ...(i === 1 ? { name: "МБОУ «СОШ № 2»" } : {}) }))
    const overview = overviewOf(reports, ["none", "risk", "none", "attention", "none", "none"])
    const chart = riskOverviewChart(overview, t)
    expect(chart.schools.map((s) => s.level).sort()).toEqual(["attention", "risk"])
    expect(chart.schools.map((s) => s.name).sort()).toEqual(["edu223003", "МБОУ «СОШ № 2»"])
    expect(chart.subtitle).toContain("школы в зоне риска и требующие внимания: показаны 2 из 2; всего школ — 6")
  })

  it("risk overview without flagged schools keeps the first by rank when there are too many and says so", () => {
    const reports = Array.from({ length: 6 }, (_, i) => schoolReport(`edu22300${i}`, { seed: 20 + i * 7 }))
    const overview = overviewOf(reports, ["none", "none", "none", "none", "none", "none"])
    const chart = riskOverviewChart(overview, t, 3)
    expect(chart.schools).toHaveLength(3)
    expect(chart.subtitle).toContain("показаны 3 из 6 школ")
    const means = chart.schools.map((s) => s.mean)
    expect(means).toEqual([...means].sort((a, b) => b - a))
    expect(chart.groupMean?.name).toBe("Алтайский край: средний балл")
  })
})

describe("rendered PNG", () => {
  it("score distribution is a non-blank 2× PNG with its title drawn", () => {
    const chart = scoreDistributionChart(report, t)!
    timed("cold render (score distribution)", () => renderScoreDistribution(chart))
    const png = timed("warm render (score distribution)", () => renderScoreDistribution(chart))
    keep("scores.png", png)
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
    const image = decodePng(png)
    // 2× zoom of 22 px per score (37 scores) by 480 px.
    expect(image.width).toBe(2 * (120 + (MAX_SCORE + 1) * 22))
    expect(image.height).toBe(960)
    expect(inkShare(image)).toBeGreaterThan(0.03)
    expect(inkShare(image, 10, 60)).toBeGreaterThan(0.01)
  })

  it("the title check really sees text: without a title the band is empty", () => {
    const untitled: ScoreDistributionChart = { ...scoreDistributionChart(report, t)!, title: "", subtitle: "" }
    const image = decodePng(renderScoreDistribution(untitled))
    expect(inkShare(image, 10, 60)).toBe(0)
  })

  it("task completion widens with the number of tasks", () => {
    const chart = taskCompletionChart(report, t)!
    const png = timed("render (task completion)", () => renderTaskCompletion(chart))
    keep("tasks.png", png)
    const image = decodePng(png)
    expect(image.height).toBe(1000)
    expect(image.width).toBe(1600)
    expect(inkShare(image)).toBeGreaterThan(0.03)
    const many = { ...chart, tasks: Array.from({ length: 30 }, (_, k) => ({ label: String(k + 1), level: null })) }
    expect(decodePng(renderTaskCompletion(many)).width).toBe(2 * (140 + 30 * 38))
  })

  it("risk overview draws the schools with signs, one bar each", () => {
    const reports = Array.from({ length: 12 }, (_, i) =>
      schoolReport(`edu2230${String(i).padStart(2, "0")}`, { name: `МБОУ «СОШ № ${i + 1}»`, seed: 40 + i * 13, ability: 0.5 + i * 0.02 }),
    )
    const overview = overviewOf(reports, ["none", "risk", "none", "attention", "none", "none", "risk", "none", "none", "none", "attention", "none"])
    const png = timed("render (risk overview, 12 schools)", () => renderRiskOverview(riskOverviewChart(overview, t)))
    keep("risk.png", png)
    const image = decodePng(png)
    expect(image.width).toBe(1800)
    // Only the four schools in the risk zone or needing attention are drawn.
    expect(image.height).toBe(2 * Math.max(300, 150 + 4 * 24))
    expect(inkShare(image)).toBeGreaterThan(0.02)
  })
})
