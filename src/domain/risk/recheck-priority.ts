/**
 * «Требует внимания» as a ranked re-check list with a budget (issue 13). One moderate sign used to be enough, and
 * level signs alone counted too, so the level covered a quarter of honest schools and nearly every strong one: no
 * list anyone can work through. Now, within each municipality, schools outside the risk zone are ranked by how
 * likely a re-check is to change the picture, and only the first `budget` of them keep the level:
 *   - only pattern evidence gives a place: strong results alone (level signs) never do;
 *   - evidence of points added at checking (peaks at thresholds S4, lenient checking S12, scores above the journal S6)
 *     weighs more than evidence a re-check of the works cannot confirm (help S3, copying S11, a high journal);
 *   - high results (level signs) raise the weight of that evidence: inflated scores are high scores.
 * The other schools keep their reasons (the drill-down shows them) but are not called «требует внимания».
 * The weights were chosen on the tuning seeds of the detection bench (docs/calibration.md).
 */
import { normalCdf } from "../stats/normal.ts"
import type { RiskLevel } from "./levels.ts"

/** The parts of a sign result the ranking reads (structurally the analysis' SignResult). */
export interface SignLike {
  id: string
  kind: string
  status: string
  strength?: string
  evidence: Readonly<Record<string, number | string | null>>
}

export interface PriorityInput {
  schoolKey: string
  municipalityId: string | null
  level: RiskLevel
  signs: readonly SignLike[]
}

export interface AttentionBudget {
  /** Share of the municipality's schools with results. */
  share: number
  /** At least this many places per municipality. */
  minimum: number
}

export const DEFAULT_ATTENTION_BUDGET: AttentionBudget = { share: 0.1, minimum: 3 }

export interface PriorityWeights {
  /**
   * A school takes part when a pattern sign fired, or when a level sign fired and evidence a re-check can confirm is at
   * least this strong (one-sided p): high results with a hint of added points. Level signs alone never do, and a
   * school without any fired sign never does (it would stand on the list with nothing to show for it).
   */
  candidateP: number
  /** Weight of evidence a re-check can confirm (S4, S12, S6 scores above the journal). */
  recheckable: number
  /** Weight of the other pattern evidence (S3, S11, S6 journal above the scores, S7–S10). */
  other: number
  /** Factor when a level sign fired too. */
  levelBoost: number
}

export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = { candidateP: 0.1, recheckable: 1, other: 0.5, levelBoost: 1.5 }

const RECHECKABLE = new Set(["S4", "S12"])

/** −log10 of p over 0.5: no evidence at p ≥ 0.5, one unit per tenfold. */
function weight(p: number): number {
  return Math.max(0, -Math.log10(Math.max(p, 1e-12) / 0.5))
}

function numeric(value: number | string | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null
}

/** Each piece of pattern evidence as a one-sided p and whether a re-check of the works can confirm it. */
export function patternEvidence(signs: readonly SignLike[]): { signId: string; p: number; recheckable: boolean }[] {
  const out: { signId: string; p: number; recheckable: boolean }[] = []
  for (const sign of signs) {
    if (sign.kind !== "pattern" || sign.status === "abstained") continue
    if (sign.id === "S6") {
      const z = numeric(sign.evidence.journalResidualZ)
      if (z !== null) {
        out.push({ signId: "S6", p: normalCdf(z), recheckable: true }) // scores above the journal
        out.push({ signId: "S6", p: 1 - normalCdf(z), recheckable: false }) // journal above the scores
      } else if (sign.status === "fired") {
        out.push({ signId: "S6", p: sign.strength === "strong" ? 0.001 : 0.01, recheckable: false })
      }
      continue
    }
    const p = numeric(sign.evidence.p)
    if (p !== null) out.push({ signId: sign.id, p, recheckable: RECHECKABLE.has(sign.id) })
    else if (sign.status === "fired") out.push({ signId: sign.id, p: sign.strength === "strong" ? 0.001 : 0.01, recheckable: false })
  }
  return out
}

/** How much a re-check of this school is worth; 0 when it has no pattern evidence (it takes no place). */
export function recheckPriority(signs: readonly SignLike[], weights: PriorityWeights = DEFAULT_PRIORITY_WEIGHTS): number {
  const evidence = patternEvidence(signs)
  const level = signs.some((s) => s.kind === "level" && s.status === "fired")
  const pattern = signs.some((s) => s.kind === "pattern" && s.status === "fired")
  if (!pattern && !(level && evidence.some((e) => e.recheckable && e.p < weights.candidateP))) return 0
  const base = evidence.reduce((sum, e) => sum + weight(e.p) * (e.recheckable ? weights.recheckable : weights.other), 0)
  return base * (level ? weights.levelBoost : 1)
}

/** Places per municipality: `share` of its schools with results, at least `minimum`. */
export function budgetFor(schools: number, budget: AttentionBudget = DEFAULT_ATTENTION_BUDGET): number {
  return Math.max(budget.minimum, Math.round(budget.share * schools))
}

export interface RankedSchool {
  schoolKey: string
  priority: number
  /** 1-based place on the municipality's list; null when the school is not on it. */
  rank: number | null
}

/**
 * The re-check list of every municipality. `assessed` says which schools count for the budget (those with results);
 * schools in the risk zone are already cases and take no place.
 */
export function rankRecheckList(
  schools: readonly (PriorityInput & { assessed: boolean })[],
  budget: AttentionBudget = DEFAULT_ATTENTION_BUDGET,
  weights: PriorityWeights = DEFAULT_PRIORITY_WEIGHTS,
): Map<string, RankedSchool> {
  const byMunicipality = new Map<string, (PriorityInput & { assessed: boolean })[]>()
  for (const school of schools) {
    const key = school.municipalityId ?? ""
    byMunicipality.set(key, [...(byMunicipality.get(key) ?? []), school])
  }
  const out = new Map<string, RankedSchool>()
  for (const members of byMunicipality.values()) {
    const places = budgetFor(members.filter((s) => s.assessed).length, budget)
    const ranked = members
      .filter((s) => s.level !== "risk")
      .map((s) => ({ schoolKey: s.schoolKey, priority: recheckPriority(s.signs, weights) }))
      .sort((a, b) => b.priority - a.priority || a.schoolKey.localeCompare(b.schoolKey))
    ranked.forEach((s, i) => out.set(s.schoolKey, { ...s, rank: s.priority > 0 && i < places ? i + 1 : null }))
  }
  return out
}
