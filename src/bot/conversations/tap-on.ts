import type { Conversation } from "@grammyjs/conversations"
import type { BotContext, ConversationContext } from "../context.ts"

type Conv = Conversation<BotContext, ConversationContext>

/**
 * The answer to one question: a tap of `filter`'s kind on the question's own message. A tap on any other message —
 * an older question of this dialog, or one of a dialog that ended — is no answer: the dialog keeps waiting and the tap
 * is answered «no longer works» by middleware/taps.ts. Anything else hears `remind`. The keyboard goes once chosen.
 */
export async function waitForTapOn(conversation: Conv, prompt: { message_id: number }, filter: RegExp, remind: string): Promise<string> {
  const answer = await conversation.waitUntil((update) => update.callbackQuery?.message?.message_id === prompt.message_id && filter.test(update.callbackQuery.data ?? ""), {
    otherwise: async (other) => {
      if (!other.callbackQuery) await other.reply(remind)
    },
  })
  await answer.answerCallbackQuery()
  await answer.editMessageReplyMarkup().catch(() => {})
  return answer.callbackQuery!.data!
}
