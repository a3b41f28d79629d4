import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard } from "grammy"
import type { BotContext, ConversationContext } from "../context.ts"
import { saveFaqButton } from "../hotline/buttons.ts"
import { isRelayable, sourceOf } from "../hotline/source.ts"
import { remind } from "./ask.ts"

export const HOTLINE_ANSWER_CONVERSATION = "hotline-answer"

/** A specialist answers one ticket from a private chat: one message (text, photo or document) goes to the asker. */
export async function hotlineAnswerConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext, ticketId: number) {
  await ctx.reply(ctx.t("hotline-answer-prompt", { id: ticketId }))
  let answer
  for (;;) {
    answer = await conversation.waitFor(["message:text", "message:photo", "message:document"], { otherwise: remind(ctx.t("hotline-answer-prompt", { id: ticketId })) })
    if (isRelayable(answer.message)) break
    await ctx.reply(ctx.t("hotline-ask-question-kinds"))
  }
  const source = sourceOf(answer.message)
  const outcome = await conversation.external((outside) => outside.services.hotline.staff.answer(outside.actor, ticketId, source))
  if (outcome.ok) {
    const keyboard = source.text ? new InlineKeyboard().text(ctx.t("hotline-button-to-faq"), saveFaqButton.pack({ ticket: ticketId, message: source.messageId })) : undefined
    await ctx.reply(ctx.t("hotline-answer-sent", { id: ticketId }), keyboard ? { reply_markup: keyboard } : {})
  } else {
    await ctx.reply(ctx.t(`hotline-staff-refused-${outcome.reason}`, { id: ticketId }))
  }
}
