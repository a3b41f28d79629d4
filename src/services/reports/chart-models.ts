/** Chart models from the report models, with the fixed words translated. */
import type { Translate } from "../../i18n.ts"
import { rankSchools, referenceRow, schoolLabel, schoolRow, scoreShares } from "./shares-and-ranks.ts"
import type {
  MunicipalOverview,
  RiskOverviewChart,
  SchoolReport,
  ScoreDistributionChart,
  TaskCompletionChart,
} from "./model.ts"
import { isAssessed, overviewCounts } from "./overview-counts.ts"

function subtitle(report: SchoolReport): string {
  return `${report.procedureTitle} · ${schoolLabel(report.schoolLogin, report.schoolName)}`
}

/** The school against its reference group; null when the school has no score counts. */
export function scoreDistributionChart(report: SchoolReport, t: Translate): ScoreDistributionChart | null {
  const school = schoolRow(report)
  if (!school.scoreCounts) return null
  const reference = referenceRow(report)
  const series = [{ name: report.schoolLogin, shares: scoreShares(school.scoreCounts, report.maxScore) }]
  if (reference?.scoreCounts) series.push({ name: reference.name, shares: scoreShares(reference.scoreCounts, report.maxScore) })
  return {
    title: t("reports-chart-scores-title"),
    subtitle: subtitle(report),
    xLabel: t("reports-chart-scores-x"),
    yLabel: t("reports-chart-scores-y"),
    maxScore: report.maxScore,
    thresholds: report.thresholds ?? [],
    series,
  }
}

/** The school's completion per task against the reference group; null when the school has none. */
export function taskCompletionChart(report: SchoolReport, t: Translate): TaskCompletionChart | null {
  const school = schoolRow(report)
  if (!school.completion) return null
  const reference = referenceRow(report)
  const hasHardTasks = report.tasks.some((task) => task.level === "П" || task.level === "В")
  return {
    title: t("reports-chart-tasks-title"),
    subtitle: subtitle(report),
    xLabel: t("reports-chart-tasks-x"),
    yLabel: t("reports-chart-tasks-y"),
    tasks: report.tasks.map(({ label, level }) => ({ label, level })),
    series: [{ name: report.schoolLogin, shares: school.completion, intervals: school.completionIntervals ?? null }],
    ...(reference?.completion
      ? {
          reference: {
            name: reference.name,
            shares: reference.completion,
            intervals: reference.completionIntervals ?? null,
            bandName: t("reports-chart-tasks-band", { group: reference.name }),
          },
        }
      : {}),
    ...(hasHardTasks ? { levelNote: t("reports-chart-levels-note") } : {}),
  }
}

/**
 * Schools' means with intervals, at most `limit` of them: the weightiest by risk are kept, then shown
 * from the highest mean down so the eye reads the spread.
 */
/**
 * The overview chart, read on a phone: the schools in the risk zone and needing attention, by name (the login only
 * when the directory has none); when no school has signs, the first schools by rank. At most `limit` bars.
 */
export function riskOverviewChart(overview: MunicipalOverview, t: Translate, limit = 20): RiskOverviewChart {
  const counts = overviewCounts(overview)
  const withMean = overview.schools.filter((s) => s.mean !== null)
  const flagged = withMean.filter((s) => s.level !== "none" && isAssessed(s))
  const candidates = flagged.length > 0 ? flagged : withMean
  const shown = rankSchools(candidates)
    .slice(0, limit)
    .sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0))
  const group = overview.references[0]
  // «Of how many» is the overview's count, the one the chat and the workbook say, not the schools that have a mean.
  const total = counts.schools
  const coverage =
    flagged.length > 0
      ? t("reports-chart-risk-flagged", { shown: shown.length, flagged: counts.risk + counts.attention, total })
      : shown.length < total
        ? t("reports-chart-risk-shown", { shown: shown.length, total })
        : null
  return {
    title: t("reports-chart-risk-title"),
    // The coverage on a line of its own: with a long scope name one line ran past both edges of the picture.
    subtitle: [[overview.procedureTitle, overview.scopeName].join(" · "), ...(coverage ? [coverage] : [])].join("\n"),
    coverage,
    xLabel: t("reports-chart-risk-x"),
    groupMean: group && group.mean !== null ? { name: t("reports-chart-group-mean", { group: group.name }), value: group.mean } : null,
    schools: shown.map((s) => ({ name: s.name ?? s.login, mean: s.mean ?? 0, interval: s.meanInterval ?? null, level: s.level })),
    levelNames: { none: t("reports-risk-none"), attention: t("reports-risk-attention"), risk: t("reports-risk-risk") },
  }
}
