import { Composer } from "grammy"
import { hasRole } from "../../services/access/roles.ts"
import type { BotContext } from "../context.ts"

/** Menu sections that are not built yet say so plainly; the others live in their own features. */
export const menuFeature = new Composer<BotContext>()

menuFeature.callbackQuery("menu:observers", async (ctx) => {
  await ctx.answerCallbackQuery()
  const allowed = hasRole(ctx.actor, "observer", "municipal_coordinator")
  await ctx.reply(ctx.t(allowed ? "menu-coming-observers" : "menu-not-allowed"))
})

menuFeature.callbackQuery("menu:hotline", async (ctx) => {
  await ctx.answerCallbackQuery()
  await ctx.reply(ctx.t("menu-coming-hotline"))
})
// «⏰ Сроки и оповещения» (menu:alerts) lives in features/deadlines.ts.
