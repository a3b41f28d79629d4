/**
 * S7 «резкий рост / падение результатов параллели» (FIOKO 2019 rule (c)).
 * K = P(school, grade N, year Y) / P(school, grade N+1, year Y+1), P = mean completion, same subject; quartiles
 * of K over every school with both. A fall (K above Q75 + 3·IQR) points at the earlier procedure (its results
 * were not confirmed a year later), a rise (K below Q25 − 3·IQR) at the later one.
 */
import { iqr } from "../../../domain/stats/index.ts"
import type { ProcedureKey } from "../../../domain/results.ts"
import type { AnalysisSettings } from "../settings.ts"
import type { ProcedureResults } from "../types.ts"
import { tallySchool } from "./common/school-tallies.ts"
import type { CohortEvidence, Sign } from "./common/types.ts"
import { abstained, fired, notFired } from "./common/sign-result.ts"

export interface CohortSchool {
  k: number
  pEarlier: number
  pLater: number
  nEarlier: number
  nLater: number
  flag: "fall" | "rise" | null
  strong: boolean
}

export interface CohortJumps {
  earlier: ProcedureKey
  later: ProcedureKey
  q25: number
  q75: number
  iqr: number
  lowFence: number
  highFence: number
  schools: Record<string, CohortSchool>
}

function keyOf(p: ProcedureResults): ProcedureKey {
  const { kind, year, subject, grade } = p.spec
  return { kind, year, subject, grade }
}

/** Both procedures are tallied once; schools below `minParticipants` in either year are left out. */
export function cohortJumps(earlier: ProcedureResults, later: ProcedureResults, settings: AnalysisSettings): CohortJumps {
  const laterBySchool = new Map(later.schools.map((s) => [s.schoolKey, tallySchool(s, later.spec)]))
  const pairs: { key: string; pEarlier: number; pLater: number; nEarlier: number; nLater: number; k: number }[] = []
  for (const school of earlier.schools) {
    const e = tallySchool(school, earlier.spec)
    const l = laterBySchool.get(school.schoolKey)
    if (!l || e.n < settings.minParticipants || l.n < settings.minParticipants || l.meanCompletion <= 0) continue
    pairs.push({ key: school.schoolKey, pEarlier: e.meanCompletion, pLater: l.meanCompletion, nEarlier: e.n, nLater: l.n, k: e.meanCompletion / l.meanCompletion })
  }
  const sorted = pairs.map((p) => p.k).sort((a, b) => a - b)
  const spread = sorted.length >= 4 ? iqr(sorted) : { q25: Number.NaN, q75: Number.NaN, iqr: Number.NaN }
  const m = settings.S7.iqrMultiplier
  const strongM = settings.S7.strongIqrMultiplier
  const lowFence = spread.q25 - m * spread.iqr
  const highFence = spread.q75 + m * spread.iqr
  const schools: Record<string, CohortSchool> = {}
  for (const p of pairs) {
    const flag = p.k > highFence ? "fall" : p.k < lowFence ? "rise" : null
    const strong = p.k > spread.q75 + strongM * spread.iqr || p.k < spread.q25 - strongM * spread.iqr
    schools[p.key] = { k: p.k, pEarlier: p.pEarlier, pLater: p.pLater, nEarlier: p.nEarlier, nLater: p.nLater, flag, strong }
  }
  return { earlier: keyOf(earlier), later: keyOf(later), q25: spread.q25, q75: spread.q75, iqr: spread.iqr, lowFence, highFence, schools }
}

/** The evidence one school gets from one cohort pair (undefined when the school is not in both years). */
export function cohortEvidence(jumps: CohortJumps, role: "earlier" | "later", schoolKey: string): CohortEvidence | undefined {
  const s = jumps.schools[schoolKey]
  if (!s) return undefined
  return {
    role,
    k: s.k,
    pEarlier: s.pEarlier,
    pLater: s.pLater,
    q25: jumps.q25,
    q75: jumps.q75,
    iqr: jumps.iqr,
    flag: s.flag,
    strong: s.strong,
    schools: Object.keys(jumps.schools).length,
  }
}

export const cohortJump: Sign = (ctx) => {
  const list = ctx.extras.cohort ?? []
  if (list.length === 0) return abstained("S7", "no_data")
  // A fall matters when this procedure is the earlier one, a rise when it is the later one.
  const relevant = list.filter((c) => (c.role === "earlier" && c.flag === "fall") || (c.role === "later" && c.flag === "rise"))
  const shown = relevant.find((c) => c.strong) ?? relevant[0] ?? list[0]
  if (!shown) return abstained("S7", "no_data")
  const evidence = {
    role: shown.role,
    k: shown.k,
    pEarlier: shown.pEarlier,
    pLater: shown.pLater,
    q25: shown.q25,
    q75: shown.q75,
    iqr: shown.iqr,
    fence: shown.role === "later" ? shown.q25 - ctx.settings.S7.iqrMultiplier * shown.iqr : shown.q75 + ctx.settings.S7.iqrMultiplier * shown.iqr,
    schools: shown.schools,
  }
  if (relevant.length === 0) return notFired("S7", "no_jump", evidence)
  return fired("S7", shown.strong ? "strong" : "moderate", shown.flag === "fall" ? "fall_next_year" : "rise_from_last_year", evidence)
}
