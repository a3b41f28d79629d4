/**
 * What people get from the analysis: a teacher their school's summary (no risk levels — objectivity.md «Cautions»),
 * a coordinator the municipal overview with the risk list; charts and XLSX reports for both. Roles are checked here.
 */
import type ExcelJS from "exceljs"
import { procedureTitle, type ProcedureKey } from "../../domain/results.ts"
import type { Translate } from "../../i18n.ts"
import { canActOnSchool, hasRole, isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, type NotAllowed, type NotFound } from "../outcome.ts"
import { parseProcedureId } from "../results/procedure-key.ts"
import {
  buildSchoolReport,
  municipalReportWorkbook,
  renderRiskOverview,
  renderScoreDistribution,
  renderTaskCompletion,
  riskOverviewChart,
  scoreDistributionChart,
  taskCompletionChart,
  type MunicipalOverview,
  type SchoolReport,
} from "../reports/index.ts"
import { workbookBytes } from "../workbooks/new-workbook.ts"
import { municipalOverviewModel, municipalSchoolRows, schoolReportModel, type ReportContext } from "./report-model.ts"
import { analyseStored, settingsFor } from "./stored-runs.ts"
import type { AnalysisSettings } from "./settings.ts"
import { comparable, overviewText, schoolDetailsText, schoolText, type ComparisonBasis } from "./summary-text.ts"
import { yearComparison, type YearComparison } from "./trend.ts"

export interface ProcedureChoice {
  specId: number
  key: ProcedureKey
}

/** What other services add to the analysis' products, wired by createServices (the analysis never imports them). */
export interface ViewHooks {
  /** Adds sheets to the municipal XLSX (the risk cases). */
  municipalWorkbook?: (workbook: ExcelJS.Workbook, scope: { key: ProcedureKey; municipalityId: number | null }, t: Translate) => Promise<void>
}

export function createAnalysisViews(deps: ServiceDeps, hooks: ViewHooks = {}) {
  /** Municipality whose coordinator this actor is (null for admins: everything). */
  const coordinatorScope = (actor: Actor): number | null | undefined =>
    isAdmin(actor) ? null : actor.grants.find((grant) => grant.role === "municipal_coordinator")?.municipalityId

  async function context(
    actor: Actor,
    key: ProcedureKey,
    t: Translate,
    given?: AnalysisSettings,
  ): Promise<(ReportContext & { schoolIds: Map<string, number>; settings: AnalysisSettings }) | null> {
    const scope = coordinatorScope(actor)
    const settings = given ?? (await settingsFor(deps, scope ?? null))
    const outcome = await analyseStored(deps, key, { municipalityId: scope ?? null, settings })
    if (!outcome) return null
    const schools = await deps.prisma.school.findMany({ where: { key: { in: outcome.results.schools.map((school) => school.schoolKey) } } })
    return {
      analysis: outcome.analysis,
      results: outcome.results,
      schoolNames: new Map(schools.map((school) => [school.key, { login: school.login, name: school.name }])),
      groupName: t("analysis-group-name"),
      schoolIds: outcome.schoolIds,
      settings,
    }
  }

  /** How many other schools with participants the comparison group holds, against the setting's minimum. */
  function comparisonBasis(found: { analysis: ReportContext["analysis"]; settings: AnalysisSettings }, schoolKey: string): ComparisonBasis {
    const otherSchools = found.analysis.schools.filter((school) => school.present > 0 && school.schoolKey !== schoolKey).length
    return { otherSchools, minimum: found.settings.minComparisonSchools }
  }

  /** The same test a year earlier: the index trend and the schools in the risk zone two years running. */
  async function lastYear(actor: Actor, key: ProcedureKey, t: Translate, current: MunicipalOverview): Promise<YearComparison | undefined> {
    const previousKey = { ...key, year: key.year - 1 }
    const found = await context(actor, previousKey, t)
    if (!found) return undefined
    const scope = coordinatorScope(actor) ?? null
    const previous = municipalOverviewModel(t, found, { name: current.scopeName, municipalityId: scope })
    return yearComparison(current, previous, previousKey.year)
  }

  /** The municipality's name, or the whole upload's for an admin. */
  async function scopeName(scope: number | null, t: Translate): Promise<string> {
    if (scope === null) return t("analysis-group-name")
    return (await deps.prisma.municipality.findUnique({ where: { id: scope } }))?.name ?? ""
  }

  async function schoolAllowed(actor: Actor, schoolId: number): Promise<boolean> {
    const school = await deps.prisma.school.findUnique({ where: { id: schoolId } })
    return school !== null && canActOnSchool(actor, school)
  }

  /** A school's report model and analysis, for an actor allowed to see the school. */
  async function schoolModel(actor: Actor, key: ProcedureKey, schoolId: number, t: Translate) {
    if (!(await schoolAllowed(actor, schoolId))) return notAllowed()
    const found = await context(actor, key, t)
    const schoolKey = found && [...found.schoolIds].find(([, id]) => id === schoolId)?.[0]
    if (!found || !schoolKey) return notFound()
    const withRisk = hasRole(actor, "municipal_coordinator") // admins included
    const modelled = schoolReportModel(t, found, schoolKey, { withRisk })
    if (!modelled) return notFound()
    const analysed = found.analysis.schools.find((school) => school.schoolKey === schoolKey)!
    const comparison = comparisonBasis(found, schoolKey)
    // Too few other schools: the charts and the workbook leave the group out too, as the chat does — a group of
    // the school itself drew its own bars twice under the name «все школы».
    const report = comparable(comparison)
      ? modelled
      : { ...modelled, groupName: t("reports-group-too-small", { others: comparison.otherSchools, minimum: comparison.minimum }), groups: modelled.groups.filter((group) => group.role !== "reference") }
    return { ok: true as const, report, analysed, withRisk, comparison }
  }

  return {
    /** The procedures with current results this actor may look at, newest first. */
    async choices(actor: Actor): Promise<ProcedureChoice[]> {
      const scope = coordinatorScope(actor)
      const schoolIds = actor.grants.flatMap((grant) => (grant.schoolId === null ? [] : [grant.schoolId]))
      const where =
        scope === null ? {} : scope !== undefined ? { school: { municipalityId: scope } } : { schoolId: { in: schoolIds } }
      const sets = await deps.prisma.resultSet.findMany({ where: { isCurrent: true, ...where }, select: { procedure: true, specId: true }, distinct: ["procedure"] })
      return sets
        .map((set) => ({ specId: set.specId, key: parseProcedureId(set.procedure) }))
        .sort((a, b) => b.key.year - a.key.year || a.key.subject.localeCompare(b.key.subject, "ru") || a.key.grade - b.key.grade)
    },

    async procedureOfSpec(specId: number): Promise<{ ok: true; key: ProcedureKey } | NotFound> {
      const spec = await deps.prisma.procedureSpec.findUnique({ where: { id: specId } })
      return spec ? { ok: true, key: { kind: spec.kind as ProcedureKey["kind"], year: spec.year, subject: spec.subject, grade: spec.grade } } : notFound()
    },

    async procedureOfUpload(uploadId: number): Promise<{ ok: true; key: ProcedureKey; specId: number; schoolIds: number[] } | NotFound> {
      const sets = await deps.prisma.resultSet.findMany({ where: { uploadId, reference: false } }) // not the comparison group
      if (sets.length === 0) return notFound()
      return { ok: true, key: parseProcedureId(sets[0]!.procedure), specId: sets[0]!.specId, schoolIds: sets.map((set) => set.schoolId) }
    },

    /** Whether this actor gets the municipal overview (coordinators, admins) rather than a school's summary. */
    seesOverview: (actor: Actor) => coordinatorScope(actor) !== undefined,

    /** The actor's own school for a teacher or school coordinator (the first one that wrote this procedure). */
    async ownSchool(actor: Actor, key: ProcedureKey): Promise<number | null> {
      const ids = actor.grants.flatMap((grant) => (grant.schoolId === null ? [] : [grant.schoolId]))
      const set = await deps.prisma.resultSet.findFirst({ where: { isCurrent: true, schoolId: { in: ids }, procedure: `${key.kind}|${key.year}|${key.subject}|${key.grade}` } })
      return set?.schoolId ?? null
    },

    async school(actor: Actor, key: ProcedureKey, schoolId: number, t: Translate): Promise<{ ok: true; text: string; charts: { caption: string; png: Buffer }[]; report: SchoolReport } | NotAllowed | NotFound> {
      const model = await schoolModel(actor, key, schoolId, t)
      if (!model.ok) return model
      const { report, analysed, withRisk, comparison } = model
      const charts: { caption: string; png: Buffer }[] = []
      const scores = scoreDistributionChart(report, t)
      if (scores) charts.push({ caption: t("analysis-chart-caption", { title: report.procedureTitle, what: t("analysis-chart-scores") }), png: renderScoreDistribution(scores) })
      const tasks = taskCompletionChart(report, t)
      if (tasks) charts.push({ caption: t("analysis-chart-caption", { title: report.procedureTitle, what: t("analysis-chart-tasks") }), png: renderTaskCompletion(tasks) })
      return { ok: true, text: schoolText(t, report, analysed, { withRisk, comparison }), charts, report }
    },

    async overview(actor: Actor, key: ProcedureKey, t: Translate): Promise<{ ok: true; text: string; chart: { png: Buffer; caption: string } | null; overview: MunicipalOverview; drill: { schoolId: number; label: string }[] } | NotAllowed | NotFound> {
      const scope = coordinatorScope(actor)
      if (scope === undefined) return notAllowed()
      const found = await context(actor, key, t)
      if (!found) return notFound()
      const name = await scopeName(scope, t)
      const overview = { ...municipalOverviewModel(t, found, { name, municipalityId: scope }), indexMinimum: found.settings.minComparisonSchools }
      const ranked = [...overview.schools].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
      const drill = ranked
        .filter((school) => school.level !== "none")
        .slice(0, 8)
        .flatMap((school) => {
          const key = [...found.schoolNames].find(([, names]) => names.login === school.login)?.[0] ?? school.login
          const id = found.schoolIds.get(key)
          return id === undefined ? [] : [{ schoolId: id, label: `${school.login} · ${t(`analysis-level-${school.level}`)}` }]
        })
      const model = overview.schools.length > 0 ? riskOverviewChart(overview, t) : null
      // The caption repeats what the bars are of, in the words and numbers of the overview text above it.
      const caption = [t("analysis-chart-caption", { title: overview.procedureTitle, what: t("analysis-chart-risk") }), model?.coverage].filter(Boolean).join("\n")
      const chart = model ? { png: renderRiskOverview(model), caption } : null
      return { ok: true, text: overviewText(t, overview, { minimum: found.settings.minComparisonSchools, lastYear: await lastYear(actor, key, t, overview) }), chart, overview, drill }
    },

    /** «Подробнее» under a school's summary: the figures behind its plain words (intervals, sign codes, p-values). */
    async schoolDetails(actor: Actor, key: ProcedureKey, schoolId: number, t: Translate): Promise<{ ok: true; text: string } | NotAllowed | NotFound> {
      const model = await schoolModel(actor, key, schoolId, t)
      if (!model.ok) return model
      return { ok: true, text: schoolDetailsText(t, model.report, model.analysed, model.comparison) }
    },
    /** A school's report as a workbook, named in the reader's language. */
    async schoolWorkbook(actor: Actor, key: ProcedureKey, schoolId: number, t: Translate): Promise<{ ok: true; bytes: Buffer; fileName: string } | NotAllowed | NotFound> {
      const view = await this.school(actor, key, schoolId, t)
      if (!view.ok) return view
      return { ok: true, bytes: await buildSchoolReport(view.report, t), fileName: t("file-school-report", { title: fileTitle(key) }) }
    },

    /** The municipal workbook: the overview, every school as a row, and the sheets other services add (the risk cases); with other settings when given. */
    async municipalWorkbook(
      actor: Actor,
      key: ProcedureKey,
      t: Translate,
      options: { settings?: AnalysisSettings } = {},
    ): Promise<{ ok: true; bytes: Buffer; fileName: string } | NotAllowed | NotFound> {
      const scope = coordinatorScope(actor)
      if (scope === undefined) return notAllowed()
      const found = await context(actor, key, t, options.settings)
      if (!found) return notFound()
      const name = await scopeName(scope, t)
      const overview = { ...municipalOverviewModel(t, found, { name, municipalityId: scope }), indexMinimum: found.settings.minComparisonSchools }
      const workbook = municipalReportWorkbook(overview, municipalSchoolRows(t, found, scope), t)
      await hooks.municipalWorkbook?.(workbook, { key, municipalityId: scope }, t)
      return { ok: true, bytes: await workbookBytes(workbook), fileName: t("file-municipal-report", { title: fileTitle(key) }) }
    },

    /**
     * The stored results of a procedure analysed for a coordinator's scope (all of them for an admin), with other
     * settings when given (the run is stored with them): what the command line exports as JSON or a workbook.
     */
    async report(actor: Actor, key: ProcedureKey, t: Translate, options: { settings?: AnalysisSettings } = {}): Promise<{ ok: true; report: ReportContext } | NotAllowed | NotFound> {
      if (coordinatorScope(actor) === undefined) return notAllowed()
      const found = await context(actor, key, t, options.settings)
      return found ? { ok: true, report: found } : notFound()
    },
  }
}

/** A procedure's title as file names take it (no middle dots). */
function fileTitle(key: ProcedureKey): string {
  return procedureTitle(key).replaceAll(" · ", " - ")
}
