/** Hypothesis tests behind the pattern signs; every p-value is one-sided unless the name says otherwise. */
import { binomialCdf, binomialSf, normalSf, normalCdf, poissonSf, studentTSf, studentTCdf } from "./distributions.ts"

/**
 * Holm's step-down adjustment (R's `p.adjust(p, "holm")`): controls the family-wise error over, e.g., the three
 * mark thresholds of S4. Returned in the input order.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length
  const order = pValues.map((_, i) => i).sort((i, j) => pValues[i]! - pValues[j]!)
  const adjusted = new Array<number>(m)
  let running = 0
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]!))
    adjusted[index] = running
  })
  return adjusted
}

/** P(X ≥ k), X ~ Binomial(n, p0): R's `binom.test(k, n, p0, alternative = "greater")$p.value`. */
export function binomialTestGreater(k: number, n: number, p0: number): number {
  return binomialSf(k, n, p0)
}

/** P(X ≤ k), X ~ Binomial(n, p0): R's `binom.test(k, n, p0, alternative = "less")$p.value`. */
export function binomialTestLess(k: number, n: number, p0: number): number {
  return binomialCdf(k, n, p0)
}

/** P(X ≥ observed), X ~ Poisson(expected): R's `poisson.test(observed, r = expected, alternative = "greater")`. */
export function poissonTestGreater(observed: number, expected: number): number {
  return poissonSf(observed, expected)
}

export type Alternative = "greater" | "less"

/** z = (estimate − null) / SE and its one-sided p-value; null when the standard error is not positive. */
export function oneSidedZTest(
  estimate: number,
  nullValue: number,
  standardError: number,
  alternative: Alternative = "greater",
): { z: number; p: number } | null {
  if (!(standardError > 0)) return null
  const z = (estimate - nullValue) / standardError
  return { z, p: alternative === "greater" ? normalSf(z) : normalCdf(z) }
}

/**
 * One-sample t test from a summary (R's `t.test(x, mu = mu0, alternative = …)`): t = (mean − mu0)/(sd/√n),
 * n − 1 d.f. Null when n < 2 or sd is not positive (no spread, no test).
 */
export function oneSampleTTest(
  s: { mean: number; sd: number; n: number },
  mu0: number,
  alternative: Alternative = "greater",
): { t: number; df: number; p: number } | null {
  if (!(s.n >= 2) || !(s.sd > 0)) return null
  const df = s.n - 1
  const t = (s.mean - mu0) / (s.sd / Math.sqrt(s.n))
  return { t, df, p: alternative === "greater" ? studentTSf(t, df) : studentTCdf(t, df) }
}
