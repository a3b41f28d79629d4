import type { Prisma } from "../../generated/prisma/client.ts"
import type { ServiceDeps } from "../deps.ts"
import type { SourceMessage, TicketEventData } from "./types.ts"

export type TicketRow = NonNullable<Awaited<ReturnType<ServiceDeps["prisma"]["hotlineTicket"]["findUnique"]>>>

/** A message recorded together with a ticket change. */
export interface NewMessage {
  kind: "user" | "staff" | "note" | "event"
  authorId?: number | null
  source?: SourceMessage
  writtenInGeneration?: number | null
  event?: TicketEventData
}

export type Decision<R> =
  | { refuse: R }
  | { data: Omit<Prisma.HotlineTicketUpdateManyMutationInput, "changeSeq">; messages?: NewMessage[]; result: R }

class Conflict extends Error {}

/**
 * Changes a ticket with optimistic concurrency: `decide` sees the ticket as read, and its change is written only if
 * nobody changed the ticket meanwhile (`changeSeq`), else decided again. The messages of the change are stored in
 * the same transaction, and `changeSeq` moves past `plannedSeq`, so a crash before the relay ran leaves work the job
 * finds. A message already stored (Telegram delivered its update twice) makes the change a no-op.
 */
export async function changeTicket<R>(
  deps: Pick<ServiceDeps, "prisma" | "clock">,
  ticketId: number,
  decide: (ticket: TicketRow) => Decision<R>,
): Promise<{ found: false } | { found: true; result: R; changed: boolean }> {
  const { prisma, clock } = deps
  for (let attempt = 0; attempt < 8; attempt++) {
    const ticket = await prisma.hotlineTicket.findUnique({ where: { id: ticketId } })
    if (!ticket) return { found: false }
    const decision = decide(ticket)
    if ("refuse" in decision) return { found: true, result: decision.refuse, changed: false }
    try {
      await prisma.$transaction(async (tx) => {
        const { count } = await tx.hotlineTicket.updateMany({
          where: { id: ticketId, changeSeq: ticket.changeSeq },
          data: { ...decision.data, changeSeq: ticket.changeSeq + 1 },
        })
        if (count === 0) throw new Conflict()
        for (const message of decision.messages ?? []) await tx.hotlineMessage.create({ data: messageData(ticketId, message, clock.now()) })
      })
      return { found: true, result: decision.result, changed: true }
    } catch (error) {
      if (error instanceof Conflict) continue
      if (isUniqueViolation(error)) return { found: true, result: decision.result, changed: false }
      throw error
    }
  }
  throw new Error(`hotline ticket ${ticketId} kept changing under us`)
}

export function messageData(ticketId: number, message: NewMessage, at: Date): Prisma.HotlineMessageUncheckedCreateInput {
  return {
    ticketId,
    kind: message.kind,
    authorId: message.authorId ?? null,
    chatId: message.source ? BigInt(message.source.chatId) : null,
    messageId: message.source?.messageId ?? null,
    writtenInGeneration: message.writtenInGeneration ?? null,
    text: message.source?.text ?? null,
    media: message.source?.media ?? "none",
    ...(message.event ? { event: message.event as Prisma.InputJsonValue } : {}),
    createdAt: at,
  }
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === "P2002" || /unique constraint/i.test(error instanceof Error ? error.message : "")
}

/** Whether this Telegram message is already part of some ticket (a redelivered update). */
export async function knownMessage(deps: Pick<ServiceDeps, "prisma">, source: SourceMessage): Promise<number | null> {
  const row = await deps.prisma.hotlineMessage.findUnique({
    where: { chatId_messageId: { chatId: BigInt(source.chatId), messageId: source.messageId } },
    select: { ticketId: true },
  })
  return row?.ticketId ?? null
}
