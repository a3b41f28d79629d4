import JSZip from "jszip"
import { isLocalDate, russianDate, type LocalDate } from "../../domain/calendar/dates.ts"
import { instantAt } from "../../domain/calendar/zoned.ts"
import { END_OF_DAY } from "../../domain/deadlines/rules.ts"
import { createTranslator } from "../../i18n.ts"
import { audit } from "../access/audit.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { enqueueMany } from "../notifications/outbox.ts"
import { notAllowed, notFound, refused, type Done, type NotAllowed, type NotFound, type RefusedWithProblems } from "../outcome.ts"
import { DEADLINE_BUTTONS } from "./buttons.ts"
import { canActOnMunicipality } from "./scope.ts"
import { cancel as cancelDeadline, complete, track } from "./track.ts"

/**
 * School reports by a date: a coordinator asks every school (or some) for a document — a справка, a self-evaluation
 * comparing internal marks with external results; each school's coordinators get the request with an upload button,
 * then reminders and one escalation through a deadline per school (`report:<request>:<school>`). The file a school
 * sends is kept as it came (any format) and closes its deadline; the coordinator downloads everything received as one
 * zip — one message instead of one per school, with each file named by its school, split in parts under Telegram's
 * 50 MB upload limit.
 */

export const MAX_REPORT_BYTES = 20 * 1024 * 1024
/** Parts of the archive stay under Telegram's 50 MB for a bot's upload, with room for the zip's own overhead. */
const ARCHIVE_PART_BYTES = 45 * 1024 * 1024

export interface NewReportRequest {
  municipalityId: number
  title: string
  details?: string | null
  dueDate: LocalDate
  /** Absent or empty: every school of the municipality. */
  schoolIds?: number[] | null
}

export type ReportProblem = "report-title-bad" | "report-date-bad" | "report-date-past" | "report-schools-bad" | "report-no-schools"

export interface SchoolStatus {
  schoolId: number
  login: string
  name: string | null
  status: "received" | "missing" | "overdue"
  fileName: string | null
  receivedAt: string | null
  /** The school has no coordinator in the bot: nobody gets the request or the reminders. */
  nobody: boolean
}

export interface RequestSummary {
  id: number
  title: string
  due: string
  received: number
  missing: number
  overdue: number
  schools: number
  /** For a school coordinator: their own school's state. */
  own?: SchoolStatus["status"]
}

const key = (requestId: number, schoolId: number) => `report:${requestId}:${schoolId}`

export function createReports(deps: ServiceDeps) {
  async function requestSchools(requestId: number): Promise<number[]> {
    const rows = await deps.prisma.deadline.findMany({ where: { key: { startsWith: `report:${requestId}:` }, status: { not: "cancelled" } }, select: { schoolId: true } })
    return rows.map((row) => row.schoolId!).filter((id) => id !== null)
  }

  async function ownSchools(actor: Actor): Promise<number[]> {
    return actor.grants.flatMap((grant) => (grant.role === "school_coordinator" && grant.schoolId !== null ? [grant.schoolId] : []))
  }

  async function statusOf(requestId: number): Promise<SchoolStatus[]> {
    const request = await deps.prisma.reportRequest.findUniqueOrThrow({ where: { id: requestId } })
    const schoolIds = await requestSchools(requestId)
    const [schools, submissions, coordinators] = await Promise.all([
      deps.prisma.school.findMany({ where: { id: { in: schoolIds } }, select: { id: true, login: true, name: true }, orderBy: { login: "asc" } }),
      deps.prisma.reportSubmission.findMany({ where: { requestId }, select: { schoolId: true, fileName: true, receivedAt: true } }),
      deps.prisma.roleGrant.findMany({ where: { revokedAt: null, role: "school_coordinator", schoolId: { in: schoolIds } }, select: { schoolId: true } }),
    ])
    const received = new Map(submissions.map((submission) => [submission.schoolId, submission]))
    const staffed = new Set(coordinators.map((grant) => grant.schoolId))
    const late = request.due <= deps.clock.now()
    return schools.map((school) => {
      const submission = received.get(school.id)
      return {
        schoolId: school.id,
        login: school.login,
        name: school.name,
        status: submission ? "received" : late ? "overdue" : "missing",
        fileName: submission?.fileName ?? null,
        receivedAt: submission?.receivedAt.toISOString() ?? null,
        nobody: !staffed.has(school.id),
      }
    })
  }

  return {
    /** The coordinator's request: one deadline per school, and the request itself to every school coordinator. */
    async request(actor: Actor, input: NewReportRequest): Promise<Done<{ id: number; schools: number; withoutCoordinator: number }> | NotAllowed | RefusedWithProblems<ReportProblem>> {
      if (!canActOnMunicipality(actor, input.municipalityId)) return notAllowed()
      const problems: ReportProblem[] = []
      const title = input.title.trim()
      if (!title || title.length > 200) problems.push("report-title-bad")
      const municipality = await deps.prisma.municipality.findUnique({ where: { id: input.municipalityId }, select: { timeZone: true } })
      if (!municipality) return notAllowed()
      if (!isLocalDate(input.dueDate)) problems.push("report-date-bad")
      const due = problems.includes("report-date-bad") ? null : instantAt(input.dueDate, END_OF_DAY, municipality.timeZone)
      if (due && due <= deps.clock.now()) problems.push("report-date-past")
      const wanted = input.schoolIds && input.schoolIds.length > 0 ? [...new Set(input.schoolIds)] : null
      const schools = await deps.prisma.school.findMany({ where: { municipalityId: input.municipalityId, ...(wanted ? { id: { in: wanted } } : {}) }, select: { id: true }, orderBy: { login: "asc" } })
      if (wanted && schools.length !== wanted.length) problems.push("report-schools-bad")
      if (schools.length === 0) problems.push("report-no-schools")
      if (problems.length > 0) return refused(problems)

      const request = await deps.prisma.reportRequest.create({
        data: { municipalityId: input.municipalityId, title, details: input.details?.trim() ? input.details.trim().slice(0, 2000) : null, dueDate: input.dueDate, due: due!, createdById: actor.userId, createdAt: deps.clock.now() },
      })
      for (const school of schools) {
        await track(deps, {
          key: key(request.id, school.id),
          kind: "report",
          title: { key: "report-title", params: { title } },
          municipalityId: input.municipalityId,
          schoolId: school.id,
          due: due!,
          responsible: { roles: ["school_coordinator"] },
          createdById: actor.userId,
        }, null, municipality.timeZone)
      }
      const grants = await deps.prisma.roleGrant.findMany({
        where: { revokedAt: null, role: "school_coordinator", schoolId: { in: schools.map((school) => school.id) } },
        select: { schoolId: true, user: { select: { id: true, telegramId: true, language: true } } },
      })
      await enqueueMany(deps, grants.map((grant) => {
        const t = createTranslator(grant.user.language === "en" ? "en" : "ru")
        const text = t("report-request", { title, due: russianDate(input.dueDate), details: request.details ?? "none" })
        return {
          chatId: grant.user.telegramId,
          text,
          keyboard: [[{ text: t("report-button-upload"), callbackData: DEADLINE_BUTTONS.reportUpload(request.id) }]],
          dedupeKey: `report:${request.id}:ask:${grant.user.id}:${grant.schoolId}`,
        }
      }))
      const staffed = new Set(grants.map((grant) => grant.schoolId))
      await audit(deps.prisma, { actorId: actor.userId, action: "report.requested", subject: String(request.id), details: { title, dueDate: input.dueDate, schools: schools.length } })
      return { ok: true, id: request.id, schools: schools.length, withoutCoordinator: schools.filter((school) => !staffed.has(school.id)).length }
    },

    /** Requests the actor manages (with counts) or must answer (with their school's state), open ones and the last 60 days'. */
    async list(actor: Actor): Promise<RequestSummary[]> {
      const now = deps.clock.now()
      const own = await ownSchools(actor)
      const managed = actor.grants.some((grant) => grant.role === "admin")
        ? "all"
        : actor.grants.flatMap((grant) => (grant.role === "municipal_coordinator" && grant.municipalityId !== null ? [grant.municipalityId] : []))
      const ownRequests = own.length === 0 ? [] : (await deps.prisma.deadline.findMany({ where: { kind: "report", schoolId: { in: own }, status: { not: "cancelled" } }, select: { key: true } })).map((row) => Number(row.key.split(":")[1]))
      const requests = await deps.prisma.reportRequest.findMany({
        where: {
          cancelledAt: null,
          due: { gte: new Date(now.getTime() - 60 * 86_400_000) },
          OR: [{ id: { in: ownRequests } }, ...(managed === "all" ? [{}] : [{ municipalityId: { in: managed } }])],
        },
        orderBy: { due: "asc" },
      })
      const summaries: RequestSummary[] = []
      for (const request of requests) {
        const statuses = await statusOf(request.id)
        const mine = statuses.find((status) => own.includes(status.schoolId))
        const manages = managed === "all" || managed.includes(request.municipalityId)
        summaries.push({
          id: request.id,
          title: request.title,
          due: russianDate(request.dueDate),
          received: statuses.filter((status) => status.status === "received").length,
          missing: statuses.filter((status) => status.status === "missing").length,
          overdue: statuses.filter((status) => status.status === "overdue").length,
          schools: statuses.length,
          ...(mine && !manages ? { own: mine.status } : {}),
        })
      }
      return summaries
    },

    /** Every school's state for one request (coordinators of its municipality). */
    async status(actor: Actor, requestId: number): Promise<Done<{ title: string; due: string; details: string | null; schools: SchoolStatus[] }> | NotAllowed | NotFound> {
      const request = await deps.prisma.reportRequest.findUnique({ where: { id: requestId } })
      if (!request || request.cancelledAt) return notFound()
      if (!canActOnMunicipality(actor, request.municipalityId)) return notAllowed()
      return { ok: true, title: request.title, due: russianDate(request.dueDate), details: request.details, schools: await statusOf(requestId) }
    },

    /** What a school coordinator is asked, and for which of their schools (usually one). */
    async asked(actor: Actor, requestId: number): Promise<Done<{ title: string; due: string; details: string | null; schools: { id: number; login: string; name: string | null; received: boolean }[] }> | NotAllowed | NotFound> {
      const request = await deps.prisma.reportRequest.findUnique({ where: { id: requestId } })
      if (!request || request.cancelledAt) return notFound()
      const own = await ownSchools(actor)
      const included = (await requestSchools(requestId)).filter((id) => own.includes(id))
      if (included.length === 0) return notAllowed()
      const [schools, received] = await Promise.all([
        deps.prisma.school.findMany({ where: { id: { in: included } }, select: { id: true, login: true, name: true }, orderBy: { login: "asc" } }),
        deps.prisma.reportSubmission.findMany({ where: { requestId, schoolId: { in: included } }, select: { schoolId: true } }),
      ])
      const done = new Set(received.map((row) => row.schoolId))
      return { ok: true, title: request.title, due: russianDate(request.dueDate), details: request.details, schools: schools.map((school) => ({ ...school, received: done.has(school.id) })) }
    },

    /**
     * A school coordinator sends their school's document. Kept as it came (a second upload replaces the first),
     * and the school's deadline is done. Late uploads are taken too: late is better than never.
     */
    async submit(actor: Actor, requestId: number, schoolId: number, file: { bytes: Buffer; fileName: string }): Promise<Done<{ replaced: boolean; late: boolean }> | NotAllowed | NotFound | RefusedWithProblems<"report-file-empty" | "report-file-too-large">> {
      const request = await deps.prisma.reportRequest.findUnique({ where: { id: requestId } })
      if (!request || request.cancelledAt) return notFound()
      const own = await ownSchools(actor)
      if (!own.includes(schoolId) || !(await requestSchools(requestId)).includes(schoolId)) return notAllowed()
      if (file.bytes.length === 0) return refused(["report-file-empty"])
      if (file.bytes.length > MAX_REPORT_BYTES) return refused(["report-file-too-large"])
      const fileName = file.fileName.replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, "_").slice(0, 150) || "document"
      const now = deps.clock.now()
      const data = { fileName, size: file.bytes.length, bytes: new Uint8Array(file.bytes), uploadedById: actor.userId, receivedAt: now }
      const before = await deps.prisma.reportSubmission.findUnique({ where: { requestId_schoolId: { requestId, schoolId } }, select: { id: true } })
      await deps.prisma.reportSubmission.upsert({ where: { requestId_schoolId: { requestId, schoolId } }, create: { requestId, schoolId, ...data }, update: data })
      await complete(deps, key(requestId, schoolId), { byUserId: actor.userId })
      await audit(deps.prisma, { actorId: actor.userId, action: "report.submitted", subject: String(requestId), details: { schoolId, fileName, size: file.bytes.length } })
      return { ok: true, replaced: before !== null, late: request.due <= now }
    },

    /** Everything received so far as zip archives (one unless they exceed 45 MB), each file named by its school. */
    async archive(actor: Actor, requestId: number): Promise<Done<{ parts: { fileName: string; bytes: Buffer }[]; files: number }> | NotAllowed | NotFound> {
      const request = await deps.prisma.reportRequest.findUnique({ where: { id: requestId } })
      if (!request) return notFound()
      if (!canActOnMunicipality(actor, request.municipalityId)) return notAllowed()
      const submissions = await deps.prisma.reportSubmission.findMany({ where: { requestId }, orderBy: { schoolId: "asc" } })
      if (submissions.length === 0) return { ok: true, parts: [], files: 0 }
      const schools = new Map((await deps.prisma.school.findMany({ where: { id: { in: submissions.map((row) => row.schoolId) } }, select: { id: true, login: true, name: true } })).map((school) => [school.id, school]))
      const groups: (typeof submissions)[] = [[]]
      let size = 0
      for (const submission of submissions) {
        if (size + submission.size > ARCHIVE_PART_BYTES && groups.at(-1)!.length > 0) {
          groups.push([])
          size = 0
        }
        groups.at(-1)!.push(submission)
        size += submission.size
      }
      const base = request.title.replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, "_").slice(0, 80)
      const parts = []
      for (const [index, group] of groups.entries()) {
        const zip = new JSZip()
        for (const submission of group) {
          const school = schools.get(submission.schoolId)
          const label = [school?.login, school?.name].filter(Boolean).join(" ").replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, "_").slice(0, 100)
          zip.file(`${label} — ${submission.fileName}`, Buffer.from(submission.bytes), { date: submission.receivedAt })
        }
        const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } })
        parts.push({ fileName: groups.length === 1 ? `${base}.zip` : `${base} (часть ${index + 1} из ${groups.length}).zip`, bytes })
      }
      await audit(deps.prisma, { actorId: actor.userId, action: "report.downloaded", subject: String(requestId), details: { files: submissions.length } })
      return { ok: true, parts, files: submissions.length }
    },

    /** Withdraws a request: its deadlines are cancelled (no more reminders); received files stay downloadable. */
    async withdraw(actor: Actor, requestId: number): Promise<Done | NotAllowed | NotFound> {
      const request = await deps.prisma.reportRequest.findUnique({ where: { id: requestId } })
      if (!request || request.cancelledAt) return notFound()
      if (!canActOnMunicipality(actor, request.municipalityId)) return notAllowed()
      await deps.prisma.reportRequest.update({ where: { id: requestId }, data: { cancelledAt: deps.clock.now() } })
      for (const schoolId of await requestSchools(requestId)) await cancelDeadline(deps, key(requestId, schoolId))
      await audit(deps.prisma, { actorId: actor.userId, action: "report.withdrawn", subject: String(requestId) })
      return { ok: true }
    },
  }
}

export type Reports = ReturnType<typeof createReports>
