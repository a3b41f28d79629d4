import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard } from "grammy"
import type { BotContext, ConversationContext } from "../context.ts"
import { askWithButtons } from "./tap-on.ts"
import { broadcastCancel, broadcastConfirm } from "../hotline/buttons.ts"
import { pickGrade, pickSchool } from "./school-grade-picker.ts"

export const BROADCAST_CONVERSATION = "parents-broadcast"

/** A coordinator announces to the parents of a school's grade: school → grade → text → preview with the count → send. */
export async function broadcastConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext) {
  const own = await conversation.external((outside) => outside.services.parents.broadcasts.schools(outside.actor, ""))
  const school = await pickSchool(conversation, ctx, {
    prompt: ctx.t(own.length > 0 ? "parents-bc-school-own" : "parents-bc-school"),
    optional: false,
    own,
    search: (outside, query) => outside.services.parents.broadcasts.schools(outside.actor, query),
  })
  if (!school) return
  const grade = await pickGrade(conversation, ctx, { prompt: ctx.t("parents-bc-grade"), optional: false })
  if (grade === null) return
  const audience = await conversation.external((outside) => outside.services.parents.broadcasts.audience(outside.actor, school.id, grade))
  if (!audience.ok) return void (await ctx.reply(ctx.t("parents-bc-not-allowed")))
  await ctx.reply(ctx.t("parents-bc-text", { recipients: audience.recipients }))
  const message = await conversation.waitFor("message:text", { otherwise: (other) => other.reply(ctx.t("parents-bc-text", { recipients: audience.recipients })) })
  const text = message.message.text
  const keyboard = new InlineKeyboard().text(ctx.t("parents-bc-send"), broadcastConfirm.pack({})).text(ctx.t("parents-bc-cancel"), broadcastCancel.pack({}))
  const preview = ctx.t("parents-bc-preview", { school: school.label, grade, recipients: audience.recipients, text: text.slice(0, 3000) })
  const decision = await askWithButtons(conversation, ctx, { text: preview, keyboard, filter: [broadcastConfirm.filter, broadcastCancel.filter], remind: ctx.t("pick-use-buttons") })
  if (broadcastCancel.unpack(decision.data)) return void (await ctx.reply(ctx.t("cancel-done")))
  const outcome = await conversation.external((outside) => outside.services.parents.broadcasts.send(outside.actor, { schoolId: school.id, grade, text }))
  if (outcome.ok) return void (await ctx.reply(ctx.t("parents-bc-sent", { id: outcome.broadcastId, recipients: outcome.recipients })))
  await ctx.reply(ctx.t(`parents-bc-refused-${outcome.reason}`))
}
