import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard, InputFile } from "grammy"
import type { ProcedureSpec } from "../../domain/results.ts"
import type { IntakeAnswer, IntakeQuestion, IntakeSession } from "../../services/intake/flow.ts"
import { proposalText, proposalWorkbook } from "../../services/specs/proposal-text.ts"
import { specChangesText } from "../../services/specs/changes-text.ts"
import { downloadDocument } from "../files.ts"
import { problemLines, splitMessages } from "../formatting/problems.ts"
import { callbackData } from "../callback-data.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { MAX_DOWNLOAD_BYTES } from "../files.ts"
import { receive, told } from "../formatting/intake.ts"
import { pickProcedure } from "./procedure-picker.ts"
import { askWithButtons } from "./tap-on.ts"

export const UPLOAD_CONVERSATION = "upload"
/** «Leave out the rows with errors», «Load», «Cancel» under the intake's questions. */
export const uploadChoice = callbackData("up", { choice: "word" })
type Conv = Conversation<BotContext, ConversationContext>

/**
 * While the dialog waits for a corrected spec workbook, a file sent to the chat is that workbook, not a new upload
 * (a new file otherwise starts the upload over, src/bot/index.ts): marked per chat in the key-value store, so every
 * instance and a restart see it.
 */
const awaitingSpec = (ctx: BotContext) => ctx.services.storage.keyValue<number>("upload-spec-fix:")

export async function awaitsCorrectedSpec(ctx: BotContext): Promise<boolean> {
  return ctx.chat !== undefined && (await awaitingSpec(ctx).read(String(ctx.chat.id))) !== undefined
}

async function markAwaitingSpec(ctx: BotContext, uploadId: number | null): Promise<void> {
  const key = String(ctx.chat!.id)
  if (uploadId === null) await awaitingSpec(ctx).delete(key)
  else await awaitingSpec(ctx).write(key, uploadId)
}

/** File in → the intake's questions asked → what was stored, or why not. Every decision is the intake's (services/intake). */
export async function uploadConversation(conversation: Conv, ctx: ConversationContext) {
  let document = ctx.message?.document
  if (!document) {
    await ctx.reply(ctx.t("upload-send-file"))
    document = (await conversation.waitFor("message:document", { otherwise: (other) => other.reply(ctx.t("upload-send-file")) })).message.document
  }
  const size = ((document.file_size ?? 0) / 1024 / 1024).toFixed(1).replace(".", ",")
  if ((document.file_size ?? 0) > MAX_DOWNLOAD_BYTES) return void (await ctx.reply(ctx.t("upload-too-large", { size })))
  const status = await ctx.reply(ctx.t("upload-reading", { name: document.file_name ?? "" }))
  let asked = await conversation.external(async (outside) => {
    await markAwaitingSpec(outside, null)
    return receive(outside, document, status.message_id, size)
  })
  while (asked) {
    const answer = await ask(conversation, ctx, asked.question, asked.session)
    const session = asked.session
    if (answer === null) {
      await conversation.external((outside) => outside.services.intake.cancel(outside.actor, session))
      return void (await ctx.reply(ctx.t("upload-cancelled")))
    }
    asked = await conversation.external(async (outside) => told(outside, await outside.services.intake.answer(outside.actor, session, answer, { translate: outside.t })))
  }
}

/** The answer to the intake's question, or null when the sender cancelled the upload. */
async function ask(conversation: Conv, ctx: ConversationContext, question: IntakeQuestion, session: IntakeSession): Promise<IntakeAnswer | null> {
  switch (question.ask) {
    case "scope":
      return askScope(conversation, ctx, question)
    case "procedure":
      return { procedure: await pickProcedure(conversation, ctx, question.known, { candidates: question.candidates, partial: question.partial, question: ctx.t("upload-ask-procedure") }) }
    case "school": {
      await ctx.reply(ctx.t("upload-ask-school"))
      return { schoolLogin: (await conversation.waitFor("message:text", { otherwise: (other) => other.reply(ctx.t("upload-ask-school")) })).message.text }
    }
    case "exclude-invalid-rows":
      return { excludeInvalidRows: await choose(conversation, ctx, { question: "upload-exclude-offer", yes: "upload-exclude", choice: "exclude", stacked: true }) }
    case "confirm-warnings":
      return { warningsConfirmed: await choose(conversation, ctx, { question: "upload-confirm-question", yes: "upload-confirm", choice: "confirm", stacked: false }) }
    case "confirm-spec":
      return { spec: await confirmSpec(conversation, ctx, question, session.uploadId) }
    case "confirm-spec-changes":
      await ctx.reply(specChangesText(ctx.t, question.changes) ?? "")
      return { specChangesConfirmed: await choose(conversation, ctx, { question: "spec-changes-question", yes: "spec-changes-save", choice: "save", stacked: false }) }
  }
}

/**
 * A spec proposed from the file: its tasks and doubts in words, the same as a workbook to correct, and «Сохранить и
 * загрузить» (when it can be stored as it is) or «Отменить». A corrected workbook sent instead is read here and
 * handed to the intake, which checks it against the file; one it cannot read is answered with its problems.
 */
async function confirmSpec(conversation: Conv, ctx: ConversationContext, question: Extract<IntakeQuestion, { ask: "confirm-spec" }>, uploadId: number): Promise<"proposed" | Omit<ProcedureSpec, "version"> | false> {
  const asked = await conversation.external(async (outside) => {
    const t = outside.t
    if (question.misfit.length > 0) for (const text of splitMessages(t("spec-proposal-fix-rejected"), problemLines(t, question.misfit))) await outside.reply(text)
    for (const text of splitMessages(proposalText(t, question.proposal, question).join("\n\n"), [])) await outside.reply(text)
    const workbook = await proposalWorkbook(t, question.proposal)
    await outside.api.sendDocument(outside.chat!.id, new InputFile(workbook.bytes, workbook.fileName), { caption: t("spec-proposal-file-caption") })
    const keyboard = new InlineKeyboard()
    if (question.storable) keyboard.text(t("spec-proposal-confirm"), uploadChoice.pack({ choice: "spec" })).row()
    keyboard.text(t("upload-cancel"), uploadChoice.pack({ choice: "cancel" }))
    await markAwaitingSpec(outside, uploadId)
    return (await outside.reply(t(question.storable ? "spec-proposal-question" : "spec-proposal-fix-only"), { reply_markup: keyboard })).message_id
  })
  for (;;) {
    const next = await conversation.waitFor(["callback_query:data", "message:document"], { otherwise: (other) => other.reply(ctx.t("spec-proposal-send-fixed")) })
    if (next.callbackQuery) {
      const choice = uploadChoice.unpack(next.callbackQuery.data)?.choice
      // Only the proposal's own buttons answer it: an older message's «Отменить» must not cancel this upload.
      if ((choice !== "spec" && choice !== "cancel") || next.callbackQuery.message?.message_id !== asked) {
        await next.answerCallbackQuery({ text: ctx.t("tap-stale") })
        continue
      }
      await next.answerCallbackQuery()
      await next.editMessageReplyMarkup().catch(() => {})
      await conversation.external((outside) => markAwaitingSpec(outside, null))
      return choice === "spec" ? "proposed" : false
    }
    const document = next.message!.document!
    const read = await conversation.external(async (outside) => outside.services.specs.read((await downloadDocument(outside.api, document)).bytes))
    if ("spec" in read) {
      await ctx.api.editMessageReplyMarkup(ctx.chat!.id, asked).catch(() => {})
      await conversation.external((outside) => markAwaitingSpec(outside, null))
      return read.spec
    }
    for (const text of splitMessages(ctx.t("spec-proposal-fix-rejected"), problemLines(ctx.t, read.problems.slice(0, 20)))) await ctx.reply(text)
  }
}

/** Which schools of the file to load, asked before any error list: only hers, hers and the rest for comparison, or none. */
async function askScope(conversation: Conv, ctx: ConversationContext, question: Extract<IntakeQuestion, { ask: "scope" }>): Promise<IntakeAnswer | null> {
  const t = ctx.t
  const { mine, count, others } = question
  const lines = [
    t("upload-scope-mine", { total: count + others, count }),
    ...mine.map((school) => `• ${school.name ? `${school.name} (${school.login})` : school.login}`),
    ...(count > mine.length ? [t("upload-scope-more", { count: count - mine.length })] : []),
    "",
    t(question.reference ? "upload-scope-reference" : "upload-scope-others", { others }),
    "",
    t("upload-scope-question"),
  ]
  const keyboard = new InlineKeyboard()
  if (question.reference) keyboard.text(t("upload-scope-with-reference", { count }), uploadChoice.pack({ choice: "reference" })).row()
  keyboard.text(t("upload-scope-only-mine", { count }), uploadChoice.pack({ choice: "mine" })).row()
  keyboard.text(t("upload-cancel"), uploadChoice.pack({ choice: "cancel" }))
  const { data } = await askWithButtons(conversation, ctx, { text: lines.join("\n"), keyboard, filter: uploadChoice.filter, remind: t("upload-use-buttons") })
  const choice = uploadChoice.unpack(data)?.choice
  if (choice === "mine") return { scope: "mine" }
  if (choice === "reference" && question.reference) return { scope: "with-reference" }
  return null
}

/** Yes or cancel, with buttons; the keyboard is removed once chosen. */
async function choose(conversation: Conv, ctx: ConversationContext, ask: { question: string; yes: string; choice: string; stacked: boolean }): Promise<boolean> {
  const keyboard = new InlineKeyboard().text(ctx.t(ask.yes), uploadChoice.pack({ choice: ask.choice }))
  if (ask.stacked) keyboard.row()
  keyboard.text(ctx.t("upload-cancel"), uploadChoice.pack({ choice: "cancel" }))
  const { data } = await askWithButtons(conversation, ctx, { text: ctx.t(ask.question), keyboard, filter: uploadChoice.filter, remind: ctx.t("upload-use-buttons") })
  return uploadChoice.unpack(data)?.choice === ask.choice
}
