import { gunzipJson, gzipJson } from "../../db/gzip-json.ts"
import type { ProcedureKey } from "../../domain/results.ts"
import type { ServiceDeps } from "../deps.ts"
import { ImmutableRows } from "../storage/immutable-rows.ts"
import { loadProcedureResults } from "./current-results.ts"
import { procedureId } from "../results/procedure-key.ts"
import { analyseProcedure, type ProcedureAnalysis } from "./analyse.ts"
import { canonicalHash as hash } from "./canonical-hash.ts"
import { outsideExtras } from "./exams-medalists-rechecks.ts"
import { DEFAULT_SETTINGS, parseSettings, type AnalysisSettings } from "./settings.ts"
import { cohortJumps } from "./signs/S7-cohort-jump.ts"
import type { AnalysisExtras } from "./signs/common/types.ts"
import type { ProcedureResults } from "./types.ts"

export interface AnalysisOutcome {
  runId: number
  /** False when a stored run with the same inputs and settings was reused. */
  computed: boolean
  analysis: ProcedureAnalysis
  results: ProcedureResults
  schoolIds: Map<string, number>
}

/** A newly stored run, as the listeners hear of it. */
export interface StoredRun {
  key: ProcedureKey
  /** The municipality whose settings the run used, or null for the defaults. */
  scopeId: number | null
  outcome: AnalysisOutcome
}

export type RunListener = (run: StoredRun) => Promise<void>

const listeners = new WeakMap<object, RunListener[]>()

/**
 * The one-way seam for what follows a stored run (risk alerts): createServices registers a listener for its deps, and
 * every run stored through those deps (after an import, new outside data, a coordinator's view) is announced. The
 * analysis never imports its listeners; a listener's failure is logged and never fails the analysis.
 */
export function onRunStored(deps: ServiceDeps, listener: RunListener): void {
  listeners.set(deps, [...(listeners.get(deps) ?? []), listener])
}

async function announce(deps: ServiceDeps, run: StoredRun): Promise<void> {
  for (const listener of listeners.get(deps) ?? []) {
    try {
      await listener(run)
    } catch (error) {
      deps.logger.error({ err: error, runId: run.outcome.runId }, "a listener of stored analysis runs failed")
    }
  }
}

/**
 * Analyses one procedure over every school that wrote it (the whole region is the default reference group) with
 * the settings of a municipality (or the defaults), stores the run with its settings and inputs so it can be
 * reproduced, and reuses a stored run when neither the results, the settings nor the other data its signs read changed.
 */
export async function analyseStored(
  deps: ServiceDeps,
  key: ProcedureKey,
  options: { municipalityId?: number | null; settings?: AnalysisSettings } = {},
): Promise<AnalysisOutcome | null> {
  const loaded = await loadProcedureResults(deps.prisma, key)
  if (!loaded) return null
  const settings = options.settings ?? (await settingsFor(deps, options.municipalityId ?? null))
  const procedure = procedureId(key)
  const inputIds = [...loaded.resultSetIds].sort((a, b) => a - b)
  const settingsHash = hash(settings)
  const scopeId = options.municipalityId ?? null
  // What else the signs read — the same cohort a year before and after (S7), ОГЭ/ЕГЭ, medalists, re-checks
  // (S8–S10): a run is reused only while that stays the same too.
  const cohorts = cohortKeys(key)
  const outside = await outsideExtras(deps.prisma, key)
  const extrasHash = hash({ cohorts: await Promise.all(cohorts.map((c) => currentSetIds(deps, c.key))), outside: outside.hash })

  // The stored result is read only when the inputs and settings match; runs stored before it was compressed
  // (resultGzip null) are not reused.
  const previous = await deps.prisma.analysisRun.findFirst({
    where: { procedure, scopeId, resultGzip: { not: null } },
    orderBy: { id: "desc" },
    select: { id: true, inputIds: true, settings: true, extrasHash: true },
  })
  if (previous && sameInputs(previous.inputIds, inputIds) && hash(previous.settings) === settingsHash && previous.extrasHash === extrasHash) {
    return { runId: previous.id, computed: false, analysis: await storedAnalysis(deps, previous.id), results: loaded, schoolIds: loaded.schoolIds }
  }
  const analysis = analyseProcedure(loaded, settings, { ...(await cohortExtras(deps, cohorts, loaded, settings)), ...outside.extras })
  // The result is ~2.4 MB of JSON for a region, ~350 kB compressed: stored as jsonb it took ~200 ms on PGlite,
  // compressed ~40 ms, gzip included (db/gzip-json.ts). JSON turns non-finite numbers into null, so a reused
  // result reads the same everywhere.
  const [run] = await deps.prisma.$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO "AnalysisRun" (procedure, "scopeId", settings, "inputIds", "resultGzip", "extrasHash") VALUES ($1, $2, $3::jsonb, $4::int[], decode($5, 'base64'), $6) RETURNING id`,
    procedure,
    scopeId,
    JSON.stringify(settings),
    inputIds,
    gzipJson(analysis),
    extrasHash,
  )
  const outcome = { runId: run!.id, computed: true, analysis, results: loaded, schoolIds: loaded.schoolIds }
  await announce(deps, { key, scopeId, outcome })
  return outcome
}

/** Stored runs read back, per database: a run never changes once stored. ~3 MB compressed, about eight regional runs. */
const storedAnalyses = new ImmutableRows<ProcedureAnalysis>(3_000_000)

async function storedAnalysis(deps: ServiceDeps, runId: number): Promise<ProcedureAnalysis> {
  const [{ digest }] = (await deps.prisma.$queryRawUnsafe<{ digest: string }[]>(`SELECT md5("resultGzip") AS digest FROM "AnalysisRun" WHERE id = $1`, runId)) as [{ digest: string }]
  const remembered = storedAnalyses.get(deps.prisma, runId, digest)
  if (remembered) return remembered
  const [stored] = await deps.prisma.$queryRawUnsafe<{ result: string }[]>(`SELECT encode("resultGzip", 'base64') AS result FROM "AnalysisRun" WHERE id = $1`, runId)
  const analysis = gunzipJson<ProcedureAnalysis>(stored!.result)
  storedAnalyses.set(deps.prisma, runId, digest, analysis, stored!.result.length)
  return analysis
}

/** A municipality's own thresholds over the defaults (objectivity.md: every threshold is a setting). */
export async function settingsFor(deps: ServiceDeps, municipalityId: number | null): Promise<AnalysisSettings> {
  if (municipalityId === null) return DEFAULT_SETTINGS
  const municipality = await deps.prisma.municipality.findUnique({ where: { id: municipalityId } })
  return municipality?.settings ? parseSettings(municipality.settings) : DEFAULT_SETTINGS
}

/** S7 compares the same cohort a year earlier (grade − 1) or later (grade + 1), same subject. */
function cohortKeys(key: ProcedureKey): { key: ProcedureKey; role: "earlier" | "later" }[] {
  return [
    // The analysed procedure is the later one of the pair with last year's, the earlier one with next year's.
    { key: { ...key, year: key.year - 1, grade: key.grade - 1 }, role: "later" },
    { key: { ...key, year: key.year + 1, grade: key.grade + 1 }, role: "earlier" },
  ]
}

async function currentSetIds(deps: ServiceDeps, key: ProcedureKey): Promise<number[]> {
  const sets = await deps.prisma.resultSet.findMany({ where: { procedure: procedureId(key), isCurrent: true }, select: { id: true }, orderBy: { id: "asc" } })
  return sets.map((set) => set.id)
}

/** The S7 pairs we hold data for. */
async function cohortExtras(
  deps: ServiceDeps,
  cohorts: ReturnType<typeof cohortKeys>,
  current: ProcedureResults,
  settings: AnalysisSettings,
): Promise<AnalysisExtras> {
  const pairs: NonNullable<AnalysisExtras["cohorts"]> = []
  for (const { key, role } of cohorts) {
    const other = await loadProcedureResults(deps.prisma, key)
    if (!other) continue
    pairs.push({ role, jumps: role === "later" ? cohortJumps(other, current, settings) : cohortJumps(current, other, settings) })
  }
  return pairs.length > 0 ? { cohorts: pairs } : {}
}

function sameInputs(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index])
}
