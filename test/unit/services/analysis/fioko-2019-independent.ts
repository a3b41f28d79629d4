/**
 * FIOKO 2019 rules written out from the participants in a few lines, independently of src/services/analysis: rule (a)
 * with z = 1.96, the whole region as the group, schools with ≥ 2 participants; rule (b) Spearman < 0 with ≥ 5 journal
 * marks. The real-export tests (results/formats/real-2021-suite.ts) compare the analysis's flagged schools with these.
 */
import type { ParticipantResult } from "../../../../src/domain/results.ts"
import type { analyseProcedure } from "../../../../src/services/analysis/analyse.ts"
import type { ProcedureResults } from "../../../../src/services/analysis/types.ts"

const totals = (participants: ParticipantResult[]) => participants.filter((p) => !p.absent && p.total !== null).map((p) => p.total!)
const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const sdOf = (xs: number[]) => {
  const mean = meanOf(xs) // once: inside the sum it made the region's SD quadratic (25,000² steps, seconds a file)
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1))
}

/** Rule (a), written out: the school's z-interval lies wholly above the region's. */
export function independentRuleA(input: ProcedureResults): Set<string> {
  const all = input.schools.flatMap((school) => totals(school.participants))
  const groupHigh = meanOf(all) + (1.96 * sdOf(all)) / Math.sqrt(all.length)
  const flagged = new Set<string>()
  for (const school of input.schools) {
    const xs = totals(school.participants)
    if (xs.length < 2) continue
    if (meanOf(xs) - (1.96 * sdOf(xs)) / Math.sqrt(xs.length) > groupHigh) flagged.add(school.schoolKey)
  }
  return flagged
}

function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0])
  const out = new Array<number>(xs.length)
  for (let i = 0; i < order.length; ) {
    let j = i
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2 + 1
    i = j + 1
  }
  return out
}

/** Rule (b), written out: Pearson correlation of the ranks of journal mark and score is negative. */
export function independentRuleB(input: ProcedureResults): Set<string> {
  const flagged = new Set<string>()
  for (const school of input.schools) {
    if (totals(school.participants).length < 2) continue
    const pairs = school.participants.filter((p) => !p.absent && p.total !== null && p.journalMark !== null)
    if (pairs.length < 5) continue
    const a = ranks(pairs.map((p) => p.journalMark!))
    const b = ranks(pairs.map((p) => p.total!))
    const ma = meanOf(a)
    const mb = meanOf(b)
    const cov = a.reduce((s, x, i) => s + (x - ma) * (b[i]! - mb), 0)
    const va = a.reduce((s, x) => s + (x - ma) ** 2, 0)
    const vb = b.reduce((s, x) => s + (x - mb) ** 2, 0)
    if (va > 0 && vb > 0 && cov / Math.sqrt(va * vb) < 0) flagged.add(school.schoolKey)
  }
  return flagged
}

export const firedSet = (analysis: ReturnType<typeof analyseProcedure>, id: string) =>
  new Set(analysis.schools.filter((school) => school.signs.find((sign) => sign.id === id)?.status === "fired").map((school) => school.schoolKey))
