import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard } from "grammy"
import { TICKET_TOPICS, type TicketTopic } from "../../domain/hotline/lifecycle.ts"
import type { SourceMessage } from "../../services/hotline/types.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import {
  addToTicketChoice, anonymousChoice, faqHelpedChoice, faqNotHelpedChoice, newQuestionChoice, topicChoice,
} from "../hotline/buttons.ts"
import { isRelayable, sourceOf } from "../hotline/source.ts"
import { pickGrade, pickSchool } from "./school-grade-picker.ts"

export const ASK_CONVERSATION = "hotline-ask"
type Conv = Conversation<BotContext, ConversationContext>

/** Tells a user who did something else while a choice waits what is expected; a stray tap gets its answer. */
export function remind(text: string) {
  return async (other: ConversationContext) => {
    if (other.callbackQuery) await other.answerCallbackQuery({ text }).catch(() => {})
    else await other.reply(text)
  }
}

/**
 * A choice by buttons under `prompt`. Anything else hears the reminder with the question and its buttons again: after a
 * restart the dialog may be back at a question whose keyboard went with the tap (issue 12), so a reminder without
 * buttons would leave the user stuck. The tapped message and the first prompt lose their keyboards.
 */
async function chooseByButtons(conversation: Conv, ctx: ConversationContext, prompt: string, keyboard: InlineKeyboard, filters: RegExp[]) {
  const first = await ctx.reply(prompt, { reply_markup: keyboard })
  const tap = await conversation.waitForCallbackQuery(filters, {
    otherwise: async (other) => {
      if (other.callbackQuery) await other.answerCallbackQuery({ text: ctx.t("pick-use-buttons") }).catch(() => {})
      else await other.reply(`${ctx.t("pick-use-buttons")}\n\n${prompt}`, { reply_markup: keyboard })
    },
  })
  await tap.answerCallbackQuery()
  if (tap.callbackQuery.message?.message_id !== first.message_id) await ctx.api.editMessageReplyMarkup(first.chat.id, first.message_id).catch(() => {})
  return { data: tap.callbackQuery.data, tapped: tap }
}

/**
 * A question to the hotline: (add to an open ticket instead?) → topic → the question → answers from the FAQ
 * ("that helped" ends here) → school and grade (optional) → anonymous or not → the ticket number.
 * `prefilled` is a message the user wrote outside any dialog, which becomes the question.
 */
export async function askConversation(conversation: Conv, ctx: ConversationContext, prefilled?: SourceMessage) {
  const open = await conversation.external(async (outside) =>
    (await outside.services.hotline.tickets.mine(outside.actor)).filter((ticket) => ticket.status !== "closed").slice(0, 3),
  )
  if (prefilled && open.length > 0) {
    const keyboard = new InlineKeyboard()
    for (const ticket of open) {
      keyboard.text(ctx.t("hotline-ask-add-to", { id: ticket.id, topic: ctx.t(`hotline-topic-${ticket.topic}`) }), addToTicketChoice.pack({ ticket: ticket.id })).row()
    }
    keyboard.text(ctx.t("hotline-ask-new-question"), newQuestionChoice.pack({}))
    const choice = await chooseByButtons(conversation, ctx, ctx.t("hotline-ask-add-or-new"), keyboard, [addToTicketChoice.filter, newQuestionChoice.filter])
    await choice.tapped.editMessageReplyMarkup().catch(() => {})
    const add = addToTicketChoice.unpack(choice.data)
    if (add) {
      const outcome = await conversation.external((outside) => outside.services.hotline.tickets.add(outside.actor, add.ticket, prefilled))
      await ctx.reply(outcome.ok ? ctx.t("hotline-added", { id: add.ticket }) : ctx.t("hotline-add-failed", { id: add.ticket }))
      return
    }
  }

  const topicKeyboard = new InlineKeyboard()
  for (const topic of TICKET_TOPICS) topicKeyboard.text(ctx.t(`hotline-topic-${topic}`), topicChoice.pack({ topic })).row()
  const topicTap = await chooseByButtons(conversation, ctx, ctx.t("hotline-ask-topic"), topicKeyboard, [topicChoice.filter])
  const topic = topicChoice.unpack(topicTap.data)!.topic as TicketTopic
  await topicTap.tapped.editMessageText(ctx.t("hotline-ask-topic-chosen", { topic: ctx.t(`hotline-topic-${topic}`) })).catch(() => {})

  let question = prefilled
  if (!question) {
    await ctx.reply(ctx.t("hotline-ask-question"))
    for (;;) {
      const answer = await conversation.waitFor(["message:text", "message:photo", "message:document"], { otherwise: remind(ctx.t("hotline-ask-question-kinds")) })
      if (isRelayable(answer.message)) {
        question = sourceOf(answer.message)
        break
      }
      await ctx.reply(ctx.t("hotline-ask-question-kinds"))
    }
  }

  if (question.text) {
    const text = question.text
    const suggestions = await conversation.external((outside) => outside.services.hotline.faq.suggest(text))
    if (suggestions.length > 0) {
      await ctx.reply(ctx.t("hotline-faq-intro"))
      for (const entry of suggestions) await ctx.reply(`❓ ${entry.question}\n\n${entry.answer}`)
      const keyboard = new InlineKeyboard()
        .text(ctx.t("hotline-faq-helped"), faqHelpedChoice.pack({}))
        .row()
        .text(ctx.t("hotline-faq-not-helped"), faqNotHelpedChoice.pack({}))
      const verdict = await chooseByButtons(conversation, ctx, ctx.t("hotline-faq-did-it-help"), keyboard, [faqHelpedChoice.filter, faqNotHelpedChoice.filter])
      await verdict.tapped.editMessageReplyMarkup().catch(() => {})
      if (faqHelpedChoice.unpack(verdict.data)) {
        const ids = suggestions.map((entry) => entry.id)
        await conversation.external((outside) => outside.services.hotline.faq.recordHelped(ids))
        await ctx.reply(ctx.t("hotline-faq-glad"))
        return
      }
    }
  }

  const school = await pickSchool(conversation, ctx, {
    prompt: ctx.t("hotline-ask-school"),
    optional: true,
    search: (outside, query) => outside.services.hotline.schools(query),
  })
  const grade = await pickGrade(conversation, ctx, { prompt: ctx.t("hotline-ask-grade"), optional: true })

  const anonymity = new InlineKeyboard()
    .text(ctx.t("hotline-ask-show-name"), anonymousChoice.pack({ anonymous: 0 }))
    .row()
    .text(ctx.t("hotline-ask-anonymous"), anonymousChoice.pack({ anonymous: 1 }))
  const anonymityTap = await chooseByButtons(conversation, ctx, ctx.t("hotline-ask-anonymity"), anonymity, [anonymousChoice.filter])
  await anonymityTap.tapped.editMessageReplyMarkup().catch(() => {})
  const anonymous = anonymousChoice.unpack(anonymityTap.data)!.anonymous === 1

  const asked = question
  const outcome = await conversation.external(async (outside) => {
    const result = await outside.services.hotline.tickets.open(outside.actor, { topic, schoolId: school?.id ?? null, grade, anonymous, question: asked })
    return { result, hours: outside.services.hotline.settings.firstResponseWorkingHours }
  })
  if (!outcome.result.ok) {
    await ctx.reply(ctx.t("hotline-ask-failed"))
    return
  }
  await ctx.reply(ctx.t(anonymous ? "hotline-ticket-created-anonymous" : "hotline-ticket-created", { id: outcome.result.ticketId, hours: outcome.hours }))
}
