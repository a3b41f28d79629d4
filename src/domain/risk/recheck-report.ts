/**
 * What a commission's re-check says about one school (issue 13): the share of works whose mark changed, the mean
 * change of the primary score, and the non-confirmation index — the share of works whose score the commission did
 * not confirm (lowered it). S10 in the next analysis tests whether the fall is systematic; these are the plain figures.
 */
export interface RecheckedScore {
  original: number
  rechecked: number
}

export interface RecheckFigures {
  works: number
  marksChanged: number
  marksLowered: number
  marksRaised: number
  /** Share of works whose mark changed (0–1). */
  marksChangedShare: number
  meanChange: number
  /** Share of works whose primary score went down (0–1). */
  nonConfirmationIndex: number
}

export function markOf(score: number, thresholds: readonly number[]): number {
  // thresholds are the minimum scores of «3», «4», «5»
  return 2 + thresholds.filter((t) => score >= t).length
}

export function recheckFigures(works: readonly RecheckedScore[], thresholds: readonly number[]): RecheckFigures {
  let lowered = 0
  let raised = 0
  let fell = 0
  let change = 0
  for (const work of works) {
    change += work.rechecked - work.original
    if (work.rechecked < work.original) fell++
    if (thresholds.length === 0) continue
    const before = markOf(work.original, thresholds)
    const after = markOf(work.rechecked, thresholds)
    if (after < before) lowered++
    else if (after > before) raised++
  }
  const n = works.length
  return {
    works: n,
    marksChanged: lowered + raised,
    marksLowered: lowered,
    marksRaised: raised,
    marksChangedShare: n > 0 ? (lowered + raised) / n : 0,
    meanChange: n > 0 ? change / n : 0,
    nonConfirmationIndex: n > 0 ? fell / n : 0,
  }
}
