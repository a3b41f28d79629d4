import type { Conversation } from "@grammyjs/conversations"
import { InputFile } from "grammy"
import type { BotContext, ConversationContext } from "../context.ts"
import { downloadDocument } from "../files.ts"

export const SETTINGS_CONVERSATION = "settings"
const MAX_SETTINGS_BYTES = 64 * 1024

/** The municipality's analysis thresholds as a JSON file: sent out, edited, sent back, validated, stored. */
export async function settingsConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext) {
  const sent = await conversation.external(async (outside) => {
    const current = await outside.services.analysisSettings.current(outside.actor)
    if (!current.ok) return false
    const file = new InputFile(Buffer.from(JSON.stringify(current.settings, null, 2)), outside.t("file-analysis-settings"))
    await outside.api.sendDocument(outside.chat!.id, file, { caption: outside.t("settings-caption") })
    return true
  })
  if (!sent) {
    await ctx.reply(ctx.t("settings-not-allowed"))
    return
  }
  const answer = await conversation.waitFor("message:document", { otherwise: (other) => other.reply(ctx.t("settings-send-file")) })
  const document = answer.message.document
  const outcome = await conversation.external(async (outside) => {
    const file = await downloadDocument(outside.api, document, MAX_SETTINGS_BYTES).catch(() => null)
    if (!file) return { ok: false as const, reason: "not_json" as const }
    const saved = await outside.services.analysisSettings.save(outside.actor, file.bytes.toString("utf8"))
    return saved.ok ? { ok: true as const } : saved
  })
  if (outcome.ok) await ctx.reply(ctx.t("settings-saved"))
  else if (outcome.reason === "problems") await ctx.reply([ctx.t("settings-invalid"), ...outcome.problems.slice(0, 20).map((issue) => `• ${issue.path || "—"}: ${issue.message}`)].join("\n"))
  else await ctx.reply(ctx.t(outcome.reason === "not_json" ? "settings-not-json" : "settings-not-allowed"))
}
