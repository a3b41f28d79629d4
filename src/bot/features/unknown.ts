import { Composer, InlineKeyboard } from "grammy"
import type { BotContext } from "../context.ts"
import { askButton } from "../hotline/buttons.ts"
import { helpText } from "./help.ts"

/** Last in the chain: whatever no feature took gets a helpful answer, never silence. */
export const unknownFeature = new Composer<BotContext>()
const privateChat = unknownFeature.chatType("private")

privateChat.on("message::bot_command", async (ctx) => {
  const command = ctx.message.text?.split(/\s/)[0] ?? ""
  await ctx.reply(`${ctx.t("unknown-command", { command })}\n\n${helpText(ctx.t, ctx.actor)}`)
})
// People without a role never get here (their text is a hotline question, features/hotline.ts). Staff who write
// something the bot does not understand are told so, with a way to the hotline should they be asking as a parent.
privateChat.on("message", (ctx) => ctx.reply(ctx.t("unknown-text"), { reply_markup: new InlineKeyboard().text(ctx.t("unknown-ask-hotline"), askButton.pack({})) }))
// A button no feature and no conversation took: from an old message, or forged. Say so; never leave the spinner.
unknownFeature.on("callback_query:data", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("unknown-stale-button") }))
