import { Composer } from "grammy"
import type { BotContext } from "../context.ts"
import { listRoles, roleName } from "../formatting/roles.ts"
import { mainMenu } from "../keyboards/menu.ts"
import { showObservers } from "./observers.ts"

export const startFeature = new Composer<BotContext>()
const privateChat = startFeature.chatType("private")

privateChat.command("start", async (ctx) => {
  const code = ctx.match.trim()
  let invitedObserver = false
  if (code) {
    const outcome = await ctx.services.access.redeemInvite(ctx.actor, code)
    if (!outcome.ok) {
      await ctx.reply(ctx.t(`invite-${outcome.reason}`))
    } else {
      await ctx.reply(ctx.t("invite-accepted", { role: roleName(ctx.t, outcome.role), scope: outcome.scopeLabel ?? "none" }))
      invitedObserver = outcome.role === "observer"
      ctx.actor = await ctx.services.access.resolveActor({
        telegramId: ctx.from.id,
        firstName: ctx.from.first_name,
        lastName: ctx.from.last_name,
        username: ctx.from.username,
        languageCode: ctx.from.language_code,
      })
    }
  }
  await replyWithMenu(ctx)
  // An invited observer goes on to the same sign-up as anyone who signs up on their own.
  if (invitedObserver) await showObservers(ctx)
})

export async function replyWithMenu(ctx: BotContext): Promise<void> {
  const lines = [ctx.t("start-welcome", { name: ctx.actor.firstName })]
  lines.push(ctx.actor.grants.length > 0 ? ctx.t("start-your-roles", { roles: listRoles(ctx.t, ctx.actor) }) : ctx.t("start-no-roles"))
  // Whoever installs the bot needs their own id for ADMIN_IDS; someone without a role needs it to be invited.
  if (ctx.actor.grants.length === 0) lines.push(ctx.t("start-your-id", { id: ctx.actor.telegramId }))
  lines.push("", ctx.t("start-menu-hint"))
  await ctx.reply(lines.join("\n"), { reply_markup: mainMenu(ctx.t, ctx.actor) })
}
