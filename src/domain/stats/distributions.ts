/**
 * Distribution functions the objectivity signs need: Student t (CIs of means), binomial and Poisson tails
 * (boundary peaks, few «2», identical answer pairs) and chi-square. Every tail is computed directly on the side
 * where it is small, so that p-values of 1e-12 keep their digits; no O(n) summation of binomial terms.
 */
import { betaRegularizedXY, incompleteGamma, logBeta } from "./special.ts"
import { normalCdf, normalQuantile } from "./normal.ts"

export { logGamma, logBeta, regularizedIncompleteBeta } from "./special.ts"
export { normalCdf, normalSf, normalPdf, normalQuantile } from "./normal.ts"

function isValidDf(df: number): boolean {
  return df > 0 // also rejects NaN; Infinity is allowed and means the normal limit
}

/** P(T ≥ |t|) for Student t with df degrees of freedom: ½·I_x(df/2, ½), x = df/(df + t²). */
function studentTUpperTailOfAbs(t: number, df: number): number {
  const t2 = t * t
  const x = df / (df + t2)
  const y = t2 / (df + t2)
  return 0.5 * betaRegularizedXY(x, y, df / 2, 0.5)
}

/** P(T ≤ t) for Student t with df > 0 degrees of freedom (df = Infinity gives the normal CDF). */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !isValidDf(df)) return Number.NaN
  if (df === Number.POSITIVE_INFINITY) return normalCdf(t)
  if (t === Number.POSITIVE_INFINITY) return 1
  if (t === Number.NEGATIVE_INFINITY) return 0
  const tail = studentTUpperTailOfAbs(t, df)
  return t > 0 ? 1 - tail : tail
}

/** P(T ≥ t), precise in the upper tail. */
export function studentTSf(t: number, df: number): number {
  return studentTCdf(-t, df)
}

/** Student t density. */
export function studentTPdf(t: number, df: number): number {
  if (df === Number.POSITIVE_INFINITY) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI)
  return Math.exp(-0.5 * Math.log(df) - logBeta(df / 2, 0.5) - ((df + 1) / 2) * Math.log1p((t * t) / df))
}

/** Cornish–Fisher expansion of the t quantile around the normal one: a good start for Newton's method. */
function cornishFisherStart(z: number, df: number): number {
  const z2 = z * z
  const g1 = (z * (z2 + 1)) / 4
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4
}

/**
 * t > 0 with P(T ≥ t) = tail, for 0 < tail < ½: Newton's method on the exact tail, kept inside a bracket
 * (bisection when a Newton step leaves it), so heavy tails at df = 1…3 converge as surely as df = 10^6.
 */
function solveUpperTail(tail: number, df: number): number {
  let low = 0
  let high = Math.max(1, cornishFisherStart(-normalQuantile(tail), df))
  while (studentTUpperTailOfAbs(high, df) > tail) {
    low = high
    high *= 2
    if (!Number.isFinite(high)) return Number.POSITIVE_INFINITY
  }
  let t = Math.min(Math.max(cornishFisherStart(-normalQuantile(tail), df), low), high)
  for (let i = 0; i < 200; i++) {
    const diff = studentTUpperTailOfAbs(t, df) - tail // decreasing in t
    if (diff > 0) low = t
    else high = t
    let next = t + diff / studentTPdf(t, df)
    if (!(next > low && next < high)) next = 0.5 * (low + high)
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, Math.abs(t)) || high - low <= 1e-15 * high) return next
    t = next
  }
  return t
}

/** Quantile of Student t: the t with P(T ≤ t) = p (R's `qt`). Exact formulas for df 1 and 2. */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !isValidDf(df)) return Number.NaN
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  if (p === 0.5) return 0
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p)
  const tail = Math.min(p, 1 - p)
  let t: number
  if (df === 1) t = 1 / Math.tan(Math.PI * tail)
  else if (df === 2) t = (1 - 2 * tail) / Math.sqrt(2 * tail * (1 - tail))
  else t = solveUpperTail(tail, df)
  return p < 0.5 ? -t : t
}

function checkBinomial(n: number, p: number): boolean {
  return Number.isInteger(n) && n >= 0 && p >= 0 && p <= 1
}

/** P(X ≤ k) for X ~ Binomial(n, p) = I_{1−p}(n − k, k + 1); non-integer k is floored. */
export function binomialCdf(k: number, n: number, p: number): number {
  if (Number.isNaN(k) || !checkBinomial(n, p)) return Number.NaN
  const kk = Math.floor(k)
  if (kk < 0) return 0
  if (kk >= n) return 1
  if (p === 0) return 1
  if (p === 1) return 0
  return betaRegularizedXY(1 - p, p, n - kk, kk + 1)
}

/** P(X ≥ k) for X ~ Binomial(n, p) = I_p(k, n − k + 1); non-integer k is rounded up. */
export function binomialSf(k: number, n: number, p: number): number {
  if (Number.isNaN(k) || !checkBinomial(n, p)) return Number.NaN
  const kk = Math.ceil(k)
  if (kk <= 0) return 1
  if (kk > n) return 0
  if (p === 0) return 0
  if (p === 1) return 1
  return betaRegularizedXY(p, 1 - p, kk, n - kk + 1)
}

/** P(X ≤ k) for X ~ Poisson(lambda) = Q(k + 1, lambda); non-integer k is floored. */
export function poissonCdf(k: number, lambda: number): number {
  if (Number.isNaN(k) || !(lambda >= 0)) return Number.NaN
  const kk = Math.floor(k)
  if (kk < 0) return 0
  if (lambda === 0) return 1
  return incompleteGamma(kk + 1, lambda).upper
}

/** P(X ≥ k) for X ~ Poisson(lambda) = P(k, lambda) (lower regularized gamma); non-integer k is rounded up. */
export function poissonSf(k: number, lambda: number): number {
  if (Number.isNaN(k) || !(lambda >= 0)) return Number.NaN
  const kk = Math.ceil(k)
  if (kk <= 0) return 1
  if (lambda === 0) return 0
  return incompleteGamma(kk, lambda).lower
}

/** P(X ≤ x) for chi-square with df > 0 degrees of freedom. */
export function chiSquareCdf(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN
  return incompleteGamma(df / 2, Math.max(x, 0) / 2).lower
}

/** P(X ≥ x) for chi-square with df > 0 degrees of freedom (R's `pchisq(x, df, lower.tail = FALSE)`). */
export function chiSquareSf(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN
  return incompleteGamma(df / 2, Math.max(x, 0) / 2).upper
}
