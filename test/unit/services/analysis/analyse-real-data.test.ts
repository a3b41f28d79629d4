/**
 * FIOKO 2019 on the real 2021 Altai exports (skipped without ../shared/data): rule (a) with z = 1.96, the whole
 * region as the group, schools with ≥ 2 participants; rule (b) Spearman < 0 with ≥ 5 journal marks. The sets of
 * flagged schools must equal an independent computation written here from the participants, in a few lines.
 */
import { existsSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import type { ParticipantResult } from "../../../../src/domain/results.ts"
import { analyseProcedure } from "../../../../src/services/analysis/analyse.ts"
import { FIOKO_2019 } from "../../../../src/services/analysis/settings.ts"
import { resultsFromParticipants } from "../../../../src/services/analysis/from-participants.ts"
import type { ProcedureResults } from "../../../../src/services/analysis/types.ts"
import { parseResults } from "../../../../src/services/results/formats/parse.ts"

// <repo>/../shared/data, from <repo>/test/unit/services/analysis
const dir = path.resolve(import.meta.dirname, "../../../../../shared/data/fisoko/2021")

async function load(file: string): Promise<ProcedureResults> {
  // Rows with errors (scores above the maximum, longer rows) stay in, as in the federal computation.
  const parsed = await parseResults(path.join(dir, file), { fileName: file })
  if (!parsed.spec) throw new Error(`${file}: ${parsed.status}`)
  return resultsFromParticipants(parsed.spec, parsed.participants)
}

const totals = (participants: ParticipantResult[]) => participants.filter((p) => !p.absent && p.total !== null).map((p) => p.total!)
const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const sdOf = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - meanOf(xs)) ** 2, 0) / (xs.length - 1))

/** Rule (a), written out: the school's z-interval lies wholly above the region's. */
function independentRuleA(input: ProcedureResults): Set<string> {
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
function independentRuleB(input: ProcedureResults): Set<string> {
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

const firedSet = (analysis: ReturnType<typeof analyseProcedure>, id: string) =>
  new Set(analysis.schools.filter((school) => school.signs.find((sign) => sign.id === id)?.status === "fired").map((school) => school.schoolKey))

describe.skipIf(!existsSync(dir))("FIOKO 2019 rules (a) and (b) on the 2021 exports", () => {
  // objectivity.md reference counts (from the recorded totals) and rule (b) counts.
  it.each([
    ["Проведение работы по математике, 4 класс. ВПР 2021.xlsx", 80, 0],
    ["Проведение работы по математике, 5 класс. ВПР 2021.xlsx", 111, 1],
    ["Проведение работы по русскому языку, 4 класс. ВПР 2021.xlsx", 94, 0],
    ["Проведение работы по русскому языку, 5 класс. ВПР 2021.xlsx", 114, 1],
  ])("%s: the flagged schools equal an independent computation (reference: %i and %i)", async (file, referenceA, referenceB) => {
    const input = await load(file)
    const analysis = analyseProcedure(input, FIOKO_2019)
    const ruleA = independentRuleA(input)
    expect([...firedSet(analysis, "S1")].sort()).toEqual([...ruleA].sort())
    expect([...firedSet(analysis, "S6")].sort()).toEqual([...independentRuleB(input)].sort())
    // The reference figures came from the recorded totals; the parser recomputes them from the cells, which moves
    // one borderline school of mathematics 5 (0.001 point from the line). Every other file matches exactly.
    expect(Math.abs(ruleA.size - referenceA)).toBeLessThanOrEqual(file.includes("математике, 5") ? 1 : 0)
    expect(independentRuleB(input).size).toBe(referenceB)
  })
})
