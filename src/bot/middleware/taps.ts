import type { MiddlewareFn, Transformer } from "grammy"
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

/**
 * No eternal spinner. A tap that nothing answered was taken by nobody: a button of a question already answered, of a
 * dialog that ended, or of an older message while a dialog waits for its own (conversations drop such an update
 * without a word). It is answered «this button no longer works» once everything else has had its turn.
 *
 * Answers are seen through `transformer`, installed on the bot's Api and on every conversation step's Api (each step
 * builds its own, notes/telegram.md), so an answer given inside a dialog counts too.
 */
export function answerEveryTap(): { middleware: MiddlewareFn<BotContext>; transformer: Transformer } {
  /** Taps being handled → answered yet. */
  const watched = new Map<string, boolean>()
  const transformer: Transformer = async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal)
    if (method === "answerCallbackQuery") {
      const id = (payload as { callback_query_id: string }).callback_query_id
      if (watched.has(id)) watched.set(id, true)
    }
    return result
  }
  const middleware: MiddlewareFn<BotContext> = async (ctx, next) => {
    const id = ctx.callbackQuery?.id
    if (id === undefined) return next()
    watched.set(id, false)
    let failed = false
    try {
      await next()
    } catch (error) {
      failed = true
      throw error
    } finally {
      const answered = watched.get(id)
      watched.delete(id)
      // A handler that failed gets a plain answer (its apology follows in the chat); only an untaken tap is stale.
      if (!answered) await ctx.answerCallbackQuery(failed ? {} : { text: ctx.t("tap-stale") }).catch(() => {})
    }
  }
  return { middleware, transformer }
}
