/** «Распределение первичных баллов» and the summary line of a scope (mean, SD, median, CI of the mean). */
import type { ParticipantResult } from "../../../domain/results.ts"
import { median, meanInterval, summarize, type Interval, type MeanIntervalOptions } from "../../../domain/stats/index.ts"
import { countAbsent, countShare, presentOf, type CountShare } from "./participants.ts"

export interface ScoreBin extends CountShare {
  score: number
}

export interface ScoreDistribution {
  maxTotal: number
  /** Present participants: the denominator of the percents. */
  present: number
  /** One bin per primary score 0…maxTotal. */
  bins: ScoreBin[]
  /** Present participants whose total lies outside 0…maxTotal (a data error the parser warned about); kept
   *  in the denominator so that percents never silently drop a pupil. */
  outOfRange: number
}

export function scoreDistribution(participants: readonly ParticipantResult[], maxTotal: number): ScoreDistribution {
  if (!Number.isInteger(maxTotal) || maxTotal < 0) throw new RangeError(`scoreDistribution: bad maxTotal ${maxTotal}`)
  const present = presentOf(participants)
  const counts = new Array<number>(maxTotal + 1).fill(0)
  let outOfRange = 0
  for (const p of present) {
    if (Number.isInteger(p.total) && p.total >= 0 && p.total <= maxTotal) counts[p.total]!++
    else outOfRange++
  }
  return {
    maxTotal,
    present: present.length,
    // Fields written out rather than spread: this runs for every scope of every school.
    bins: counts.map((count, score) => {
      const share = countShare(count, present.length)
      return { score, count: share.count, percent: share.percent }
    }),
    outOfRange,
  }
}

export interface ScopeSummary {
  present: number
  absent: number
  /** Mean primary score; NaN when nobody is present. */
  mean: number
  /** Sample SD (n − 1); NaN when fewer than two are present. */
  sd: number
  median: number
  min: number
  max: number
  /** CI of the mean (Student t with n − 1 d.f. unless options say otherwise); null when fewer than two are present. */
  meanCi: Interval | null
}

export function scopeSummary(
  participants: readonly ParticipantResult[],
  ciOptions: MeanIntervalOptions = {},
): ScopeSummary {
  const totals = presentOf(participants).map((p) => p.total)
  const s = summarize(totals)
  return {
    present: s.n,
    absent: countAbsent(participants),
    mean: s.mean,
    sd: s.sd,
    median: median(totals),
    min: s.min,
    max: s.max,
    meanCi: meanInterval(s, ciOptions),
  }
}
