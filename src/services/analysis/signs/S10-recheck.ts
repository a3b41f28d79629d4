/**
 * S10 «результаты не подтвердились при перепроверке» (seeds: выборочная перепроверка): the share of re-checked
 * works whose mark went down, and the mean change of the primary score. A second checker differs from the first
 * now and then in either direction, so each rule also asks that the fall be systematic: more marks lowered than
 * raised (sign test), and the mean change below zero (t test). Without that, two marks lowered out of ten by an
 * honest disagreement already reached the 0.20 share (measured on generated re-checks: S10 fired on 6 % of
 * honest schools).
 */
import { binomialTestGreater, oneSampleTTest, summarize } from "../../../domain/stats/index.ts"
import { markForScore } from "../../../domain/results.ts"
import type { RecheckedWork, Sign } from "./common/types.ts"
import { abstained, fired, notFired } from "./common/sign-result.ts"

/** One-sided p of a systematic fall of the score: 0 when every work lost the same points, 1 when none did. */
function pScoresFell(changes: number[]): number {
  const s = summarize(changes)
  if (s.sd > 0) return oneSampleTTest(s, 0, "less")?.p ?? 1
  return s.mean < 0 ? 0 : 1
}

function markShifts(works: readonly RecheckedWork[], scale: NonNullable<Parameters<typeof markForScore>[1]>): { lowered: number; raised: number } {
  let lowered = 0
  let raised = 0
  for (const w of works) {
    const before = markForScore(w.originalScore, scale)
    const after = markForScore(w.recheckedScore, scale)
    if (after < before) lowered++
    else if (after > before) raised++
  }
  return { lowered, raised }
}

export const recheckNotConfirmed: Sign = (ctx) => {
  const s10 = ctx.settings.S10
  const works = ctx.extras.rechecks
  if (!works) return abstained("S10", "no_data")
  if (works.length < s10.minWorks) return abstained("S10", "too_few_rechecked", { works: works.length, minimum: s10.minWorks })
  const scale = ctx.spec.scale
  const shifts = scale ? markShifts(works, scale) : null
  const downShare = shifts === null ? null : shifts.lowered / works.length
  const pMarks = shifts === null ? null : binomialTestGreater(shifts.lowered, shifts.lowered + shifts.raised, 0.5)
  const changes = works.map((w) => w.recheckedScore - w.originalScore)
  const meanChange = changes.reduce((s, c) => s + c, 0) / works.length
  const pScores = pScoresFell(changes)
  const evidence = {
    works: works.length,
    lowered: shifts?.lowered ?? null,
    raised: shifts?.raised ?? null,
    downShare,
    meanChange,
    pMarks,
    pScores,
    downThreshold: s10.downShare,
    changeThreshold: s10.meanChange,
    alpha: s10.alpha,
  }
  const byShare = downShare !== null && pMarks !== null && downShare >= s10.downShare && pMarks < s10.alpha
  const byChange = meanChange <= s10.meanChange && pScores < s10.alpha
  if (!byShare && !byChange) return notFired("S10", "recheck_confirmed", evidence)
  const strong =
    (byShare && ((downShare as number) >= s10.strongDownShare || (pMarks as number) < s10.strongAlpha)) ||
    (byChange && (meanChange <= s10.strongMeanChange || pScores < s10.strongAlpha))
  return fired("S10", strong ? "strong" : "moderate", byShare ? "marks_lowered_on_recheck" : "scores_lowered_on_recheck", evidence)
}
