/** Confidence intervals used by the level signs (S1: school mean vs group mean; S2, S5: shares). */
import { normalQuantile, studentTQuantile } from "./distributions.ts"

export interface Interval {
  low: number
  high: number
  /** The point estimate the interval is built around (a mean or a proportion). */
  estimate: number
}

export interface MeanIntervalOptions {
  /** Two-sided confidence level, default 0.95. */
  confidence?: number
  /** "t": Student t with n − 1 d.f. (default); "z": the normal quantile, as FIOKO 2019 rule (a). */
  method?: "t" | "z"
  /** Overrides the computed critical value, e.g. 1.96 to reproduce FIOKO 2019 to the digit. */
  critical?: number
}

/**
 * CI of a mean from its summary: mean ± c · sd / √n.
 * Returns null when n < 2 (no SD, so no interval — the caller reports "too few participants").
 */
export function meanInterval(
  s: { mean: number; sd: number; n: number },
  opts: MeanIntervalOptions = {},
): Interval | null {
  if (!(s.n >= 2) || !Number.isFinite(s.sd)) return null
  const confidence = opts.confidence ?? 0.95
  const upper = 1 - (1 - confidence) / 2
  const critical =
    opts.critical ?? ((opts.method ?? "t") === "t" ? studentTQuantile(upper, s.n - 1) : normalQuantile(upper))
  const half = (critical * s.sd) / Math.sqrt(s.n)
  return { low: s.mean - half, high: s.mean + half, estimate: s.mean }
}

/**
 * Wilson score interval of a proportion (Wilson 1927; R's `prop.test(x, n, correct = FALSE)$conf.int`).
 * Unlike the Wald interval it stays inside [0, 1] and is honest at shares near 0 or 1, which task completion
 * of strong schools often is. Throws on trials ≤ 0 or successes outside [0, trials]: that is a caller's bug.
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): Interval {
  if (!(trials > 0) || !(successes >= 0 && successes <= trials)) {
    throw new RangeError(`wilsonInterval: need 0 ≤ successes ≤ trials and trials > 0, got ${successes}/${trials}`)
  }
  const z = normalQuantile(1 - (1 - confidence) / 2)
  const p = successes / trials
  const z2n = (z * z) / trials
  const centre = (p + z2n / 2) / (1 + z2n)
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials))
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half), estimate: p }
}
