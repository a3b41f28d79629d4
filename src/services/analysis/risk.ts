/**
 * From signs to a risk level (objectivity.md «Risk level»). Level signs (S1, S2, S5) say only that results
 * are high — strong honest schools fire them all — so alone they never make a risk zone. Pattern signs carry
 * a strength. Rules:
 *   «зона риска»       any strong pattern sign; or two moderate pattern signs; or a moderate pattern sign with a level sign;
 *   «требует внимания» one moderate pattern sign, or level signs only — then narrowed to the municipality's ranked
 *                      re-check list (applyRecheckBudget, issue 13); the rest keep their reasons;
 *   «не требует действий» (level "none") nothing fired, or signs that earned no place on the list.
 * The score orders schools within a level and agrees with it: strong pattern 3, moderate pattern 2, any level
 * sign 1 (once) — so risk ⇔ score ≥ 3 and attention ⇔ 1 ≤ score < 3.
 */
import { rankRecheckList } from "../../domain/risk/recheck-priority.ts"
import type { AnalysisSettings, SignId } from "./settings.ts"
import type { Evidence, SignResult, SignStrength } from "./signs/types.ts"

export type RiskLevel = "none" | "attention" | "risk"

export interface RiskReason {
  signId: SignId
  kind: "level" | "pattern"
  strength: SignStrength
  /** The sign's reason code and its figures: signs/describe.ts turns them into text in the reader's language. */
  code: string
  params: Evidence
}

export interface RiskAssessment {
  level: RiskLevel
  score: number
  reasons: RiskReason[]
  /** Place on the municipality's re-check list («требует внимания»), null off it (applyRecheckBudget). */
  recheckRank?: number | null
}

export const SCORE_WEIGHTS = { strongPattern: 3, moderatePattern: 2, anyLevel: 1 } as const

export function assessRisk(signs: readonly SignResult[]): RiskAssessment {
  const firedSigns = signs.filter((s) => s.status === "fired" && (s.kind === "level" || s.kind === "pattern"))
  const strong = firedSigns.filter((s) => s.kind === "pattern" && s.strength === "strong").length
  const moderate = firedSigns.filter((s) => s.kind === "pattern" && s.strength !== "strong").length
  const level = firedSigns.filter((s) => s.kind === "level").length
  const score = SCORE_WEIGHTS.strongPattern * strong + SCORE_WEIGHTS.moderatePattern * moderate + (level > 0 ? SCORE_WEIGHTS.anyLevel : 0)
  const riskLevel: RiskLevel = strong > 0 || moderate >= 2 || (moderate === 1 && level > 0) ? "risk" : moderate + level > 0 ? "attention" : "none"
  // Pattern signs first, strong before moderate: the first line is the weightiest reason.
  const order = (s: SignResult): number => (s.kind === "pattern" ? (s.strength === "strong" ? 0 : 1) : 2)
  const reasons = [...firedSigns]
    .sort((a, b) => order(a) - order(b))
    .map((s) => ({
      signId: s.id,
      kind: s.kind as "level" | "pattern",
      strength: s.strength ?? "moderate",
      code: s.reason,
      params: s.evidence,
    }))
  return { level: riskLevel, score, reasons }
}

export interface ObjectivityIndex {
  /** Schools assessed (at least one sign did not abstain). */
  schools: number
  schoolsWithSigns: number
  /** 100 − % of assessed schools with at least one sign; null without assessed schools. */
  index: number | null
}

export function isAssessed(signs: readonly SignResult[]): boolean {
  return signs.some((s) => s.status !== "abstained")
}

/** Municipal objectivity index: the FIOKO 2019 formula over our risk levels. */
export function objectivityIndex(schools: readonly { signs: readonly SignResult[]; risk: RiskAssessment }[]): ObjectivityIndex {
  const assessed = schools.filter((s) => isAssessed(s.signs))
  // Any sign, whether or not the school made the re-check list: the index is about signs, the list about work.
  const withSigns = assessed.filter((s) => s.risk.reasons.length > 0).length
  return { schools: assessed.length, schoolsWithSigns: withSigns, index: assessed.length > 0 ? 100 - (100 * withSigns) / assessed.length : null }
}

/** FIOKO 2019 markers: rule (a) = S1, rule (b) = S6 by negative correlation, rule (c) = S7. */
export function hasFioko2019Marker(signs: readonly SignResult[]): boolean {
  return signs.some(
    (s) =>
      s.status === "fired" &&
      (s.id === "S1" || s.id === "S7" || (s.id === "S6" && String(s.evidence.rules ?? s.reason).includes("negative_correlation"))),
  )
}

/**
 * FIOKO 2019 index over several procedures (Russian and mathematics, grades 4–5, analysed with FIOKO_2019):
 * a school counts once, flagged when any procedure gives it a marker.
 */
export function fioko2019Index(procedures: readonly (readonly { schoolKey: string; signs: readonly SignResult[] }[])[]): ObjectivityIndex {
  const assessed = new Set<string>()
  const flagged = new Set<string>()
  for (const schools of procedures) {
    for (const s of schools) {
      if (!isAssessed(s.signs)) continue
      assessed.add(s.schoolKey)
      if (hasFioko2019Marker(s.signs)) flagged.add(s.schoolKey)
    }
  }
  return { schools: assessed.size, schoolsWithSigns: flagged.size, index: assessed.size > 0 ? 100 - (100 * flagged.size) / assessed.size : null }
}

/** Schools in the risk zone this year and last year (objectivity.md: «two consecutive years»). */
export function riskTwoYearsRunning(current: ReadonlyMap<string, RiskLevel>, previous: ReadonlyMap<string, RiskLevel>): Set<string> {
  const out = new Set<string>()
  for (const [key, level] of current) if (level === "risk" && previous.get(key) === "risk") out.add(key)
  return out
}

/** The index by year with the change from the previous year (the trend the coordinator sees). */
export function indexTrend(points: readonly { year: number; index: number | null }[]): { year: number; index: number | null; change: number | null }[] {
  const sorted = [...points].sort((a, b) => a.year - b.year)
  return sorted.map((p, i) => {
    const before = sorted[i - 1]
    const change = before && before.index !== null && p.index !== null ? p.index - before.index : null
    return { year: p.year, index: p.index, change }
  })
}

/**
 * «Требует внимания» is a ranked re-check list with a budget per municipality (domain/risk/recheck-priority.ts):
 * schools outside the risk zone keep the level only on the list; the others keep their reasons but not the level.
 */
export function applyRecheckBudget<S extends { schoolKey: string; municipalityId: string | null; signs: SignResult[]; risk: RiskAssessment }>(
  schools: readonly S[],
  settings: AnalysisSettings,
): S[] {
  const ranks = rankRecheckList(
    schools.map((s) => ({ schoolKey: s.schoolKey, municipalityId: s.municipalityId, level: s.risk.level, signs: s.signs, assessed: isAssessed(s.signs) })),
    settings.attention,
  )
  return schools.map((s) => {
    if (s.risk.level === "risk") return s
    const rank = ranks.get(s.schoolKey)?.rank ?? null
    return { ...s, risk: { ...s.risk, level: rank === null ? "none" : "attention", recheckRank: rank } }
  })
}
