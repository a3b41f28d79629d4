/**
 * The numbers of a municipal overview, counted once. The chat overview, the XLSX «Сводка» and «Риски» sheets and the
 * risk chart all read them from here, so a coordinator never sees two totals for one set of schools (issue 11: the
 * chat said 459 + 36 where the workbook said 495, the chart 631 where the text said 635).
 */
import type { MunicipalOverview, OverviewSchool } from "./model.ts"

export interface OverviewCounts {
  /** Every school of the scope, assessed or not. */
  schools: number
  /** Participants who wrote the work, over all those schools. */
  present: number
  assessed: number
  /** Assessed schools by risk level; an unassessed school is counted apart, never as «не требует действий». */
  risk: number
  attention: number
  none: number
  unassessed: number
  /** Assessed schools without any sign: the index's numerator. */
  withoutSigns: number
  /** Schools «не требует действий» that still have signs (they did not make the re-check list); the index counts them. */
  signsOffList: number
  /** The objectivity index in percent, rounded to one decimal as every reader shows it; null when not computed. */
  index: number | null
  /** The index exists but fewer schools were assessed than the minimum: it is withheld, not shown. */
  indexWithheld: boolean
  /** The fewest assessed schools the index is given for. */
  indexMinimum: number
}

/** Whether a school was assessed at all (some sign did not abstain). */
export function isAssessed(school: OverviewSchool): boolean {
  return school.assessed !== false
}

export function overviewCounts(overview: MunicipalOverview, minimum = overview.indexMinimum ?? 1): OverviewCounts {
  const assessed = overview.schools.filter(isAssessed)
  const count = (level: OverviewSchool["level"]) => assessed.filter((school) => school.level === level).length
  // Built by hand (tests, older callers) the overview may not say it: then a school with a fired sign is one with signs.
  const withSigns = overview.schoolsWithSigns ?? assessed.filter((school) => school.level !== "none" || school.signsFired.length > 0).length
  return {
    schools: overview.schools.length,
    present: overview.schools.reduce((sum, school) => sum + school.present, 0),
    assessed: assessed.length,
    risk: count("risk"),
    attention: count("attention"),
    none: count("none"),
    unassessed: overview.schools.length - assessed.length,
    withoutSigns: assessed.length - withSigns,
    signsOffList: Math.max(0, withSigns - count("risk") - count("attention")),
    index: overview.index === null ? null : Math.round(overview.index * 10) / 10,
    indexWithheld: overview.index !== null && assessed.length < minimum,
    indexMinimum: minimum,
  }
}
