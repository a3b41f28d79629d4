/**
 * Honest school-to-school spread of a share (e.g. «понизили»), beyond binomial noise. Real schools differ far
 * more than a binomial model says (teachers mark their journals more or less leniently: on the 2021 exports the
 * share of «понизили» of schools with 20+ pupils has SD 0.11–0.19), so a plain binomial test against the group
 * flags every large school with a lenient teacher. A share is "significantly above the group" here only beyond
 * that spread. Shares near 0 (two-mark gaps) are skewed, so everything is on the logit scale:
 * z = (logit p_s − logit p_G) / √(1 / (n_s p_G (1 − p_G)) + τ²).
 */
import { oneSidedZTest } from "../../../../domain/stats/index.ts"
import { medianOfSorted as median, robustCentreAndSd } from "../common/robust.ts"

/** Empirical logit: finite at 0 and n. */
function logitOf(count: number, n: number): number {
  return Math.log((count + 0.5) / (n - count + 0.5))
}

/**
 * τ (logit scale) from schools with at least `minN` trials: (1.4826 · MAD of their logits)² minus their typical
 * binomial variance; robust, so a minority of manipulated schools barely moves it. 0 with fewer than 10 such schools.
 */
export function shareSpread(items: readonly { count: number; n: number }[], minN: number): number {
  const used = items.filter((i) => i.n >= minN && i.n > 0)
  if (used.length < 10) return 0
  const { centre, sd } = robustCentreAndSd(used.map((i) => logitOf(i.count, i.n)))
  const p = 1 / (1 + Math.exp(-centre))
  const noise = median(used.map((i) => 1 / (i.n * p * (1 - p))).sort((a, b) => a - b))
  return Math.sqrt(Math.max(0, sd ** 2 - noise))
}

/** One-sided p of the school's share above the group's, allowing the honest spread τ (logit scale). */
export function shareAboveGroup(count: number, n: number, groupShare: number, tau: number): { z: number; p: number } {
  if (n <= 0 || groupShare <= 0 || groupShare >= 1) return { z: 0, p: 1 }
  const se = Math.sqrt(1 / (n * groupShare * (1 - groupShare)) + tau * tau)
  return oneSidedZTest(logitOf(count, n), Math.log(groupShare / (1 - groupShare)), se) ?? { z: 0, p: 1 }
}
