import type { Conversation } from "@grammyjs/conversations"
import { parseShares, type MarkShares } from "../../domain/kdr/scale.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { sendProposals } from "../features/kdr-proposals.ts"

export const KDR_SHARES_CONVERSATION = "kdr-shares"

/** The coordinator writes the shares of the marks they want («10 35 40 15»); the proposals come back for them. */
export async function kdrSharesConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext, handle: number) {
  await ctx.reply(ctx.t("kdr-ask-shares"))
  let shares: MarkShares | null = null
  for (let attempt = 0; attempt < 3 && !shares; attempt++) {
    shares = parseShares((await conversation.waitFor("message:text", { otherwise: (other) => other.reply(ctx.t("kdr-ask-shares")) })).message.text)
    if (!shares) await ctx.reply(ctx.t("kdr-bad-shares"))
  }
  if (!shares) return
  const chosen = shares
  // The proposals carry buttons built from the bot's callback kinds: sent from outside the replay log.
  await conversation.external((outside) => sendProposals(outside, handle, chosen))
}
