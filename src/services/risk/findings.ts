/**
 * From a stored analysis run to what changed since the last one (issue 13). Each school × procedure keeps its last
 * finding (RiskFinding); a run is compared with it, so a re-run or a re-import of the same data changes nothing and
 * announces nothing. The risk zone opens a case (or updates the open one). The findings are written after the
 * announcing: the outbox keys are made from the finding's change counter, so a crash between the two sends nothing
 * twice — the next processing sees the same change and enqueues under the same keys.
 */
import { announcementOf, isRiskLevel, type Announcement, type RiskLevel } from "../../domain/risk/levels.ts"
import type { SchoolAnalysis } from "../analysis/analyse.ts"
import type { StoredRun } from "../analysis/stored-runs.ts"
import type { ServiceDeps } from "../deps.ts"
import { procedureId } from "../results/procedure-key.ts"

export interface Transition {
  findingId: number
  schoolId: number
  municipalityId: number | null
  procedure: string
  from: RiskLevel
  to: RiskLevel
  announcement: Exclude<Announcement, null>
  /** The finding's change counter after this change (part of the dedupe keys). */
  changes: number
  /** In the risk zone of the same test a year earlier too. */
  twoYears: boolean
  school: SchoolAnalysis
}

export interface ProcessedRun {
  procedure: string
  runId: number
  transitions: Transition[]
  /** Cases opened by this run. */
  opened: number[]
}

/** The same test a year earlier: `ВПР|2022|Математика|4` → `ВПР|2021|Математика|4`. */
export function previousYear(procedure: string): string {
  const [kind, year, ...rest] = procedure.split("|")
  return [kind, String(Number(year) - 1), ...rest].join("|")
}

/**
 * Compares the run's schools (those `include` accepts by municipality) with their last findings, opens cases for the
 * risk zone, has the changes announced, and only then stores the new findings.
 */
export async function processRun(
  deps: ServiceDeps,
  run: StoredRun,
  include: (municipalityId: number | null) => boolean,
  announce: (transitions: Transition[]) => Promise<void>,
): Promise<ProcessedRun> {
  const procedure = procedureId(run.key)
  const { analysis, schoolIds } = run.outcome
  const included = analysis.schools.flatMap((school) => {
    const schoolId = schoolIds.get(school.schoolKey)
    const municipalityId = school.municipalityId === null ? null : Number(school.municipalityId)
    return schoolId !== undefined && include(municipalityId) ? [{ school, schoolId, municipalityId }] : []
  })
  // A school held only as another municipality's comparison group (ResultSet.reference) gets no finding, case or alert.
  const referenceOnly = new Set(
    (await deps.prisma.resultSet.findMany({ where: { procedure, isCurrent: true, reference: true, schoolId: { in: included.map((s) => s.schoolId) } }, select: { schoolId: true } })).map(
      (set) => set.schoolId,
    ),
  )
  const schools = included.filter(({ schoolId }) => !referenceOnly.has(schoolId))
  if (schools.length === 0) return { procedure, runId: run.outcome.runId, transitions: [], opened: [] }
  // Rows for schools seen for the first time: "none" before this run (no prior state). One statement from an array:
  // Prisma's createMany spent 200 ms on a region's 630 rows of the coordinator's wait.
  await deps.prisma.$executeRawUnsafe(
    `INSERT INTO "RiskFinding" ("schoolId", procedure, level, score, signs, "runId", "updatedAt")
     SELECT t."schoolId", $2, 'none', 0, '{}', $3, now() FROM unnest($1::int[]) AS t("schoolId")
     ON CONFLICT DO NOTHING`,
    schools.map(({ schoolId }) => schoolId),
    procedure,
    run.outcome.runId,
  )
  const rows = await deps.prisma.riskFinding.findMany({ where: { procedure, schoolId: { in: schools.map((s) => s.schoolId) } } })
  const bySchool = new Map(rows.map((row) => [row.schoolId, row]))

  const riskLastYear = new Set(
    (await deps.prisma.riskFinding.findMany({ where: { procedure: previousYear(procedure), level: "risk", schoolId: { in: schools.map((s) => s.schoolId) } }, select: { schoolId: true } })).map(
      (row) => row.schoolId,
    ),
  )
  const transitions: Transition[] = []
  for (const { school, schoolId, municipalityId } of schools) {
    const row = bySchool.get(schoolId)!
    const from: RiskLevel = isRiskLevel(row.level) ? row.level : "none"
    const to = school.risk.level
    const announcement = announcementOf(from, to)
    if (from !== to && announcement) {
      transitions.push({ findingId: row.id, schoolId, municipalityId, procedure, from, to, announcement, changes: row.changes + 1, twoYears: riskLastYear.has(schoolId), school })
    }
  }
  const now = deps.clock.now()
  const opened: number[] = []
  const openCases = await deps.prisma.riskCase.findMany({ where: { procedure, status: { not: "closed" }, schoolId: { in: schools.map((s) => s.schoolId) } }, orderBy: { id: "asc" } })
  const openBySchool = new Map(openCases.map((row) => [row.schoolId, row]))
  // Cases first (idempotent: an open case is updated, never doubled), so the grouped alert's XLSX lists them;
  // then the announcement; then the findings, whose change counters make the announcement's keys.
  await deps.prisma.$transaction(async (tx) => {
    for (const { school, schoolId, municipalityId } of schools) {
      const to = school.risk.level
      const open = openBySchool.get(schoolId)
      if (open) {
        if (open.level !== to) {
          await tx.riskCase.update({ where: { id: open.id }, data: { level: to } })
          await tx.riskCaseEvent.create({ data: { caseId: open.id, at: now, kind: "level", details: { from: open.level, to, runId: run.outcome.runId } } })
        }
        continue
      }
      if (to !== "risk") continue
      const signs = school.risk.reasons.map((reason) => reason.signId)
      const created = await tx.riskCase.create({
        data: { schoolId, procedure, municipalityId, status: "new", level: to, origin: "analysis", twoYears: riskLastYear.has(schoolId), openedAt: now },
      })
      await tx.riskCaseEvent.create({ data: { caseId: created.id, at: now, kind: "opened", details: { origin: "analysis", runId: run.outcome.runId, signs } } })
      opened.push(created.id)
    }
  })
  await announce(transitions)
  await storeFindings(deps, run.outcome.runId, schools.map(({ school, schoolId }) => ({ school, row: bySchool.get(schoolId)! })))
  return { procedure, runId: run.outcome.runId, transitions, opened }
}

/**
 * Writes the findings that changed, in ONE statement: a region's first run changes every school, and 600 updates
 * one by one were half a second of the coordinator's wait (bench/wait.ts). Conditional on the level read, so a
 * concurrent processing of the same change counts it once. Sign ids carry no commas, so they travel joined.
 */
async function storeFindings(deps: ServiceDeps, runId: number, schools: { school: SchoolAnalysis; row: { id: number; level: string; score: number; recheckRank: number | null; signs: string[] } }[]): Promise<void> {
  const changed = schools.flatMap(({ school, row }) => {
    const signs = school.risk.reasons.map((reason) => reason.signId)
    const rank = school.risk.recheckRank ?? null
    const same = row.level === school.risk.level && row.score === school.risk.score && row.recheckRank === rank && row.signs.join() === signs.join()
    return same ? [] : [{ id: row.id, from: row.level, to: school.risk.level, score: school.risk.score, signs: signs.join(","), rank }]
  })
  if (changed.length === 0) return
  await deps.prisma.$executeRawUnsafe(
    `UPDATE "RiskFinding" AS f
     SET level = t.level, score = t.score, signs = string_to_array(t.signs, ','), "recheckRank" = t.rank, "runId" = $7,
         changes = f.changes + CASE WHEN t.level <> t.previous THEN 1 ELSE 0 END, "updatedAt" = now()
     FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[], $6::int[]) AS t(id, previous, level, score, signs, rank)
     WHERE f.id = t.id AND f.level = t.previous`,
    changed.map((row) => row.id),
    changed.map((row) => row.from),
    changed.map((row) => row.to),
    changed.map((row) => row.score),
    changed.map((row) => row.signs),
    changed.map((row) => row.rank),
    runId,
  )
}
