import { createHash } from "node:crypto"
import type { ProcedureKey } from "../../domain/results.ts"
import type { ServiceDeps } from "../deps.ts"
import { loadProcedureResults } from "../results/read.ts"
import { procedureId } from "../results/procedure-key.ts"
import { analyseProcedure, type ProcedureAnalysis } from "./analyse.ts"
import { outsideExtras } from "./outside-extras.ts"
import { DEFAULT_SETTINGS, parseSettings, type AnalysisSettings } from "./settings.ts"
import { cohortJumps } from "./signs/S7-cohort-jump.ts"
import type { AnalysisExtras } from "./signs/types.ts"
import type { ProcedureResults } from "./types.ts"

export interface AnalysisOutcome {
  runId: number
  /** False when a stored run with the same inputs and settings was reused. */
  computed: boolean
  analysis: ProcedureAnalysis
  results: ProcedureResults
  schoolIds: Map<string, number>
}

/**
 * Analyses one procedure over every school that wrote it (the whole region is the default reference group) with
 * the settings of a municipality (or the defaults), stores the run with its settings and inputs so it can be
 * reproduced, and reuses a stored run when neither the results, the settings nor the outside data changed.
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
  // ОГЭ/ЕГЭ, medalists, re-checks (S8–S10): a run is reused only while they stay the same.
  const outside = await outsideExtras(deps.prisma, key)

  // The stored result (~2 MB) is read only when the inputs and settings match.
  const previous = await deps.prisma.analysisRun.findFirst({ where: { procedure, scopeId }, orderBy: { id: "desc" }, select: { id: true, inputIds: true, settings: true, extrasHash: true } })
  if (previous && sameInputs(previous.inputIds, inputIds) && hash(previous.settings) === settingsHash && previous.extrasHash === outside.hash) {
    const stored = await deps.prisma.analysisRun.findUniqueOrThrow({ where: { id: previous.id }, select: { result: true } })
    return { runId: previous.id, computed: false, analysis: stored.result as unknown as ProcedureAnalysis, results: loaded, schoolIds: loaded.schoolIds }
  }
  const analysis = analyseProcedure(loaded, settings, { ...(await cohortExtras(deps, key, loaded, settings)), ...outside.extras })
  // The result is ~2 MB of JSON for a region: sent as one text parameter cast by the database (Prisma's Json
  // input path walks the object and took several times longer).
  const [run] = await deps.prisma.$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO "AnalysisRun" (procedure, "scopeId", settings, "inputIds", result, "extrasHash") VALUES ($1, $2, $3::jsonb, $4::int[], $5::jsonb, $6) RETURNING id`,
    procedure,
    scopeId,
    JSON.stringify(settings),
    inputIds,
    jsonText(analysis),
    outside.hash,
  )
  return { runId: run!.id, computed: true, analysis, results: loaded, schoolIds: loaded.schoolIds }
}

/** A municipality's own thresholds over the defaults (objectivity.md: every threshold is a setting). */
export async function settingsFor(deps: ServiceDeps, municipalityId: number | null): Promise<AnalysisSettings> {
  if (municipalityId === null) return DEFAULT_SETTINGS
  const municipality = await deps.prisma.municipality.findUnique({ where: { id: municipalityId } })
  return municipality?.settings ? parseSettings(municipality.settings) : DEFAULT_SETTINGS
}

/** S7 needs the same cohort a year earlier (grade − 1) or later (grade + 1), same subject, when we hold it. */
async function cohortExtras(deps: ServiceDeps, key: ProcedureKey, current: ProcedureResults, settings: AnalysisSettings): Promise<AnalysisExtras> {
  const cohorts: NonNullable<AnalysisExtras["cohorts"]> = []
  const earlier = await loadProcedureResults(deps.prisma, { ...key, year: key.year - 1, grade: key.grade - 1 })
  if (earlier) cohorts.push({ role: "later", jumps: cohortJumps(earlier, current, settings) })
  const later = await loadProcedureResults(deps.prisma, { ...key, year: key.year + 1, grade: key.grade + 1 })
  if (later) cohorts.push({ role: "earlier", jumps: cohortJumps(current, later, settings) })
  return cohorts.length > 0 ? { cohorts } : {}
}

function sameInputs(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index])
}

/** Hash of a canonical JSON form: jsonb hands keys back in its own order, so keys are sorted first. */
function hash(value: unknown): string {
  const canonical = (item: unknown): unknown =>
    Array.isArray(item)
      ? item.map(canonical)
      : item && typeof item === "object"
        ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, canonical((item as Record<string, unknown>)[key])]))
        : item
  return createHash("sha256").update(JSON.stringify(canonical(value))).digest("hex")
}

/** JSON with non-finite numbers as null, so the stored result reads back the same way everywhere. */
function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, item) => (typeof item === "number" && !Number.isFinite(item) ? null : item))
}
