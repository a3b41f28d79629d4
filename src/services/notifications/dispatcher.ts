import { randomBytes } from "node:crypto"
import { hostname } from "node:os"
import type { ServiceDeps } from "../deps.ts"
import { retryDelaySeconds } from "./backoff.ts"
import { defaultPacingRules, Pacer, planSends, type PacingRules, type PlannedSend } from "./pacer.ts"
import { SendFailure, type MessageSender } from "./sender.ts"
import { claimDue, deferMany, markFinal, markSent, reschedule, type ClaimedRow } from "./store.ts"

export interface DispatcherOptions extends Partial<PacingRules> {
  /** Names this dispatcher in leases; unique per process (see dispatcherOwnerName). */
  owner: string
  leaseSeconds?: number
  batchSize?: number
  /** Transient failures before a row is given up as failed. */
  maxAttempts?: number
  /** Longest a claimed row waits for its pacing slot inside a tick; later ones go back to the queue. */
  holdMs?: number
  /** Sends in flight at once (pacing still spaces their starts). */
  concurrency?: number
  /** Pause of the background loop when there was nothing to send. */
  idleMs?: number
  /** Waits for pacing slots; tests pass one that moves their clock instead. */
  sleep?: (ms: number) => Promise<void>
  /** Backoff jitter source. */
  random?: () => number
}

export interface TickResult {
  claimed: number
  sent: number
  /** Put back after a 429 or a transient failure. */
  retried: number
  /** Put back unsent because the chat's pacing slot or a pause lies beyond holdMs. */
  deferred: number
  blocked: number
  failed: number
}

export interface Dispatcher {
  tick(): Promise<TickResult>
  /** Ticks in the background until stop(). */
  start(): void
  /** Stops the loop after the current tick has finished (graceful shutdown). */
  stop(): Promise<void>
}

/** A lease owner name unique to this process: host, pid and a random suffix. */
export function dispatcherOwnerName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`
}

/** A few global send slots at 25/s: short enough that overtaking never delays a busy chat's next row much. */
const OVERTAKE_MS = 100

interface Batch {
  result: TickResult
  blockedChats: Set<bigint>
  sendDeadlineMs: number
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Delivers outbox rows: claims a batch under a lease, paces it under Telegram's limits, sends, and records each
 * outcome — sent; 429 → back after retry_after (not an attempt); 403 → blocked; 400 → failed; transient → backoff,
 * failed after maxAttempts. A row whose holder crashed is re-claimed when the lease runs out.
 */
export function createDispatcher(deps: ServiceDeps, sender: MessageSender, options: DispatcherOptions): Dispatcher {
  const {
    owner,
    leaseSeconds = 60,
    batchSize = 25,
    maxAttempts = 8,
    holdMs = 2000,
    concurrency = 4,
    idleMs = 250,
    sleep = realSleep,
    random = Math.random,
  } = options
  const { prisma, clock } = deps
  const logger = deps.logger.child({ component: "outbox", owner })
  const pacer = new Pacer({
    perSecond: options.perSecond ?? defaultPacingRules.perSecond,
    perChatIntervalMs: options.perChatIntervalMs ?? defaultPacingRules.perChatIntervalMs,
    chatBurst: options.chatBurst ?? defaultPacingRules.chatBurst,
    groupPerMinute: options.groupPerMinute ?? defaultPacingRules.groupPerMinute,
  })
  const nowMs = () => clock.now().getTime()

  async function runTick(): Promise<TickResult> {
    const result: TickResult = { claimed: 0, sent: 0, retried: 0, deferred: 0, blocked: 0, failed: 0 }
    const startMs = nowMs()
    pacer.prune(startMs)
    if (pacer.globalPause(startMs) !== null) return result

    const rows = await claimDue(prisma, { owner, now: new Date(startMs), leaseSeconds, limit: batchSize })
    result.claimed = rows.length
    if (rows.length === 0) return result

    const plan = planSends(pacer, rows, startMs, holdMs)
    await deferMany(prisma, owner, plan.later.map(({ item, atMs }) => ({ id: item.id, notBefore: new Date(atMs) })))
    result.deferred += plan.later.length

    // Stop starting sends well before the lease ends, so a slow tick never sends a row someone else now holds.
    const batch: Batch = { result, blockedChats: new Set(), sendDeadlineMs: startMs + leaseSeconds * 800 }
    // One send at a time per chat (concurrent requests could reach Telegram, and the reader, out of order).
    // While a chat is busy, a row of another chat due within OVERTAKE_MS goes first; a row due later waits
    // for the busy chat instead, whose row came earlier in the plan. `busy` is also what is in flight.
    const busy = new Map<bigint, Promise<void>>()
    const queue = [...plan.now]
    const errors: unknown[] = []
    try {
      while (queue.length > 0) {
        const next = queue.findIndex(({ item }) => !busy.has(item.chatId))
        const overtakesNotDue = next > 0 && queue[next]!.atMs > nowMs() + OVERTAKE_MS
        if (next === -1 || overtakesNotDue || busy.size >= Math.max(1, concurrency)) {
          await Promise.race(busy.values())
          continue
        }
        const [{ item: row, atMs }] = queue.splice(next, 1) as [PlannedSend<ClaimedRow>]
        const slot = pacer.startSlot(atMs)
        const wait = slot - nowMs()
        if (wait > 0) await sleep(wait)
        const startedAt = Math.max(nowMs(), slot)
        pacer.started(startedAt)
        const task = handleRow(row, batch, startedAt)
          .catch((error: unknown) => void errors.push(error))
          .finally(() => busy.delete(row.chatId))
        busy.set(row.chatId, task)
      }
    } finally {
      await Promise.all(busy.values())
    }
    if (errors.length > 0) throw errors[0]
    if (result.sent + result.retried + result.blocked + result.failed > 0) logger.debug(result, "outbox tick")
    return result
  }

  /** Sends one planned row unless, since the plan was made, its chat was paused by a 429 or blocked by a 403. */
  async function handleRow(row: ClaimedRow, batch: Batch, startedAt: number): Promise<void> {
    const lease = { id: row.id, owner }
    const now = nowMs()
    const pausedUntil = pacer.globalPause(now) ?? pacer.chatPause(row.chatId, now)
    if (pausedUntil !== null || now >= batch.sendDeadlineMs) {
      await reschedule(prisma, lease, { notBefore: new Date(pausedUntil ?? now), countAttempt: false })
      batch.result.deferred++
    } else if (batch.blockedChats.has(row.chatId)) {
      await markFinal(prisma, lease, { status: "blocked", lastError: "blocked: an earlier message to this chat got 403", countAttempt: false })
      batch.result.blocked++
    } else {
      await deliver(row, batch.result, batch.blockedChats, startedAt)
    }
  }

  async function deliver(row: ClaimedRow, result: TickResult, blockedChats: Set<bigint>, startedAt: number): Promise<void> {
    const lease = { id: row.id, owner }
    let failure: SendFailure
    try {
      const { messageId } = await sender.send(row.chatId, row.payload)
      result.sent++
      // sentAt is when the send started — the moment the pacing answers for — not when Telegram replied.
      if (!(await markSent(prisma, lease, new Date(startedAt), messageId))) {
        logger.warn({ id: row.id }, "sent a message whose lease had passed to another dispatcher")
      }
      return
    } catch (error) {
      failure = error instanceof SendFailure ? error : new SendFailure("transient", describe(error))
      if (!(error instanceof SendFailure)) logger.error({ err: error, id: row.id }, "sender threw an unexpected error")
    }

    const now = nowMs()
    switch (failure.kind) {
      case "rate_limited": {
        const until = now + Math.max(1, failure.retryAfterSeconds) * 1000
        // Telegram does not say whose limit it was. A second chat limited while another chat's pause still runs
        // means the bot as a whole is over its budget: stop everything, not chat by chat.
        if (failure.scope === "global" || pacer.anotherChatPaused(row.chatId, now)) pacer.pauseAll(until)
        pacer.pauseChat(row.chatId, until)
        await reschedule(prisma, lease, { notBefore: new Date(until), countAttempt: false, lastError: failure.message })
        result.retried++
        return
      }
      case "blocked":
        blockedChats.add(row.chatId)
        await markFinal(prisma, lease, { status: "blocked", lastError: failure.message, countAttempt: false })
        result.blocked++
        return
      case "bad_request":
        await markFinal(prisma, lease, { status: "failed", lastError: failure.message, countAttempt: true })
        logger.warn({ id: row.id, error: failure.description }, "Telegram refused an outbox message")
        result.failed++
        return
      case "transient": {
        const attempts = row.attempts + 1
        if (attempts >= maxAttempts) {
          await markFinal(prisma, lease, { status: "failed", lastError: failure.message, countAttempt: true })
          logger.warn({ id: row.id, attempts, error: failure.description }, "outbox message given up")
          result.failed++
          return
        }
        const notBefore = new Date(now + retryDelaySeconds(attempts, random) * 1000)
        await reschedule(prisma, lease, { notBefore, countAttempt: true, lastError: failure.message })
        result.retried++
        return
      }
    }
  }

  // Ticks never overlap: a manual tick() during the loop waits for the loop's tick.
  let current: Promise<unknown> = Promise.resolve()
  function tick(): Promise<TickResult> {
    const next = current.then(runTick, runTick)
    current = next.catch(() => undefined)
    return next
  }

  let loop: Promise<void> | null = null
  let stopping = false
  let wake: (() => void) | null = null
  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  async function run(): Promise<void> {
    let failuresInARow = 0
    while (!stopping) {
      try {
        const result = await tick()
        failuresInARow = 0
        if (result.claimed === 0 && !stopping) await idle(idleMs)
      } catch (error) {
        failuresInARow++
        logger.error({ err: error }, "outbox tick failed")
        if (!stopping) await idle(Math.min(30_000, idleMs * 2 ** failuresInARow))
      }
    }
  }

  return {
    tick,
    start() {
      if (loop) return
      stopping = false
      loop = run().finally(() => {
        loop = null
      })
    },
    async stop() {
      stopping = true
      wake?.()
      await loop
    },
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
