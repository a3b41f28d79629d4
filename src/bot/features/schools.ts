import { Composer } from "grammy"
import { isAdmin } from "../../services/access/roles.ts"
import type { BotContext } from "../context.ts"

/** Admin's directory work in the chat: `/move edu223017 город Барнаул` moves a school to a municipality. */
export const schoolsFeature = new Composer<BotContext>()

schoolsFeature.chatType("private").command("move", async (ctx) => {
  if (!isAdmin(ctx.actor)) return ctx.reply(ctx.t("move-not-allowed"))
  const [login = "", ...rest] = ctx.match.trim().split(/\s+/u)
  if (login === "") return ctx.reply(ctx.t("move-usage"))
  const outcome = await ctx.services.directory.moveSchool(ctx.actor, login, rest.join(" "))
  if (outcome.ok) {
    return ctx.reply(ctx.t("move-done", { school: outcome.name ? `${outcome.login}, ${outcome.name}` : outcome.login, from: outcome.from ?? "none", to: outcome.to }))
  }
  if (outcome.reason === "not_allowed") return ctx.reply(ctx.t("move-not-allowed"))
  if (outcome.reason === "municipality_not_found") {
    return ctx.reply(ctx.t("move-municipality-unknown", { name: rest.join(" "), suggestions: outcome.suggestions.length > 0 ? outcome.suggestions.map((name) => `«${name}»`).join(", ") : "none" }))
  }
  return ctx.reply(ctx.t(`move-${outcome.reason}`, { login }))
})
