import { createHash } from "node:crypto"
import { russianDate } from "../../domain/calendar/dates.ts"
import { procedureTitle } from "../../domain/results.ts"
import { createTranslator } from "../../i18n.ts"
import { audit } from "../access/audit.ts"
import { canActOnSchool, coordinatedMunicipalities, isAdmin, type Actor } from "../access/roles.ts"
import { loadCalendar } from "../calendar/calendar.ts"
import type { ServiceDeps } from "../deps.ts"
import { enqueueMany } from "../notifications/outbox.ts"
import { notAllowed, refused, type Done, type NotAllowed, type RefusedWithProblems } from "../outcome.ts"
import { parseProcedureId, procedureId } from "../results/procedure-key.ts"
import { guardProblem, type LocatedProblem } from "../workbooks/located-problem.ts"
import { SCHEDULE_BUTTONS } from "./buttons.ts"
import { buildScheduleWorkbook, readScheduleWorkbook, SCHEDULE_SHEET, type TemplateRow } from "./schedule-xlsx.ts"

/**
 * The schedule workbook in and out. Out: the actor's schools with what they have scheduled this year and later.
 * In: every cell checked, the schools in the actor's scope, then — all or nothing, in one transaction — the file
 * replaces the dates of each school × procedure it names. A school coordinator's own dates count as confirmed;
 * dates a coordinator entered go to the school's coordinators to confirm.
 */

const EDITORS = ["school_coordinator", "municipal_coordinator"] as const

export interface ScheduleImportSummary {
  added: number
  changed: number
  removed: number
  unchanged: number
  schools: number
  municipalityIds: number[]
}

export async function schoolsInScope(deps: Pick<ServiceDeps, "prisma">, actor: Actor) {
  const municipalities = coordinatedMunicipalities(actor)
  const own = actor.grants.flatMap((grant) => (grant.role === "school_coordinator" && grant.schoolId !== null ? [grant.schoolId] : []))
  if (!isAdmin(actor) && municipalities.length === 0 && own.length === 0) return []
  return deps.prisma.school.findMany({
    where: isAdmin(actor) ? {} : { OR: [{ municipalityId: { in: municipalities } }, { id: { in: own } }] },
    select: { id: true, login: true, name: true, key: true, municipalityId: true },
    orderBy: { login: "asc" },
  })
}

export async function scheduleTemplate(deps: ServiceDeps, actor: Actor): Promise<Buffer | NotAllowed> {
  const schools = await schoolsInScope(deps, actor)
  if (schools.length === 0) return notAllowed()
  const thisYear = `${deps.clock.now().getUTCFullYear()}-01-01`
  const entries = await deps.prisma.scheduledProcedure.findMany({
    where: { schoolId: { in: schools.map((school) => school.id) }, date: { gte: thisYear } },
    orderBy: [{ date: "asc" }, { schoolId: "asc" }, { procedure: "asc" }],
  })
  const byId = new Map(schools.map((school) => [school.id, school]))
  const rows: TemplateRow[] = entries.map((entry) => {
    const school = byId.get(entry.schoolId)!
    return { login: school.login, name: school.name, key: parseProcedureId(entry.procedure), date: entry.date, startMinutes: entry.startMinutes, rooms: entry.rooms, confirmed: entry.confirmedAt !== null }
  })
  const scheduled = new Set(entries.map((entry) => entry.schoolId))
  for (const school of schools) if (!scheduled.has(school.id)) rows.push({ login: school.login, name: school.name })
  return buildScheduleWorkbook(rows, schools)
}

export async function importSchedule(
  deps: ServiceDeps,
  actor: Actor,
  bytes: Buffer,
): Promise<Done<ScheduleImportSummary> | NotAllowed | RefusedWithProblems<LocatedProblem>> {
  if (!isAdmin(actor) && !actor.grants.some((grant) => EDITORS.includes(grant.role as never))) return notAllowed()
  const guarded = await guardProblem(bytes)
  if (guarded) return refused([guarded])
  const calendar = await loadCalendar(deps)
  const read = await readScheduleWorkbook(bytes, calendar)
  if ("problems" in read) return refused(read.problems)

  const keys = [...new Set(read.rows.map((row) => row.schoolKey))]
  const schools = await deps.prisma.school.findMany({ where: { key: { in: keys } }, select: { id: true, key: true, login: true, municipalityId: true } })
  const byKey = new Map(schools.map((school) => [school.key, school]))
  const problems: LocatedProblem[] = []
  for (const row of read.rows) {
    const school = byKey.get(row.schoolKey)
    if (!school) problems.push({ sheet: SCHEDULE_SHEET, cell: `A${row.row}`, message: "schedule-unknown-school", params: { login: row.login } })
    else if (!canActOnSchool(actor, school, [...EDITORS])) problems.push({ sheet: SCHEDULE_SHEET, cell: `A${row.row}`, message: "schedule-outside-scope", params: { login: row.login } })
  }
  if (problems.length > 0) return refused(problems)

  const now = deps.clock.now()
  const ownSchools = new Set(actor.grants.flatMap((grant) => (grant.role === "school_coordinator" && grant.schoolId !== null ? [grant.schoolId] : [])))
  const wanted = read.rows.map((row) => ({ ...row, schoolId: byKey.get(row.schoolKey)!.id, procedure: procedureId(row.key) }))
  const pairs = [...new Set(wanted.map((row) => `${row.schoolId}|${row.procedure}`))]
  const summary: ScheduleImportSummary = { added: 0, changed: 0, removed: 0, unchanged: 0, schools: new Set(wanted.map((row) => row.schoolId)).size, municipalityIds: [] }
  const toConfirm = new Map<number, { id: number; procedure: string; date: string }[]>()

  await deps.prisma.$transaction(async (tx) => {
    const existing = await tx.scheduledProcedure.findMany({
      where: { OR: pairs.map((pair) => ({ schoolId: Number(pair.split("|")[0]), procedure: pair.slice(pair.indexOf("|") + 1) })) },
    })
    const existingByIdentity = new Map(existing.map((entry) => [`${entry.schoolId}|${entry.procedure}|${entry.date}`, entry]))
    const kept = new Set<number>()
    for (const row of wanted) {
      const before = existingByIdentity.get(`${row.schoolId}|${row.procedure}|${row.date}`)
      const bySchool = ownSchools.has(row.schoolId)
      if (before) {
        kept.add(before.id)
        const same = before.startMinutes === row.startMinutes && before.rooms === row.rooms
        if (same && (before.confirmedAt !== null || !bySchool)) {
          summary.unchanged++
          continue
        }
        await tx.scheduledProcedure.update({ where: { id: before.id }, data: { startMinutes: row.startMinutes, rooms: row.rooms, ...(bySchool ? { confirmedAt: now } : {}) } })
        summary.changed++
        if (!bySchool && before.confirmedAt === null) pushConfirm(toConfirm, row.schoolId, { id: before.id, procedure: row.procedure, date: row.date })
        continue
      }
      const created = await tx.scheduledProcedure.create({
        data: { schoolId: row.schoolId, procedure: row.procedure, date: row.date, startMinutes: row.startMinutes, rooms: row.rooms, confirmedAt: bySchool ? now : null, createdById: actor.userId },
      })
      summary.added++
      if (!bySchool) pushConfirm(toConfirm, row.schoolId, { id: created.id, procedure: row.procedure, date: row.date })
    }
    const stale = existing.filter((entry) => !kept.has(entry.id)).map((entry) => entry.id)
    if (stale.length > 0) summary.removed = (await tx.scheduledProcedure.deleteMany({ where: { id: { in: stale } } })).count
  })
  summary.municipalityIds = [...new Set(wanted.map((row) => byKey.get(row.schoolKey)!.municipalityId).filter((id): id is number => id !== null))]
  await audit(deps.prisma, { actorId: actor.userId, action: "schedule.imported", details: { added: summary.added, changed: summary.changed, removed: summary.removed, schools: summary.schools } })
  await askToConfirm(deps, toConfirm)
  return { ok: true, ...summary }
}

function pushConfirm(map: Map<number, { id: number; procedure: string; date: string }[]>, schoolId: number, entry: { id: number; procedure: string; date: string }) {
  const list = map.get(schoolId) ?? []
  list.push(entry)
  map.set(schoolId, list)
}

/** Tells each school's coordinators which dates the municipality entered for them, with one button to confirm them. */
export async function askToConfirm(deps: Pick<ServiceDeps, "prisma" | "clock">, bySchool: Map<number, { id: number; procedure: string; date: string }[]>): Promise<void> {
  if (bySchool.size === 0) return
  const grants = await deps.prisma.roleGrant.findMany({
    where: { revokedAt: null, role: "school_coordinator", schoolId: { in: [...bySchool.keys()] } },
    select: { schoolId: true, user: { select: { id: true, telegramId: true, language: true } } },
  })
  const messages = grants.map((grant) => {
    const entries = bySchool.get(grant.schoolId!)!.sort((a, b) => a.date.localeCompare(b.date))
    const t = createTranslator(grant.user.language === "en" ? "en" : "ru")
    const lines = [t("schedule-confirm-request", { count: entries.length })]
    for (const entry of entries.slice(0, 30)) lines.push(t("schedule-confirm-line", { date: russianDate(entry.date), procedure: procedureTitle(parseProcedureId(entry.procedure)) }))
    if (entries.length > 30) lines.push(t("schedule-more", { count: entries.length - 30 }))
    const digest = createHash("sha256").update(entries.map((entry) => `${entry.id}@${entry.date}`).join(",")).digest("hex").slice(0, 16)
    return {
      chatId: grant.user.telegramId,
      text: lines.join("\n"),
      keyboard: [[{ text: t("schedule-button-confirm-all"), callbackData: SCHEDULE_BUTTONS.confirmAll(grant.schoolId!) }], [{ text: t("schedule-button-open"), callbackData: SCHEDULE_BUTTONS.open }]],
      dedupeKey: `sched:confirm:${grant.user.id}:${digest}`,
    }
  })
  await enqueueMany(deps, messages)
}
