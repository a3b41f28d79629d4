/**
 * S5 «нетипично мало «2» / много «5»» (roadmaps; no official threshold): the Wilson interval of the school's
 * share of «5» entirely above the group's, or so few «2» that the group's share makes it improbable
 * (binomial lower tail below α).
 */
import { binomialCdf, wilsonInterval } from "../../../domain/stats/index.ts"
import type { Sign } from "./common/types.ts"
import { abstained, fired, notFired } from "./common/sign-result.ts"

export const marksShare: Sign = (ctx) => {
  const { spec, school, group, settings } = ctx
  if (!spec.scale) return abstained("S5", "no_scale")
  const n = school.markCounts.reduce((a, b) => a + b, 0)
  const groupN = group.reference.markCounts.reduce((a, b) => a + b, 0)
  if (n === 0 || groupN === 0) return abstained("S5", "no_reference")
  const twos = school.markCounts[0] ?? 0
  const fives = school.markCounts[3] ?? 0
  const groupTwoShare = (group.reference.markCounts[0] ?? 0) / groupN
  const fiveS = wilsonInterval(fives, n, settings.confidence)
  const fiveG = wilsonInterval(group.reference.markCounts[3] ?? 0, groupN, settings.confidence)
  const pFewTwos = binomialCdf(twos, n, groupTwoShare)
  const evidence = {
    n,
    fives,
    fiveShare: fives / n,
    fiveLow: fiveS.low,
    groupFiveShare: fiveG.estimate,
    groupFiveHigh: fiveG.high,
    twos,
    twoShare: twos / n,
    groupTwoShare,
    pFewTwos,
    alpha: settings.S5.alpha,
  }
  if (fiveS.low > fiveG.high) return fired("S5", "moderate", "many_fives", evidence)
  if (pFewTwos < settings.S5.alpha) return fired("S5", "moderate", "few_twos", evidence)
  return notFired("S5", "typical_marks", evidence)
}
