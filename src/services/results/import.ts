import { createHash } from "node:crypto"
import type { ParticipantResult, ProcedureSpec } from "../../domain/results.ts"
import { audit } from "../access/audit.ts"
import { ensureMunicipalities } from "../access/municipalities.ts"
import { canActOnSchool, coordinatedMunicipalities, type Actor } from "../access/roles.ts"
import { municipalityNameKey } from "../../domain/municipality-name.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, type Done, type NotAllowed, type NotFound } from "../outcome.ts"
import { procedureId } from "./procedure-key.ts"
import { currentLogin, fileScope } from "./scope.ts"
import { createResultSets } from "../participants/store.ts"
import { ensureSpecRow } from "../specs/store.ts"
import { writeUploadBytes } from "../uploads/uploads.ts"

/**
 * The file: kept already when it arrived (its upload row, whose bytes are not loaded again), or given here and kept
 * with the results.
 */
export type ImportRequest = ImportDetails & ({ uploadId: number; file?: never } | { uploadId?: never; file: { bytes: Buffer; fileName: string } })

interface ImportDetails {
  layout: string
  spec: ProcedureSpec
  schools: { key: string; login: string; name?: string | undefined; municipality?: string | undefined; municipalityCode?: string | undefined }[]
  participants: ParticipantResult[]
  /** Warnings the sender saw and confirmed. */
  warningsConfirmed: number
  /**
   * Schools outside the sender's scope: refused (the default), or — a municipal coordinator's regional export — kept
   * as the comparison group only (ResultSet.reference), never replacing a municipality's own results.
   */
  others?: "refuse" | "reference"
}

export type ImportOutcome =
  | {
      ok: true
      uploadId: number
      procedure: string
      schools: { key: string; login: string; version: number; present: number; absent: number; created: boolean; reference: boolean }[]
      present: number
      absent: number
      /** Schools of other municipalities left as they were: their own results are stored already. */
      keptOwn: string[]
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
  const permission = await checkPermission(deps, actor, request)
  if (!permission.ok) return permission
  const procedure = procedureId(request.spec)
  const bySchool = groupBySchool(request.participants)

  const stored = await deps.prisma.$transaction(
    async (tx) => {
      const specId = await ensureSpecRow(tx, request.spec)
      // Only what the audit needs comes back: the row holds the file's bytes.
      const kept = { id: true, fileName: true, sha256: true } as const
      const upload = request.file
        ? await tx.upload.create({
            select: kept,
            data: {
              sha256: createHash("sha256").update(request.file.bytes).digest("hex"),
              size: request.file.bytes.length,
              fileName: request.file.fileName,
              bytes: new Uint8Array(0),
              senderId: actor.userId,
              layout: request.layout,
              status: "imported",
            },
          })
        : await tx.upload.update({ where: { id: request.uploadId }, data: { status: "imported", layout: request.layout }, select: kept })
      if (request.file) await writeUploadBytes(tx, upload.id, request.file.bytes)
      const { schools, keptOwn } = await storeResultSets(
        tx,
        { procedure, specId, uploadId: upload.id, municipalityForNew: permission.municipalityForNew, reference: permission.reference },
        request.schools,
        bySchool,
      )
      const summary = {
        procedure,
        schools: schools.length,
        reference: schools.filter((school) => school.reference).length,
        present: schools.reduce((sum, school) => sum + school.present, 0),
        absent: schools.reduce((sum, school) => sum + school.absent, 0),
      }
      await tx.upload.update({ where: { id: upload.id }, data: { summary }, select: { id: true } })
      await audit(tx, {
        actorId: actor.userId,
        action: "results.imported",
        subject: procedure,
        details: { uploadId: upload.id, fileName: upload.fileName, sha256: upload.sha256, ...summary, warningsConfirmed: request.warningsConfirmed },
      })
      return { uploadId: upload.id, procedure, schools, present: summary.present, absent: summary.absent, keptOwn }
    },
    { timeout: 300_000, maxWait: 60_000 },
  )
  return { ok: true, ...stored }
}

type Tx = Parameters<Parameters<ServiceDeps["prisma"]["$transaction"]>[0]>[0]

/**
 * Set-based, so a regional file of 630 schools costs a handful of statements rather than six per school:
 * the schools (new ones created), their latest versions, the switch of the current version, the new result sets,
 * then every set's participants, packed into one value each (participants/store.ts).
 */
async function storeResultSets(
  tx: Tx,
  target: { procedure: string; specId: number; uploadId: number; municipalityForNew: number | null; reference: ReadonlySet<string> },
  schoolRefs: ImportRequest["schools"],
  bySchool: Map<string, ParticipantResult[]>,
) {
  const withRows = schoolRefs.filter((school) => (bySchool.get(school.key)?.length ?? 0) > 0)
  const allKeys = withRows.map((school) => school.key)
  const existing = new Map((await tx.school.findMany({ where: { key: { in: allKeys } } })).map((school) => [school.key, school]))
  // A municipality's own results are never replaced by another municipality's reference copy.
  const ownCurrent = new Set(
    (
      await tx.resultSet.findMany({
        where: { procedure: target.procedure, isCurrent: true, reference: false, school: { key: { in: withRows.filter((school) => target.reference.has(school.key)).map((school) => school.key) } } },
        select: { school: { select: { key: true } } },
      })
    ).map((set) => set.school.key),
  )
  const refs = withRows.filter((school) => !ownCurrent.has(school.key))
  const keys = refs.map((school) => school.key)
  // Every school in the municipality its rows name (created when the directory does not know it).
  const municipalities = await ensureMunicipalities(tx, refs.flatMap((school) => (school.municipality ? [{ name: school.municipality, code: school.municipalityCode }] : [])))
  const namedMunicipality = (school: ImportRequest["schools"][number]): number | null =>
    school.municipality ? (municipalities.get(municipalityNameKey(school.municipality)) ?? null) : null
  const fresh = refs.filter((school) => !existing.has(school.key))
  await createSchools(tx, fresh.map((school) => ({ key: school.key, login: school.login, name: school.name ?? null, municipalityId: namedMunicipality(school) ?? target.municipalityForNew })))
  // Keep the directory's login current (sch → edu, never back: an older export must not undo the login people type),
  // fill a missing name and a missing municipality.
  for (const school of refs) {
    const row = existing.get(school.key)
    if (!row) continue
    const municipalityId = row.municipalityId ?? namedMunicipality(school)
    const login = currentLogin(row.login, school.login)
    if (row.login !== login || (school.name && !row.name) || municipalityId !== row.municipalityId) {
      await tx.school.update({ where: { id: row.id }, data: { login, name: row.name ?? school.name ?? null, municipalityId } })
    }
  }
  const ids = new Map((await tx.school.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } })).map((school) => [school.key, school.id]))
  const latest = await tx.resultSet.groupBy({ by: ["schoolId"], where: { procedure: target.procedure, schoolId: { in: [...ids.values()] } }, _max: { version: true } })
  const versionOf = new Map(latest.map((row) => [row.schoolId, row._max.version ?? 0]))
  await tx.resultSet.updateMany({ where: { procedure: target.procedure, schoolId: { in: [...ids.values()] }, isCurrent: true }, data: { isCurrent: false } })
  const rows = refs.map((school) => {
    const schoolId = ids.get(school.key)!
    return { school, participants: bySchool.get(school.key)!, schoolId, version: (versionOf.get(schoolId) ?? 0) + 1, reference: target.reference.has(school.key) }
  })
  const created = await createResultSets(tx, rows.map((row) => ({ ...row, specId: target.specId, procedure: target.procedure, uploadId: target.uploadId })))
  if (created.length !== rows.length) throw new Error(`import: ${created.length} result sets created for ${rows.length} schools`)
  const schools = rows.map((row) => {
    const present = row.participants.filter((participant) => !participant.absent).length
    return { key: row.school.key, login: row.school.login, version: row.version, present, absent: row.participants.length - present, created: !existing.has(row.school.key), reference: row.reference }
  })
  return { schools, keptOwn: withRows.filter((school) => ownCurrent.has(school.key)).map((school) => school.login) }
}

/** New schools in one statement from arrays: Prisma's createMany of a region's 630 took 0.15–0.3 s on PGlite. */
async function createSchools(tx: Tx, schools: { key: string; login: string; name: string | null; municipalityId: number | null }[]): Promise<void> {
  if (schools.length === 0) return
  await tx.$executeRawUnsafe(
    `INSERT INTO "School" (key, login, name, "municipalityId") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])`,
    schools.map((school) => school.key),
    schools.map((school) => school.login),
    schools.map((school) => school.name),
    schools.map((school) => school.municipalityId),
  )
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
 * their municipality (a school no row places is created there), an admin anywhere. The rest of a coordinator's
 * regional export is kept as the comparison group when she chose so; otherwise it is refused.
 */
async function checkPermission(
  deps: ServiceDeps,
  actor: Actor,
  request: ImportRequest,
): Promise<{ ok: true; municipalityForNew: number | null; reference: Set<string> } | NotAllowed> {
  const scope = await fileScope(deps.prisma, actor, request.schools)
  const asReference = scope.referenceAllowed && request.others === "reference" && scope.mine.length > 0
  if (scope.others.length > 0 && !asReference) return notAllowed(scope.others.map((school) => school.login))
  return { ok: true, municipalityForNew: coordinatedMunicipalities(actor)[0] ?? null, reference: new Set(scope.others.map((school) => school.key)) }
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
