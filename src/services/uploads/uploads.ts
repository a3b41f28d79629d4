/**
 * The Upload rows: every received file is kept the moment it arrives (nothing is lost, whatever happens next), its
 * bytes behind the upload id, and its end recorded — imported, rejected, cancelled, or interrupted by a crash (interrupted.ts).
 */
import { createHash } from "node:crypto"
import type { PrismaClient } from "../../db/client.ts"
import { audit } from "../access/audit.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"

export interface ReceivedFile {
  bytes: Buffer
  fileName: string
}

export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex")
}

/** Stores the file as received and returns its id. */
export async function keepUpload(deps: ServiceDeps, actor: Actor, file: ReceivedFile): Promise<number> {
  const upload = await deps.prisma.upload.create({
    data: { sha256: sha256(file.bytes), size: file.bytes.length, fileName: file.fileName, bytes: new Uint8Array(0), senderId: actor.userId },
  })
  await writeUploadBytes(deps.prisma, upload.id, file.bytes)
  await audit(deps.prisma, { actorId: actor.userId, action: "upload.received", subject: String(upload.id), details: { fileName: file.fileName, size: file.bytes.length } })
  return upload.id
}

export async function keptFile(deps: ServiceDeps, uploadId: number): Promise<ReceivedFile> {
  const upload = await deps.prisma.upload.findUniqueOrThrow({ where: { id: uploadId } })
  return { bytes: Buffer.from(upload.bytes), fileName: upload.fileName }
}

/**
 * Records why a kept file was not imported. A file that carries pupils' names is not kept at all: only its
 * hash, size and name stay on record (no personal data from result files is ever stored).
 */
export async function closeUpload(
  deps: ServiceDeps,
  actor: Actor,
  uploadId: number,
  status: "rejected" | "cancelled",
  reason: string,
  options: { personalData?: boolean } = {},
): Promise<void> {
  const drop = options.personalData ? { bytes: new Uint8Array(0) } : {}
  await deps.prisma.upload.update({ where: { id: uploadId }, data: { status, summary: { reason, bytesDropped: options.personalData ?? false }, ...drop }, select: { id: true } })
  await audit(deps.prisma, { actorId: actor.userId, action: `upload.${status}`, subject: String(uploadId), details: { reason } })
}

/**
 * Writes a file's bytes as base64 decoded by the database: handing a 3 MB Uint8Array to the PGlite adapter took
 * ~3 s (it is converted value by value), a base64 string takes a few milliseconds.
 */
export async function writeUploadBytes(db: Pick<PrismaClient, "$executeRawUnsafe">, uploadId: number, bytes: Buffer): Promise<void> {
  await db.$executeRawUnsafe(`UPDATE "Upload" SET bytes = decode($1, 'base64') WHERE id = $2`, bytes.toString("base64"), uploadId)
}

/** How long the bytes of a file that was not imported (refused, cancelled) are kept for a look at what went wrong. */
export const REFUSED_BYTES_KEPT_MS = 14 * 24 * 60 * 60 * 1000
/** The job that drops them runs this often. */
export const DROP_REFUSED_EVERY_MS = 60 * 60 * 1000

/**
 * Drops the kept bytes of files refused or cancelled more than REFUSED_BYTES_KEPT_MS ago (issue 9: junk and bombs
 * were kept for ever); hash, size, name and the reason stay on record. Idempotent; returns how many were dropped.
 */
export async function dropRefusedBytes(deps: ServiceDeps, now: Date): Promise<number> {
  const before = new Date(now.getTime() - REFUSED_BYTES_KEPT_MS)
  const dropped = await deps.prisma.$executeRaw`
    UPDATE "Upload"
    SET bytes = ''::bytea, summary = COALESCE(summary, '{}'::jsonb) || '{"bytesDropped": true}'::jsonb
    WHERE status IN ('rejected', 'cancelled', 'interrupted') AND "receivedAt" < ${before} AND octet_length(bytes) > 0`
  if (dropped > 0) await audit(deps.prisma, { actorId: null, action: "upload.bytes-dropped", subject: "refused", details: { count: dropped, before: before.toISOString() } })
  return dropped
}
