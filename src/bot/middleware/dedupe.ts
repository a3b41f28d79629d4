import type { MiddlewareFn } from "grammy"
import type { BotContext } from "../context.ts"

/**
 * Telegram redelivers webhook updates that timed out and long polling repeats updates after a crash:
 * an update id seen recently is handled once.
 */
export function dedupeUpdates(remember = 2_000): MiddlewareFn<BotContext> {
  const seen = new Set<number>()
  return async (ctx, next) => {
    const id = ctx.update.update_id
    if (seen.has(id)) return
    seen.add(id)
    if (seen.size > remember) seen.delete(seen.values().next().value!)
    await next()
  }
}
