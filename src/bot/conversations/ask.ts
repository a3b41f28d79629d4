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
import { askWithButtons } from "./tap-on.ts"

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
    const choice = await askWithButtons(conversation, ctx, { text: ctx.t("hotline-ask-add-or-new"), keyboard, filter: [addToTicketChoice.filter, newQuestionChoice.filter], remind: ctx.t("pick-use-buttons") })
    const add = addToTicketChoice.unpack(choice.data)
    if (add) {
      const outcome = await conversation.external((outside) => outside.services.hotline.tickets.add(outside.actor, add.ticket, prefilled))
      await ctx.reply(outcome.ok ? ctx.t("hotline-added", { id: add.ticket }) : ctx.t("hotline-add-failed", { id: add.ticket }))
      return
    }
  }

  const topicKeyboard = new InlineKeyboard()
  for (const topic of TICKET_TOPICS) topicKeyboard.text(ctx.t(`hotline-topic-${topic}`), topicChoice.pack({ topic })).row()
  const topicName = (data: string) => ctx.t(`hotline-topic-${topicChoice.unpack(data)!.topic}`)
  const topicTap = await askWithButtons(conversation, ctx, {
    text: ctx.t("hotline-ask-topic"), keyboard: topicKeyboard, filter: topicChoice.filter, remind: ctx.t("pick-use-buttons"),
    answered: (data) => ctx.t("hotline-ask-topic-chosen", { topic: topicName(data) }),
  })
  const topic = topicChoice.unpack(topicTap.data)!.topic as TicketTopic

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
      const verdict = await askWithButtons(conversation, ctx, {
        text: ctx.t("hotline-faq-did-it-help"), keyboard, filter: [faqHelpedChoice.filter, faqNotHelpedChoice.filter], remind: ctx.t("pick-use-buttons"),
        answered: (data) => ctx.t(faqHelpedChoice.unpack(data) ? "hotline-faq-answer-helped" : "hotline-faq-answer-not-helped"),
      })
      if (faqHelpedChoice.unpack(verdict.data)) {
        const ids = suggestions.map((entry) => entry.id)
        await conversation.external((outside) => outside.services.hotline.faq.recordHelped(ids))
        await ctx.reply(ctx.t("hotline-faq-glad"))
        return
      }
    }
  }

  const followed = await conversation.external((outside) => outside.services.parents.subscriptions.followedSchools(outside.actor))
  const school = await pickSchool(conversation, ctx, {
    prompt: ctx.t(followed.length > 0 ? "hotline-ask-school-followed" : "hotline-ask-school"),
    optional: true,
    search: (outside, query) => outside.services.hotline.schools(query),
    own: followed,
  })
  const grade = await pickGrade(conversation, ctx, { prompt: ctx.t("hotline-ask-grade"), optional: true })

  const anonymity = new InlineKeyboard()
    .text(ctx.t("hotline-ask-show-name"), anonymousChoice.pack({ anonymous: 0 }))
    .row()
    .text(ctx.t("hotline-ask-anonymous"), anonymousChoice.pack({ anonymous: 1 }))
  const isAnonymous = (data: string) => anonymousChoice.unpack(data)!.anonymous === 1
  const anonymityTap = await askWithButtons(conversation, ctx, {
    text: ctx.t("hotline-ask-anonymity"), keyboard: anonymity, filter: anonymousChoice.filter, remind: ctx.t("pick-use-buttons"),
    answered: (data) => ctx.t(isAnonymous(data) ? "hotline-ask-anonymity-anonymous" : "hotline-ask-anonymity-named"),
  })
  const anonymous = isAnonymous(anonymityTap.data)

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
