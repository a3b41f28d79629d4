import type { PrismaClient } from "../../db/client.ts"
import type { OutboxPayload } from "./payload.ts"

/**
 * The outbox table's state changes. Every change after the claim is conditioned on still holding the lease,
 * so a dispatcher that stalled past its lease cannot overwrite what the one that took over decided.
 */

export interface ClaimedRow {
  id: number
  chatId: bigint
  payload: OutboxPayload
  attempts: number
}

/**
 * Leases up to `limit` due rows to `owner` in one statement. `FOR UPDATE SKIP LOCKED` makes concurrent claimers
 * (PostgreSQL connections) pass over each other's rows instead of waiting or taking them twice; a lease that
 * ran out (its holder crashed) makes the row claimable again. A chat another dispatcher holds rows of is left to
 * it, so that one chat's messages (a long answer in parts) do not go out from two instances in a mixed order.
 * (Two claims in the very same instant can still split a chat: neither sees the other's uncommitted lease.)
 */
export async function claimDue(
  prisma: PrismaClient,
  request: { owner: string; now: Date; leaseSeconds: number; limit: number },
): Promise<ClaimedRow[]> {
  const { owner, now, leaseSeconds, limit } = request
  const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000)
  const rows = await prisma.$queryRaw<ClaimedRow[]>`
    UPDATE "Outbox" SET "leaseOwner" = ${owner}, "leaseUntil" = ${leaseUntil}
    WHERE id IN (
      SELECT id FROM "Outbox"
      WHERE status = 'pending' AND "notBefore" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${now})
        AND "chatId" NOT IN (
          SELECT "chatId" FROM "Outbox" WHERE "leaseUntil" > ${now} AND "leaseOwner" <> ${owner} AND status = 'pending'
        )
      ORDER BY "notBefore", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "chatId", payload, attempts`
  // RETURNING has no order: restore the queue order so each chat's messages go out as they were enqueued.
  return rows.sort((a, b) => a.id - b.id)
}

type Lease = { id: number; owner: string }

function leased({ id, owner }: Lease) {
  return { id, leaseOwner: owner, status: "pending" as const }
}

const releaseLease = { leaseOwner: null, leaseUntil: null }

/** Returns false when the lease was lost (another dispatcher took the row over). */
export async function markSent(prisma: PrismaClient, lease: Lease, at: Date, messageId: number): Promise<boolean> {
  const { count } = await prisma.outbox.updateMany({
    where: leased(lease),
    data: { status: "sent", sentAt: at, messageId, lastError: null, ...releaseLease },
  })
  return count === 1
}

/** Back to the queue, due at `notBefore`; `countAttempt` is false for 429s and pacing, which are not the message's fault. */
export async function reschedule(
  prisma: PrismaClient,
  lease: Lease,
  change: { notBefore: Date; countAttempt: boolean; lastError?: string },
): Promise<boolean> {
  const { count } = await prisma.outbox.updateMany({
    where: leased(lease),
    data: {
      notBefore: change.notBefore,
      ...(change.countAttempt ? { attempts: { increment: 1 } } : {}),
      ...(change.lastError !== undefined ? { lastError: change.lastError } : {}),
      ...releaseLease,
    },
  })
  return count === 1
}

/** Puts back many rows at once (pacing deferrals), each with its own due time. */
export async function deferMany(prisma: PrismaClient, owner: string, rows: readonly { id: number; notBefore: Date }[]): Promise<void> {
  if (rows.length === 0) return
  const ids = rows.map((row) => row.id)
  const times = rows.map((row) => row.notBefore.toISOString())
  await prisma.$executeRaw`
    UPDATE "Outbox" AS o SET "notBefore" = d.due::timestamptz AT TIME ZONE 'UTC', "leaseOwner" = NULL, "leaseUntil" = NULL
    FROM unnest(${ids}::int[], ${times}::text[]) AS d(id, due)
    WHERE o.id = d.id AND o."leaseOwner" = ${owner} AND o.status = 'pending'`
}

/** A final state: `blocked` (403) or `failed` (400, or out of attempts). */
export async function markFinal(
  prisma: PrismaClient,
  lease: Lease,
  outcome: { status: "blocked" | "failed"; lastError: string; countAttempt: boolean },
): Promise<boolean> {
  const { count } = await prisma.outbox.updateMany({
    where: leased(lease),
    data: {
      status: outcome.status,
      lastError: outcome.lastError,
      ...(outcome.countAttempt ? { attempts: { increment: 1 } } : {}),
      ...releaseLease,
    },
  })
  return count === 1
}
