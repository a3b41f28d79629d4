/**
 * S1 «завышенный средний балл» and S1− «низкие результаты».
 * FIOKO 2019 rule (a): the school's CI of the mean lies entirely above (below) the group's CI. The group is
 * taken as it is, the school included (the federal method does so); `ci: "z"` reproduces z = 1.96 exactly.
 */
import { meanInterval, type MeanIntervalOptions } from "../../../domain/stats/index.ts"
import type { AnalysisSettings } from "../settings.ts"
import { meanAndSd } from "./common/school-tallies.ts"
import type { Evidence, Sign, SignContext, SignResult } from "./common/types.ts"
import { abstained, fired, notFired } from "./common/sign-result.ts"

/** FIOKO 2019 prints z = 1.96: use it to the digit (the exact quantile 1.95996… could flip a borderline school). */
export function ciOptions(settings: AnalysisSettings): MeanIntervalOptions {
  const fioko = settings.ci === "z" && settings.confidence === 0.95
  return { confidence: settings.confidence, method: settings.ci, ...(fioko ? { critical: 1.96 } : {}) }
}

type Intervals = { evidence: Evidence; school: { low: number; high: number } | null; group: { low: number; high: number } | null }

/** S1 and S1− share the intervals of one context (the t quantiles are the costly part). */
const computed = new WeakMap<SignContext, Intervals>()

function intervals(ctx: SignContext): Intervals {
  const known = computed.get(ctx)
  if (known) return known
  const result = computeIntervals(ctx)
  computed.set(ctx, result)
  return result
}

function computeIntervals(ctx: SignContext): Intervals {
  const options = ciOptions(ctx.settings)
  const s = meanAndSd(ctx.school)
  const g = meanAndSd(ctx.group.whole)
  const school = meanInterval(s, options)
  const group = meanInterval(g, options)
  const evidence: Evidence = {
    n: s.n,
    mean: s.mean,
    sd: s.sd,
    low: school?.low ?? null,
    high: school?.high ?? null,
    groupN: g.n,
    groupMean: g.mean,
    groupLow: group?.low ?? null,
    groupHigh: group?.high ?? null,
    method: ctx.settings.ci,
    confidence: ctx.settings.confidence,
  }
  return { evidence, school, group }
}

export const meanAboveGroup: Sign = (ctx) => {
  const { evidence: shared, school, group } = intervals(ctx)
  const evidence = { ...shared }
  if (!school || !group) return abstained("S1", "too_few_participants", evidence)
  return school.low > group.high ? fired("S1", "moderate", "mean_above_group", evidence) : notFired("S1", "within_group", evidence)
}

export const meanBelowGroup: Sign = (ctx): SignResult => {
  const { evidence: shared, school, group } = intervals(ctx)
  const evidence = { ...shared }
  if (!school || !group) return abstained("S1-", "too_few_participants", evidence)
  return school.high < group.low ? fired("S1-", "moderate", "mean_below_group", evidence) : notFired("S1-", "within_group", evidence)
}
