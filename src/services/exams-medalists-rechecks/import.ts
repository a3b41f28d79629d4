import { createHash } from "node:crypto"
import { audit } from "../access/audit.ts"
import { canActOnSchool, hasRole, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, refused, type NotAllowed, type RefusedWithProblems } from "../outcome.ts"
import { procedureId } from "../results/procedure-key.ts"
import { listSpecs } from "../specs/store.ts"
import type { Problem } from "../workbooks/problem.ts"
import { parseOutsideWorkbook, type OutsideData, type OutsideParse, type OutsideParseOptions } from "./parse.ts"

/** Not allowed: `outside` is empty when the actor may not send outside data at all, else the logins outside their scope. */
export type OutsideImportOutcome =
  | { ok: true; uploadId: number; exams: number; medalists: number; rechecks: number; schools: number; affects: OutsideReach }
  | NotAllowed
  | RefusedWithProblems<Problem>

/** Which analyses the stored rows can change (analysis/exams-medalists-rechecks.ts says which data each sign reads). */
export interface OutsideReach {
  /** Procedures with re-checked works (S10). */
  procedures: string[]
  /** Subjects with exam results (S8 of every ВПР/КДР procedure of the subject). */
  subjects: string[]
  /** The earliest medalists' year (S9 of every ВПР/КДР procedure of that year or later), null without medalists. */
  medalistsFrom: number | null
}

type Tx = Parameters<Parameters<ServiceDeps["prisma"]["$transaction"]>[0]>[0]

/** OR-lists of keys are sent in slices so a regional file never builds one huge statement. */
const SLICE = 500

/**
 * Stores an outside-data workbook (ОГЭ/ЕГЭ means, medalists, re-checked works): municipal coordinators for the
 * schools of their municipality, admins for all. Every row is checked first; a file with any error stores nothing.
 * The rows replace those of the same keys (school × exam × year × subject, school × year, school × procedure) in one
 * transaction. The upload is recorded (who, when, what hash, how many rows) but its bytes are not kept: the sheets
 * may carry codes of pupils, and nothing else in them is needed again.
 */
export async function importOutsideData(
  deps: ServiceDeps,
  actor: Actor,
  file: { bytes: Buffer; fileName: string },
  options: { uploadId?: number } = {},
): Promise<OutsideImportOutcome> {
  if (!hasRole(actor, "municipal_coordinator")) return storeOutsideData(deps, actor, file, null, options)
  return storeOutsideData(deps, actor, file, await parseOutsideWorkbook(file.bytes, await outsideReadContext(deps)), options)
}

/**
 * What an outside-data workbook is checked against: the school directory, the specs that apply (region-wide, and
 * those of the given municipalities' coordinators), this year.
 */
export async function outsideReadContext(deps: ServiceDeps, specMunicipalities: readonly number[] = []): Promise<OutsideParseOptions> {
  const schools = await deps.prisma.school.findMany({ select: { key: true } })
  return { knownSchools: new Set(schools.map((school) => school.key)), specs: await listSpecs(deps.prisma, specMunicipalities), maxYear: deps.clock.now().getUTCFullYear() }
}

/** Stores a workbook already read (`parsed`; null when it was not read because the actor may not send one). */
export async function storeOutsideData(
  deps: ServiceDeps,
  actor: Actor,
  file: { bytes: Buffer; fileName: string },
  parsed: OutsideParse | null,
  options: { uploadId?: number } = {},
): Promise<OutsideImportOutcome> {
  if (!hasRole(actor, "municipal_coordinator") || !parsed) {
    await finishUpload(deps, actor, file, options.uploadId, "rejected", { reason: "not_coordinator" })
    return notAllowed()
  }
  if (parsed.problems.length > 0) {
    await finishUpload(deps, actor, file, options.uploadId, "rejected", { reason: "problems", problems: parsed.problems.length })
    return refused(parsed.problems)
  }
  const schools = await deps.prisma.school.findMany({ where: { key: { in: schoolKeysOf(parsed.data) } }, select: { id: true, key: true, login: true, municipalityId: true } })
  const byKey = new Map(schools.map((school) => [school.key, school]))
  const keys = schoolKeysOf(parsed.data)
  const outside = keys.flatMap((key) => {
    const school = byKey.get(key)!
    return canActOnSchool(actor, school, ["municipal_coordinator"]) ? [] : [school.login]
  })
  if (outside.length > 0) {
    await finishUpload(deps, actor, file, options.uploadId, "rejected", { reason: "not_allowed", schools: outside.length })
    return notAllowed(outside.sort())
  }
  const idOf = (key: string): number => byKey.get(key)!.id
  const summary = { exams: parsed.data.exams.length, medalists: parsed.data.medalists.length, rechecks: parsed.data.rechecks.length, schools: keys.length }
  const uploadId = await deps.prisma.$transaction(
    async (tx) => {
      const upload = await uploadRow(tx, actor, file, options.uploadId, { status: "imported", summary })
      await replaceExams(tx, parsed.data, idOf, upload)
      await replaceMedalists(tx, parsed.data, idOf, upload)
      await replaceRechecks(tx, parsed.data, idOf, upload)
      await audit(tx, { actorId: actor.userId, action: "outside.imported", subject: String(upload), details: { fileName: file.fileName, sha256: sha256(file.bytes), ...summary } })
      return upload
    },
    { timeout: 120_000, maxWait: 60_000 },
  )
  const reach: OutsideReach = {
    procedures: [...new Set(parsed.data.rechecks.map((row) => procedureId(row.procedure)))],
    subjects: [...new Set(parsed.data.exams.map((row) => row.subject))],
    medalistsFrom: parsed.data.medalists.length > 0 ? Math.min(...parsed.data.medalists.map((row) => row.year)) : null,
  }
  return { ok: true, uploadId, ...summary, affects: reach }
}

/** Whether a stored procedure's analysis reads any of the data an outside-data upload brought. */
export function isReached(reach: OutsideReach, procedure: string, key: { kind: string; year: number; subject: string }): boolean {
  if (reach.procedures.includes(procedure)) return true
  if (key.kind === "ОГЭ" || key.kind === "ЕГЭ") return false
  return reach.subjects.includes(key.subject) || (reach.medalistsFrom !== null && key.year >= reach.medalistsFrom)
}

function schoolKeysOf(data: OutsideData): string[] {
  return [...new Set([...data.exams, ...data.medalists, ...data.rechecks].map((row) => row.schoolKey))].sort()
}

async function replaceExams(tx: Tx, data: OutsideData, idOf: (key: string) => number, uploadId: number): Promise<void> {
  const rows = data.exams.map((row) => ({
    schoolId: idOf(row.schoolKey), kind: row.kind, year: row.year, subject: row.subject, participants: row.participants, mean: row.mean, uploadId,
  }))
  for (const slice of slices(rows)) {
    await tx.examResult.deleteMany({ where: { OR: slice.map(({ schoolId, kind, year, subject }) => ({ schoolId, kind, year, subject })) } })
  }
  if (rows.length > 0) await tx.examResult.createMany({ data: rows })
}

async function replaceMedalists(tx: Tx, data: OutsideData, idOf: (key: string) => number, uploadId: number): Promise<void> {
  const rows = data.medalists.map((row) => ({ schoolId: idOf(row.schoolKey), year: row.year, russian: row.russian, mathematics: row.mathematics, uploadId }))
  const keys = unique(rows.map(({ schoolId, year }) => ({ schoolId, year })))
  for (const slice of slices(keys)) await tx.medalist.deleteMany({ where: { OR: slice } })
  if (rows.length > 0) await tx.medalist.createMany({ data: rows })
}

async function replaceRechecks(tx: Tx, data: OutsideData, idOf: (key: string) => number, uploadId: number): Promise<void> {
  const rows = data.rechecks.map((row) => ({
    schoolId: idOf(row.schoolKey), procedure: procedureId(row.procedure), originalScore: row.originalScore, recheckedScore: row.recheckedScore, uploadId,
  }))
  const keys = unique(rows.map(({ schoolId, procedure }) => ({ schoolId, procedure })))
  for (const slice of slices(keys)) await tx.recheckedWork.deleteMany({ where: { OR: slice } })
  if (rows.length > 0) await tx.recheckedWork.createMany({ data: rows })
}

/** The upload row, without the file's bytes (see importOutsideData). */
async function uploadRow(
  tx: Pick<Tx, "upload">,
  actor: Actor,
  file: { bytes: Buffer; fileName: string },
  uploadId: number | undefined,
  state: { status: string; summary: Record<string, unknown> },
): Promise<number> {
  const data = { status: state.status, layout: "outside-data", summary: state.summary as never, bytes: new Uint8Array(0) }
  if (uploadId !== undefined) return (await tx.upload.update({ where: { id: uploadId }, data, select: { id: true } })).id
  const created = await tx.upload.create({
    data: { ...data, sha256: sha256(file.bytes), size: file.bytes.length, fileName: file.fileName, senderId: actor.userId },
    select: { id: true },
  })
  return created.id
}

async function finishUpload(
  deps: ServiceDeps,
  actor: Actor,
  file: { bytes: Buffer; fileName: string },
  uploadId: number | undefined,
  status: "rejected",
  summary: Record<string, unknown>,
): Promise<void> {
  const id = await deps.prisma.$transaction((tx) => uploadRow(tx, actor, file, uploadId, { status, summary }))
  await audit(deps.prisma, { actorId: actor.userId, action: "outside.rejected", subject: String(id), details: { fileName: file.fileName, ...summary } })
}

function unique<T>(keys: T[]): T[] {
  return [...new Map(keys.map((key) => [JSON.stringify(key), key])).values()]
}

function* slices<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += SLICE) yield items.slice(start, start + SLICE)
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex")
}
