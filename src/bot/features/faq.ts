import { Composer, InlineKeyboard, InputFile } from "grammy"
import { onCallback } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import { FAQ_ADD_CONVERSATION, FAQ_EDIT_CONVERSATION, FAQ_IMPORT_CONVERSATION } from "../conversations/faq-edit.ts"
import {
  faqAddButton, faqDeleteButton, faqDeleteConfirm, faqEditAnswerButton, faqEditQuestionButton, faqExportButton,
  faqImportButton, faqPageButton, faqViewButton,
} from "../hotline/buttons.ts"

/** The hotline FAQ kept by the staff: list, read, add, change, delete, and edit all of it as an XLSX. */
export const faqFeature = new Composer<BotContext>()
const PAGE = 10

async function showPage(ctx: BotContext, page: number) {
  const entries = await ctx.services.hotline.faq.list(ctx.actor)
  if (!Array.isArray(entries)) return ctx.reply(ctx.t("faq-not-allowed"))
  const pages = Math.max(1, Math.ceil(entries.length / PAGE))
  const current = Math.min(Math.max(0, page), pages - 1)
  const shown = entries.slice(current * PAGE, (current + 1) * PAGE)
  const keyboard = new InlineKeyboard()
  for (const entry of shown) keyboard.text(`${entry.id}. ${entry.question}`.slice(0, 60), faqViewButton.pack({ id: entry.id })).row()
  if (current > 0) keyboard.text("◀️", faqPageButton.pack({ page: current - 1 }))
  if (current < pages - 1) keyboard.text("▶️", faqPageButton.pack({ page: current + 1 }))
  keyboard.row().text(ctx.t("faq-button-add"), faqAddButton.pack({})).row()
  keyboard.text(ctx.t("faq-button-export"), faqExportButton.pack({})).text(ctx.t("faq-button-import"), faqImportButton.pack({}))
  await ctx.reply(ctx.t("faq-title", { count: entries.length, page: current + 1, pages }), { reply_markup: keyboard })
}

faqFeature.chatType("private").command("faq", (ctx) => showPage(ctx, 0))
onCallback(faqFeature, faqPageButton, (ctx, { page }) => showPage(ctx, page))

onCallback(faqFeature, faqViewButton, async (ctx, { id }) => {
  const outcome = await ctx.services.hotline.faq.get(ctx.actor, id)
  if (!outcome.ok) return ctx.reply(ctx.t(outcome.reason === "not_found" ? "faq-not-found" : "faq-not-allowed"))
  const keyboard = new InlineKeyboard()
    .text(ctx.t("faq-button-edit-question"), faqEditQuestionButton.pack({ id }))
    .text(ctx.t("faq-button-edit-answer"), faqEditAnswerButton.pack({ id }))
    .row()
    .text(ctx.t("faq-button-delete"), faqDeleteButton.pack({ id }))
  await ctx.reply(`${id}. ❓ ${outcome.entry.question}\n\n${outcome.entry.answer}`, { reply_markup: keyboard })
})

function entering(name: string, ...args: unknown[]) {
  return async (ctx: BotContext) => {
    if (!ctx.services.hotline.faq.mayManage(ctx.actor)) return ctx.reply(ctx.t("faq-not-allowed"))
    if (ctx.chat?.type !== "private") return
    await ctx.conversation.enter(name, ...args)
  }
}

onCallback(faqFeature, faqAddButton, (ctx) => entering(FAQ_ADD_CONVERSATION)(ctx))
onCallback(faqFeature, faqImportButton, (ctx) => entering(FAQ_IMPORT_CONVERSATION)(ctx))
onCallback(faqFeature, faqEditQuestionButton, (ctx, { id }) => entering(FAQ_EDIT_CONVERSATION, id, "question")(ctx))
onCallback(faqFeature, faqEditAnswerButton, (ctx, { id }) => entering(FAQ_EDIT_CONVERSATION, id, "answer")(ctx))

onCallback(faqFeature, faqDeleteButton, async (ctx, { id }) => {
  await ctx.reply(ctx.t("faq-delete-confirm", { id }), { reply_markup: new InlineKeyboard().text(ctx.t("faq-button-delete-yes"), faqDeleteConfirm.pack({ id })) })
})
onCallback(faqFeature, faqDeleteConfirm, async (ctx, { id }) => {
  const outcome = await ctx.services.hotline.faq.remove(ctx.actor, id)
  await ctx.editMessageReplyMarkup().catch(() => {})
  await ctx.reply(ctx.t(outcome.ok ? "faq-deleted" : outcome.reason === "not_found" ? "faq-not-found" : "faq-not-allowed", { id }))
})

onCallback(faqFeature, faqExportButton, async (ctx) => {
  const outcome = await ctx.services.hotline.faq.exportXlsx(ctx.actor)
  if (!outcome.ok) return ctx.reply(ctx.t("faq-not-allowed"))
  await ctx.replyWithDocument(new InputFile(outcome.bytes, "FAQ горячей линии.xlsx"), { caption: ctx.t("faq-export-caption") })
})
