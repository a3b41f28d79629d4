import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard, InputFile } from "grammy"
import { procedureTitle } from "../../domain/results.ts"
import { hasRole } from "../../services/access/roles.ts"
import { callbackData } from "../callback-data.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { askWithButtons } from "./tap-on.ts"
import { pickProcedure } from "./procedure-picker.ts"

export const TEMPLATE_CONVERSATION = "template"
/** Which template: results, or the outside-data workbook. */
const templateKind = { results: callbackData("tk:results"), outside: callbackData("tk:outside") } as const
type Conv = Conversation<BotContext, ConversationContext>

/**
 * Which template? Coordinators choose between results and the outside-data workbook (ОГЭ/ЕГЭ, medalists,
 * re-checks); for results, which test → our XLSX template for it, with data validation and instructions.
 */
export async function templateConversation(conversation: Conv, ctx: ConversationContext) {
  const coordinator = await conversation.external((outside) => hasRole(outside.actor, "municipal_coordinator"))
  if (coordinator && (await askKind(conversation, ctx)) === "outside") {
    await conversation.external(async (outside) => {
      const template = await outside.services.templates.outside(outside.actor, outside.t)
      await outside.api.sendDocument(outside.chat!.id, new InputFile(template.bytes, template.fileName), { caption: outside.t("outside-template-caption") })
    })
    return
  }
  const known = await conversation.external((outside) => outside.services.specs.known())
  const procedure = await pickProcedure(conversation, ctx, known, { question: ctx.t("template-ask") })
  await conversation.external(async (outside) => {
    const template = await outside.services.templates.results(procedure, outside.t)
    if (!template.ok) return
    const caption = outside.t("template-caption", { title: procedureTitle(procedure) })
    await outside.api.sendDocument(outside.chat!.id, new InputFile(template.bytes, template.fileName), { caption })
  })
}

async function askKind(conversation: Conv, ctx: ConversationContext): Promise<"results" | "outside"> {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("template-kind-results"), templateKind.results.pack({}))
    .row()
    .text(ctx.t("template-kind-outside"), templateKind.outside.pack({}))
  const { data } = await askWithButtons(conversation, ctx, {
    text: ctx.t("template-ask-kind"), keyboard, filter: [templateKind.results.filter, templateKind.outside.filter], remind: ctx.t("upload-use-buttons"),
  })
  return templateKind.outside.unpack(data) ? "outside" : "results"
}
