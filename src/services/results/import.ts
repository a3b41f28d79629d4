import { createHash } from "node:crypto"
import type { ParticipantResult, ProcedureSpec } from "../../domain/results.ts"
import { audit } from "../access/audit.ts"
import { canActOnSchool, isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, type Done, type NotAllowed, type NotFound } from "../outcome.ts"
import { procedureId } from "./procedure-key.ts"
import { storeParticipants } from "./participants-sql.ts"
import { ensureSpecRow } from "../specs/store.ts"
import { writeUploadBytes } from "../uploads/uploads.ts"

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
  /** `outside`: the logins of the file's schools the actor may not store results for. */
  | NotAllowed
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
          bytes: new Uint8Array(0),
          senderId: actor.userId,
          layout: request.layout,
          status: "imported",
        },
      })
      if (!request.uploadId) await writeUploadBytes(tx, upload.id, request.file.bytes)
      const schools = await storeResultSets(tx, { procedure, specId, uploadId: upload.id, municipalityForNew: permission.municipalityForNew }, request.schools, bySchool)
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

type Tx = Parameters<Parameters<ServiceDeps["prisma"]["$transaction"]>[0]>[0]

/**
 * Set-based, so a regional file of 630 schools costs a handful of statements rather than six per school:
 * the schools (new ones created), their latest versions, the switch of the current version, the new result sets,
 * then every participant (in 5,000-row batches, and packed per set).
 */
async function storeResultSets(
  tx: Tx,
  target: { procedure: string; specId: number; uploadId: number; municipalityForNew: number | null },
  schoolRefs: ImportRequest["schools"],
  bySchool: Map<string, ParticipantResult[]>,
) {
  const refs = schoolRefs.filter((school) => (bySchool.get(school.key)?.length ?? 0) > 0)
  const keys = refs.map((school) => school.key)
  const existing = new Map((await tx.school.findMany({ where: { key: { in: keys } } })).map((school) => [school.key, school]))
  const fresh = refs.filter((school) => !existing.has(school.key))
  if (fresh.length > 0) {
    await tx.school.createMany({
      data: fresh.map((school) => ({ key: school.key, login: school.login, name: school.name ?? null, municipalityId: target.municipalityForNew })),
    })
  }
  // Keep the directory's login current (sch → edu) and fill a missing name.
  for (const school of refs) {
    const row = existing.get(school.key)
    if (row && (row.login !== school.login || (school.name && !row.name))) {
      await tx.school.update({ where: { id: row.id }, data: { login: school.login, name: row.name ?? school.name ?? null } })
    }
  }
  const ids = new Map((await tx.school.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } })).map((school) => [school.key, school.id]))
  const latest = await tx.resultSet.groupBy({ by: ["schoolId"], where: { procedure: target.procedure, schoolId: { in: [...ids.values()] } }, _max: { version: true } })
  const versionOf = new Map(latest.map((row) => [row.schoolId, row._max.version ?? 0]))
  await tx.resultSet.updateMany({ where: { procedure: target.procedure, schoolId: { in: [...ids.values()] }, isCurrent: true }, data: { isCurrent: false } })
  const rows = refs.map((school) => {
    const participants = bySchool.get(school.key)!
    const present = participants.filter((participant) => !participant.absent).length
    const schoolId = ids.get(school.key)!
    return { school, participants, present, data: { specId: target.specId, schoolId, procedure: target.procedure, version: (versionOf.get(schoolId) ?? 0) + 1, uploadId: target.uploadId, present, absent: participants.length - present } }
  })
  const created = await tx.resultSet.createManyAndReturn({ data: rows.map((row) => row.data), select: { id: true, schoolId: true } })
  const setOf = new Map(created.map((set) => [set.schoolId, set.id]))
  await storeParticipants(tx, rows.map((row) => ({ resultSetId: setOf.get(row.data.schoolId)!, participants: row.participants })))
  return rows.map((row) => ({
    key: row.school.key,
    login: row.school.login,
    version: row.data.version,
    present: row.present,
    absent: row.data.absent,
    created: !existing.has(row.school.key),
  }))
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
): Promise<{ ok: true; municipalityForNew: number | null } | NotAllowed> {
  const known = await deps.prisma.school.findMany({ where: { key: { in: schools.map((school) => school.key) } } })
  const knownByKey = new Map(known.map((school) => [school.key, school]))
  const coordinatorOf = actor.grants.find((grant) => grant.role === "municipal_coordinator")?.municipalityId ?? null
  const refused = schools.filter((school) => {
    const row = knownByKey.get(school.key)
    if (row) return !canActOnSchool(actor, row)
    return !isAdmin(actor) && coordinatorOf === null
  })
  if (refused.length > 0) return notAllowed(refused.map((school) => school.login))
  return { ok: true, municipalityForNew: coordinatorOf }
}

/** Makes an earlier version of a school's results current again. */
export async function restoreVersion(deps: ServiceDeps, actor: Actor, resultSetId: number): Promise<Done | NotFound | NotAllowed> {
  const target = await deps.prisma.resultSet.findUnique({ where: { id: resultSetId }, include: { school: true } })
  if (!target) return notFound()
  if (!canActOnSchool(actor, target.school)) return notAllowed()
  await deps.prisma.$transaction(async (tx) => {
    await tx.resultSet.updateMany({ where: { procedure: target.procedure, schoolId: target.schoolId }, data: { isCurrent: false } })
    await tx.resultSet.update({ where: { id: target.id }, data: { isCurrent: true } })
    await audit(tx, { actorId: actor.userId, action: "results.restored", subject: target.procedure, details: { resultSetId, version: target.version } })
  })
  return { ok: true }
}
