/**
 * Runs every sign for one procedure and turns them into risk levels and the objectivity index.
 * Must be fast (a region of ~600 schools and ~25,000 pupils in well under 0.5 s): the contexts are built in
 * linear time (signs/contexts.ts), every sign is O(pupils × tasks) of its school.
 */
import { meanInterval, type Interval } from "../../domain/stats/index.ts"
import type { ProcedureKey } from "../../domain/results.ts"
import { applyRecheckBudget, assessRisk, objectivityIndex, type ObjectivityIndex, type RiskAssessment } from "./risk.ts"
import { DEFAULT_SETTINGS, type AnalysisSettings } from "./settings.ts"
import { buildSignContexts } from "./signs/contexts.ts"
import { evaluateAllSigns } from "./signs/index.ts"
import { ciOptions } from "./signs/S1-mean-above.ts"
import { meanAndSd, type SchoolTally } from "./signs/tally.ts"
import type { AnalysisExtras, SignResult } from "./signs/types.ts"
import type { ProcedureResults } from "./types.ts"

export interface SchoolAnalysis {
  schoolKey: string
  municipalityId: string | null
  present: number
  absent: number
  /** Mean primary score and its interval (null below two participants). */
  mean: number | null
  interval: Interval | null
  meanCompletion: number | null
  referenceGroup: { kind: string; label: string; schools: number }
  signs: SignResult[]
  risk: RiskAssessment
}

export interface ProcedureAnalysis {
  procedure: ProcedureKey
  settings: AnalysisSettings
  /** The whole upload: participants present, mean primary score, SD and interval. */
  group: { schools: number; present: number; absent: number; mean: number | null; sd: number | null; interval: Interval | null }
  index: ObjectivityIndex
  schools: SchoolAnalysis[]
}

export function analyseProcedure(input: ProcedureResults, settings: AnalysisSettings = DEFAULT_SETTINGS, extras: AnalysisExtras = {}): ProcedureAnalysis {
  const spec = input.spec
  const { tallies, contexts } = buildSignContexts(input, settings, extras)
  const intervalOptions = ciOptions(settings)
  const assessed: SchoolAnalysis[] = contexts.map((ctx) => {
    const t = ctx.school
    const signs = evaluateAllSigns(ctx)
    const stats = meanAndSd(t)
    return {
      schoolKey: t.schoolKey,
      municipalityId: t.municipalityId,
      present: t.n,
      absent: t.absent,
      mean: t.n > 0 ? stats.mean : null,
      interval: meanInterval(stats, intervalOptions),
      meanCompletion: t.n > 0 ? t.meanCompletion : null,
      referenceGroup: { kind: ctx.group.kind, label: ctx.group.label, schools: ctx.group.otherSchools },
      signs,
      risk: assessRisk(signs),
    }
  })
  const schools = applyRecheckBudget(assessed, settings)

  const present = tallies.reduce((s, t) => s + t.n, 0)
  const wholeStats = poolStats(tallies)
  return {
    procedure: { kind: spec.kind, year: spec.year, subject: spec.subject, grade: spec.grade },
    settings,
    group: {
      schools: tallies.filter((t) => t.n > 0).length,
      present,
      absent: tallies.reduce((s, t) => s + t.absent, 0),
      mean: present > 0 ? wholeStats.mean : null,
      sd: present > 1 ? wholeStats.sd : null,
      interval: meanInterval(wholeStats, intervalOptions),
    },
    index: objectivityIndex(schools),
    schools,
  }
}

function poolStats(tallies: readonly SchoolTally[]): { n: number; mean: number; sd: number } {
  const n = tallies.reduce((s, t) => s + t.n, 0)
  const sum = tallies.reduce((s, t) => s + t.sum, 0)
  const sumSq = tallies.reduce((s, t) => s + t.sumSq, 0)
  const mean = n > 0 ? sum / n : 0
  return { n, mean, sd: n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))) : 0 }
}
