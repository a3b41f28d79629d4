import type { Logger } from "../../../../src/logger.ts"
import { silentLogger } from "../../../../src/logger.ts"
import type { Database } from "../../../../src/db/client.ts"
import type { Clock, ServiceDeps } from "../../../../src/services/deps.ts"
import type { OutboxPayload } from "../../../../src/services/notifications/payload.ts"
import type { MessageSender } from "../../../../src/services/notifications/sender.ts"

export const T0 = Date.parse("2030-03-01T09:00:00.000Z")

/** A clock the test moves; `sleep` moves it too, so pacing waits cost no real time. */
export class TestClock implements Clock {
  constructor(public ms = T0) {}
  now(): Date {
    return new Date(this.ms)
  }
  advance(ms: number): void {
    this.ms += ms
  }
  readonly sleep = async (ms: number): Promise<void> => {
    this.ms += ms
  }
}

export interface SentCall {
  chatId: bigint
  payload: OutboxPayload
  atMs: number
}

/**
 * Records every send with the clock's time. `failNext(text, ...errors)` scripts what the next sends of the
 * message with that text throw, in order; `hold()` makes sends hang until released (a crash mid-send).
 */
export class FakeSender implements MessageSender {
  /** Successful sends. */
  readonly calls: SentCall[] = []
  /** Every call, failed or not. */
  readonly attempts: SentCall[] = []
  private readonly scripted = new Map<string, unknown[]>()
  private nextMessageId: number
  private held: { release: () => void }[] = []
  private holding = false

  constructor(
    private readonly clock: Clock,
    private readonly options: { yieldEachSend?: boolean; firstMessageId?: number } = {},
  ) {
    this.nextMessageId = options.firstMessageId ?? 1000
  }

  failNext(text: string, ...errors: unknown[]): void {
    this.scripted.set(text, [...(this.scripted.get(text) ?? []), ...errors])
  }

  hold(): void {
    this.holding = true
  }

  releaseAll(): void {
    this.holding = false
    for (const held of this.held.splice(0)) held.release()
  }

  get heldCount(): number {
    return this.held.length
  }

  async send(chatId: bigint, payload: OutboxPayload): Promise<{ messageId: number }> {
    if (this.holding) await new Promise<void>((release) => this.held.push({ release }))
    // Lets another dispatcher's queries run between sends (interleaving on a single PGlite connection).
    if (this.options.yieldEachSend) await new Promise((resolve) => setImmediate(resolve))
    this.attempts.push({ chatId, payload, atMs: this.clock.now().getTime() })
    const failure = this.scripted.get(payload.text ?? "")?.shift()
    if (failure !== undefined) throw failure
    this.calls.push({ chatId, payload, atMs: this.clock.now().getTime() })
    return { messageId: this.nextMessageId++ }
  }

  textsTo(chatId: bigint): string[] {
    return this.calls.filter((call) => call.chatId === chatId).map((call) => call.payload.text ?? "")
  }
}

export function depsFor(db: Database, clock: Clock, logger: Logger = silentLogger): ServiceDeps {
  return { prisma: db.prisma, clock, logger }
}

export async function rowsByText(db: Database) {
  const rows = await db.prisma.outbox.findMany({ orderBy: { id: "asc" } })
  return new Map(rows.map((row) => [(row.payload as OutboxPayload).text ?? "", row]))
}
