/** The short chat texts of the analysis: the key numbers and what they mean, in the reader's language. */
import type { Translate } from "../../i18n.ts"
import type { GroupStats, MunicipalOverview, SchoolReport } from "../reports/model.ts"
import { isAssessed, overviewCounts, type OverviewCounts } from "../reports/overview-counts.ts"
import type { SchoolAnalysis } from "./analyse.ts"
import type { YearComparison } from "./trend.ts"
import { abstentionText, describe } from "./signs/common/describe.ts"
import type { SignResult } from "./signs/common/types.ts"

/**
 * A sign in chat: its title in plain words, no code and no figures (intervals, p-values, points are in the XLSX report).
 */
function plainSign(t: Translate, id: string, strong: boolean): string {
  const title = t(`sign-title-${id}`)
  return strong ? t("analysis-sign-strong", { title }) : title
}

const LIST_LIMIT = 10
/** Room for the list within Telegram's 4,096 characters, leaving space for the closing lines. */
const MESSAGE_BUDGET = 3_700

/** Numbers in the reader's convention: the decimal separator and percent sign come from the locale. */
function numbers(t: Translate) {
  const separator = t("sign-decimal-separator")
  const number = (value: number | null | undefined, digits = 1): string =>
    value === null || value === undefined || !Number.isFinite(value) ? "—" : value.toFixed(digits).replace(".", separator)
  const percent = (part: number, whole: number): string => (whole > 0 ? t("sign-percent", { value: number((100 * part) / whole, 0) }) : "—")
  return { number, percent }
}

function markShares(group: GroupStats | undefined, percent: (part: number, whole: number) => string): string[] {
  const marks = group?.marks
  if (!marks) return ["—", "—", "—", "—"]
  const total = marks["2"] + marks["3"] + marks["4"] + marks["5"]
  return (["2", "3", "4", "5"] as const).map((mark) => percent(marks[mark], total))
}

/** Tasks whose completion interval lies wholly below (or above) the reference group's estimate. */
function tasksApart(report: SchoolReport, school: GroupStats, reference: GroupStats, direction: "low" | "high"): string[] {
  return report.tasks.flatMap((task, index) => {
    const interval = school.completionIntervals?.[index]
    const group = reference.completion?.[index]
    if (!interval || group === null || group === undefined) return []
    const apart = direction === "low" ? interval.high < group : interval.low > group
    return apart ? [task.label] : []
  })
}

/** How many other schools the comparison group holds, and how many it needs (settings.minComparisonSchools). */
export interface ComparisonBasis {
  otherSchools: number
  minimum: number
}

export const comparable = (basis: ComparisonBasis): boolean => basis.otherSchools >= basis.minimum

/**
 * Signs that were not assessed, grouped by the plain reason (no codes): «нет данных ОГЭ/ЕГЭ: …». Low results (S1−)
 * are information, not a sign of bias, and are left out.
 */
export function unassessedLines(t: Translate, signs: readonly SignResult[]): string[] {
  const byReason = new Map<string, string[]>()
  for (const sign of signs) {
    if (sign.status !== "abstained" || sign.id === "S1-") continue
    const reason = abstentionText(sign, t)
    byReason.set(reason, [...(byReason.get(reason) ?? []), t(`sign-title-${sign.id}`)])
  }
  return [...byReason].map(([reason, titles]) => `• ${titles.join("; ")} — ${reason}`)
}

/** «Nothing found» says how many signs were assessed, and which were not and why. */
function cleanLines(t: Translate, signs: readonly SignResult[]): string[] {
  const counted = signs.filter((sign) => sign.id !== "S1-")
  const assessed = counted.filter((sign) => sign.status !== "abstained").length
  if (assessed === counted.length) return [t("analysis-school-clean")]
  if (assessed === 0) return [t("analysis-school-none-assessed"), ...unassessedLines(t, signs)]
  return [t("analysis-school-clean-of", { assessed, total: counted.length }), t("analysis-school-unassessed"), ...unassessedLines(t, signs)]
}

export function schoolText(
  t: Translate,
  report: SchoolReport,
  analysed: SchoolAnalysis,
  options: { withRisk: boolean; comparison: ComparisonBasis },
): string {
  const { number, percent } = numbers(t)
  const school = report.groups.find((group) => group.role === "school")!
  const reference = report.groups.find((group) => group.role === "reference")!
  const compare = comparable(options.comparison)
  const lines = [
    t("analysis-school-head", { title: report.procedureTitle, school: report.schoolName ? `${report.schoolLogin} (${report.schoolName})` : report.schoolLogin }),
    "",
    compare
      ? t("analysis-school-numbers", { present: school.present, absent: school.absent ?? 0, mean: number(school.mean), groupMean: number(reference.mean) })
      : t("analysis-school-numbers-alone", { present: school.present, absent: school.absent ?? 0, mean: number(school.mean) }),
  ]
  if (school.marks) {
    const [m2, m3, m4, m5] = markShares(school, percent)
    if (compare) {
      const [g2, g3, g4, g5] = markShares(reference, percent)
      lines.push(t("analysis-school-marks", { m2: m2!, m3: m3!, m4: m4!, m5: m5!, g2: g2!, g3: g3!, g4: g4!, g5: g5! }))
    } else lines.push(t("analysis-school-marks-alone", { m2: m2!, m3: m3!, m4: m4!, m5: m5! }))
  }
  const journal = school.journal
  const compared = journal ? journal.lowered + journal.confirmed + journal.raised : 0
  if (journal && compared > 0) {
    lines.push(t("analysis-school-journal", { confirmed: percent(journal.confirmed, compared), lowered: percent(journal.lowered, compared), raised: percent(journal.raised, compared) }))
  }
  if (compare) {
    const low = tasksApart(report, school, reference, "low")
    const high = tasksApart(report, school, reference, "high")
    if (low.length > 0) lines.push(t("analysis-school-tasks-low", { tasks: low.join(", ") }))
    if (high.length > 0) lines.push(t("analysis-school-tasks-high", { tasks: high.join(", ") }))
  } else {
    lines.push(
      "",
      t("analysis-school-no-comparison", { others: options.comparison.otherSchools, minimum: options.comparison.minimum }),
      t(options.withRisk ? "analysis-school-who-loads-coordinator" : "analysis-school-who-loads-teacher"),
    )
  }
  const fired = analysed.signs.filter((sign) => sign.status === "fired" && sign.id !== "S1-")
  lines.push("")
  if (fired.length === 0) lines.push(...cleanLines(t, analysed.signs))
  else lines.push(t("analysis-school-recommend"), ...fired.map((sign) => `• ${plainSign(t, sign.id, sign.strength === "strong")}`))
  if (options.withRisk) lines.push("", t("analysis-school-risk", { level: t(`analysis-level-${analysed.risk.level}`) }))
  lines.push("", t("analysis-school-caution"))
  return clip(lines.join("\n"))
}

/**
 * «Подробнее»: the figures behind the summary's plain words — the mean with its interval, and every sign with its
 * code and numbers: those that fired, and those not assessed with the reason.
 */
export function schoolDetailsText(t: Translate, report: SchoolReport, analysed: SchoolAnalysis, comparison: ComparisonBasis): string {
  const { number } = numbers(t)
  const school = report.groups.find((group) => group.role === "school")!
  const reference = report.groups.find((group) => group.role === "reference")!
  const fired = analysed.signs.filter((sign) => sign.status === "fired")
  const abstained = analysed.signs.filter((sign) => sign.status === "abstained")
  const lines = [
    t("analysis-details-head", { title: report.procedureTitle, school: report.schoolLogin }),
    comparable(comparison)
      ? t("analysis-details-mean", {
          mean: number(school.mean),
          low: number(school.meanInterval?.low),
          high: number(school.meanInterval?.high),
          groupMean: number(reference.mean),
          group: reference.name,
        })
      : t("analysis-details-mean-alone", { mean: number(school.mean), low: number(school.meanInterval?.low), high: number(school.meanInterval?.high) }),
  ]
  if (fired.length > 0) lines.push("", t("analysis-details-fired"), ...fired.map((sign) => `• ${describe(sign, t)}`))
  if (abstained.length > 0) lines.push("", t("analysis-details-abstained"), ...abstained.map((sign) => `• ${describe(sign, t)}`))
  return clip(lines.join("\n"))
}

/** The index, and its trend like with like; neither for fewer assessed schools than a comparison needs. */
function indexLines(t: Translate, counts: OverviewCounts, lastYear: YearComparison | undefined): string[] {
  const { number } = numbers(t)
  const percentOf = (value: number) => t("sign-percent", { value: number(value, 1) })
  const minimum = counts.indexMinimum
  if (counts.index === null || counts.indexWithheld) return [t("analysis-overview-no-index", { assessed: counts.assessed, minimum })]
  const lines = [t("analysis-overview-index", { index: percentOf(counts.index), clean: counts.withoutSigns, assessed: counts.assessed })]
  if (!lastYear) return lines
  const year = String(lastYear.year)
  if (lastYear.common < minimum || lastYear.index === null || lastYear.currentIndex === null) {
    lines.push(t("analysis-overview-trend-none", { year, common: lastYear.common, minimum }))
  } else if (lastYear.sameSchools) {
    lines.push(t("analysis-overview-trend", { year, index: percentOf(lastYear.index) }))
  } else {
    lines.push(t("analysis-overview-trend-common", { year, common: lastYear.common, index: percentOf(lastYear.index), current: percentOf(lastYear.currentIndex) }))
  }
  return lines
}

export function overviewText(t: Translate, overview: MunicipalOverview, options: { minimum: number; lastYear?: YearComparison }): string {
  const { lastYear } = options
  const counts = overviewCounts(overview, options.minimum)
  const lines = [
    t("analysis-overview-head", { title: overview.procedureTitle, scope: overview.scopeName, schools: counts.schools, present: counts.present }),
    ...indexLines(t, counts, lastYear),
    t("analysis-overview-levels", { risk: counts.risk, attention: counts.attention, none: counts.none, unassessed: counts.unassessed }),
    ...(counts.signsOffList > 0 ? [t("analysis-overview-off-list", { count: counts.signsOffList })] : []),
  ]
  // «Требует внимания» is a reason to look closer: a selective re-check settles it (S10 reads its results).
  const recheck = counts.attention > 0 ? t("analysis-overview-recheck") : null
  for (const level of ["risk", "attention"] as const) {
    const schools = overview.schools.filter((school) => school.level === level && isAssessed(school)).sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
    if (schools.length === 0) continue
    lines.push("", t(level === "risk" ? "analysis-overview-risk-list" : "analysis-overview-attention-list"))
    // Whole entries only, as many as fit one message (the rest are in the XLSX report).
    const budget = level === "risk" ? MESSAGE_BUDGET * 0.7 : MESSAGE_BUDGET - (recheck?.length ?? 0)
    let shown = 0
    for (const school of schools.slice(0, LIST_LIMIT)) {
      const twice = level === "risk" && lastYear?.riskTwoYears.includes(school.login) ? ` — ${t("analysis-overview-two-years")}` : ""
      const entry = [`• ${school.login}${school.name ? ` (${school.name})` : ""}${twice}`, ...school.signsFired.map((id) => `   — ${plainSign(t, id, false)}`)]
      if (lines.join("\n").length + entry.join("\n").length > budget) break
      lines.push(...entry)
      shown++
    }
    if (schools.length > shown) lines.push(t("analysis-overview-more", { count: schools.length - shown }))
  }
  if (recheck) lines.push("", recheck)
  if (counts.risk + counts.attention > 0) lines.push("", t("analysis-overview-drill"))
  return clip(lines.join("\n"))
}

/** Telegram's limit is 4096 characters; the XLSX report carries everything. */
function clip(text: string): string {
  return text.length <= 4000 ? text : `${text.slice(0, 3990)}\n…`
}
