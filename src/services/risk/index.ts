/**
 * The risk workflow (issue 13): alerts after stored analysis runs, risk cases, the re-check the bot plans, follow-up
 * measures. Wired to the analysis by one listener (analysis/runs.ts onRunStored): risk imports the analysis, never
 * the reverse.
 */
import type ExcelJS from "exceljs"
import { addDays, russianDate } from "../../domain/calendar/dates.ts"
import { localDate } from "../../domain/calendar/zoned.ts"
import type { ProcedureKey } from "../../domain/results.ts"
import type { Translate } from "../../i18n.ts"
import { canActOnSchool, type Actor } from "../access/roles.ts"
import { analyseStored, type StoredRun } from "../analysis/stored-runs.ts"
import { loadCalendar } from "../calendar/calendar.ts"
import type { DeadlineTracker } from "../deadlines/track.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, type Done, type NotAllowed, type NotFound } from "../outcome.ts"
import { parseProcedureId, procedureId } from "../results/procedure-key.ts"
import type { Job } from "../scheduling/jobs.ts"
import { planAlerts } from "./alerts.ts"
import { createCases } from "./cases.ts"
import { createRiskDeadlines } from "./deadlines.ts"
import { processRun } from "./findings.ts"
import { createPreferences } from "./preferences.ts"
import type { MeasurePlannedListener } from "./cases.ts"
import { createRechecks } from "./recheck.ts"
import { addCasesSheet, municipalWorkbookOf } from "./workbook.ts"

export interface RiskOptions {
  defaultTimeZone: string
  onMeasurePlanned?: MeasurePlannedListener
  /** Re-checks and follow-up measures become deadlines (reminders, /deadlines, one escalation). */
  deadlines?: DeadlineTracker
}

/** How often the latest run of every procedure is processed again: alerts lost to a crash still go out, once. */
export const CATCH_UP_EVERY_MS = 15 * 60_000

export function createRisk(deps: ServiceDeps, options: RiskOptions) {
  const deadlines = createRiskDeadlines(deps, options.deadlines, options.defaultTimeZone)
  const cases = createCases(deps, { ...options, deadlines })
  const rechecks = createRechecks(deps, cases, { ...options, deadlines })

  async function municipalitiesWithOwnSettings(): Promise<Set<number>> {
    const rows = await deps.prisma.municipality.findMany({ select: { id: true, settings: true } })
    return new Set(rows.filter((row) => row.settings !== null).map((row) => row.id))
  }

  async function process(run: StoredRun): Promise<void> {
    const own = await municipalitiesWithOwnSettings()
    // A municipality's people see the levels of its own settings' run, else of the defaults' run: each school is
    // processed from exactly one of them.
    const scope = run.scopeId
    const include = scope === null ? (m: number | null) => m === null || !own.has(m) : (m: number | null) => m === scope && own.has(scope)
    const calendar = await loadCalendar(deps)
    await processRun(deps, run, include, async (transitions) => {
      await planAlerts(deps, { calendar, defaultTimeZone: options.defaultTimeZone, workbook: (m, t) => municipalWorkbookOf(deps, cases, run.outcome, m, t) }, transitions)
    })
    if (run.scopeId !== null) return
    const present = new Set(run.outcome.analysis.schools.map((school) => (school.municipalityId === null ? null : Number(school.municipalityId))))
    for (const municipalityId of own) {
      if (!present.has(municipalityId)) continue
      const scoped = await analyseStored(deps, run.key, { municipalityId })
      // A computed run was announced to this listener already; a reused one is processed here (idempotent).
      if (scoped && !scoped.computed) await process({ key: run.key, scopeId: municipalityId, outcome: scoped })
    }
  }

  const catchUp: Job = {
    name: "risk.alerts.catch-up",
    everyMs: CATCH_UP_EVERY_MS,
    async run() {
      const held = await deps.prisma.resultSet.findMany({ where: { isCurrent: true }, distinct: ["procedure"], select: { procedure: true } })
      for (const { procedure } of held) {
        const key = parseProcedureId(procedure)
        const outcome = await analyseStored(deps, key)
        if (outcome && !outcome.computed) await process({ key, scopeId: null, outcome })
      }
    },
  }

  /** The school × procedure behind a finding, for its buttons: coordinators of the municipality, or the school's own people. */
  async function findingTarget(actor: Actor, findingId: number): Promise<Done<{ key: ProcedureKey; schoolId: number; procedure: string }> | NotFound | NotAllowed> {
    const finding = await deps.prisma.riskFinding.findUnique({ where: { id: findingId } })
    if (!finding) return notFound()
    const school = await deps.prisma.school.findUnique({ where: { id: finding.schoolId }, select: { id: true, municipalityId: true } })
    if (!school || !canActOnSchool(actor, school, ["municipal_coordinator", "school_coordinator"])) return notAllowed([String(finding.schoolId)])
    return { ok: true, key: parseProcedureId(finding.procedure), schoolId: finding.schoolId, procedure: finding.procedure }
  }

  return {
    /** The analysis' listener: compare, open cases, alert (createServices registers it with onRunStored). */
    afterRunStored: async (run: StoredRun) => {
      try {
        await process(run)
      } catch (error) {
        deps.logger.error({ err: error, runId: run.outcome.runId }, "risk processing of a stored run failed")
      }
    },
    jobs: [catchUp] as Job[],
    cases,
    rechecks,
    preferences: createPreferences(deps),
    findingTarget,

    /** A date two weeks ahead, `ДД.ММ.ГГГГ`: the example the dialogs show for a due date. */
    exampleDueDate: (): string => russianDate(addDays(localDate(deps.clock.now(), options.defaultTimeZone), 14)),

    /** The school's findings with signs, for its coordinators' «рекомендации по объективности» (no levels). */
    async recommendations(actor: Actor): Promise<Done<{ items: { findingId: number; procedure: string; schoolId: number }[] }> | NotAllowed> {
      const schoolIds = actor.grants.flatMap((grant) => (grant.role === "school_coordinator" && grant.schoolId !== null ? [grant.schoolId] : []))
      if (schoolIds.length === 0) return notAllowed()
      const rows = await deps.prisma.riskFinding.findMany({ where: { schoolId: { in: schoolIds }, NOT: { signs: { isEmpty: true } } }, orderBy: [{ procedure: "desc" }] })
      return { ok: true, items: rows.map((row) => ({ findingId: row.id, procedure: row.procedure, schoolId: row.schoolId })) }
    },

    /** The analysis' municipal XLSX gets the «Случаи» sheet (the hook createServices hands to the analysis). */
    async extendMunicipalWorkbook(workbook: ExcelJS.Workbook, scope: { key: ProcedureKey; municipalityId: number | null }, t: Translate): Promise<void> {
      addCasesSheet(workbook, await cases.forWorkbook(scope.municipalityId, procedureId(scope.key)), "", t)
    },
  }
}

export type Risk = ReturnType<typeof createRisk>
