import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard } from "grammy"
import type { BotContext, ConversationContext } from "../context.ts"
import { textOf, waitForInput } from "./observer-input.ts"

type Conv = Conversation<BotContext, ConversationContext>

export interface ButtonQuestion {
  text: string
  keyboard: InlineKeyboard
  /** The kinds of button that answer it. */
  filter: RegExp | RegExp[]
  /** Said to anything but a tap, before the question and its buttons again. */
  remind: string
  /** What the tapped question then says instead of itself (the chosen answer, kept in the chat's history). */
  answered?: (data: string) => string
}

/**
 * Asks a question with buttons and returns the tapped button's data and the tap.
 *
 * Only a tap on this question, or on a reminder of it, answers it: messages in a private chat are numbered in order,
 * so a button on an older message — a question of this dialog already answered, or of a dialog that ended — is no
 * answer; the dialog keeps waiting and the tap is answered «no longer works» (middleware/taps.ts). Anything else hears
 * the reminder with the question and its buttons again: after a restart the dialog may be back at a question whose
 * keyboard went with the tap (issue 12). The tapped message and the question lose their keyboards; with `answered`, the
 * tapped message says the answer instead.
 */
export async function askWithButtons(conversation: Conv, ctx: ConversationContext, question: ButtonQuestion): Promise<{ data: string; tap: ConversationContext }> {
  const prompt = await ctx.reply(question.text, { reply_markup: question.keyboard })
  const filters = Array.isArray(question.filter) ? question.filter : [question.filter]
  const tap = await conversation.waitUntil(
    (update) => (update.callbackQuery?.message?.message_id ?? 0) >= prompt.message_id && filters.some((filter) => filter.test(update.callbackQuery?.data ?? "")),
    {
      otherwise: async (other) => {
        if (!other.callbackQuery) await other.reply(`${question.remind}\n\n${question.text}`, { reply_markup: question.keyboard })
      },
    },
  )
  await tap.answerCallbackQuery()
  const data = tap.callbackQuery!.data!
  // Either edit takes the keyboard away.
  await (question.answered ? tap.editMessageText(question.answered(data)) : tap.editMessageReplyMarkup()).catch(() => {})
  if (tap.callbackQuery!.message!.message_id !== prompt.message_id) await ctx.api.editMessageReplyMarkup(prompt.chat.id, prompt.message_id).catch(() => {})
  return { data, tap }
}

export interface TextOrSkipQuestion {
  text: string
  /** The one button offered instead of typing («Без уточнений», «Не указывать»), and its data. */
  skip: string
  skipData: string
}

/**
 * Asks for a text, with one button instead of typing: the text (trimmed), or null for the button. As with
 * askWithButtons, only a tap on this question or on a repeat of it answers it: an older message's button goes on to
 * its own handler (middleware/taps.ts), a command ends the dialog and runs, anything else hears the question again.
 * The question loses its button once answered.
 */
export async function askTextOrSkip(conversation: Conv, ctx: ConversationContext, question: TextOrSkipQuestion): Promise<string | null> {
  const keyboard = new InlineKeyboard().text(question.skip, question.skipData)
  const prompt = await ctx.reply(question.text, { reply_markup: keyboard })
  const answer = await waitForInput<{ text: string } | { skipped: true }>(
    conversation,
    (update) => {
      const tap = update.callbackQuery
      if (tap?.data === question.skipData && (tap.message?.message_id ?? 0) >= prompt.message_id) return { skipped: true }
      const text = textOf(update)
      return text === undefined ? undefined : { text }
    },
    (other) => other.reply(question.text, { reply_markup: keyboard }),
  )
  if (answer.ctx.callbackQuery) await answer.ctx.editMessageReplyMarkup().catch(() => {})
  if (answer.ctx.callbackQuery?.message?.message_id !== prompt.message_id) await ctx.api.editMessageReplyMarkup(prompt.chat.id, prompt.message_id).catch(() => {})
  return "text" in answer.value ? answer.value.text : null
}
