/** Small derivations shared by the charts and the workbooks: shares from counts, the rows that matter, ranking. */
import type { GroupStats, JournalShifts, MarkCounts, MarkKey, OverviewSchool, RiskLevel, SchoolReport } from "./model.ts"

export const MARK_KEYS: readonly MarkKey[] = ["2", "3", "4", "5"]
export const RISK_LEVELS: readonly RiskLevel[] = ["risk", "attention", "none"]

/** `part / whole`, or null when there is nothing to divide by (an empty cell beats a misleading 0 %). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null
}

export function markTotal(marks: MarkCounts): number {
  return MARK_KEYS.reduce((sum, key) => sum + marks[key], 0)
}

export function journalTotal(journal: JournalShifts): number {
  return journal.lowered + journal.confirmed + journal.raised
}

/** Shares of participants at each score 0…maxScore (counts beyond maxScore are ignored, missing ones are 0). */
export function scoreShares(counts: readonly number[], maxScore: number): (number | null)[] {
  const total = counts.slice(0, maxScore + 1).reduce((sum, c) => sum + c, 0)
  return Array.from({ length: maxScore + 1 }, (_, score) => shareOf(counts[score] ?? 0, total))
}

export function schoolRow(report: SchoolReport): GroupStats {
  const row = report.groups.find((g) => g.role === "school")
  if (!row) throw new Error(`School report ${report.schoolLogin} has no row with role "school"`)
  return row
}

/** The group the school is compared with: the first reference row. */
export function referenceRow(report: SchoolReport): GroupStats | undefined {
  return report.groups.find((g) => g.role === "reference")
}

/** «edu223379 · МБОУ СОШ № 1» — the login always, because names repeat across a region. */
export function schoolLabel(login: string, name?: string): string {
  return name ? `${login} · ${name}` : login
}

/**
 * Weightiest first: risk before attention before none, then the analysis score, then more fired signs,
 * then the login so that the order is stable.
 */
export function rankSchools(schools: readonly OverviewSchool[]): OverviewSchool[] {
  const severity = (s: OverviewSchool) => RISK_LEVELS.indexOf(s.level)
  return [...schools].sort(
    (a, b) =>
      severity(a) - severity(b) ||
      (b.score ?? 0) - (a.score ?? 0) ||
      b.signsFired.length - a.signsFired.length ||
      a.login.localeCompare(b.login),
  )
}

/** Compared with the reference: "above"/"below" when the intervals do not overlap, or by value when no intervals. */
export type Comparison = "above" | "below" | "same"

export function compare(
  value: number | null | undefined,
  reference: number | null | undefined,
  interval?: { low: number; high: number } | null,
  referenceInterval?: { low: number; high: number } | null,
): Comparison {
  if (value == null || reference == null) return "same"
  if (interval && referenceInterval) {
    if (interval.low > referenceInterval.high) return "above"
    if (interval.high < referenceInterval.low) return "below"
    return "same"
  }
  return value > reference ? "above" : value < reference ? "below" : "same"
}
