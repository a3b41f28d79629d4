import { Composer, InlineKeyboard } from "grammy"
import { grantableRoles } from "../../services/access/roles.ts"
import type { BotContext } from "../context.ts"
import { INVITE_CONVERSATION } from "../conversations/invite.ts"
import { onMenu } from "../keyboards/menu.ts"
import { callbackData, onCallback } from "../callback-data.ts"
import { roleName } from "../formatting/roles.ts"

export const inviteFeature = new Composer<BotContext>()
const privateChat = inviteFeature.chatType("private")

async function startInvite(ctx: BotContext) {
  if (grantableRoles(ctx.actor).length === 0) return ctx.reply(ctx.t("invite-not-allowed"))
  await ctx.conversation.enter(INVITE_CONVERSATION)
}

privateChat.command("invite", startInvite)
onMenu(inviteFeature.filter((ctx) => ctx.chat?.type === "private"), "invite", startInvite)

/** «Отозвать» under an open invite of /invites. */
const revokeButton = callbackData("inv:r", { inviteId: "int" })

/** /invites: the open invites (every one for an admin, one's own for a coordinator), each with «Отозвать». */
async function listInvites(ctx: BotContext) {
  if (grantableRoles(ctx.actor).length === 0) return ctx.reply(ctx.t("invite-not-allowed"))
  const invites = await ctx.services.access.listOpenInvites(ctx.actor)
  if (invites.length === 0) return ctx.reply(ctx.t("invites-none"))
  await ctx.reply(ctx.t("invites-head", { count: invites.length }))
  const timeZone = ctx.services.settings.defaultTimeZone
  for (const invite of invites.slice(0, INVITES_SHOWN)) {
    const expires = invite.expiresAt.toLocaleString(ctx.actor.language === "en" ? "en-GB" : "ru-RU", { dateStyle: "long", timeStyle: "short", timeZone })
    const text = ctx.t("invites-item", { role: roleName(ctx.t, invite.role), scope: invite.scopeLabel ?? "none", expires })
    await ctx.reply(text, { reply_markup: new InlineKeyboard().text(ctx.t("invites-revoke"), revokeButton.pack({ inviteId: invite.id })) })
  }
  if (invites.length > INVITES_SHOWN) await ctx.reply(ctx.t("invites-more", { count: invites.length - INVITES_SHOWN }))
}

/** At most this many invites are listed, one message each (each has its button). */
const INVITES_SHOWN = 20

privateChat.command("invites", listInvites)
onCallback(inviteFeature.filter((ctx) => ctx.chat?.type === "private"), revokeButton, async (ctx, { inviteId }) => {
  const outcome = await ctx.services.access.revokeInvite(ctx.actor, inviteId)
  const key = outcome.ok ? "invites-revoked" : outcome.reason === "not_allowed" ? "invites-revoke-not-allowed" : "invites-revoke-closed"
  // The button goes, so the invite cannot be revoked twice; the message says what became of it.
  await ctx.editMessageReplyMarkup().catch(() => {})
  await ctx.reply(ctx.t(key))
})
