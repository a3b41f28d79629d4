/**
 * From the analysis to the reports' view model (reports/model.ts): the FIS OKO tables of the reference group, the
 * school and its classes, the signs with their reasons, and — for coordinators only — the risk level.
 */
import type { ParticipantResult, ProcedureSpec } from "../../domain/results.ts"
import { procedureTitle } from "../../domain/results.ts"
import { wilsonInterval } from "../../domain/stats/index.ts"
import type { Translate } from "../../i18n.ts"
import type { GroupStats, MunicipalOverview, SchoolReport, SignRow } from "../reports/model.ts"
import type { ProcedureAnalysis, SchoolAnalysis } from "./analyse.ts"
import { describe } from "./signs/common/describe.ts"
import type { SignResult } from "./signs/common/types.ts"
import { journalComparison, markDistribution, scopeSummary, scoreDistribution, taskCompletion, variantAchievement } from "./tables/index.ts"
import type { ProcedureResults } from "./types.ts"

export function groupStats(name: string, role: GroupStats["role"], participants: readonly ParticipantResult[], spec: ProcedureSpec): GroupStats {
  const summary = scopeSummary(participants)
  const marks = markDistribution(participants)
  const journal = journalComparison(participants)
  const tasks = taskCompletion(participants, spec)
  const finite = (value: number) => (Number.isFinite(value) ? value : null)
  return {
    name,
    role,
    present: summary.present,
    absent: summary.absent,
    mean: finite(summary.mean),
    meanInterval: summary.meanCi ? { low: summary.meanCi.low, high: summary.meanCi.high } : null,
    marks: spec.scale ? { "2": marks.marks[2].count, "3": marks.marks[3].count, "4": marks.marks[4].count, "5": marks.marks[5].count } : null,
    journal: { lowered: journal.lowered.count, confirmed: journal.confirmed.count, raised: journal.raised.count },
    scoreCounts: scoreDistribution(participants, spec.maxTotal).bins.map((bin) => bin.count),
    completion: tasks.map((task) => (task.percent === null ? null : task.percent / 100)),
    completionIntervals: tasks.map((task) => {
      if (task.possible === 0) return null
      const interval = wilsonInterval(task.points, task.possible)
      return { low: interval.low, high: interval.high }
    }),
  }
}

export function signRows(t: Translate, signs: readonly SignResult[]): SignRow[] {
  return signs.map((sign) => ({
    id: sign.id,
    title: t(`sign-title-${sign.id}`),
    status: sign.status,
    strength: sign.strength ?? null,
    reason: describe(sign, t),
  }))
}

export interface ReportContext {
  analysis: ProcedureAnalysis
  results: ProcedureResults
  /** Names of schools by key, when the directory has them. */
  schoolNames: Map<string, { login: string; name: string | null }>
  /** Name of the whole upload's group («все школы, загрузившие работу»). */
  groupName: string
}

/**
 * The reference group's figures, computed once per context: a municipal workbook builds a report for each of a
 * region's 600 schools, and recomputing the whole region's statistics for each took 20 s.
 */
const referenceCache = new WeakMap<ReportContext, GroupStats>()

function referenceStats(context: ReportContext): GroupStats {
  let stats = referenceCache.get(context)
  if (!stats) {
    const everyone = context.results.schools.flatMap((candidate) => candidate.participants)
    stats = groupStats(context.groupName, "reference", everyone, context.results.spec)
    referenceCache.set(context, stats)
  }
  return stats
}

export function schoolReportModel(t: Translate, context: ReportContext, schoolKey: string, options: { withRisk: boolean }): SchoolReport | null {
  const school = context.results.schools.find((candidate) => candidate.schoolKey === schoolKey)
  const analysed = context.analysis.schools.find((candidate) => candidate.schoolKey === schoolKey)
  return school && analysed ? reportOf(t, context, school.participants, analysed, { ...options, whole: true }) : null
}

/**
 * The schools of a scope (null: all) as the municipal workbook shows them, one row each: the school's figures beside
 * the reference group's and the signs that fired. Not its classes, variants, risk lines or the signs that did not
 * fire, which only the school's own workbook shows: for a region's 632 schools and their 2,500 classes those were
 * half the time of the coordinator's XLSX.
 */
export function municipalSchoolRows(t: Translate, context: ReportContext, municipalityId: number | null): SchoolReport[] {
  const participants = new Map(context.results.schools.map((school) => [school.schoolKey, school.participants]))
  return context.analysis.schools.flatMap((analysed) => {
    const own = participants.get(analysed.schoolKey)
    if (!own || (municipalityId !== null && analysed.municipalityId !== String(municipalityId))) return []
    return [reportOf(t, context, own, analysed, { withRisk: false, whole: false })]
  })
}

function reportOf(
  t: Translate,
  context: ReportContext,
  participants: readonly ParticipantResult[],
  analysed: SchoolAnalysis,
  options: { withRisk: boolean; whole: boolean },
): SchoolReport {
  const spec = context.results.spec
  const names = context.schoolNames.get(analysed.schoolKey)
  const login = names?.login ?? analysed.schoolKey
  const classes = options.whole ? [...groupByClass(participants)] : []
  return {
    procedureTitle: procedureTitle(spec),
    schoolLogin: login,
    ...(names?.name ? { schoolName: names.name } : {}),
    groupName: context.groupName,
    maxScore: spec.maxTotal,
    thresholds: spec.scale ? ([3, 4, 5] as const).map((mark) => ({ mark, score: spec.scale![mark] })) : null,
    tasks: spec.tasks.map((task) => ({ label: task.label, max: task.max, level: task.level })),
    groups: [
      referenceStats(context),
      groupStats(names?.name ? `${login} · ${names.name}` : login, "school", participants, spec),
      ...classes.map(([name, members]) => groupStats(name, "class", members, spec)),
    ],
    variants: options.whole
      ? variantAchievement(participants, spec).flatMap((row) =>
          row.variant === null ? [] : [{ variant: row.variant, present: row.n, mean: Number.isFinite(row.meanScore) ? row.meanScore : null }],
        )
      : [],
    signs: signRows(t, options.whole ? analysed.signs : analysed.signs.filter((sign) => sign.status === "fired")),
    risk: options.withRisk ? riskSummary(t, analysed) : null,
  }
}

/** Signs of bias that fired (S1−, low results, is information for help programmes, not a reason for risk). */
export function firedBiasSigns(school: SchoolAnalysis): SignResult[] {
  return school.signs.filter((sign) => sign.status === "fired" && sign.kind !== "info")
}

export function riskSummary(t: Translate, school: SchoolAnalysis) {
  return { level: school.risk.level, reasons: firedBiasSigns(school).map((sign) => describe(sign, t)) }
}

function groupByClass(participants: readonly ParticipantResult[]): Map<string, ParticipantResult[]> {
  const classes = new Map<string, ParticipantResult[]>()
  for (const participant of participants) {
    if (!participant.className) continue
    const list = classes.get(participant.className)
    if (list) list.push(participant)
    else classes.set(participant.className, [participant])
  }
  return new Map([...classes].sort(([a], [b]) => a.localeCompare(b, "ru")))
}

/** The coordinator's overview: schools of the municipality ranked by risk, with the objectivity index. */
export function municipalOverviewModel(
  t: Translate,
  context: ReportContext,
  scope: { name: string; municipalityId: number | null },
): MunicipalOverview {
  const spec = context.results.spec
  const inScope = context.analysis.schools.filter(
    (school) => scope.municipalityId === null || school.municipalityId === String(scope.municipalityId),
  )
  const inScopeKeys = new Set(inScope.map((school) => school.schoolKey))
  const scopeResults = context.results.schools.filter((school) => inScopeKeys.has(school.schoolKey))
  const assessed = inScope.filter((school) => school.signs.some((sign) => sign.status !== "abstained"))
  const withSigns = assessed.filter((school) => school.risk.reasons.length > 0).length
  return {
    procedureTitle: procedureTitle(spec),
    scopeName: scope.name,
    index: assessed.length === 0 ? null : 100 - (100 * withSigns) / assessed.length,
    schoolsWithSigns: withSigns,
    // Every reader withholds the index below this (the alert's workbook and the CLI's too, not only the chat).
    indexMinimum: context.analysis.settings.minComparisonSchools,
    references: [
      groupStats(context.groupName, "reference", context.results.schools.flatMap((school) => school.participants), spec),
      ...(scope.municipalityId === null ? [] : [groupStats(scope.name, "reference", scopeResults.flatMap((school) => school.participants), spec)]),
    ],
    schools: inScope.map((school) => {
      const names = context.schoolNames.get(school.schoolKey)
      return {
        login: names?.login ?? school.schoolKey,
        ...(names?.name ? { name: names.name } : {}),
        present: school.present,
        mean: school.mean,
        meanInterval: school.interval ? { low: school.interval.low, high: school.interval.high } : null,
        level: school.risk.level,
        score: school.risk.score,
        signsFired: firedBiasSigns(school).map((sign) => sign.id),
        assessed: school.signs.some((sign) => sign.status !== "abstained"),
        reasons: riskSummary(t, school).reasons,
      }
    }),
  }
}
