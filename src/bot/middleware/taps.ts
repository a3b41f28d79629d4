import type { MiddlewareFn } from "grammy"
import type { BotContext } from "../context.ts"

/**
 * One answer per tap. Runs before `sequentialize`: a second tap on the same button of the same message while the
 * first is still queued or being handled is answered (the spinner stops) and dropped — a double tap on «Отчёт»
 * sends one report. The same tap after the first has finished is handled again (the user asked twice).
 */
export function dropRepeatedTaps(): MiddlewareFn<BotContext> {
  const pending = new Set<string>()
  return async (ctx, next) => {
    const query = ctx.callbackQuery
    if (!query?.data) return next()
    const key = `${query.from.id}|${query.message?.message_id ?? query.inline_message_id ?? ""}|${query.data}`
    if (pending.has(key)) {
      await ctx.answerCallbackQuery().catch(() => {})
      return
    }
    pending.add(key)
    try {
      await next()
    } finally {
      pending.delete(key)
    }
  }
}
