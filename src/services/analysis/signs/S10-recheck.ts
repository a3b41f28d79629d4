/**
 * S10 «результаты не подтвердились при перепроверке» (seeds: выборочная перепроверка): the share of re-checked
 * works whose mark went down, and the mean change of the primary score.
 */
import { markForScore } from "../../../domain/results.ts"
import type { Sign } from "./types.ts"
import { abstained, fired, notFired } from "./verdict.ts"

export const recheckNotConfirmed: Sign = (ctx) => {
  const s10 = ctx.settings.S10
  const works = ctx.extras.rechecks
  if (!works) return abstained("S10", "no_data")
  if (works.length < s10.minWorks) return abstained("S10", "too_few_rechecked", { works: works.length, minimum: s10.minWorks })
  const scale = ctx.spec.scale
  const lowered = scale ? works.filter((w) => markForScore(w.recheckedScore, scale) < markForScore(w.originalScore, scale)).length : null
  const downShare = lowered === null ? null : lowered / works.length
  const meanChange = works.reduce((s, w) => s + (w.recheckedScore - w.originalScore), 0) / works.length
  const evidence = { works: works.length, lowered, downShare, meanChange, downThreshold: s10.downShare, changeThreshold: s10.meanChange }
  const byShare = downShare !== null && downShare >= s10.downShare
  const byChange = meanChange <= s10.meanChange
  if (!byShare && !byChange) return notFired("S10", "recheck_confirmed", evidence)
  const strong = (downShare !== null && downShare >= s10.strongDownShare) || meanChange <= s10.strongMeanChange
  return fired("S10", strong ? "strong" : "moderate", byShare ? "marks_lowered_on_recheck" : "scores_lowered_on_recheck", evidence)
}
