/**
 * The re-check the bot plans (issue 13): for a case, or a chosen set of schools of one procedure, the works the
 * commission scores again (domain/risk/recheck-plan.ts), sent as an XLSX; the same list back with the commission's
 * scores is checked cell by cell, stored as re-checked works (what S10 reads), and reported per school: the share of
 * works whose mark changed, the mean score change, the non-confirmation index, and S10 in the analysis that follows.
 */
import { createHash } from "node:crypto"
import { russianDate } from "../../domain/calendar/dates.ts"
import { localDate } from "../../domain/calendar/zoned.ts"
import { canMove, isCaseStatus } from "../../domain/risk/case-status.ts"
import { isRiskLevel, type RiskLevel } from "../../domain/risk/levels.ts"
import { DEFAULT_WORKS_PER_SCHOOL, planRecheck, type PlannedWork } from "../../domain/risk/recheck-plan.ts"
import { seedOf } from "../../domain/risk/random.ts"
import { recheckFigures, type RecheckFigures } from "../../domain/risk/recheck-report.ts"
import { pointsOf, procedureTitle, type ProcedureKey } from "../../domain/results.ts"
import type { Translate } from "../../i18n.ts"
import { audit } from "../access/audit.ts"
import type { Actor } from "../access/roles.ts"
import { analyseStored } from "../analysis/stored-runs.ts"
import type { SignResult } from "../analysis/signs/common/types.ts"
import type { RiskDeadlines } from "./deadlines.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, refused, type Done, type NotAllowed, type NotFound, type RefusedWithProblems } from "../outcome.ts"
import { parseProcedureId, procedureId } from "../results/procedure-key.ts"
import type { Cases } from "./cases.ts"
import { planSchoolOf, planSpecOf, regionNorms } from "./plan-inputs.ts"
import { buildWorksWorkbook, readReturnedWorkbook, type RecheckProblem } from "./recheck-workbook.ts"
import { mayWorkOnRisk, schoolInScope } from "./scope.ts"

export const MAX_PLAN_SIZE = 500

interface StoredWork extends PlannedWork {
  schoolId: number
  schoolLogin: string
}

export interface SchoolRecheckReport {
  schoolId: number
  schoolLogin: string
  figures: RecheckFigures
  /** S10 and the level in the analysis run right after the scores were stored. */
  s10: SignResult | null
  level: RiskLevel | null
}

export interface PlanFile {
  fileName: string
  bytes: Buffer
}

export function createRechecks(deps: ServiceDeps, cases: Cases, options: { defaultTimeZone: string; deadlines?: RiskDeadlines }) {
  async function scopeOf(schoolIds: readonly number[]): Promise<number | null> {
    const municipalities = new Set((await deps.prisma.school.findMany({ where: { id: { in: [...schoolIds] } }, select: { municipalityId: true } })).map((s) => s.municipalityId))
    return municipalities.size === 1 ? ([...municipalities][0] ?? null) : null
  }

  /** The run whose levels the municipality's people see: its own settings' run, else the defaults'. */
  async function settingsScope(municipalityId: number | null): Promise<number | null> {
    if (municipalityId === null) return null
    const municipality = await deps.prisma.municipality.findUnique({ where: { id: municipalityId }, select: { settings: true } })
    return municipality?.settings ? municipalityId : null
  }

  async function planFile(plan: { id: number; procedure: string; createdAt: Date; works: unknown }, key: ProcedureKey, t: Translate): Promise<PlanFile | null> {
    const outcome = await analyseStored(deps, key)
    if (!outcome) return null
    const title = procedureTitle(key)
    const bytes = await buildWorksWorkbook(
      { id: plan.id, title, createdOn: russianDate(localDate(plan.createdAt, options.defaultTimeZone)), spec: planSpecOf(outcome.results.spec), works: plan.works as StoredWork[] },
      t,
    )
    return { fileName: t("risk-works-file", { plan: plan.id, title: title.replaceAll(" · ", " - ") }), bytes }
  }

  /** Plans the works of some schools of one procedure (all in the actor's scope) and stores the plan. */
  async function plan(
    actor: Actor,
    key: ProcedureKey,
    schoolIds: readonly number[],
    caseIds: readonly number[],
    size: number | undefined,
    t: Translate,
  ): Promise<Done<{ planId: number; works: number; file: PlanFile }> | NotAllowed | NotFound | { ok: false; reason: "bad_size" | "no_results" }> {
    if (!mayWorkOnRisk(actor)) return notAllowed()
    const total = size ?? DEFAULT_WORKS_PER_SCHOOL * schoolIds.length
    if (!Number.isInteger(total) || total < 1 || total > MAX_PLAN_SIZE) return { ok: false, reason: "bad_size" }
    const schools = []
    for (const id of schoolIds) {
      const school = await schoolInScope(deps, actor, id)
      if (!school) return notAllowed([String(id)])
      schools.push(school)
    }
    const outcome = await analyseStored(deps, key, { municipalityId: await settingsScope(await scopeOf(schoolIds)) })
    if (!outcome) return { ok: false, reason: "no_results" }
    const keyOf = new Map([...outcome.schoolIds].map(([schoolKey, id]) => [id, schoolKey]))
    const inputs = schools.flatMap((school) => {
      const schoolKey = keyOf.get(school.id)
      const input = schoolKey ? planSchoolOf(outcome.results, outcome.analysis.schools, schoolKey) : null
      return input && input.works.length > 0 ? [{ school, input }] : []
    })
    if (inputs.length === 0) return { ok: false, reason: "no_results" }
    const procedure = procedureId(key)
    // The seed depends on the request only: the same schools and size give the same works.
    const seed = seedOf(procedure, ...inputs.map((entry) => entry.school.id), total)
    const planned = planRecheck(
      inputs.map((entry) => entry.input),
      planSpecOf(outcome.results.spec),
      regionNorms(outcome.results),
      { size: total, seed },
    )
    const bySchoolKey = new Map(inputs.map((entry) => [entry.input.schoolKey, entry.school]))
    const works: StoredWork[] = planned.map((work) => {
      const school = bySchoolKey.get(work.schoolKey)!
      return { ...work, schoolId: school.id, schoolLogin: school.login }
    })
    const row = await deps.prisma.recheckPlan.create({
      data: {
        procedure,
        municipalityId: await scopeOf(schoolIds),
        caseIds: [...caseIds],
        schoolIds: inputs.map((entry) => entry.school.id),
        size: total,
        seed,
        works: works as never,
        createdById: actor.userId,
        createdAt: deps.clock.now(),
      },
    })
    for (const caseId of caseIds) {
      const found = await deps.prisma.riskCase.findUnique({ where: { id: caseId } })
      if (!found) continue
      const status = isCaseStatus(found.status) ? found.status : "new"
      if (status !== "recheck" && canMove(status, "recheck")) {
        await deps.prisma.riskCase.update({ where: { id: caseId }, data: { status: "recheck", ...(found.ownerId === null ? { ownerId: actor.userId } : {}) } })
        await cases.event(caseId, actor, "status", null, { from: status, to: "recheck" })
      }
      await cases.event(caseId, actor, "recheck_planned", null, { planId: row.id, works: works.filter((work) => work.schoolId === found.schoolId).length })
    }
    await audit(deps.prisma, { actorId: actor.userId, action: "risk.recheck.planned", subject: String(row.id), details: { procedure, schools: inputs.length, works: works.length } })
    await options.deadlines?.recheckPlanned(actor, { planId: row.id, procedure: procedureTitle(key), schoolIds: row.schoolIds })
    const file = await planFile(row, key, t)
    return { ok: true, planId: row.id, works: works.length, file: file! }
  }

  async function loadPlan(actor: Actor, planId: number) {
    if (!mayWorkOnRisk(actor)) return notAllowed()
    const row = await deps.prisma.recheckPlan.findUnique({ where: { id: planId } })
    if (!row) return notFound()
    for (const id of row.schoolIds) if (!(await schoolInScope(deps, actor, id))) return notAllowed([String(id)])
    return row
  }

  return {
    /** A plan for one case's school; the case moves to «перепроверка». */
    async planForCase(actor: Actor, caseId: number, size: number | undefined, t: Translate) {
      const found = await cases.load(actor, caseId)
      if ("ok" in found) return found
      return plan(actor, parseProcedureId(found.procedure), [found.schoolId], [caseId], size, t)
    },

    /** A plan for a chosen set of schools of one procedure (e.g. the re-check list); their open cases follow it. */
    async planForSchools(actor: Actor, key: ProcedureKey, schoolIds: readonly number[], size: number | undefined, t: Translate) {
      const open = await deps.prisma.riskCase.findMany({ where: { procedure: procedureId(key), schoolId: { in: [...schoolIds] }, status: { not: "closed" } }, select: { id: true } })
      return plan(actor, key, schoolIds, open.map((row) => row.id), size, t)
    },

    /** The works list again (a lost file). */
    async planWorkbook(actor: Actor, planId: number, t: Translate): Promise<Done<{ file: PlanFile }> | NotFound | NotAllowed> {
      const row = await loadPlan(actor, planId)
      if ("ok" in row) return row
      const file = await planFile(row, parseProcedureId(row.procedure), t)
      return file ? { ok: true, file } : notFound()
    },

    /** The latest plan of a case (the commission's scores are read against it). */
    async latestPlanOfCase(actor: Actor, caseId: number): Promise<Done<{ planId: number | null }> | NotFound | NotAllowed> {
      const found = await cases.load(actor, caseId)
      if ("ok" in found) return found
      const row = await deps.prisma.recheckPlan.findFirst({ where: { caseIds: { has: caseId } }, orderBy: { id: "desc" } })
      return { ok: true, planId: row?.id ?? null }
    },

    /**
     * The commission's scores: the returned works list, checked against its plan. Any error (a school outside the plan,
     * a code not on it, a score above the task's maximum, a missing score) stores nothing and names its cell.
     */
    async importScores(
      actor: Actor,
      planId: number,
      file: { bytes: Buffer; fileName: string },
    ): Promise<Done<{ schools: SchoolRecheckReport[]; works: number }> | RefusedWithProblems<RecheckProblem> | NotFound | NotAllowed> {
      const row = await loadPlan(actor, planId)
      if ("ok" in row) return row
      const key = parseProcedureId(row.procedure)
      const outcome = await analyseStored(deps, key)
      if (!outcome) return notFound()
      const works = row.works as unknown as StoredWork[]
      const spec = planSpecOf(outcome.results.spec)
      const read = await readReturnedWorkbook(file.bytes, { id: row.id, spec, works })
      if (!read.ok) {
        await audit(deps.prisma, { actorId: actor.userId, action: "risk.recheck.refused", subject: String(planId), details: { problems: read.problems.length } })
        return refused(read.problems)
      }
      const byLogin = new Map(works.map((work) => [work.schoolLogin, work.schoolId]))
      const keyOf = new Map([...outcome.schoolIds].map(([schoolKey, id]) => [id, schoolKey]))
      const rows = read.scores.flatMap((returned) => {
        const schoolId = byLogin.get(returned.schoolLogin)!
        const participant = outcome.results.schools.find((s) => s.schoolKey === keyOf.get(schoolId))?.participants.find((p) => p.code === returned.code && !p.absent)
        if (!participant || participant.total === null) return []
        let rechecked = participant.total
        for (const [k, points] of returned.scores) rechecked += points - pointsOf(participant.cells[k] ?? 0)
        return [{ schoolId, originalScore: participant.total, recheckedScore: rechecked }]
      })
      const schoolIds = [...new Set(rows.map((r) => r.schoolId))]
      const now = deps.clock.now()
      await deps.prisma.$transaction(async (tx) => {
        const upload = await tx.upload.create({
          data: {
            sha256: createHash("sha256").update(file.bytes).digest("hex"),
            size: file.bytes.length,
            fileName: file.fileName,
            bytes: new Uint8Array(0), // the codes are all that is in it, and the rows below keep what is needed
            senderId: actor.userId,
            layout: "recheck-plan",
            status: "imported",
            summary: { planId, works: rows.length },
          },
        })
        // The commission's latest scores of a school × procedure replace earlier ones, as the outside-data sheet does.
        await tx.recheckedWork.deleteMany({ where: { procedure: row.procedure, schoolId: { in: schoolIds } } })
        await tx.recheckedWork.createMany({ data: rows.map((r) => ({ ...r, procedure: row.procedure, uploadId: upload.id, createdAt: now })) })
      })
      const figures = new Map(
        schoolIds.map((id) => [id, recheckFigures(rows.filter((r) => r.schoolId === id).map((r) => ({ original: r.originalScore, rechecked: r.recheckedScore })), spec.thresholds)]),
      )
      await deps.prisma.recheckPlan.update({ where: { id: planId }, data: { receivedAt: now, report: Object.fromEntries([...figures].map(([id, f]) => [String(id), f])) as never } })
      await audit(deps.prisma, { actorId: actor.userId, action: "risk.recheck.imported", subject: String(planId), details: { works: rows.length, schools: schoolIds.length } })
      await options.deadlines?.recheckReceived(actor, { planId, schoolIds: row.schoolIds })

      // The analysis runs again with the re-checked works (S10); its listener moves the findings and the cases.
      await analyseStored(deps, key)
      const after = await analyseStored(deps, key, { municipalityId: await settingsScope(row.municipalityId) })
      const reports: SchoolRecheckReport[] = schoolIds.map((schoolId) => {
        const analysed = after?.analysis.schools.find((s) => s.schoolKey === keyOf.get(schoolId))
        return {
          schoolId,
          schoolLogin: works.find((work) => work.schoolId === schoolId)!.schoolLogin,
          figures: figures.get(schoolId)!,
          s10: analysed?.signs.find((sign) => sign.id === "S10") ?? null,
          level: analysed && isRiskLevel(analysed.risk.level) ? analysed.risk.level : null,
        }
      })
      for (const caseId of row.caseIds) {
        const found = await deps.prisma.riskCase.findUnique({ where: { id: caseId } })
        const report = found && reports.find((r) => r.schoolId === found.schoolId)
        if (report) await cases.event(caseId, actor, "recheck_received", null, { planId, ...report.figures, s10: report.s10?.status ?? null, level: report.level })
      }
      return { ok: true, schools: reports, works: rows.length }
    },
  }
}

export type Rechecks = ReturnType<typeof createRechecks>
