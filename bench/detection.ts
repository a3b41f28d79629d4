/**
 * Detection bench: generated regions with known, labelled manipulations, analysed with the default settings.
 * Prints recall (into the risk zone, and into at least «требует внимания») by manipulation and by school size,
 * false alarms of honest and of strong honest schools, how often each sign fires on honest schools, and speed.
 * A second stage follows what a region does with «требует внимания»: a selective re-check of ten works of each
 * such school (test/support/generator/recheck.ts), analysed again with S10 — the "after re-check" column.
 * docs/calibration.md records the figures this printed for the chosen defaults.
 */
import { existsSync, readdirSync } from "node:fs"
import path from "node:path"
import { analyseProcedure, type ProcedureAnalysis } from "../src/services/analysis/analyse.ts"
import type { RecheckedWork } from "../src/services/analysis/signs/types.ts"
import type { ProcedureResults } from "../src/services/analysis/types.ts"
import { resultsFromParticipants } from "../src/services/analysis/from-participants.ts"
import { parseResults } from "../src/services/results/formats/parse.ts"
import { DEFAULT_SETTINGS, type AnalysisSettings } from "../src/services/analysis/settings.ts"
import { generateRegion, MANIPULATIONS, recheckSchool, Rng, SPECS_2021, type GeneratedRegion } from "../test/support/generator/index.ts"

export interface DetectionFigures {
  regions: number
  /** Rows: a manipulation, "honest" or "strong_honest"; by size band "n<20" / "n>=20" / "all". */
  rows: { label: string; size: string; schools: number; risk: number; attentionOrRisk: number; riskAfterRecheck: number }[]
  /** Share of honest (not strong) assessed schools on which each sign fired. */
  honestSignRates: Record<string, number>
  /**
   * The journal manipulations' ceiling on schools of 20+: the S6 (d) journal residual z thresholded at quantiles of
   * the honest schools' own z (an oracle — it knows which schools are honest). No threshold on this figure does
   * better at that false-alarm rate; a real test, which must estimate where honest schools lie, does worse.
   */
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

const SEEDS = [2021, 2022, 2023]

function bandOf(present: number): string {
  return present < 20 ? "n<20" : "n>=20"
}

export function measureDetection(settings: AnalysisSettings = DEFAULT_SETTINGS, seeds: readonly number[] = SEEDS): DetectionFigures {
  const counts = new Map<string, { schools: number; risk: number; attentionOrRisk: number; riskAfterRecheck: number }>()
  const signFires = new Map<string, number>()
  let honestAssessed = 0
  const times: number[] = []
  const residualZ = new Map<string, number[]>()
  const add = (label: string, size: string, level: string, afterRecheck: string): void => {
    for (const key of [`${label}|${size}`, `${label}|all`]) {
      const c = counts.get(key) ?? { schools: 0, risk: 0, attentionOrRisk: 0, riskAfterRecheck: 0 }
      c.schools++
      if (level === "risk") c.risk++
      if (level !== "none") c.attentionOrRisk++
      if (afterRecheck === "risk") c.riskAfterRecheck++
      counts.set(key, c)
    }
  }
  for (const seed of seeds) {
    for (const spec of SPECS_2021) {
      const region = generateRegion({ seed, spec })
      const started = performance.now()
      const analysis = analyseProcedure(region.results, settings)
      times.push(performance.now() - started)
      const rechecked = analyseProcedure(region.results, settings, { rechecks: recheckAttention(region, analysis, seed) })
      analysis.schools.forEach((school, index) => {
        // Below the minimum every sign abstains by design: such schools are neither detected nor false alarms.
        if (school.present < settings.minParticipants) return
        const truth = region.truth.get(school.schoolKey)
        const label = truth?.manipulation ?? (truth?.strongHonest ? "strong_honest" : "honest")
        add(label, bandOf(school.present), school.risk.level, rechecked.schools[index]?.risk.level ?? "none")
        const z = school.signs.find((s) => s.id === "S6")?.evidence.journalResidualZ
        if (school.present >= 20 && typeof z === "number") {
          const list = residualZ.get(label) ?? []
          list.push(z)
          residualZ.set(label, list)
        }
        if (label === "honest") {
          honestAssessed++
          for (const s of school.signs) {
            if (s.status === "fired") signFires.set(s.id, (signFires.get(s.id) ?? 0) + 1)
          }
        }
      })
    }
  }
  const labels = [...MANIPULATIONS, "honest", "strong_honest"]
  const rows = labels.flatMap((label) =>
    ["n<20", "n>=20", "all"].flatMap((size) => {
      const c = counts.get(`${label}|${size}`)
      return c ? [{ label, size, ...c }] : []
    }),
  )
  const honestSignRates = Object.fromEntries([...signFires].map(([id, n]) => [id, n / Math.max(1, honestAssessed)]))
  const sorted = [...times].sort((a, b) => a - b)
  return { regions: times.length, rows, honestSignRates, ceiling: residualCeiling(residualZ), medianMs: sorted[sorted.length >> 1] ?? 0, maxMs: sorted[sorted.length - 1] ?? 0 }
}

/** The region re-checks ten works of every school at «требует внимания» (seeded, so the bench is reproducible). */
function recheckAttention(region: GeneratedRegion, analysis: ProcedureAnalysis, seed: number): Record<string, RecheckedWork[]> {
  const rng = new Rng(seed * 7919 + region.results.spec.grade)
  const attention = analysis.schools.filter((school) => school.risk.level === "attention")
  return Object.fromEntries(attention.map((school) => [school.schoolKey, recheckSchool(region, school.schoolKey, rng)]))
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : "—"
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
  console.log("real 2021 exports (schools with 5+ participants): none / attention / risk, and pattern signs fired")
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
  const f = measureDetection()
  console.log(`Detection bench: ${f.regions} generated regions (seeds ${SEEDS.join(", ")} × ВПР 2021 RU/MA 4–5), default settings`)
  console.log(`analyseProcedure per region: median ${f.medianMs.toFixed(0)} ms, max ${f.maxMs.toFixed(0)} ms`)
  console.log("")
  console.log("group              size    schools   risk zone   attention or risk   risk zone after re-check")
  const line = (label: string, r: { size: string; schools: number; risk: number; attentionOrRisk: number; riskAfterRecheck: number }): void =>
    console.log(
      `${label.padEnd(18)} ${r.size.padEnd(7)} ${String(r.schools).padStart(7)}   ${percent(r.risk, r.schools).padStart(9)}   ${percent(r.attentionOrRisk, r.schools).padStart(17)}   ${percent(r.riskAfterRecheck, r.schools).padStart(24)}`,
    )
  for (const r of f.rows) line(r.label, r)
  const manipulated = f.rows.filter((r) => (MANIPULATIONS as readonly string[]).includes(r.label))
  for (const size of ["n<20", "n>=20", "all"]) {
    const rows = manipulated.filter((r) => r.size === size)
    const total = (field: "schools" | "risk" | "attentionOrRisk" | "riskAfterRecheck") => rows.reduce((s, r) => s + r[field], 0)
    line("all manipulated", { size, schools: total("schools"), risk: total("risk"), attentionOrRisk: total("attentionOrRisk"), riskAfterRecheck: total("riskAfterRecheck") })
  }
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
