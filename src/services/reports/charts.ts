/**
 * The three charts the bot sends as photos. Each takes a chart model (model.ts) whose texts are already
 * translated and returns a PNG. Shares (0…1) are drawn as percents.
 */
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, EChartsCoreOption } from "echarts"
import { FONT_FAMILY, PALETTE, renderOption } from "./chart-render.ts"
import type { ChartSeries, Interval, RiskLevel, RiskOverviewChart, ScoreDistributionChart, TaskCompletionChart } from "./model.ts"

const toPercent = (share: number | null | undefined) => (share == null ? null : Math.round(share * 1000) / 10)
const seriesColour = (i: number) => (i === 0 ? PALETTE.school : i === 1 ? PALETTE.reference : PALETTE.extra[(i - 2) % PALETTE.extra.length])

function heading(title: string, subtitle?: string) {
  return {
    text: title,
    subtext: subtitle ?? "",
    left: "center",
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 17, fontWeight: "bold" as const },
    subtextStyle: { fontFamily: FONT_FAMILY, fontSize: 12, lineHeight: 17, color: "#555555" },
  }
}

const legend = { bottom: 8, itemGap: 18, textStyle: { fontFamily: FONT_FAMILY, fontSize: 12 } }
const axisName = { fontFamily: FONT_FAMILY, fontSize: 12, color: "#444444" }

function percentAxis(name: string, max?: number) {
  return {
    type: "value" as const,
    name,
    nameLocation: "middle" as const,
    nameGap: 42,
    nameTextStyle: axisName,
    min: 0,
    max,
    axisLabel: { formatter: "{value} %" },
    splitLine: { lineStyle: { color: PALETTE.grid } },
  }
}

/** Share of participants at each primary score: the school as bars, the groups as lines, thresholds of marks as red lines. */
export function renderScoreDistribution(chart: ScoreDistributionChart): Buffer {
  const scores = Array.from({ length: chart.maxScore + 1 }, (_, s) => String(s))
  const series = chart.series.map((s: ChartSeries, i) => ({
    name: s.name,
    type: i === 0 ? "bar" : "line",
    data: scores.map((_, score) => toPercent(s.shares[score])),
    itemStyle: { color: seriesColour(i) },
    ...(i === 0
      ? {
          barCategoryGap: "15%",
          markLine: {
            symbol: "none",
            silent: true,
            lineStyle: { color: PALETTE.threshold, type: "dashed", width: 1.5 },
            label: { formatter: "«{b}»", position: "end", fontFamily: FONT_FAMILY, fontWeight: "bold", color: PALETTE.threshold },
            data: chart.thresholds.map((t) => ({ name: String(t.mark), xAxis: String(t.score) })),
          },
        }
      : { symbol: "circle", symbolSize: 5, lineStyle: { width: 2 } }),
  }))
  const width = Math.max(800, 120 + scores.length * 22)
  const option: EChartsCoreOption = {
    title: heading(chart.title, chart.subtitle),
    legend,
    grid: { left: 70, right: 30, top: 80, bottom: 90 },
    xAxis: {
      type: "category",
      data: scores,
      name: chart.xLabel,
      nameLocation: "middle",
      nameGap: 30,
      nameTextStyle: axisName,
      axisLabel: { interval: scores.length > 40 ? 1 : 0 },
    },
    yAxis: percentAxis(chart.yLabel),
    series,
  }
  return renderOption(option, width, 480).png
}

/** `12` or `12` over `П` — tasks of the raised and high levels are marked under their label. */
function taskAxisLabel(task: { label: string; level: string | null }): string {
  return task.level === "П" || task.level === "В" ? `${task.label}\n{level|${task.level}}` : task.label
}

type RenderItem = (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => unknown

/** A custom series drawing one shape per [task, low %, high %] at the task's bar. */
function perTaskInterval(name: string, intervals: (Interval | null)[], z: number, draw: (x: number, top: number, bottom: number, width: number) => unknown) {
  const renderItem: RenderItem = (_params, api) => {
    const top = api.coord([api.value(0), api.value(2)])
    const bottom = api.coord([api.value(0), api.value(1)])
    const size = api.size?.([1, 0]) as number[] | undefined
    if (!top || !bottom || !size) return null
    return draw(top[0]!, top[1]!, bottom[1]!, size[0]! * BAR_SHARE)
  }
  return {
    name,
    type: "custom",
    silent: true,
    z,
    renderItem,
    encode: { x: 0, y: [1, 2] },
    data: intervals.flatMap((iv, k) => (iv ? [[k, toPercent(iv.low), toPercent(iv.high)]] : [])),
  }
}

/** The bars take this share of a category (barCategoryGap 30 %), so bands and whiskers line up with them. */
const BAR_SHARE = 0.7

/**
 * Completion per task: bars per series (the school's interval as whiskers when it is the only one), the
 * reference as a dark dash with its interval as a grey band — a whisker wholly above the band is what S2 counts.
 */
export function renderTaskCompletion(chart: TaskCompletionChart): Buffer {
  const labels = chart.tasks.map(taskAxisLabel)
  const series: unknown[] = chart.series.map((s, i) => ({
    name: s.name,
    type: "bar",
    data: chart.tasks.map((_, k) => toPercent(s.shares[k])),
    itemStyle: { color: seriesColour(i) },
    barCategoryGap: `${Math.round((1 - BAR_SHARE) * 100)}%`,
  }))
  const reference = chart.reference
  if (reference?.intervals) {
    series.push({
      ...perTaskInterval(reference.bandName ?? reference.name, reference.intervals, 5, (x, top, bottom, width) => ({
        type: "rect",
        shape: { x: x - width / 2, y: top - 1, width, height: Math.max(2, bottom - top + 2) },
        style: { fill: PALETTE.band },
      })),
      itemStyle: { color: PALETTE.band },
      silent: false,
    })
  }
  const only = chart.series.length === 1 ? chart.series[0] : undefined
  if (only?.intervals) {
    series.push(
      perTaskInterval("whiskers", only.intervals, 7, (x, top, bottom, width) => {
        const cap = Math.min(10, width / 4)
        const line = (x1: number, y1: number, x2: number, y2: number) => ({
          type: "line",
          shape: { x1, y1, x2, y2 },
          style: { stroke: PALETTE.whisker, lineWidth: 1.5 },
        })
        return { type: "group", children: [line(x, top, x, bottom), line(x - cap, top, x + cap, top), line(x - cap, bottom, x + cap, bottom)] }
      }),
    )
  }
  if (reference) {
    series.push({
      name: reference.name,
      type: "scatter",
      symbol: "rect",
      symbolSize: [Math.max(12, Math.min(34, 600 / Math.max(1, chart.tasks.length))), 4],
      itemStyle: { color: "#111111" },
      z: 6,
      data: chart.tasks.map((_, k) => toPercent(reference.shares[k])),
    })
  }
  const width = Math.max(800, 140 + chart.tasks.length * 38)
  const option: EChartsCoreOption = {
    title: heading(chart.title, chart.subtitle),
    legend: { ...legend, data: [...chart.series.map((s) => s.name), ...(reference ? [reference.name] : []), ...(reference?.intervals ? [reference.bandName ?? reference.name] : [])] },
    grid: { left: 70, right: 30, top: 80, bottom: chart.levelNote ? 120 : 100 },
    xAxis: {
      type: "category",
      data: labels,
      name: chart.xLabel,
      nameLocation: "middle",
      nameGap: 44,
      nameTextStyle: axisName,
      axisLabel: {
        interval: 0,
        lineHeight: 17,
        rich: { level: { color: PALETTE.threshold, fontWeight: "bold", fontFamily: FONT_FAMILY, lineHeight: 17 } },
      },
    },
    yAxis: percentAxis(chart.yLabel, 100),
    series,
    graphic: chart.levelNote
      ? [{ type: "text", left: 20, bottom: 38, style: { text: chart.levelNote, fontFamily: FONT_FAMILY, fontSize: 11, fill: "#555555" } }]
      : [],
  }
  return renderOption(option, width, 500).png
}

const LEVEL_COLOURS: Record<RiskLevel, string> = { risk: PALETTE.risk, attention: PALETTE.attention, none: PALETTE.none }
const LEVEL_ORDER: RiskLevel[] = ["risk", "attention", "none"]

/** A forest plot: each school's mean with its interval, coloured by risk level, and the group mean as a line. */
export function renderRiskOverview(chart: RiskOverviewChart): Buffer {
  const names = chart.schools.map((s) => s.name)
  const levelIndex = (level: RiskLevel) => LEVEL_ORDER.indexOf(level)
  const intervals = {
    name: "interval",
    type: "custom",
    silent: true,
    renderItem: (_params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
      const from = api.coord([api.value(0), api.value(2)])
      const to = api.coord([api.value(1), api.value(2)])
      const colour = LEVEL_COLOURS[LEVEL_ORDER[api.value(3) as number] ?? "none"]
      if (!from || !to) return null
      return {
        type: "group",
        children: [
          { type: "line", shape: { x1: from[0], y1: from[1], x2: to[0], y2: to[1] }, style: { stroke: colour, lineWidth: 2 } },
          { type: "line", shape: { x1: from[0], y1: from[1]! - 4, x2: from[0], y2: from[1]! + 4 }, style: { stroke: colour, lineWidth: 2 } },
          { type: "line", shape: { x1: to[0], y1: to[1]! - 4, x2: to[0], y2: to[1]! + 4 }, style: { stroke: colour, lineWidth: 2 } },
        ],
      }
    },
    encode: { x: [0, 1], y: 2 },
    data: chart.schools.flatMap((s, i) => (s.interval ? [[s.interval.low, s.interval.high, i, levelIndex(s.level)]] : [])),
  }
  const means = LEVEL_ORDER.map((level) => ({
    name: chart.levelNames[level],
    type: "scatter",
    symbolSize: 9,
    itemStyle: { color: LEVEL_COLOURS[level], opacity: 1 },
    data: chart.schools.flatMap((s, i) => (s.level === level ? [[s.mean, i]] : [])),
    ...(level === "risk" && chart.groupMean
      ? {
          markLine: {
            symbol: "none",
            silent: true,
            lineStyle: { color: "#333333", type: "dashed" },
            label: { formatter: chart.groupMean.name, position: "start", fontFamily: FONT_FAMILY, fontSize: 11 },
            data: [{ xAxis: chart.groupMean.value }],
          },
        }
      : {}),
  }))
  const height = Math.max(300, 150 + names.length * 24)
  const option: EChartsCoreOption = {
    title: heading(chart.title, chart.subtitle),
    legend: { ...legend, data: LEVEL_ORDER.map((l) => chart.levelNames[l]) },
    grid: { left: 20, right: 40, top: 112, bottom: 80, containLabel: true },
    xAxis: {
      type: "value",
      scale: true,
      name: chart.xLabel,
      nameLocation: "middle",
      nameGap: 30,
      nameTextStyle: axisName,
      splitLine: { lineStyle: { color: PALETTE.grid } },
    },
    yAxis: { type: "category", data: names, inverse: true, axisLabel: { fontSize: 11, width: 260, overflow: "truncate" } },
    series: [intervals, ...means],
  }
  return renderOption(option, 900, height).png
}
