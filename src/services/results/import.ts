import { createHash } from "node:crypto"
import type { ParticipantResult, ProcedureSpec } from "../../domain/results.ts"
import { audit } from "../access/audit.ts"
import { canActOnSchool, isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { procedureId } from "./procedure-key.ts"
import { insertParticipants } from "./participants-sql.ts"
import { ensureSpecRow } from "./specs-store.ts"

export interface ImportRequest {
  file: { bytes: Buffer; fileName: string }
  /** The upload row the file was already kept in when it arrived (else one is created here). */
  uploadId?: number
  layout: string
  spec: ProcedureSpec
  schools: { key: string; login: string; name?: string | undefined; municipality?: string | undefined }[]
  participants: ParticipantResult[]
  /** Warnings the sender saw and confirmed. */
  warningsConfirmed: number
}

export type ImportOutcome =
  | {
      ok: true
      uploadId: number
      procedure: string
      schools: { key: string; login: string; version: number; present: number; absent: number; created: boolean }[]
      present: number
      absent: number
    }
  | { ok: false; reason: "not_allowed"; schools: string[] }
  | { ok: false; reason: "no_participants" }

/**
 * Stores one validated upload in one transaction: the exact file, then per school a new result-set version
 * that becomes current (the previous one stays readable and restorable). A failure anywhere leaves nothing.
 */
export async function importResults(deps: ServiceDeps, actor: Actor, request: ImportRequest): Promise<ImportOutcome> {
  if (request.participants.length === 0) return { ok: false, reason: "no_participants" }
  const permission = await checkPermission(deps, actor, request.schools)
  if (!permission.ok) return permission
  const procedure = procedureId(request.spec)
  const sha256 = createHash("sha256").update(request.file.bytes).digest("hex")
  const bySchool = groupBySchool(request.participants)

  const stored = await deps.prisma.$transaction(
    async (tx) => {
      const specId = await ensureSpecRow(tx, request.spec)
      const upload = request.uploadId
        ? await tx.upload.update({ where: { id: request.uploadId }, data: { status: "imported", layout: request.layout } })
        : await tx.upload.create({
        data: {
          sha256,
          size: request.file.bytes.length,
          fileName: request.file.fileName,
          bytes: new Uint8Array(request.file.bytes),
          senderId: actor.userId,
          layout: request.layout,
          status: "imported",
        },
      })
      const schools = []
      for (const school of request.schools) {
        const participants = bySchool.get(school.key) ?? []
        if (participants.length === 0) continue
        const existing = await tx.school.findUnique({ where: { key: school.key } })
        const row =
          existing ??
          (await tx.school.create({
            data: { key: school.key, login: school.login, name: school.name ?? null, municipalityId: permission.municipalityForNew },
          }))
        if (existing && (existing.login !== school.login || (school.name && !existing.name))) {
          await tx.school.update({ where: { id: existing.id }, data: { login: school.login, name: existing.name ?? school.name ?? null } })
        }
        const previous = await tx.resultSet.aggregate({ where: { procedure, schoolId: row.id }, _max: { version: true } })
        await tx.resultSet.updateMany({ where: { procedure, schoolId: row.id, isCurrent: true }, data: { isCurrent: false } })
        const present = participants.filter((participant) => !participant.absent).length
        const resultSet = await tx.resultSet.create({
          data: {
            specId,
            schoolId: row.id,
            procedure,
            version: (previous._max.version ?? 0) + 1,
            uploadId: upload.id,
            present,
            absent: participants.length - present,
          },
        })
        await insertParticipants(tx, resultSet.id, participants)
        schools.push({ key: school.key, login: school.login, version: resultSet.version, present, absent: participants.length - present, created: !existing })
      }
      const summary = {
        procedure,
        schools: schools.length,
        present: schools.reduce((sum, school) => sum + school.present, 0),
        absent: schools.reduce((sum, school) => sum + school.absent, 0),
      }
      await tx.upload.update({ where: { id: upload.id }, data: { summary } })
      await audit(tx, {
        actorId: actor.userId,
        action: "results.imported",
        subject: procedure,
        details: { uploadId: upload.id, fileName: request.file.fileName, sha256, ...summary, warningsConfirmed: request.warningsConfirmed },
      })
      return { uploadId: upload.id, procedure, schools, present: summary.present, absent: summary.absent }
    },
    { timeout: 300_000, maxWait: 60_000 },
  )
  return { ok: true, ...stored }
}

function groupBySchool(participants: ParticipantResult[]): Map<string, ParticipantResult[]> {
  const groups = new Map<string, ParticipantResult[]>()
  for (const participant of participants) {
    const list = groups.get(participant.schoolKey)
    if (list) list.push(participant)
    else groups.set(participant.schoolKey, [participant])
  }
  return groups
}

/**
 * A teacher or school coordinator uploads for their own school only, a municipal coordinator for the schools of
 * their municipality (unknown logins are created there), an admin anywhere.
 */
async function checkPermission(
  deps: ServiceDeps,
  actor: Actor,
  schools: ImportRequest["schools"],
): Promise<{ ok: true; municipalityForNew: number | null } | { ok: false; reason: "not_allowed"; schools: string[] }> {
  const known = await deps.prisma.school.findMany({ where: { key: { in: schools.map((school) => school.key) } } })
  const knownByKey = new Map(known.map((school) => [school.key, school]))
  const coordinatorOf = actor.grants.find((grant) => grant.role === "municipal_coordinator")?.municipalityId ?? null
  const refused = schools.filter((school) => {
    const row = knownByKey.get(school.key)
    if (row) return !canActOnSchool(actor, row)
    return !isAdmin(actor) && coordinatorOf === null
  })
  if (refused.length > 0) return { ok: false, reason: "not_allowed", schools: refused.map((school) => school.login) }
  return { ok: true, municipalityForNew: coordinatorOf }
}

/** Makes an earlier version of a school's results current again. */
export async function restoreVersion(deps: ServiceDeps, actor: Actor, resultSetId: number): Promise<"restored" | "not_found" | "not_allowed"> {
  const target = await deps.prisma.resultSet.findUnique({ where: { id: resultSetId }, include: { school: true } })
  if (!target) return "not_found"
  if (!canActOnSchool(actor, target.school)) return "not_allowed"
  await deps.prisma.$transaction(async (tx) => {
    await tx.resultSet.updateMany({ where: { procedure: target.procedure, schoolId: target.schoolId }, data: { isCurrent: false } })
    await tx.resultSet.update({ where: { id: target.id }, data: { isCurrent: true } })
    await audit(tx, { actorId: actor.userId, action: "results.restored", subject: target.procedure, details: { resultSetId, version: target.version } })
  })
  return "restored"
}
