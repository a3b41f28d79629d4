import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard, InputFile } from "grammy"
import { specChangesText } from "../../services/specs/changes-text.ts"
import { callbackData } from "../callback-data.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { downloadDocument } from "../files.ts"
import { specSavedText } from "../formatting/intake.ts"
import { problemLines, splitMessages } from "../formatting/problems.ts"
import { askWithButtons } from "./tap-on.ts"

export const SPEC_CONVERSATION = "spec"
const specChoice = callbackData("spec", { choice: "word" })

/** A coordinator adds or fixes a procedure spec: the bot sends the template, the filled one comes back as a new version. */
export async function specConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext) {
  await conversation.external(async (outside) => {
    const template = await outside.services.templates.spec(outside.t)
    await outside.api.sendDocument(outside.chat!.id, new InputFile(template.bytes, template.fileName), { caption: outside.t("spec-template-caption") })
  })
  const answer = await conversation.waitFor("message:document", { otherwise: (other) => other.reply(ctx.t("spec-send-file")) })
  const document = answer.message.document
  const checked = await conversation.external(async (outside) => {
    const file = await downloadDocument(outside.api, document)
    return outside.services.specs.check(outside.actor, file.bytes)
  })
  if (!checked.ok) {
    if (checked.reason === "not_allowed") await ctx.reply(ctx.t("spec-not-allowed"))
    else for (const text of splitMessages(ctx.t("spec-rejected"), problemLines(ctx.t, checked.problems.slice(0, 20)))) await ctx.reply(text)
    return
  }
  // What it would change in the results already stored is said first; a change is saved only once confirmed.
  const changes = specChangesText(ctx.t, checked.changes)
  if (changes !== null && checked.changes.schools.length > 0) {
    const keyboard = new InlineKeyboard().text(ctx.t("spec-changes-save"), specChoice.pack({ choice: "save" })).text(ctx.t("spec-changes-cancel"), specChoice.pack({ choice: "cancel" }))
    // Ten schools at most: one message.
    const choice = await askWithButtons(conversation, ctx, { text: `${changes}\n\n${ctx.t("spec-changes-question")}`, keyboard, filter: specChoice.filter, remind: ctx.t("upload-use-buttons") })
    if (specChoice.unpack(choice.data)?.choice !== "save") {
      await ctx.reply(ctx.t("spec-changes-cancelled"))
      return
    }
  } else if (changes !== null) await ctx.reply(changes)
  const outcome = await conversation.external((outside) => outside.services.specs.saveRead(outside.actor, checked.spec))
  if (outcome.ok) await ctx.reply(specSavedText(ctx.t, outcome.spec, outcome.municipality))
  else if (outcome.reason === "not_allowed") await ctx.reply(ctx.t("spec-not-allowed"))
  else for (const text of splitMessages(ctx.t("spec-rejected"), problemLines(ctx.t, outcome.problems.slice(0, 20)))) await ctx.reply(text)
}
