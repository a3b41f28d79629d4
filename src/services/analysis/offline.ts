/**
 * The analysis without a database, for the command line: a result file analysed on its own, and what any analysis
 * exports — the JSON of docs/analysis-json.md, the full workbook (overview and every school's report), a summary.
 */
import type { ProcedureKey } from "../../domain/results.ts"
import type { Translate } from "../../i18n.ts"
import { refused, type RefusedWithProblems } from "../outcome.ts"
import { buildMunicipalReport } from "../reports/index.ts"
import { parseResults } from "../results/formats/parse.ts"
import type { ParseStatus } from "../results/formats/types.ts"
import type { Problem } from "../workbooks/problem.ts"
import { analyseProcedure } from "./analyse.ts"
import { resultsFromParticipants } from "./from-participants.ts"
import { analysisJson } from "./json.ts"
import { municipalOverviewModel, municipalSchoolRows, type ReportContext } from "./report-model.ts"
import { DEFAULT_SETTINGS, FIOKO_2019, parseSettings, type AnalysisSettings } from "./settings.ts"

const PRESETS: Record<string, AnalysisSettings> = { fioko2019: FIOKO_2019 }

/** Settings from a preset (none: the defaults) with a JSON document's values over them; null for an unknown preset. */
export function settingsOf(options: { preset?: string; json?: unknown }): AnalysisSettings | null {
  const base = options.preset === undefined ? DEFAULT_SETTINGS : PRESETS[options.preset.toLowerCase()]
  if (!base) return null
  return options.json === undefined ? base : parseSettings(options.json, base)
}

/**
 * A result file read and analysed in memory, rows with errors left out (as a coordinator would); the file itself is
 * the reference group. Refused with the first problems when it is not a result file or its procedure is unknown.
 */
export async function analyseFile(
  file: string,
  options: { procedure?: ProcedureKey; settings: AnalysisSettings; groupName: string },
): Promise<{ ok: true; report: ReportContext } | (RefusedWithProblems<Problem> & { status: ParseStatus })> {
  const parsed = await parseResults(file, { fileName: file, allowInvalidRows: "exclude", ...(options.procedure ? { procedure: options.procedure } : {}) })
  if (!parsed.spec || parsed.status !== "parsed") return { ...refused(parsed.problems.slice(0, 20)), status: parsed.status }
  const results = resultsFromParticipants(parsed.spec, parsed.participants)
  const schoolNames = new Map(parsed.schools.map((school) => [school.key, { login: school.login, name: school.name ?? null }]))
  return { ok: true, report: { analysis: analyseProcedure(results, options.settings), results, schoolNames, groupName: options.groupName } }
}

/** The stable JSON of an analysis, schools named by their FIS OKO login. */
export function reportJson(report: ReportContext) {
  return analysisJson(report.analysis, new Map([...report.schoolNames].map(([key, names]) => [key, names.login])))
}

/** The overview and every school's report (with its risk) in one workbook. */
export async function reportWorkbook(report: ReportContext, t: Translate): Promise<Buffer> {
  const overview = municipalOverviewModel(t, report, { name: report.groupName, municipalityId: null })
  return buildMunicipalReport(overview, municipalSchoolRows(t, report, null), t)
}

/** How many schools fall in each risk level. */
export function reportSummary(report: ReportContext): { procedure: ProcedureKey; schools: number; risk: number; attention: number; none: number } {
  const levels = { risk: 0, attention: 0, none: 0 }
  for (const school of report.analysis.schools) levels[school.risk.level]++
  return { procedure: report.results.spec, schools: report.analysis.schools.length, ...levels }
}

export const offlineAnalysis = { settingsOf, analyseFile, reportJson, reportWorkbook, reportSummary }
