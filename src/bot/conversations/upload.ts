import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard, InputFile } from "grammy"
import type { Document } from "grammy/types"
import { procedureTitle, type ProcedureKey } from "../../domain/results.ts"
import type { IntakeChoices } from "../../services/results/intake.ts"
import { PROBLEMS_SHOWN, type ParseView } from "../../services/results/intake-view.ts"
import type { OutsideImportOutcome } from "../../services/outside/import.ts"
import type { Translate } from "../../i18n.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { downloadDocument, FileTooLargeError, MAX_DOWNLOAD_BYTES } from "../files.ts"
import { problemLines, problemLinesWithin } from "../formatting/problems.ts"
import { pickProcedure } from "./procedure-picker.ts"

export const UPLOAD_CONVERSATION = "upload"
type Conv = Conversation<BotContext, ConversationContext>

/**
 * File in → (procedure or school asked when the file does not say) → problems shown, warnings confirmed →
 * stored → summary. The file is kept the moment it arrives, whatever happens after.
 */
export async function uploadConversation(conversation: Conv, ctx: ConversationContext) {
  let document = ctx.message?.document
  if (!document) {
    await ctx.reply(ctx.t("upload-send-file"))
    document = (await conversation.waitFor("message:document", { otherwise: (other) => other.reply(ctx.t("upload-send-file")) })).message.document
  }
  if ((document.file_size ?? 0) > MAX_DOWNLOAD_BYTES) {
    await ctx.reply(ctx.t("upload-too-large", { size: megabytes(document.file_size ?? 0) }))
    return
  }
  const status = await ctx.reply(ctx.t("upload-reading", { name: document.file_name ?? "" }))
  const received = await conversation.external((outside) => receive(outside, document, status.message_id))
  if (!received.ok) {
    await ctx.reply(ctx.t(received.reason === "too_large" ? "upload-too-large" : "upload-download-failed", { size: megabytes(document.file_size ?? 0) }))
    return
  }
  const { uploadId } = received
  const choices: IntakeChoices = {}
  let view = received.view

  // Ask what the file does not say, then read it again with the answers.
  for (let round = 0; view.status === "needs-input" && round < 3; round++) {
    if (view.missing.some((part) => part !== "school")) {
      const known = await conversation.external((outside) => outside.services.intake.knownProcedures())
      choices.procedure = await pickProcedure(conversation, ctx, known, {
        candidates: view.candidates,
        partial: view.procedure,
        question: ctx.t("upload-ask-procedure"),
      })
    }
    if (view.missing.includes("school")) {
      const own = await conversation.external((outside) => outside.services.intake.ownSchoolLogin(outside.actor))
      if (own) choices.schoolLogin = own
    }
    if (view.missing.includes("school") && !choices.schoolLogin) {
      await ctx.reply(ctx.t("upload-ask-school"))
      choices.schoolLogin = (await conversation.waitFor("message:text", { otherwise: (other) => other.reply(ctx.t("upload-ask-school")) })).message.text
    }
    view = await conversation.external((outside) => reread(outside, uploadId, choices))
  }

  if (view.outsideData) {
    // The reply and the problem report go out from here: the report is bytes, which the replay log must not hold.
    await conversation.external(async (outside) => {
      const { outcome, report } = await outside.services.intake.importOutsideWithReport(outside.actor, uploadId, outside.t)
      await outside.reply(outsideReply(outside.t, outcome))
      if (report) await sendProblemsFile(outside, report.bytes, report.fileName)
    })
    return
  }
  if (view.contextForm) {
    const directory = await conversation.external((outside) => outside.services.intake.importDirectory(outside.actor, uploadId))
    if (directory?.ok) {
      await ctx.reply(ctx.t("directory-imported", { created: directory.created, updated: directory.updated }))
      return
    }
  }
  if (view.status !== "parsed") {
    await ctx.reply(notImportable(ctx, view))
    await conversation.external((outside) => outside.services.intake.markRejected(outside.actor, uploadId, "rejected", view.status, { personalData: view.personalData }))
    return
  }
  await ctx.reply(readSummary(ctx, view))

  if (view.errors > 0) {
    await ctx.reply([ctx.t("upload-errors", { errors: view.errors, warnings: view.warnings }), ...problemLines(ctx.t, view.shown)].join("\n"))
    await conversation.external((outside) => sendProblemsWorkbook(outside, uploadId, choices))
    if (!view.onlyRowErrors) {
      await conversation.external((outside) => outside.services.intake.markRejected(outside.actor, uploadId, "rejected", "errors", { personalData: view.personalData }))
      await ctx.reply(ctx.t("upload-fix-and-resend"))
      return
    }
    const keyboard = new InlineKeyboard().text(ctx.t("upload-exclude"), "up:exclude").row().text(ctx.t("upload-cancel"), "up:cancel")
    await ctx.reply(ctx.t("upload-exclude-offer"), { reply_markup: keyboard })
    if (!(await confirmed(conversation, ctx, "up:exclude"))) return cancel(conversation, ctx, uploadId)
    choices.excludeInvalidRows = true
    view = await conversation.external((outside) => reread(outside, uploadId, choices))
    if (!view.canImport) {
      await ctx.reply(notImportable(ctx, view))
      return
    }
  }
  if (view.warnings > 0) {
    await ctx.reply([ctx.t("upload-warnings", { warnings: view.warnings }), ...problemLines(ctx.t, view.shown)].join("\n"))
    if (!choices.excludeInvalidRows) await conversation.external((outside) => sendProblemsWorkbook(outside, uploadId, choices))
    const keyboard = new InlineKeyboard().text(ctx.t("upload-confirm"), "up:confirm").text(ctx.t("upload-cancel"), "up:cancel")
    await ctx.reply(ctx.t("upload-confirm-question"), { reply_markup: keyboard })
    if (!(await confirmed(conversation, ctx, "up:confirm"))) return cancel(conversation, ctx, uploadId)
  }

  const stored = await conversation.external(async (outside) => {
    const file = await outside.services.intake.load(uploadId)
    return outside.services.intake.store(outside.actor, uploadId, file, choices)
  })
  if (!stored.ok) {
    await ctx.reply(stored.reason === "not_allowed" ? ctx.t("upload-not-allowed", { schools: stored.schools.join(", ") }) : ctx.t("upload-fix-and-resend"))
    return
  }
  const replaced = stored.schools.filter((school) => school.version > 1).length
  const lines = [
    ctx.t("upload-done", {
      title: procedureTitle(view.procedure as ProcedureKey),
      schools: stored.schools.length,
      created: stored.schools.filter((school) => school.created).length,
      present: stored.present,
      absent: stored.absent,
    }),
  ]
  if (replaced > 0) lines.push(ctx.t("upload-replaced", { count: replaced }))
  await ctx.reply(lines.join("\n"), { reply_markup: new InlineKeyboard().text(ctx.t("upload-open-analysis"), `an:u:${stored.uploadId}`) })
}

async function receive(outside: BotContext, document: Document, statusMessageId: number) {
  let file
  try {
    file = await downloadDocument(outside.api, document)
  } catch (error) {
    outside.log.warn({ err: error }, "download failed")
    return { ok: false as const, reason: error instanceof FileTooLargeError ? ("too_large" as const) : ("download_failed" as const) }
  }
  const uploadId = await outside.services.intake.keep(outside.actor, file)
  const chatId = outside.chat!.id
  let lastEdit = Date.now()
  const parsed = await outside.services.intake.read(file, {}, (rows) => {
    if (Date.now() - lastEdit < 2_000) return
    lastEdit = Date.now()
    const text = outside.t("upload-progress", { name: file.fileName, rows })
    outside.api.editMessageText(chatId, statusMessageId, text).catch(() => {}) // progress is a courtesy, never a failure
  })
  return { ok: true as const, uploadId, view: outside.services.intake.view(parsed) }
}

async function reread(outside: BotContext, uploadId: number, choices: IntakeChoices): Promise<ParseView> {
  const file = await outside.services.intake.load(uploadId)
  return outside.services.intake.view(await outside.services.intake.read(file, choices))
}

/** The full list of problems, with the cells highlighted, as an XLSX sent straight from outside the replay log. */
async function sendProblemsWorkbook(outside: BotContext, uploadId: number, choices: IntakeChoices): Promise<void> {
  const file = await outside.services.intake.load(uploadId)
  const report = await outside.services.intake.problemsWorkbook(file, choices, outside.t)
  if (report) await sendProblemsFile(outside, report, file.fileName)
}

async function sendProblemsFile(outside: BotContext, report: Buffer, fileName: string): Promise<void> {
  const name = fileName.replace(/\.xlsx$/i, "") + " — проблемы.xlsx"
  await outside.api.sendDocument(outside.chat!.id, new InputFile(report, name), { caption: outside.t("upload-problems-file") })
}

async function confirmed(conversation: Conv, ctx: ConversationContext, yes: string): Promise<boolean> {
  const answer = await conversation.waitForCallbackQuery(/^up:/, { otherwise: (other) => other.reply(ctx.t("upload-use-buttons")) })
  await answer.answerCallbackQuery()
  await answer.editMessageReplyMarkup().catch(() => {})
  return answer.callbackQuery.data === yes
}

async function cancel(conversation: Conv, ctx: ConversationContext, uploadId: number) {
  await conversation.external((outside) => outside.services.intake.markRejected(outside.actor, uploadId, "cancelled", "by sender"))
  await ctx.reply(ctx.t("upload-cancelled"))
}

function readSummary(ctx: ConversationContext, view: ParseView): string {
  return ctx.t("upload-read", {
    title: procedureTitle(view.procedure as ProcedureKey),
    schools: view.schools,
    present: view.stats.present,
    absent: view.stats.absent,
  })
}

function notImportable(ctx: ConversationContext, view: ParseView): string {
  if (view.status === "needs-spec") return ctx.t("upload-needs-spec", { title: procedureTitle(view.procedure as ProcedureKey) })
  if (view.status === "needs-input") return ctx.t("upload-still-unknown")
  return [ctx.t("upload-not-accepted"), ...problemLines(ctx.t, view.shown), "", ctx.t("upload-template-hint")].join("\n")
}

/** The outside-data workbook's summary, or why it was not stored (the first problems, like results). */
function outsideReply(t: Translate, outcome: OutsideImportOutcome): string {
  if (outcome.ok) {
    return t("outside-imported", { exams: outcome.exams, medalists: outcome.medalists, rechecks: outcome.rechecks, schools: outcome.schools })
  }
  switch (outcome.reason) {
    case "not_coordinator":
      return t("outside-not-allowed-role")
    case "not_allowed":
      return t("outside-not-allowed", { schools: outcome.schools.join(", ") })
    case "problems": {
      const head = t("outside-rejected", { count: outcome.problems.length })
      const { lines, shown } = problemLinesWithin(t, outcome.problems.slice(0, PROBLEMS_SHOWN), 3900 - head.length)
      if (outcome.problems.length > shown) lines.push(t("outside-more-problems", { count: outcome.problems.length - shown }))
      return [head, ...lines].join("\n")
    }
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(".", ",")
}
