/**
 * /settings: the municipality's analysis settings as a dialog — each with its Russian name and current value, a tap to
 * change it (a switch flips, a choice offers its options, a number is typed). The whole JSON file stays available as
 * the «advanced» option. Every change is checked and stored by the service (services.analysisSettings).
 */
import { Composer } from "grammy"
import { hasRole } from "../../services/access/roles.ts"
import { fieldValue, settingField } from "../../services/analysis/settings-fields.ts"
import type { AnalysisSettings } from "../../services/analysis/settings.ts"
import { onCallback } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import {
  boardButton,
  choiceButton,
  choiceKeyboard,
  doneButton,
  fieldButton,
  fileButton,
  settingsBoardKeyboard,
  settingsBoardText,
  signButton,
  signsButton,
  signsKeyboard,
} from "./settings-board.ts"
import { SETTING_VALUE_CONVERSATION } from "../conversations/setting-value.ts"
import { SETTINGS_CONVERSATION } from "../conversations/settings.ts"

async function currentOrRefuse(ctx: BotContext): Promise<AnalysisSettings | null> {
  const current = await ctx.services.analysisSettings.current(ctx.actor)
  if (current.ok) return current.settings
  await ctx.reply(ctx.t("settings-not-allowed"))
  return null
}

/** The board in place of the message tapped (its text shows the values just stored). */
async function redrawBoard(ctx: BotContext, settings: AnalysisSettings) {
  await ctx.editMessageText(settingsBoardText(ctx.t, settings), { reply_markup: settingsBoardKeyboard(ctx.t) }).catch(() => {})
}

export async function sendSettingsBoard(ctx: BotContext) {
  const settings = await currentOrRefuse(ctx)
  if (settings) await ctx.reply(settingsBoardText(ctx.t, settings), { reply_markup: settingsBoardKeyboard(ctx.t) })
}

export const settingsFeature = new Composer<BotContext>()
// Coordinators first: a sub-composer runs where it was declared, so the refusal for others comes after.
const coordinators = settingsFeature.filter((ctx) => ctx.chat?.type === "private" && hasRole(ctx.actor, "municipal_coordinator"))
coordinators.command("settings", sendSettingsBoard)
const others = settingsFeature.filter((ctx) => ctx.chat?.type === "private")
others.command("settings", (ctx) => ctx.reply(ctx.t("settings-not-allowed")))

onCallback(coordinators, fieldButton, async (ctx, { field: id }) => {
  const field = settingField(id)
  const settings = await currentOrRefuse(ctx)
  if (!settings) return
  if (!field) return redrawBoard(ctx, settings)
  if (field.kind === "switch") {
    const changed = await ctx.services.analysisSettings.change(ctx.actor, field.id, fieldValue(settings, field) ? "off" : "on")
    if (changed.ok) await redrawBoard(ctx, changed.settings)
    return
  }
  if (field.kind === "choice") {
    await ctx.editMessageText(ctx.t("settings-choose", { name: ctx.t(`settings-field-${field.id}`) }), { reply_markup: choiceKeyboard(ctx.t, field, settings) }).catch(() => {})
    return
  }
  // A number is typed: the board's buttons go (a fresh board follows the answer), so none can be pressed mid-dialog.
  await ctx.editMessageReplyMarkup().catch(() => {})
  await ctx.conversation.enter(SETTING_VALUE_CONVERSATION, field.id)
})
onCallback(coordinators, choiceButton, async (ctx, { field, value }) => {
  const changed = await ctx.services.analysisSettings.change(ctx.actor, field, value)
  if (changed.ok) return redrawBoard(ctx, changed.settings)
  const settings = await currentOrRefuse(ctx)
  if (settings) await redrawBoard(ctx, settings)
})
onCallback(coordinators, signsButton, async (ctx) => {
  const settings = await currentOrRefuse(ctx)
  if (settings) await ctx.editMessageText(ctx.t("settings-signs-head"), { reply_markup: signsKeyboard(ctx.t, settings) }).catch(() => {})
})
onCallback(coordinators, signButton, async (ctx, { sign }) => {
  const toggled = await ctx.services.analysisSettings.toggleSign(ctx.actor, sign)
  if (toggled.ok) await ctx.editMessageReplyMarkup({ reply_markup: signsKeyboard(ctx.t, toggled.settings) }).catch(() => {})
})
onCallback(coordinators, boardButton, async (ctx) => {
  const settings = await currentOrRefuse(ctx)
  if (settings) await redrawBoard(ctx, settings)
})
onCallback(coordinators, fileButton, async (ctx) => {
  await ctx.editMessageReplyMarkup().catch(() => {})
  await ctx.conversation.enter(SETTINGS_CONVERSATION)
})
onCallback(coordinators, doneButton, async (ctx) => {
  await ctx.editMessageReplyMarkup().catch(() => {})
})
// Anyone else pressing one of these buttons (a role taken away since) is told the settings are not theirs.
for (const kind of [fieldButton, choiceButton, signsButton, signButton, boardButton, fileButton, doneButton] as const) {
  onCallback(others, kind as typeof doneButton, (ctx) => ctx.reply(ctx.t("settings-not-allowed")))
}
