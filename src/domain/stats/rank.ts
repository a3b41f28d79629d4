/** Ranks and Spearman's rank correlation (FIOKO 2019 rule (b): journal marks vs VPR scores). */

/** 1-based ranks; tied values share the mean of the ranks they occupy (R's `rank(ties.method = "average")`). */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((i, j) => xs[i]! - xs[j]!)
  const ranks = new Array<number>(xs.length)
  let start = 0
  while (start < order.length) {
    let end = start
    while (end + 1 < order.length && xs[order[end + 1]!] === xs[order[start]!]) end++
    const rank = (start + end) / 2 + 1
    for (let k = start; k <= end; k++) ranks[order[k]!] = rank
    start = end + 1
  }
  return ranks
}

/** Pearson correlation; null when either variable is constant or n < 2. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new RangeError(`pearson: lengths differ (${x.length} vs ${y.length})`)
  const n = x.length
  if (n < 2) return null
  let mx = 0
  let my = 0
  for (let i = 0; i < n; i++) {
    mx += x[i]!
    my += y[i]!
  }
  mx /= n
  my /= n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx
    const dy = y[i]! - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  if (sxx === 0 || syy === 0) return null
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)))
}

/**
 * Spearman's ρ = Pearson correlation of average ranks (R's `cor(x, y, method = "spearman")`, which handles ties
 * this way). Null when n < 3 or either variable is constant — e.g. a class where every journal mark is «5».
 */
export function spearman(x: readonly number[], y: readonly number[]): { rho: number; n: number } | null {
  if (x.length !== y.length) throw new RangeError(`spearman: lengths differ (${x.length} vs ${y.length})`)
  if (x.length < 3) return null
  const rho = pearson(averageRanks(x), averageRanks(y))
  return rho === null ? null : { rho, n: x.length }
}
