/**
 * S4 «пики на границах отметок» (FIOKO 2026 names peaks at the minimum score of a mark as a possible marker;
 * no numeric rule is published). For each threshold T: a = #(x = T), b = #(T − w ≤ x ≤ T − 1) (objectivity.md:
 * w = 1); a one-sided binomial test of a out of a + b against the group's a_G / (a_G + b_G).
 * Pushing works on every threshold at once, and a school of 30–50 pupils has only a few pupils at each, so the
 * thresholds are also tested together (Σa out of Σ(a + b) against the pooled expected share; the expected shares
 * of the thresholds are close, so one binomial serves). Holm over the thresholds and the joint test.
 */
import { binomialTestGreater, holmAdjust } from "../../../domain/stats/index.ts"
import type { Evidence, Sign } from "./common/types.ts"
import { abstained, fired, notFired, strengthOf } from "./common/sign-result.ts"

const MARKS = ["3", "4", "5"] as const

/** Participants with scores T − window … T − 1. */
function countBelow(counts: readonly number[], threshold: number, window: number): number {
  let sum = 0
  for (let x = Math.max(0, threshold - window); x < threshold; x++) sum += counts[x] ?? 0
  return sum
}

export const boundaryPeaks: Sign = (ctx) => {
  const { spec, school, group, settings } = ctx
  if (!spec.scale) return abstained("S4", "no_scale")
  if (school.n < settings.minParticipantsForDistribution) {
    return abstained("S4", "too_few_for_distribution", { n: school.n, minimum: settings.minParticipantsForDistribution })
  }
  const tested: { mark: string; threshold: number; at: number; below: number; expectedShare: number; p: number }[] = []
  for (const mark of MARKS) {
    const t = spec.scale[mark]
    if (t < 1 || t > spec.maxTotal) continue // a threshold of 0 has nothing below it
    const at = school.scoreCounts[t] ?? 0
    const below = countBelow(school.scoreCounts, t, settings.S4.window)
    const groupAt = group.reference.scoreCounts[t] ?? 0
    const groupBelow = countBelow(group.reference.scoreCounts, t, settings.S4.window)
    if (groupAt + groupBelow === 0) continue
    // Half a pupil added to each side keeps a small group with nobody at T from making any school "infinitely" peaked.
    const expectedShare = (groupAt + 0.5) / (groupAt + groupBelow + 1)
    const p = at + below === 0 ? 1 : binomialTestGreater(at, at + below, expectedShare)
    tested.push({ mark, threshold: t, at, below, expectedShare, p })
  }
  if (tested.length === 0) return abstained("S4", "no_reference")
  const trials = tested.reduce((sum, x) => sum + x.at + x.below, 0)
  const jointAt = tested.reduce((sum, x) => sum + x.at, 0)
  const jointShare = trials > 0 ? tested.reduce((sum, x) => sum + (x.at + x.below) * x.expectedShare, 0) / trials : 0
  const jointP = trials === 0 || tested.length < 2 ? 1 : binomialTestGreater(jointAt, trials, jointShare)
  const adjusted = holmAdjust([...tested.map((x) => x.p), ...(tested.length >= 2 ? [jointP] : [])])
  const jointAdjusted = tested.length >= 2 ? (adjusted[tested.length] ?? 1) : 1
  const evidence: Evidence = { n: school.n }
  let best = -1
  tested.forEach((x, i) => {
    const p = adjusted[i] ?? 1
    evidence[`mark${x.mark}Threshold`] = x.threshold
    evidence[`mark${x.mark}At`] = x.at
    evidence[`mark${x.mark}Below`] = x.below
    evidence[`mark${x.mark}ExpectedShare`] = x.expectedShare
    evidence[`mark${x.mark}P`] = p
    if (best < 0 || p < (adjusted[best] ?? 1)) best = i
  })
  evidence.window = settings.S4.window
  evidence.jointAt = jointAt
  evidence.jointBelow = trials - jointAt
  evidence.jointExpectedShare = jointShare
  evidence.jointP = jointAdjusted
  const top = tested[best]
  const single = adjusted[best] ?? 1
  const p = Math.min(single, jointAdjusted)
  evidence.p = p
  // The line names the weightiest threshold; when only the joint test is significant, it speaks of all thresholds.
  evidence.mark = single <= jointAdjusted ? (top?.mark ?? null) : "all"
  evidence.threshold = single <= jointAdjusted ? (top?.threshold ?? null) : null
  const strength = strengthOf(p, settings.S4.alpha, settings.S4.strongAlpha)
  return strength ? fired("S4", strength, "peak_at_threshold", evidence) : notFired("S4", "no_peak", evidence)
}
