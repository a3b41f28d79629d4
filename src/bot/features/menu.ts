import { Composer } from "grammy"
import { hasRole } from "../../services/access/roles.ts"
import type { BotContext } from "../context.ts"

/** Menu sections that are not built yet say so plainly; the others (observers: features/observers.ts) live in their own features. */
export const menuFeature = new Composer<BotContext>()

menuFeature.callbackQuery("menu:alerts", async (ctx) => {
  await ctx.answerCallbackQuery()
  const allowed = hasRole(ctx.actor, "school_coordinator", "municipal_coordinator")
  await ctx.reply(ctx.t(allowed ? "menu-coming-alerts" : "menu-not-allowed"))
})
