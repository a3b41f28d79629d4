import type { Update } from "grammy/types"
import { ApiError } from "./api-error.ts"

export type UpdatePayload = Omit<Update, "update_id">

/** Update types Telegram leaves out when `allowed_updates` is empty or was never set. */
const OFF_BY_DEFAULT = new Set(["chat_member", "message_reaction", "message_reaction_count"])

export interface PollRequest {
  readonly offset: number | undefined
  readonly limit: number | undefined
  readonly timeoutSeconds: number
  readonly allowedUpdates: string[] | undefined
}

interface Poll {
  readonly wake: () => void
  readonly conflict: () => void
}

/**
 * The getUpdates queue with Telegram's semantics: updates stay until a later call confirms them with
 * `offset`; a long poll waits up to `timeout` seconds; a newer poll ends the older one with 409; an
 * `allowed_updates` list is remembered until the next one.
 */
export class UpdateQueue {
  private pending: Update[] = []
  private nextUpdateId = 100_000_001
  private allowed: Set<string> | undefined
  private active: Poll | undefined
  private closed = false

  push(payload: UpdatePayload): Update {
    const update = { update_id: this.nextUpdateId++, ...payload } as Update
    this.pending.push(update)
    this.active?.wake()
    return update
  }

  /** Updates not yet confirmed, oldest first. */
  unconfirmed(): readonly Update[] {
    return this.pending
  }

  dropPending(): void {
    this.pending = []
  }

  /** Ends every pending poll (with no updates) and answers later polls at once. */
  close(): void {
    this.closed = true
    this.active?.wake()
  }

  async poll(request: PollRequest, signal: AbortSignal): Promise<Update[]> {
    // Any newer getUpdates ends a pending one, as on Telegram (two pollers must not both receive updates).
    this.active?.conflict()
    this.confirm(request.offset)
    if (request.allowedUpdates !== undefined) {
      this.allowed = request.allowedUpdates.length === 0 ? undefined : new Set(request.allowedUpdates)
    }
    const limit = Math.min(Math.max(request.limit ?? 100, 1), 100)
    const ready = this.select(limit)
    if (ready.length > 0 || request.timeoutSeconds <= 0 || this.closed || signal.aborted) return ready
    return new Promise<Update[]>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer)
        signal.removeEventListener("abort", onAbort)
        if (this.active === poll) this.active = undefined
      }
      const poll: Poll = {
        wake: () => {
          const updates = this.select(limit)
          if (updates.length === 0 && !this.closed) return
          finish()
          resolve(updates)
        },
        conflict: () => {
          finish()
          reject(
            new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"),
          )
        },
      }
      const timer = setTimeout(() => {
        finish()
        resolve(this.select(limit))
      }, request.timeoutSeconds * 1000)
      // The client went away (grammY aborts the poll in bot.stop()): stop waiting, nobody will read the answer.
      const onAbort = (): void => {
        finish()
        resolve([])
      }
      signal.addEventListener("abort", onAbort, { once: true })
      this.active = poll
    })
  }

  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return
    if (offset < 0) {
      this.pending = this.pending.slice(offset) // keep the last |offset|, forget the rest
      return
    }
    this.pending = this.pending.filter((update) => update.update_id >= offset)
  }

  private select(limit: number): Update[] {
    // Telegram does not create updates of types the bot did not ask for: drop them instead of delivering.
    this.pending = this.pending.filter((update) => this.isAllowed(update))
    return this.pending.slice(0, limit)
  }

  private isAllowed(update: Update): boolean {
    const type = Object.keys(update).find((key) => key !== "update_id") ?? ""
    return this.allowed === undefined ? !OFF_BY_DEFAULT.has(type) : this.allowed.has(type)
  }
}
