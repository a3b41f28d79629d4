import type { Conversation } from "@grammyjs/conversations"
import { settingField } from "../../services/analysis/settings-fields.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { settingsBoardText, settingValueText, settingsBoardKeyboard } from "../features/settings-board.ts"

export const SETTING_VALUE_CONVERSATION = "setting-value"
const ATTEMPTS = 3

/** A number setting of /settings: asked, typed, checked (bounds and the settings as a whole), stored; then the board again. */
export async function settingValueConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext, fieldId: string) {
  const field = settingField(fieldId)
  const current = await conversation.external(async (outside) => {
    const found = await outside.services.analysisSettings.current(outside.actor)
    return found.ok ? found.settings : null
  })
  if (!field || field.kind === "switch" || field.kind === "choice" || !current) {
    await ctx.reply(ctx.t("settings-not-allowed"))
    return
  }
  const name = ctx.t(`settings-field-${field.id}`)
  const unit = field.kind === "percent" ? ctx.t("settings-range-percent", { min: field.min, max: field.max }) : ctx.t("settings-range-count", { min: field.min, max: field.max })
  await ctx.reply(ctx.t("settings-ask-value", { name, value: settingValueText(ctx.t, field, current), range: unit, about: ctx.t(`settings-about-${field.id}`) }))
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const answer = await conversation.waitFor("message:text", { otherwise: (other) => other.reply(ctx.t("settings-send-value")) })
    const text = answer.message.text.trim()
    if (text === "/cancel") break
    const changed = await conversation.external((outside) => outside.services.analysisSettings.change(outside.actor, field.id, text))
    if (changed.ok) {
      await ctx.reply(ctx.t("settings-value-saved", { name, value: settingValueText(ctx.t, field, changed.settings) }))
      await ctx.reply(settingsBoardText(ctx.t, changed.settings), { reply_markup: settingsBoardKeyboard(ctx.t) })
      return
    }
    if (changed.reason !== "invalid_value") {
      await ctx.reply(ctx.t("settings-not-allowed"))
      return
    }
    await ctx.reply(ctx.t(`settings-problem-${changed.problem.code.replaceAll("_", "-")}`, changed.problem.params))
  }
  await ctx.reply(ctx.t("settings-value-unchanged", { name }))
  await ctx.reply(settingsBoardText(ctx.t, current), { reply_markup: settingsBoardKeyboard(ctx.t) })
}
