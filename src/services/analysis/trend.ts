/**
 * The objectivity index a year earlier, like with like: both years' indices over the schools assessed in both, so
 * that one school this year is never set against a whole region last year.
 */
import type { MunicipalOverview, OverviewSchool } from "../reports/model.ts"
import { riskTwoYearsRunning } from "./risk.ts"

/** The same test a year earlier, when we hold it. */
export interface YearComparison {
  year: number
  /** Schools assessed in both years (by login). */
  common: number
  /** True when both years assessed exactly the same schools. */
  sameSchools: boolean
  /** Indices over the common schools; null when there are none. */
  index: number | null
  currentIndex: number | null
  /** Logins of schools in the risk zone both years. */
  riskTwoYears: string[]
}

/** Share of schools without signs, 0…100, over the given assessed schools. */
function indexOf(schools: readonly OverviewSchool[]): number | null {
  if (schools.length === 0) return null
  return 100 - (100 * schools.filter((school) => school.signsFired.length > 0).length) / schools.length
}

export function yearComparison(current: MunicipalOverview, previous: MunicipalOverview, year: number): YearComparison {
  const assessed = (overview: MunicipalOverview) => overview.schools.filter((school) => school.assessed !== false)
  const before = new Map(assessed(previous).map((school) => [school.login, school]))
  const now = assessed(current)
  const common = now.filter((school) => before.has(school.login))
  const levels = (overview: MunicipalOverview) => new Map(overview.schools.map((school) => [school.login, school.level]))
  return {
    year,
    common: common.length,
    sameSchools: common.length === now.length && common.length === before.size,
    index: indexOf(common.map((school) => before.get(school.login)!)),
    currentIndex: indexOf(common),
    riskTwoYears: [...riskTwoYearsRunning(levels(current), levels(previous))].sort(),
  }
}
