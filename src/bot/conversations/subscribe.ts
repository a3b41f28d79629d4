import type { Conversation } from "@grammyjs/conversations"
import type { BotContext, ConversationContext } from "../context.ts"
import { pickGrade, pickSchool } from "./school-grade-picker.ts"

export const SUBSCRIBE_CONVERSATION = "parents-subscribe"

/** A parent follows a school's grade: the school from the directory, then the grade. */
export async function subscribeConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext) {
  const school = await pickSchool(conversation, ctx, {
    prompt: ctx.t("parents-ask-school"),
    optional: false,
    search: (outside, query) => outside.services.hotline.schools(query),
  })
  if (!school) return
  const grade = await pickGrade(conversation, ctx, { prompt: ctx.t("parents-ask-grade"), optional: false })
  if (grade === null) return
  const outcome = await conversation.external((outside) => outside.services.parents.subscriptions.subscribe(outside.actor, school.id, grade))
  if (!outcome.ok) return void (await ctx.reply(ctx.t("parents-subscribe-failed")))
  await ctx.reply(ctx.t(outcome.created ? "parents-subscribed" : "parents-already-subscribed", { school: school.label, grade }))
}
