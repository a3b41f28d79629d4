/**
 * The verdict shared by S3 and S12: Δ significantly above 0 against the same level, and large enough.
 * S3 also tests the weaker-half contrast (help given to weaker pupils, statistic.ts): Δ and the contrast are nearly
 * independent (the school's honest shape shifts both halves alike, so it moves Δ, not the contrast), and help
 * moves both a little, so their p-values are combined by Fisher's method (χ², 4 d.f.) into one test; the larger of
 * the two effects must reach the minimum size (hard-task help in the risk zone: 70 % with the smaller p at α/2 each, 85 % so).
 */
import { chiSquareSf } from "../../../../domain/stats/index.ts"
import type { ShapeOutcome } from "./statistic.ts"
import type { Evidence, SignId, SignResult } from "../common/types.ts"
import { abstained, fired, notFired, strengthOf } from "../common/sign-result.ts"

export function shapeVerdict(
  id: SignId,
  outcome: ShapeOutcome,
  thresholds: { alpha: number; strongAlpha: number; minDelta: number },
  labels: (k: number) => string,
  firedReason: string,
  options: { contrast: boolean; contrastReason?: string } = { contrast: false },
): SignResult {
  if ("abstain" in outcome) return abstained(id, outcome.abstain)
  const withContrast = options.contrast && outcome.contrastP !== null
  // Without a contrast (S12; S3 when its halves cannot be formed) Δ alone decides, S3 still at the α/2 it would share.
  const pDelta = Math.min(1, outcome.p * (options.contrast ? 2 : 1))
  const evidence: Evidence = {
    delta: outcome.delta,
    t: outcome.t,
    p: pDelta,
    pupils: outcome.pupils,
    pupilSe: outcome.pupilSe,
    tau: outcome.tau,
    minDelta: thresholds.minDelta,
    alpha: thresholds.alpha,
    levelSchools: outcome.levelSchools,
    levelLow: outcome.levelLow,
    levelHigh: outcome.levelHigh,
    focusTasks: outcome.split.focus.map(labels).join(", "),
    comparisonTasks: outcome.split.comparison.map(labels).join(", "),
    split: outcome.split.basis,
  }
  if (options.contrast) {
    evidence.contrast = outcome.contrast
    evidence.contrastZ = outcome.contrastZ
    evidence.contrastP = outcome.contrastP
  }
  if (withContrast) {
    const contrastP = outcome.contrastP as number
    const combined = chiSquareSf(-2 * (Math.log(Math.max(outcome.p, 1e-300)) + Math.log(Math.max(contrastP, 1e-300))), 4)
    evidence.p = combined
    const big = Math.max(outcome.delta, outcome.contrast ?? 0) >= thresholds.minDelta
    const strength = big ? strengthOf(combined, thresholds.alpha, thresholds.strongAlpha) : null
    if (strength) return fired(id, strength, outcome.p <= contrastP ? firedReason : (options.contrastReason ?? firedReason), evidence)
    return notFired(id, big ? "not_significant" : "difference_small", evidence)
  }
  const strength = outcome.delta >= thresholds.minDelta ? strengthOf(pDelta, thresholds.alpha, thresholds.strongAlpha) : null
  if (strength) return fired(id, strength, firedReason, evidence)
  return notFired(id, outcome.delta < thresholds.minDelta ? "difference_small" : "not_significant", evidence)
}
