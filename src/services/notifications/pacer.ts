/**
 * Keeps a dispatcher under Telegram's broadcast limits (notes/telegram.md): about 30 messages a second overall,
 * about one a second per chat with short bursts, 20 a minute per group — and stops a chat (or everything)
 * while a 429's retry_after runs. In memory, per dispatcher: two bot instances each get the full budget (Telegram's
 * 429 then paces them; docs/deployment.md).
 *
 * Each limit is a GCRA ("virtual scheduling") bucket: a theoretical arrival time (TAT) per key, one interval
 * added per send, and a burst tolerance of (burst − 1) intervals. Times are epoch milliseconds from the caller's clock.
 */

export interface PacingRules {
  /** Overall sends per second (Telegram allows ~30). */
  perSecond: number
  /** Minimum spacing per chat once its burst is used; 0 turns per-chat pacing off. */
  perChatIntervalMs: number
  /** Messages a chat may get back to back before the spacing applies. */
  chatBurst: number
  /** Messages per minute to one group (negative chat id); 0 turns it off. */
  groupPerMinute: number
}

/**
 * Pacing never books a send this far ahead (a batch reaches a few seconds at most): a booking beyond it means the
 * clock was set back since, and is dropped. (429 pauses are kept: Telegram may ask for long waits.)
 */
export const CLOCK_SET_BACK_MS = 60_000

export const defaultPacingRules: PacingRules = { perSecond: 25, perChatIntervalMs: 1000, chatBurst: 3, groupPerMinute: 20 }

interface Bucket {
  intervalMs: number
  toleranceMs: number
}

export class Pacer {
  private readonly arrival = new Map<string, number>()
  private readonly chatPauses = new Map<string, number>()
  private globalPauseUntil = 0
  private lastStartMs = -Infinity
  private readonly global: Bucket
  private readonly chat: Bucket
  private readonly group: Bucket

  constructor(rules: PacingRules = defaultPacingRules) {
    this.global = bucket(rules.perSecond > 0 ? 1000 / rules.perSecond : 0, 1)
    this.chat = bucket(rules.perChatIntervalMs, rules.chatBurst)
    this.group = bucket(rules.groupPerMinute > 0 ? 60_000 / rules.groupPerMinute : 0, 1)
  }

  /** The earliest moment a message to this chat may go, counting what is already reserved and any pause. */
  earliest(chatId: bigint, nowMs: number): number {
    let at = Math.max(nowMs, this.globalPauseUntil, this.chatPauses.get(chatKey(chatId)) ?? 0)
    for (const [key, limit] of this.bucketsOf(chatId)) {
      at = Math.max(at, (this.arrival.get(key) ?? 0) - limit.toleranceMs)
    }
    return at
  }

  /** Books a send to this chat at `atMs` (which must be ≥ earliest()). */
  reserve(chatId: bigint, atMs: number): void {
    for (const [key, limit] of this.bucketsOf(chatId)) {
      if (limit.intervalMs === 0) continue
      this.arrival.set(key, Math.max(this.arrival.get(key) ?? 0, atMs) + limit.intervalMs)
    }
  }

  /**
   * When a planned send may really start: at its slot, and never sooner than one global interval after the previous
   * start. After a stall (a blocked event loop, a slow database) the planned slots lie in the past; sending them all
   * at once would burst past Telegram's limit, so the sends go on at the pace from where they are instead.
   */
  startSlot(plannedMs: number): number {
    return Math.max(plannedMs, this.lastStartMs + this.global.intervalMs)
  }

  /** Records that a send started at `atMs`: the clock's time, or the slot it waited for if that clock lags. */
  started(atMs: number): void {
    this.lastStartMs = Math.max(this.lastStartMs, atMs)
  }

  /** After a 429: nothing more to this chat until then. */
  pauseChat(chatId: bigint, untilMs: number): void {
    const key = chatKey(chatId)
    this.chatPauses.set(key, Math.max(this.chatPauses.get(key) ?? 0, untilMs))
  }

  /** After a 429 that concerns the whole bot: nothing to anyone until then. */
  pauseAll(untilMs: number): void {
    this.globalPauseUntil = Math.max(this.globalPauseUntil, untilMs)
  }

  /** When everything is paused, until when (else null). */
  globalPause(nowMs: number): number | null {
    return this.globalPauseUntil > nowMs ? this.globalPauseUntil : null
  }

  /** The chat's pause end if it is paused at `nowMs`. */
  chatPause(chatId: bigint, nowMs: number): number | null {
    const until = this.chatPauses.get(chatKey(chatId))
    return until !== undefined && until > nowMs ? until : null
  }

  /** Whether some chat other than this one is in a 429 pause at `nowMs`. */
  anotherChatPaused(chatId: bigint, nowMs: number): boolean {
    const own = chatKey(chatId)
    for (const [key, until] of this.chatPauses) if (key !== own && until > nowMs) return true
    return false
  }

  /** Spacing between two messages to this chat once its burst is spent. */
  chatSpacingMs(chatId: bigint): number {
    return Math.max(this.chat.intervalMs, chatId < 0n ? this.group.intervalMs : 0)
  }

  /**
   * Forgets keys whose state no longer constrains anything (a TAT in the past equals a fresh bucket), and bookings
   * so far ahead that the clock must have been set back: they would otherwise hold every send until it caught up.
   */
  prune(nowMs: number): void {
    const setBack = (atMs: number) => atMs > nowMs + CLOCK_SET_BACK_MS
    for (const [key, tat] of this.arrival) if (tat <= nowMs || setBack(tat)) this.arrival.delete(key)
    for (const [key, until] of this.chatPauses) if (until <= nowMs) this.chatPauses.delete(key)
    if (setBack(this.lastStartMs)) this.lastStartMs = -Infinity
  }

  private bucketsOf(chatId: bigint): [string, Bucket][] {
    const buckets: [string, Bucket][] = [["*", this.global], [chatKey(chatId), this.chat]]
    if (chatId < 0n) buckets.push([`g${chatId}`, this.group])
    return buckets
  }
}

function bucket(intervalMs: number, burst: number): Bucket {
  return { intervalMs, toleranceMs: Math.max(0, burst - 1) * intervalMs }
}

function chatKey(chatId: bigint): string {
  return `c${chatId}`
}

export interface PlannedSend<T> {
  item: T
  atMs: number
}

/**
 * Orders a claimed batch by when each message may go. Greedy: the message that can go earliest goes next
 * (ties keep claim order, so one chat's messages stay in order), so a chat waiting out its spacing does not
 * hold up other chats. Messages that could not go within `horizonMs` are returned as `later` with an estimate of
 * when they can, to be put back rather than held (they would pin their lease while waiting).
 */
export function planSends<T extends { chatId: bigint }>(
  pacer: Pacer,
  items: readonly T[],
  nowMs: number,
  horizonMs: number,
): { now: PlannedSend<T>[]; later: PlannedSend<T>[] } {
  const remaining = [...items]
  const now: PlannedSend<T>[] = []
  while (remaining.length > 0) {
    let best = 0
    let bestAt = Infinity
    remaining.forEach((item, index) => {
      const at = pacer.earliest(item.chatId, nowMs)
      if (at < bestAt) [best, bestAt] = [index, at]
    })
    if (bestAt > nowMs + horizonMs) break
    const [item] = remaining.splice(best, 1)
    pacer.reserve(item!.chatId, bestAt)
    now.push({ item: item!, atMs: bestAt })
  }
  // Estimates only (nothing reserved): the k-th deferred message of a chat comes k spacings after the first.
  const deferredPerChat = new Map<bigint, number>()
  const later = remaining.map((item) => {
    const k = deferredPerChat.get(item.chatId) ?? 0
    deferredPerChat.set(item.chatId, k + 1)
    return { item, atMs: pacer.earliest(item.chatId, nowMs) + k * pacer.chatSpacingMs(item.chatId) }
  })
  return { now, later }
}
