import type { Prisma } from "../../generated/prisma/client.ts"
import type { ServiceDeps } from "../deps.ts"
import { toChatId, toPayload, type ChatIdInput, type OutboxMessage } from "./payload.ts"

/** `created: false` when the dedupe key was already taken: the id is then the existing row's. */
export interface EnqueueResult {
  id: number
  created: boolean
}

/** Stores one message for the dispatcher to deliver. A repeated dedupeKey is a no-op. */
export async function enqueue(deps: Pick<ServiceDeps, "prisma" | "clock">, message: OutboxMessage): Promise<EnqueueResult> {
  const [result] = await enqueueMany(deps, [message])
  return result!
}

/**
 * Stores many messages in one INSERT (a broadcast), returning a result per message in input order.
 * Duplicate dedupe keys, in the table or within the batch, map to the row that holds the key.
 */
export async function enqueueMany(
  deps: Pick<ServiceDeps, "prisma" | "clock">,
  messages: readonly OutboxMessage[],
): Promise<EnqueueResult[]> {
  if (messages.length === 0) return []
  const now = deps.clock.now()
  // Validate everything before writing anything: a bad message must not leave half a broadcast queued.
  const data = messages.map((message) => ({
    chatId: toChatId(message.chatId),
    payload: toPayload(message) as Prisma.InputJsonValue,
    dedupeKey: message.dedupeKey ?? null,
    notBefore: message.notBefore ?? now,
    createdAt: now,
  }))
  const inserted = await deps.prisma.outbox.createManyAndReturn({
    data,
    skipDuplicates: true, // ON CONFLICT DO NOTHING: only the dedupe key is unique
    select: { id: true, dedupeKey: true },
  })
  return matchInsertedRows(deps, data, inserted)
}

/**
 * Pairs inserted rows with the messages. Keyed rows pair by key. Unkeyed rows are never skipped, and a single
 * INSERT draws serial ids in VALUES order, so the k-th unkeyed message is the k-th smallest unkeyed id.
 */
async function matchInsertedRows(
  deps: Pick<ServiceDeps, "prisma">,
  data: readonly { dedupeKey: string | null }[],
  inserted: readonly { id: number; dedupeKey: string | null }[],
): Promise<EnqueueResult[]> {
  const createdByKey = new Map<string, number>()
  const unkeyedIds: number[] = []
  for (const row of inserted) {
    if (row.dedupeKey === null) unkeyedIds.push(row.id)
    else createdByKey.set(row.dedupeKey, row.id)
  }
  unkeyedIds.sort((a, b) => a - b)

  const missingKeys = data.flatMap((row) => (row.dedupeKey !== null && !createdByKey.has(row.dedupeKey) ? [row.dedupeKey] : []))
  const existingByKey = new Map<string, number>()
  if (missingKeys.length > 0) {
    const existing = await deps.prisma.outbox.findMany({
      where: { dedupeKey: { in: [...new Set(missingKeys)] } },
      select: { id: true, dedupeKey: true },
    })
    for (const row of existing) existingByKey.set(row.dedupeKey!, row.id)
  }

  let nextUnkeyed = 0
  const claimedKeys = new Set<string>()
  return data.map(({ dedupeKey }) => {
    if (dedupeKey === null) return { id: unkeyedIds[nextUnkeyed++]!, created: true }
    const createdId = createdByKey.get(dedupeKey)
    if (createdId !== undefined && !claimedKeys.has(dedupeKey)) {
      claimedKeys.add(dedupeKey)
      return { id: createdId, created: true }
    }
    const id = createdId ?? existingByKey.get(dedupeKey)
    // A row holding the key vanished between INSERT and SELECT only if someone deleted it meanwhile.
    if (id === undefined) throw new Error(`Outbox row with dedupe key ${dedupeKey} disappeared while enqueueing`)
    return { id, created: false }
  })
}

/**
 * Whether the last delivery to this chat ended in "blocked" (the user blocked the bot, or it was removed
 * from the group). A later successful delivery — the user came back — clears it.
 */
export async function isBlocked(deps: Pick<ServiceDeps, "prisma">, chatId: ChatIdInput): Promise<boolean> {
  const last = await deps.prisma.outbox.findFirst({
    where: { chatId: toChatId(chatId), status: { in: ["sent", "blocked"] } },
    orderBy: { id: "desc" },
    select: { status: true },
  })
  return last?.status === "blocked"
}
