import type { OutboxPayload } from "./payload.ts"

/**
 * How the dispatcher reaches Telegram without importing grammY (src/bot/telegram-sender.ts implements it).
 * `send` resolves with Telegram's message id or throws a SendFailure; anything else it throws counts as transient.
 */
export interface MessageSender {
  send(chatId: bigint, payload: OutboxPayload): Promise<{ messageId: number }>
}

export type SendFailureKind =
  /** 429: wait `retryAfterSeconds`; not the message's fault, so not a failed attempt. */
  | "rate_limited"
  /** 403: the user blocked the bot, deactivated, or the bot left the group. Never retried. */
  | "blocked"
  /** 400: Telegram refuses this message as it is (chat not found, bad HTML, …). Never retried. */
  | "bad_request"
  /** Network trouble, 5xx, anything else: retried with backoff. */
  | "transient"

export class SendFailure extends Error {
  constructor(
    readonly kind: SendFailureKind,
    readonly description: string,
    /** For rate_limited: how long Telegram asked us to wait. */
    readonly retryAfterSeconds: number = 0,
    /** For rate_limited: "global" when the limit is the bot's, not this chat's (Telegram does not say; a caller may know). */
    readonly scope: "chat" | "global" = "chat",
  ) {
    super(`${kind}: ${description}`)
    this.name = "SendFailure"
  }

  static rateLimited(retryAfterSeconds: number, description = "Too Many Requests", scope: "chat" | "global" = "chat") {
    return new SendFailure("rate_limited", description, retryAfterSeconds, scope)
  }
}
