import { Composer } from "grammy"
import type { BotContext } from "../context.ts"
import { helpText } from "./help.ts"

/** Last in the chain: whatever no feature took gets a helpful answer, never silence. */
export const unknownFeature = new Composer<BotContext>()
const privateChat = unknownFeature.chatType("private")

privateChat.on("message::bot_command", async (ctx) => {
  const command = ctx.message.text?.split(/\s/)[0] ?? ""
  await ctx.reply(`${ctx.t("unknown-command", { command })}\n\n${helpText(ctx.t, ctx.actor)}`)
})
privateChat.on("message", (ctx) => ctx.reply(ctx.t("unknown-text")))
// A button no feature and no conversation took: from an old message, or forged. Say so; never leave the spinner.
unknownFeature.on("callback_query:data", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("unknown-stale-button") }))
