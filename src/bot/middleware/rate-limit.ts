import type { MiddlewareFn } from "grammy"
import type { BotContext } from "../context.ts"

/**
 * A per-user fixed window: past `perMinute` updates a minute the user is told once to slow down and
 * further updates are dropped until the window ends. Albums count once (their parts share media_group_id).
 */
export function rateLimit(perMinute: number, now: () => number = Date.now): MiddlewareFn<BotContext> {
  const windows = new Map<number, { start: number; count: number; warned: boolean; albums: Set<string> }>()
  return async (ctx, next) => {
    const userId = ctx.from?.id
    if (userId === undefined) return next()
    const time = now()
    let window = windows.get(userId)
    if (!window || time - window.start >= 60_000) {
      window = { start: time, count: 0, warned: false, albums: new Set() }
      windows.set(userId, window)
      if (windows.size > 10_000) evictOld(windows, time)
    }
    const album = ctx.msg?.media_group_id
    if (album && window.albums.has(album)) return next()
    if (album) window.albums.add(album)
    window.count++
    if (window.count <= perMinute) return next()
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {}) // dropped, but the spinner stops
    if (!window.warned) {
      window.warned = true
      await ctx.reply(ctx.t("rate-limited"))
    }
  }
}

function evictOld(windows: Map<number, { start: number }>, time: number): void {
  for (const [id, window] of windows) if (time - window.start >= 60_000) windows.delete(id)
}
