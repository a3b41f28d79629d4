/**
 * The chat side of the intake: the file handed over, and what each step says — its notices, what was stored, why
 * not. The decisions are the intake's (services/intake); the questions are asked by conversations/upload.ts.
 */
import { InlineKeyboard, InputFile } from "grammy"
import type { Document } from "grammy/types"
import { procedureTitle, type ProcedureKey } from "../../domain/results.ts"
import type { Translate } from "../../i18n.ts"
import type { IntakeNotice, IntakeQuestion, IntakeRefusal, IntakeSession, IntakeStep, StoredUpload } from "../../services/intake/flow.ts"
import type { BotContext } from "../context.ts"
import { downloadDocument, FileTooLargeError } from "../files.ts"
import { uploadAnalysisButton } from "../features/analysis.ts"
import { groupLines, problemLinesWithin, splitMessages } from "./problems.ts"
import { skippedList } from "../../services/schools/directory.ts"

const PROGRESS_FROM_ROWS = 1000
/** A message is at most 4096 characters; the outside-data refusal keeps a margin for its head. */
const MESSAGE_BUDGET = 3900

/** A step's question and session, JSON-safe for a conversation's replay log; null once the upload has ended. */
export type Asked = { question: IntakeQuestion; session: IntakeSession } | null

/** Downloads and hands the file to the intake, showing how many rows were read so far (a courtesy, never a failure). */
export async function receive(outside: BotContext, document: Document, statusMessageId: number, size: string): Promise<Asked> {
  const file = await downloadDocument(outside.api, document).catch((error: unknown) => {
    outside.log.warn({ err: error }, "download failed")
    return error instanceof FileTooLargeError ? "upload-too-large" : "upload-download-failed"
  })
  if (typeof file === "string") {
    await outside.reply(outside.t(file, { size }))
    return null
  }
  // The first progress line as soon as a large file is being read, then one every 2 s.
  let lastEdit = 0
  const onProgress = (rows: number) => {
    // A file of fewer rows is read before anyone could look at a progress line.
    if (rows < PROGRESS_FROM_ROWS || Date.now() - lastEdit < 2_000) return
    lastEdit = Date.now()
    outside.api.editMessageText(outside.chat!.id, statusMessageId, outside.t("upload-progress", { name: file.fileName, rows })).catch(() => {})
  }
  // Other files take every reading slot: say the place in line, and that reading has begun once it has.
  const onQueued = (place: number) => {
    const text = place > 0 ? outside.t("upload-queued", { name: file.fileName, place }) : outside.t("upload-reading", { name: file.fileName })
    outside.api.editMessageText(outside.chat!.id, statusMessageId, text).catch(() => {})
  }
  return told(outside, await outside.services.intake.receive(outside.actor, file, { translate: outside.t, onProgress, onQueued }))
}

/** Says the step (sending its bytes from here, outside the replay log) and returns only its question, JSON-safe. */
export async function told(outside: BotContext, step: IntakeStep): Promise<Asked> {
  await tellStep(outside, step)
  return step.step === "question" ? { question: step.question, session: step.session } : null
}

/** Says a step's notices, its own message (unless it is a question, which the dialog asks) and its follow-up. */
export async function tellStep(ctx: BotContext, step: IntakeStep): Promise<void> {
  for (const notice of step.notices) await tellNotice(ctx, notice)
  if (step.step === "stored") await tellStored(ctx, step.stored)
  else if (step.step === "refused") for (const text of refusalMessages(ctx.t, step.refusal)) await ctx.reply(text)
  else if (step.step === "cancelled") await ctx.reply(ctx.t("upload-cancelled"))
  for (const notice of step.followUp) await tellNotice(ctx, notice)
}

async function tellNotice(ctx: BotContext, notice: IntakeNotice): Promise<void> {
  const t = ctx.t
  switch (notice.notice) {
    case "read":
      await ctx.reply(t("upload-read", { title: procedureTitle(notice.procedure), schools: notice.schools, present: notice.present, absent: notice.absent }))
      return
    case "errors":
      for (const text of splitMessages(t("upload-errors", { errors: notice.problems.errors, warnings: notice.problems.warnings }), groupLines(t, notice.problems.groups))) await ctx.reply(text)
      return
    case "warnings":
      for (const text of splitMessages(t("upload-warnings", { warnings: notice.problems.warnings }), groupLines(t, notice.problems.groups))) await ctx.reply(text)
      return
    case "spec-saved":
      await ctx.reply(specSavedText(t, notice.spec, notice.municipality))
      return
    case "problems-workbook": {
      // Sent straight from outside a conversation's replay log: it is bytes.
      const name = t("file-problems", { name: notice.fileName.replace(/\.xlsx$/i, "") })
      await ctx.api.sendDocument(ctx.chat!.id, new InputFile(notice.bytes, name), { caption: t("upload-problems-file") })
    }
  }
}

async function tellStored(ctx: BotContext, stored: StoredUpload): Promise<void> {
  const t = ctx.t
  switch (stored.kind) {
    case "results": {
      const lines = [t("upload-done", { title: procedureTitle(stored.procedure), schools: stored.schools, created: stored.created, present: stored.present, absent: stored.absent })]
      if (stored.excluded > 0) lines.push(t("upload-excluded", { count: stored.excluded }))
      if (stored.replaced > 0) lines.push(t("upload-replaced", { count: stored.replaced }))
      if (stored.reference > 0) lines.push(t("upload-done-reference", { count: stored.reference }))
      if ((stored.referenceLeftOut ?? 0) > 0) lines.push(t("upload-reference-left-out", { count: stored.referenceLeftOut ?? 0 }))
      if (stored.keptOwn > 0) lines.push(t("upload-kept-own", { count: stored.keptOwn }))
      const keyboard = new InlineKeyboard().text(t("upload-open-analysis"), uploadAnalysisButton.pack({ uploadId: stored.uploadId }))
      await ctx.reply(lines.join("\n"), { reply_markup: keyboard })
      return
    }
    case "outside-data":
      await ctx.reply(t("outside-imported", { exams: stored.exams, medalists: stored.medalists, rechecks: stored.rechecks, schools: stored.schools }))
      return
    case "context-form":
      await ctx.reply(
        [
          t("directory-imported", { created: stored.created, updated: stored.updated }),
          ...(stored.skipped.length > 0 ? [t("directory-skipped", { count: stored.skipped.length, list: skippedList(stored.skipped) })] : []),
        ].join("\n"),
      )
      return
    case "spec":
      await ctx.reply(specSavedText(t, stored.spec, stored.municipality))
  }
}

export function specSavedText(
  t: Translate,
  spec: { kind: ProcedureKey["kind"]; year: number; subject: string; grade: number; version: number; tasks: unknown[]; maxTotal: number },
  municipality: string | null,
): string {
  const scope = municipality === null ? t("spec-scope-region") : t("spec-scope-municipality", { municipality })
  return `${t("spec-saved", { title: procedureTitle(spec), version: spec.version, tasks: spec.tasks.length, max: spec.maxTotal })} ${scope}`
}

/** The refusal in as many messages as Telegram's limit needs (a list of problems may be long). */
function refusalMessages(t: Translate, refusal: IntakeRefusal): string[] {
  if (refusal.reason !== "not_allowed" && refusal.kind === "spec") return splitMessages(t("spec-rejected"), groupLines(t, refusal.groups))
  if (refusal.reason !== "not_allowed" && refusal.kind !== "outside-data" && refusal.why === "unreadable") {
    return splitMessages(t("upload-not-accepted"), [...groupLines(t, refusal.groups), "", t("upload-template-hint")])
  }
  return [refusalText(t, refusal)]
}

/** The first logins of a list, then how many more: a regional file names hundreds. */
function loginList(logins: readonly string[], shown = 10): string {
  return logins.length > shown ? `${logins.slice(0, shown).join(", ")} … (+${logins.length - shown})` : logins.join(", ")
}

function refusalText(t: Translate, refusal: IntakeRefusal): string {
  if (refusal.reason === "not_allowed") {
    if (refusal.kind === "spec") return t("spec-not-allowed")
    if (refusal.kind === "outside-data") return refusal.outside.length === 0 ? t("outside-not-allowed-role") : t("outside-not-allowed", { schools: refusal.outside.join(", ") })
    if (refusal.noneOfSender) return t("upload-scope-none", { count: refusal.outside.length, schools: loginList(refusal.outside) })
    return t("upload-not-allowed", { schools: loginList(refusal.outside) })
  }
  if (refusal.kind === "outside-data") {
    const total = refusal.errors + refusal.warnings
    const head = t("outside-rejected", { count: total })
    const { lines, shown } = problemLinesWithin(t, refusal.groups, MESSAGE_BUDGET - head.length)
    if (total > shown) lines.push(t("outside-more-problems", { count: total - shown }))
    return [head, ...lines].join("\n")
  }
  if (refusal.kind === "spec") return [t("spec-rejected"), ...groupLines(t, refusal.groups)].join("\n")
  switch (refusal.why) {
    case "errors":
    case "no-participants":
      return t("upload-fix-and-resend")
    case "needs-spec":
      return t("upload-needs-spec", { title: procedureTitle(refusal.procedure as ProcedureKey) })
    case "still-unknown":
      return t("upload-still-unknown")
    case "unreadable":
      return [t("upload-not-accepted"), ...groupLines(t, refusal.groups), "", t("upload-template-hint")].join("\n")
  }
}
