/**
 * Uploads cut by a crash (issue 9): a file is marked `reading` while a parse of it runs, and set back to `received`
 * when the parse ends, whatever its outcome. A crash leaves it `reading`; at start-up (and by a periodic job, for
 * servers shared by several instances) such uploads become `interrupted`, and each sender is told once that the
 * file was not loaded and should be sent again.
 */
import { createTranslator } from "../../i18n.ts"
import { audit } from "../access/audit.ts"
import type { ServiceDeps } from "../deps.ts"
import { enqueueMany } from "../notifications/outbox.ts"

/** Longer than any parse takes (the largest accepted file reads in about two minutes): a `reading` upload older than this was cut. */
export const STALE_READING_MS = 15 * 60 * 1000
/** How often the job looks for uploads cut on another instance. */
export const FIND_INTERRUPTED_EVERY_MS = 10 * 60 * 1000

/** Marks the upload as being read; `readingSince` tells a cut parse from one running on another instance. */
export async function markReading(deps: Pick<ServiceDeps, "prisma" | "clock">, uploadId: number): Promise<void> {
  const since = deps.clock.now().toISOString()
  await deps.prisma.$executeRaw`
    UPDATE "Upload" SET status = 'reading', summary = COALESCE(summary, '{}'::jsonb) || jsonb_build_object('readingSince', ${since}::text)
    WHERE id = ${uploadId} AND status IN ('received', 'reading')`
}

/** The parse ended (read, refused or failed): the upload is open again for the sender's next answer. */
export async function readingDone(deps: Pick<ServiceDeps, "prisma">, uploadId: number): Promise<void> {
  await deps.prisma.$executeRaw`
    UPDATE "Upload" SET status = 'received', summary = NULLIF(summary - 'readingSince', '{}'::jsonb)
    WHERE id = ${uploadId} AND status = 'reading'`
}

/**
 * Marks as `interrupted` the uploads still `reading` (only those that began before `startedBefore`, when given), and
 * queues one message to each sender (deduplicated by upload: a second run tells nobody twice). Returns how many.
 */
export async function markInterruptedUploads(deps: Pick<ServiceDeps, "prisma" | "clock">, startedBefore?: Date): Promise<number> {
  const cut = await deps.prisma.$queryRaw<{ id: number; fileName: string; senderId: number | null }[]>`
    UPDATE "Upload" SET status = 'interrupted', summary = COALESCE(summary, '{}'::jsonb) || '{"reason": "interrupted"}'::jsonb
    WHERE status = 'reading'
      AND (${startedBefore ?? null}::timestamptz IS NULL OR COALESCE((summary->>'readingSince')::timestamptz, "receivedAt") < ${startedBefore ?? null}::timestamptz)
    RETURNING id, "fileName", "senderId"`
  if (cut.length === 0) return 0
  const senderIds = [...new Set(cut.flatMap((upload) => (upload.senderId === null ? [] : [upload.senderId])))]
  const senders = new Map(
    (await deps.prisma.user.findMany({ where: { id: { in: senderIds } }, select: { id: true, telegramId: true, language: true } })).map((user) => [user.id, user]),
  )
  const messages = cut.flatMap((upload) => {
    const sender = upload.senderId === null ? undefined : senders.get(upload.senderId)
    // The command line's system actor has no chat (telegramId 0): its user saw the failure in the terminal.
    if (!sender || sender.telegramId <= 0n) return []
    const t = createTranslator(sender.language === "en" ? "en" : "ru")
    return [{ chatId: sender.telegramId, text: t("upload-interrupted", { name: upload.fileName }), dedupeKey: `upload-interrupted:${upload.id}` }]
  })
  await enqueueMany(deps, messages)
  await audit(deps.prisma, { actorId: null, action: "upload.interrupted", subject: cut.map((upload) => upload.id).join(","), details: { count: cut.length } })
  return cut.length
}
