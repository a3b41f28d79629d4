import { Composer } from "grammy"
import { grantableRoles } from "../../services/access/roles.ts"
import type { BotContext } from "../context.ts"
import { INVITE_CONVERSATION } from "../conversations/invite.ts"
import { onMenu } from "../keyboards/menu.ts"

export const inviteFeature = new Composer<BotContext>()
const privateChat = inviteFeature.chatType("private")

async function startInvite(ctx: BotContext) {
  if (grantableRoles(ctx.actor).length === 0) return ctx.reply(ctx.t("invite-not-allowed"))
  await ctx.conversation.enter(INVITE_CONVERSATION)
}

privateChat.command("invite", startInvite)
onMenu(inviteFeature.filter((ctx) => ctx.chat?.type === "private"), "invite", startInvite)
