import type { Conversation } from "@grammyjs/conversations"
import { InputFile } from "grammy"
import { procedureTitle } from "../../domain/results.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { pickProcedure } from "./procedure-picker.ts"

export const TEMPLATE_CONVERSATION = "template"

/** Which test? → our XLSX template for it, with data validation and instructions. */
export async function templateConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext) {
  const known = await conversation.external((outside) => outside.services.intake.knownProcedures())
  const procedure = await pickProcedure(conversation, ctx, known, { question: ctx.t("template-ask") })
  await conversation.external(async (outside) => {
    const template = await outside.services.intake.template(procedure, outside.t)
    if (!template) return
    const caption = outside.t("template-caption", { title: procedureTitle(procedure) })
    await outside.api.sendDocument(outside.chat!.id, new InputFile(template.bytes, template.fileName), { caption })
  })
}
