import type { Conversation } from "@grammyjs/conversations"
import { InputFile } from "grammy"
import type { BotContext, ConversationContext } from "../context.ts"
import { downloadDocument } from "../files.ts"
import { specSavedText } from "../formatting/intake.ts"
import { problemLines, splitMessages } from "../formatting/problems.ts"

export const SPEC_CONVERSATION = "spec"

/** A coordinator adds or fixes a procedure spec: the bot sends the template, the filled one comes back as a new version. */
export async function specConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext) {
  await conversation.external(async (outside) => {
    const template = await outside.services.templates.spec(outside.t)
    await outside.api.sendDocument(outside.chat!.id, new InputFile(template.bytes, template.fileName), { caption: outside.t("spec-template-caption") })
  })
  const answer = await conversation.waitFor("message:document", { otherwise: (other) => other.reply(ctx.t("spec-send-file")) })
  const document = answer.message.document
  const outcome = await conversation.external(async (outside) => {
    const file = await downloadDocument(outside.api, document)
    return outside.services.specs.save(outside.actor, file.bytes)
  })
  if (outcome.ok) await ctx.reply(specSavedText(ctx.t, outcome.spec, outcome.municipality))
  else if (outcome.reason === "not_allowed") await ctx.reply(ctx.t("spec-not-allowed"))
  else for (const text of splitMessages(ctx.t("spec-rejected"), problemLines(ctx.t, outcome.problems.slice(0, 20)))) await ctx.reply(text)
}
