import type { Conversation } from "@grammyjs/conversations"
import type { BotContext, ConversationContext } from "../context.ts"
import { downloadDocument, FileTooLargeError } from "../files.ts"
import { faqProblemLines } from "../hotline/faq-text.ts"

export const FAQ_ADD_CONVERSATION = "faq-add"
export const FAQ_EDIT_CONVERSATION = "faq-edit"
export const FAQ_IMPORT_CONVERSATION = "faq-import"
type Conv = Conversation<BotContext, ConversationContext>

async function askText(conversation: Conv, ctx: ConversationContext, prompt: string): Promise<string> {
  await ctx.reply(prompt)
  const answer = await conversation.waitFor("message:text", { otherwise: (other) => other.reply(prompt) })
  return answer.message.text
}

/** A new FAQ entry: the question, then the answer. */
export async function faqAddConversation(conversation: Conv, ctx: ConversationContext) {
  const question = await askText(conversation, ctx, ctx.t("faq-ask-question"))
  const answer = await askText(conversation, ctx, ctx.t("faq-ask-answer"))
  const outcome = await conversation.external((outside) => outside.services.hotline.faq.add(outside.actor, { question, answer }))
  await ctx.reply(outcome.ok ? ctx.t("faq-saved", { id: outcome.entry.id }) : faqRefusal(ctx, outcome))
}

/** A new wording of one field of an entry. */
export async function faqEditConversation(conversation: Conv, ctx: ConversationContext, id: number, field: "question" | "answer") {
  const text = await askText(conversation, ctx, ctx.t(field === "question" ? "faq-ask-new-question" : "faq-ask-new-answer", { id }))
  const outcome = await conversation.external((outside) => outside.services.hotline.faq.edit(outside.actor, id, { [field]: text }))
  await ctx.reply(outcome.ok ? ctx.t("faq-saved", { id }) : faqRefusal(ctx, outcome))
}

/** The FAQ workbook sent back: rows with a number change entries, rows without add them; any problem changes nothing. */
export async function faqImportConversation(conversation: Conv, ctx: ConversationContext) {
  await ctx.reply(ctx.t("faq-import-send"))
  const answer = await conversation.waitFor("message:document", { otherwise: (other) => other.reply(ctx.t("faq-import-send")) })
  const document = answer.message.document
  const outcome = await conversation.external(async (outside) => {
    try {
      const file = await downloadDocument(outside.api, document)
      return await outside.services.hotline.faq.importXlsx(outside.actor, file.bytes)
    } catch (error) {
      if (error instanceof FileTooLargeError) return { ok: false as const, reason: "too_large" as const }
      throw error
    }
  })
  if (outcome.ok) return void (await ctx.reply(ctx.t("faq-imported", { added: outcome.added, updated: outcome.updated })))
  if (outcome.reason === "problems") return void (await ctx.reply([ctx.t("faq-import-refused"), ...faqProblemLines(ctx.t, outcome.problems.slice(0, 30))].join("\n")))
  await ctx.reply(ctx.t(outcome.reason === "too_large" ? "faq-import-too-large" : "faq-not-allowed"))
}

function faqRefusal(ctx: ConversationContext, outcome: { ok: false; reason: string; field?: string }): string {
  if (outcome.reason === "too_long" || outcome.reason === "empty") return ctx.t(`faq-${outcome.reason}-${outcome.field}`)
  return ctx.t(outcome.reason === "not_found" ? "faq-not-found" : "faq-not-allowed")
}
