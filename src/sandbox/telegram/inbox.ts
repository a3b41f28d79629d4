import { BotMessage } from "./bot-message.ts"
import type { ApiCall } from "./api-server.ts"
import type { ChatRecord, StoredMessage, World } from "./world.ts"

/** What actors need from the fake: its state, and the call log for helpful timeout messages. */
export interface ActorContext {
  readonly world: World
  readonly calls: readonly ApiCall[]
  readonly defaultTimeoutMs: number
}

export interface WaitOptions {
  readonly timeoutMs?: number
}

const views = new WeakMap<StoredMessage, BotMessage>()

/** One live view per stored message, so a test can hold a message and see later edits. */
export function viewOf(stored: StoredMessage): BotMessage {
  let view = views.get(stored)
  if (!view) {
    view = new BotMessage(stored)
    views.set(stored, view)
  }
  return view
}

/**
 * The bot's messages in one chat (or one forum topic) as a reader sees them arrive: `waitForMessages(n)` returns
 * the next n messages not yet returned, so consecutive waits walk through a dialog step by step.
 */
export class Inbox {
  private consumed = 0

  constructor(
    private readonly context: ActorContext,
    private readonly chat: ChatRecord,
    private readonly label: string,
    private readonly belongs: (stored: StoredMessage) => boolean = () => true,
  ) {}

  /** Every message the bot sent here in order, deleted ones included (they were sent). */
  sent(): BotMessage[] {
    return this.chat.log.filter((stored) => stored.fromBot && !stored.service && this.belongs(stored)).map(viewOf)
  }

  /** What the reader sees now: the bot's messages that were not deleted, edits applied. */
  visible(): BotMessage[] {
    return this.sent().filter((message) => !message.deleted)
  }

  /** Messages sent after the last `waitForMessages`, without consuming them. */
  unread(): BotMessage[] {
    return this.sent().slice(this.consumed)
  }

  async waitForMessages(count: number, options: WaitOptions = {}): Promise<BotMessage[]> {
    const timeoutMs = options.timeoutMs ?? this.context.defaultTimeoutMs
    const batch = await this.context.world.changes.waitFor(
      () => {
        const fresh = this.unread()
        return fresh.length >= count ? fresh.slice(0, count) : undefined
      },
      timeoutMs,
      () => this.describeWait(count),
    )
    this.consumed += count
    return batch
  }

  private describeWait(count: number): string {
    const fresh = this.unread()
    const lines = [`${count} new bot message(s) in ${this.label}; got ${fresh.length}`]
    for (const message of fresh) lines.push(`  ${message.toString()}`)
    const failures = this.context.calls.filter((call) => call.outcome && !call.outcome.ok).slice(-5)
    for (const call of failures) {
      if (call.outcome && !call.outcome.ok) lines.push(`  failed ${call.method}: ${call.outcome.code} ${call.outcome.description}`)
    }
    return lines.join("\n")
  }
}
