/**
 * Detection bench: generated regions with known, labelled manipulations, analysed with the default settings.
 *
 * The regions are the 2021 layout; each manipulated school draws its intensity from about half of the generator's
 * fixed intensity to all of it, and copiers keep some answers of their own and slip (near-identical patterns). A
 * manipulating school does it in each of its procedures of the year with probability 0.7, so the four procedures of
 * one seed can also be read together per school.
 *
 * Per procedure it prints recall (risk zone; at least «требует внимания», now the budgeted re-check list) by
 * manipulation and school size, false alarms of honest and strong honest schools, and two re-check stages of the same
 * list: ten random works per school (what the first bench modelled), and the pipeline — the bot's own re-check plan
 * (services/risk: works at thresholds, above the region on the tasks that fired, a stratified sample) carried out on
 * its budget by a commission played by test/support/generator/recheck.ts, analysed again with S10. Then the budget it
 * used, recall by intensity, evidence across a school's procedures of one year, and the journal ceiling.
 * docs/calibration.md records the figures this printed.
 */
import { existsSync, readdirSync } from "node:fs"
import path from "node:path"
import { planSchool, DEFAULT_WORKS_PER_SCHOOL } from "../src/domain/risk/recheck-plan.ts"
import { DEFAULT_PRIORITY_WEIGHTS, patternEvidence, rankRecheckList, type PriorityWeights } from "../src/domain/risk/recheck-priority.ts"
import { chiSquareSf } from "../src/domain/stats/index.ts"
import { markForScore } from "../src/domain/results.ts"
import { analyseProcedure, type ProcedureAnalysis, type SchoolAnalysis } from "../src/services/analysis/analyse.ts"
import { isAssessed } from "../src/services/analysis/risk.ts"
import type { RecheckedWork } from "../src/services/analysis/signs/common/types.ts"
import type { ProcedureResults } from "../src/services/analysis/types.ts"
import { resultsFromParticipants } from "../src/services/analysis/from-participants.ts"
import { parseResults } from "../src/services/results/formats/parse.ts"
import { DEFAULT_SETTINGS, type AnalysisSettings } from "../src/services/analysis/settings.ts"
import { planSchoolOf, planSpecOf, regionNorms } from "../src/services/risk/plan-inputs.ts"
import {
  generateRegion,
  MANIPULATIONS,
  recheckSchool,
  recheckWorks,
  Rng,
  SPECS_2021,
  type GeneratedRegion,
  type Manipulation,
} from "../test/support/generator/index.ts"

/** Tuning seeds (weights and shares were chosen on these) and reporting seeds (the figures come from these). */
export const TUNING_SEEDS = [1, 2, 3]
export const REPORTING_SEEDS = [2021, 2022, 2023]
export const MANIPULATE_PROBABILITY = 0.7

export interface BenchOptions {
  settings?: AnalysisSettings
  seeds?: readonly number[]
  intensity?: "fixed" | "range"
  manipulateProbability?: number
  /** The re-check list's weights (default: the product's). */
  weights?: PriorityWeights
  /** The plan's share of random works per school. */
  sampleShare?: number
  /** Works per school the plan asks for. */
  worksPerSchool?: number
}

/** One school × procedure as the bench saw it. */
export interface SchoolOutcome {
  seed: number
  procedure: string
  schoolKey: string
  label: string
  /** What the school does in the tests it manipulates (for the per-school reading across procedures). */
  schoolLabel: string
  present: number
  strength: number | null
  level: string
  /** In the risk zone after ten random works of every listed school were re-checked. */
  afterRandom: boolean
  /** In the risk zone after the bot's plan was carried out on the list. */
  afterPlan: boolean
  /** Marks the commission lowered in this school's re-checked works: the ten random ones, and the plan's. */
  loweredRandom: number
  loweredPlan: number
  /** A pattern sign fired (moderate evidence), whatever the level. */
  patternFired: boolean
  /** The smallest one-sided p of the pattern evidence, Bonferroni over the pieces (for combining procedures). */
  minPatternP: number
  worksPlanned: number
}

export interface DetectionFigures {
  regions: number
  outcomes: SchoolOutcome[]
  /** Schools with results (assessed) per region, summed: the budget's base. */
  assessedSchools: number
  honestSignRates: Record<string, number>
  ceiling: { label: string; direction: "journal_above" | "scores_above"; schools: number; recall: { honestQuantile: number; share: number }[] }[]
  medianMs: number
  maxMs: number
}

/** Which way each journal manipulation moves the residual, for the ceiling figures. */
const RESIDUAL_DIRECTION = { inflated_journal: "journal_above", mean_inflation: "scores_above", lenient_checking: "scores_above" } as const
const HONEST_QUANTILES = [0.95, 0.99, 0.999]

function residualCeiling(zs: Map<string, number[]>): DetectionFigures["ceiling"] {
  const honest = [...(zs.get("honest") ?? []), ...(zs.get("strong_honest") ?? [])]
  return Object.entries(RESIDUAL_DIRECTION).map(([label, direction]) => {
    // Orient so that "more suspicious" is larger, then cut at the honest schools' quantiles.
    const orient = (z: number): number => (direction === "journal_above" ? z : -z)
    const reference = Float64Array.from(honest, orient).sort()
    const mine = (zs.get(label) ?? []).map(orient)
    return {
      label,
      direction,
      schools: mine.length,
      recall: HONEST_QUANTILES.map((q) => {
        const cut = reference[Math.min(reference.length - 1, Math.floor(q * reference.length))] ?? Infinity
        return { honestQuantile: q, share: mine.length > 0 ? mine.filter((z) => z > cut).length / mine.length : 0 }
      }),
    }
  })
}

/** The re-check list of an analysis under other weights (the analysis itself used the product's defaults). */
function recheckList(analysis: ProcedureAnalysis, settings: AnalysisSettings, weights: PriorityWeights): Set<string> {
  if (weights === DEFAULT_PRIORITY_WEIGHTS) return new Set(analysis.schools.filter((s) => s.risk.level === "attention").map((s) => s.schoolKey))
  const ranked = rankRecheckList(
    analysis.schools.map((s) => ({ schoolKey: s.schoolKey, municipalityId: s.municipalityId, level: s.risk.level, signs: s.signs, assessed: isAssessed(s.signs) })),
    settings.attention,
    weights,
  )
  return new Set([...ranked.values()].filter((r) => r.rank !== null).map((r) => r.schoolKey))
}

function labelOf(region: GeneratedRegion, schoolKey: string): { label: string; schoolLabel: string; strength: number | null } {
  const truth = region.truth.get(schoolKey)
  const honest = truth?.strongHonest ? "strong_honest" : "honest"
  return { label: truth?.manipulation ?? honest, schoolLabel: truth?.schoolManipulation ?? honest, strength: truth?.intensity ?? null }
}

function minPatternP(school: SchoolAnalysis): number {
  const evidence = patternEvidence(school.signs)
  if (evidence.length === 0) return 1
  return Math.min(1, Math.min(...evidence.map((e) => e.p)) * evidence.length)
}

/** One region through the three stages: the file alone, ten random works of each listed school, the bot's plan. */
function runRegion(region: GeneratedRegion, seed: number, options: Required<Omit<BenchOptions, "seeds">>): { outcomes: SchoolOutcome[]; analysis: ProcedureAnalysis; ms: number } {
  const { settings } = options
  const started = performance.now()
  const analysis = analyseProcedure(region.results, settings)
  const ms = performance.now() - started
  const listed = recheckList(analysis, settings, options.weights)
  const rng = new Rng(seed * 7919 + region.results.spec.grade * 31 + region.results.spec.subject.length)
  const random: Record<string, RecheckedWork[]> = {}
  const planned: Record<string, RecheckedWork[]> = {}
  const works = new Map<string, number>()
  const norms = regionNorms(region.results)
  const spec = planSpecOf(region.results.spec)
  for (const schoolKey of listed) {
    random[schoolKey] = recheckSchool(region, schoolKey, rng)
    const input = planSchoolOf(region.results, analysis.schools, schoolKey)
    if (!input) continue
    const plan = planSchool(input, options.worksPerSchool, spec, norms, { seed: seed * 131 + Number(schoolKey), sampleShare: options.sampleShare })
    planned[schoolKey] = recheckWorks(region, schoolKey, plan, rng)
    works.set(schoolKey, plan.length)
  }
  const scale = region.results.spec.scale
  const lowered = (works: readonly RecheckedWork[] | undefined): number =>
    scale ? (works ?? []).filter((w) => markForScore(w.recheckedScore, scale) < markForScore(w.originalScore, scale)).length : 0
  const afterRandom = analyseProcedure(region.results, settings, { rechecks: random })
  const afterPlan = analyseProcedure(region.results, settings, { rechecks: planned })
  const procedure = `${region.results.spec.subject} ${region.results.spec.grade}`
  const outcomes = analysis.schools.map((school: SchoolAnalysis, index): SchoolOutcome => ({
    seed,
    procedure,
    schoolKey: school.schoolKey,
    ...labelOf(region, school.schoolKey),
    present: school.present,
    level: listed.has(school.schoolKey) ? "attention" : school.risk.level === "risk" ? "risk" : "none",
    afterRandom: afterRandom.schools[index]?.risk.level === "risk",
    afterPlan: afterPlan.schools[index]?.risk.level === "risk",
    patternFired: school.signs.some((s) => s.kind === "pattern" && s.status === "fired"),
    minPatternP: minPatternP(school),
    worksPlanned: works.get(school.schoolKey) ?? 0,
    loweredRandom: lowered(random[school.schoolKey]),
    loweredPlan: lowered(planned[school.schoolKey]),
  }))
  return { outcomes, analysis, ms }
}

export function measureDetection(options: BenchOptions = {}): DetectionFigures {
  const full: Required<Omit<BenchOptions, "seeds">> = {
    settings: options.settings ?? DEFAULT_SETTINGS,
    intensity: options.intensity ?? "range",
    manipulateProbability: options.manipulateProbability ?? MANIPULATE_PROBABILITY,
    weights: options.weights ?? DEFAULT_PRIORITY_WEIGHTS,
    sampleShare: options.sampleShare ?? 0.3,
    worksPerSchool: options.worksPerSchool ?? DEFAULT_WORKS_PER_SCHOOL,
  }
  const outcomes: SchoolOutcome[] = []
  const times: number[] = []
  const residualZ = new Map<string, number[]>()
  const signFires = new Map<string, number>()
  let honestAssessed = 0
  let assessedSchools = 0
  for (const seed of options.seeds ?? REPORTING_SEEDS) {
    for (const spec of SPECS_2021) {
      const region = generateRegion({ seed, spec, intensity: full.intensity, manipulateProbability: full.manipulateProbability })
      const run = runRegion(region, seed, full)
      times.push(run.ms)
      // Below the minimum every sign abstains by design: such schools are neither detected nor false alarms.
      outcomes.push(...run.outcomes.filter((o) => o.present >= full.settings.minParticipants))
      for (const school of run.analysis.schools) {
        if (school.present < full.settings.minParticipants) continue
        assessedSchools++
        const { label } = labelOf(region, school.schoolKey)
        const z = school.signs.find((s) => s.id === "S6")?.evidence.journalResidualZ
        if (school.present >= 20 && typeof z === "number") residualZ.set(label, [...(residualZ.get(label) ?? []), z])
        if (label !== "honest") continue
        honestAssessed++
        for (const s of school.signs) if (s.status === "fired") signFires.set(s.id, (signFires.get(s.id) ?? 0) + 1)
      }
    }
  }
  const sorted = [...times].sort((a, b) => a - b)
  return {
    regions: times.length,
    outcomes,
    assessedSchools,
    honestSignRates: Object.fromEntries([...signFires].map(([id, n]) => [id, n / Math.max(1, honestAssessed)])),
    ceiling: residualCeiling(residualZ),
    medianMs: sorted[sorted.length >> 1] ?? 0,
    maxMs: sorted[sorted.length - 1] ?? 0,
  }
}

// ——— Summaries ———

const bandOf = (present: number): string => (present < 20 ? "n<20" : "n>=20")
const PATTERN_KINDS: readonly Manipulation[] = ["threshold_push", "hard_task_help", "copying"]

export interface Row {
  label: string
  size: string
  schools: number
  risk: number
  listOrRisk: number
  afterRandom: number
  afterPlan: number
}

export function rowsOf(outcomes: readonly SchoolOutcome[]): Row[] {
  const labels = [...MANIPULATIONS, "all manipulated", "pattern kinds", "honest", "strong_honest"]
  const member = (label: string, o: SchoolOutcome): boolean =>
    label === "all manipulated" ? (MANIPULATIONS as readonly string[]).includes(o.label) : label === "pattern kinds" ? (PATTERN_KINDS as readonly string[]).includes(o.label) : o.label === label
  return labels.flatMap((label) =>
    ["n<20", "n>=20", "all"].flatMap((size) => {
      const group = outcomes.filter((o) => member(label, o) && (size === "all" || bandOf(o.present) === size))
      if (group.length === 0) return []
      return [
        {
          label,
          size,
          schools: group.length,
          risk: group.filter((o) => o.level === "risk").length,
          listOrRisk: group.filter((o) => o.level !== "none").length,
          afterRandom: group.filter((o) => o.afterRandom).length,
          afterPlan: group.filter((o) => o.afterPlan).length,
        },
      ]
    }),
  )
}

/** What the re-check cost: listed schools, works, and works per manipulated school the re-check brought into the risk zone. */
export function budgetOf(figures: DetectionFigures): { listedShare: number; worksPerListed: number; foundByPlan: number; foundByRandom: number; worksPerFound: number } {
  const listed = figures.outcomes.filter((o) => o.level === "attention")
  const works = listed.reduce((sum, o) => sum + o.worksPlanned, 0)
  const manipulated = (o: SchoolOutcome) => (MANIPULATIONS as readonly string[]).includes(o.label)
  const foundByPlan = listed.filter((o) => manipulated(o) && o.afterPlan).length
  const foundByRandom = listed.filter((o) => manipulated(o) && o.afterRandom).length
  return {
    listedShare: listed.length / Math.max(1, figures.assessedSchools),
    worksPerListed: works / Math.max(1, listed.length),
    foundByPlan,
    foundByRandom,
    worksPerFound: works / Math.max(1, foundByPlan),
  }
}

/** Marks lowered per listed school by the commission: what a re-check finds before any test decides (plan vs random). */
export function loweredMarks(outcomes: readonly SchoolOutcome[]): { label: string; schools: number; plan: number; random: number }[] {
  const listed = outcomes.filter((o) => o.level === "attention" && o.worksPlanned > 0)
  return ["threshold_push", "lenient_checking", "mean_inflation", "honest", "strong_honest"].map((label) => {
    const group = listed.filter((o) => o.label === label)
    const mean = (pick: (o: SchoolOutcome) => number) => group.reduce((s, o) => s + pick(o), 0) / Math.max(1, group.length)
    return { label, schools: group.length, plan: mean((o) => o.loweredPlan), random: mean((o) => o.loweredRandom) }
  })
}

/** Recall of schools of 20+ by a third of the intensity range. */
export function byIntensity(outcomes: readonly SchoolOutcome[]): { label: string; band: string; schools: number; risk: number; afterPlan: number }[] {
  const bands = [
    { band: "0.50–0.67", low: 0, high: 0.67 },
    { band: "0.67–0.83", low: 0.67, high: 0.835 },
    { band: "0.83–1.00", low: 0.835, high: 1.01 },
  ]
  return [...MANIPULATIONS, "all manipulated"].flatMap((label) =>
    bands.map(({ band, low, high }) => {
      const group = outcomes.filter(
        (o) => o.present >= 20 && o.strength !== null && o.strength >= low && o.strength < high && (label === "all manipulated" ? (MANIPULATIONS as readonly string[]).includes(o.label) : o.label === label),
      )
      return { label, band, schools: group.length, risk: group.filter((o) => o.level === "risk").length, afterPlan: group.filter((o) => o.afterPlan).length }
    }),
  )
}

/**
 * A school's procedures of one year read together (both subjects, grades 4 and 5). Rules:
 *   - "any": in the risk zone (after the plan) in any of its procedures;
 *   - "two": in the risk zone in two or more of them (the false alarms of four procedures do not add up);
 *   - "any + two": also when a pattern sign fired in two or more of its procedures (moderate evidence adding up);
 *   - "any + fisher": also when Fisher's combination of each procedure's best pattern evidence is below 0.001.
 * A school manipulating at least one of its tests counts as manipulated; honest ones are honest in all.
 */
export function acrossProcedures(outcomes: readonly SchoolOutcome[]): { rule: string; group: string; size: string; schools: number; flagged: number }[] {
  const bySchool = new Map<string, SchoolOutcome[]>()
  for (const o of outcomes) bySchool.set(`${o.seed}|${o.schoolKey}`, [...(bySchool.get(`${o.seed}|${o.schoolKey}`) ?? []), o])
  const rules: Record<string, (list: SchoolOutcome[]) => boolean> = {
    any: (list) => list.some((o) => o.afterPlan),
    "two": (list) => list.filter((o) => o.afterPlan).length >= 2,
    "any + two": (list) => list.some((o) => o.afterPlan) || list.filter((o) => o.patternFired).length >= 2,
    // Fisher's combination of each procedure's best pattern evidence (Bonferroni within the procedure).
    "any + fisher": (list) => list.some((o) => o.afterPlan) || (list.length > 1 && chiSquareSf(-2 * list.reduce((sum, o) => sum + Math.log(Math.max(o.minPatternP, 1e-300)), 0), 2 * list.length) < 0.001),
  }
  const out: { rule: string; group: string; size: string; schools: number; flagged: number }[] = []
  for (const [rule, flagged] of Object.entries(rules)) {
    for (const group of ["manipulated", "honest", "strong_honest"]) {
      for (const size of ["n<20", "n>=20"]) {
        const schools = [...bySchool.values()].filter((list) => {
          const first = list[0]!
          const inGroup =
            group === "manipulated" ? list.some((o) => (MANIPULATIONS as readonly string[]).includes(o.label)) : first.schoolLabel === group && list.every((o) => o.label === group)
          const mean = list.reduce((s, o) => s + o.present, 0) / list.length
          return inGroup && bandOf(mean) === size
        })
        out.push({ rule, group, size, schools: schools.length, flagged: schools.filter(flagged).length })
      }
    }
  }
  return out
}

// ——— Printing ———

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : "—"
}

function printRows(rows: readonly Row[]): void {
  console.log("group              size    schools   risk zone   list or risk   after random 10   pipeline (bot's plan)")
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(18)} ${r.size.padEnd(7)} ${String(r.schools).padStart(7)}   ${percent(r.risk, r.schools).padStart(9)}   ${percent(r.listOrRisk, r.schools).padStart(12)}   ${percent(r.afterRandom, r.schools).padStart(15)}   ${percent(r.afterPlan, r.schools).padStart(21)}`,
    )
  }
}

const REAL_2021 = path.resolve(import.meta.dirname, "../../shared/data/fisoko/2021")

async function loadReal(file: string): Promise<ProcedureResults | null> {
  const parsed = await parseResults(path.join(REAL_2021, file), { fileName: file })
  return parsed.spec ? resultsFromParticipants(parsed.spec, parsed.participants) : null
}

/** The real 2021 exports have no ground truth: the share of schools in each level is what can be reported. */
async function printRealShares(settings: AnalysisSettings): Promise<void> {
  if (!existsSync(REAL_2021)) {
    console.log("real 2021 exports: not found, skipped")
    return
  }
  console.log("real 2021 exports (schools with 5+ participants): none / re-check list / risk, and pattern signs fired")
  for (const file of readdirSync(REAL_2021).filter((f) => f.startsWith("Проведение")).sort()) {
    const input = await loadReal(file)
    if (!input) continue
    const analysis = analyseProcedure(input, settings)
    const assessed = analysis.schools.filter((s) => s.present >= settings.minParticipants)
    const share = (level: string) => percent(assessed.filter((s) => s.risk.level === level).length, assessed.length)
    const fires = new Map<string, number>()
    for (const s of assessed) for (const x of s.signs) if (x.status === "fired" && x.kind === "pattern") fires.set(x.id, (fires.get(x.id) ?? 0) + 1)
    const signs = [...fires].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })).map(([id, n]) => `${id} ${n}`)
    console.log(`  ${input.spec.subject} ${input.spec.grade}: ${assessed.length} schools — ${share("none")} / ${share("attention")} / ${share("risk")}; ${signs.join(", ")}`)
  }
}

export async function runDetectionBench(): Promise<void> {
  const fixed = measureDetection({ intensity: "fixed", manipulateProbability: 1 })
  const f = measureDetection()
  console.log(`Detection bench: ${f.regions} generated regions (reporting seeds ${REPORTING_SEEDS.join(", ")} × ВПР 2021 RU/MA 4–5), default settings`)
  console.log(`analyseProcedure per region: median ${f.medianMs.toFixed(0)} ms, max ${f.maxMs.toFixed(0)} ms`)
  console.log("")
  console.log("Today's generator (fixed intensities, verbatim copying), for comparison:")
  printRows(rowsOf(fixed.outcomes).filter((r) => r.size !== "all" && ["all manipulated", "pattern kinds", "honest", "strong_honest"].includes(r.label)))
  console.log("")
  console.log(`Intensity from half to full, near-identical copying, each test manipulated with p ${MANIPULATE_PROBABILITY}:`)
  printRows(rowsOf(f.outcomes))
  const budget = budgetOf(f)
  console.log("")
  console.log(
    `re-check budget: ${percent(budget.listedShare, 1)} of schools with results on the list, ${budget.worksPerListed.toFixed(1)} works per listed school; ` +
      `manipulated schools the re-check brought into the risk zone: ${budget.foundByPlan} with the plan, ${budget.foundByRandom} with ten random works; ` +
      `${budget.worksPerFound.toFixed(0)} works re-checked per school found`,
  )
  console.log(
    "marks lowered by the commission per listed school (plan / ten random works): " +
      loweredMarks(f.outcomes)
        .map((r) => `${r.label} ${r.plan.toFixed(2)} / ${r.random.toFixed(2)} (${r.schools})`)
        .join(", "),
  )
  console.log("")
  console.log("recall by intensity (n>=20): risk zone from the file / pipeline")
  const intensity = byIntensity(f.outcomes)
  for (const label of [...MANIPULATIONS, "all manipulated"]) {
    const cells = intensity.filter((r) => r.label === label).map((r) => `${r.band}: ${percent(r.risk, r.schools)} / ${percent(r.afterPlan, r.schools)} (${r.schools})`)
    console.log(`  ${label.padEnd(17)} ${cells.join("   ")}`)
  }
  console.log("")
  console.log("a school's four procedures of one year read together (school level):")
  for (const r of acrossProcedures(f.outcomes)) console.log(`  ${r.rule.padEnd(10)} ${r.group.padEnd(14)} ${r.size.padEnd(6)} ${String(r.schools).padStart(5)} schools: ${percent(r.flagged, r.schools)}`)
  console.log("")
  console.log(
    "signs fired on honest schools: " +
      Object.entries(f.honestSignRates)
        .sort()
        .map(([id, rate]) => `${id} ${(100 * rate).toFixed(1)} %`)
        .join(", "),
  )
  console.log("")
  console.log("ceiling of the journal manipulations (n>=20): S6 (d) residual z cut at the honest schools' own quantiles (oracle)")
  for (const c of f.ceiling) {
    const cuts = c.recall.map((r) => `${(100 * (1 - r.honestQuantile)).toFixed(1)} % false alarms → ${percent(r.share, 1)}`).join(", ")
    console.log(`  ${c.label.padEnd(17)} (${c.direction}, ${c.schools} schools): ${cuts}`)
  }
  console.log("")
  await printRealShares(DEFAULT_SETTINGS)
}

if (import.meta.url === `file://${process.argv[1]}`) await runDetectionBench()
