import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard } from "grammy"
import { MEASURE_KINDS } from "../../domain/risk/case-status.ts"
import { parseCount, parseDayMonthYear } from "../../domain/risk/input.ts"
import { russianDate } from "../../domain/calendar/dates.ts"
import { describe } from "../../services/analysis/signs/common/describe.ts"
import { MAX_PLAN_SIZE } from "../../services/risk/recheck.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { askTextOrSkip, askWithButtons } from "./tap-on.ts"
import { downloadDocument } from "../files.ts"
import { recheckReportText } from "../formatting/risk.ts"
import { measureKindButton, measureOwnerMeButton } from "../features/risk-buttons.ts"
import { sendPlan, showCase } from "../features/risk-views.ts"

/**
 * The short dialogs of a risk case: a note, the reason of «не подтверждено», a due date, a plan's size; a follow-up
 * measure (kind, due date, owner); the commission's scores (a file). Each ends after one answer; /cancel leaves any.
 */
export const RISK_TEXT_CONVERSATION = "risk-text"
export const RISK_MEASURE_CONVERSATION = "risk-measure"
export const RISK_SCORES_CONVERSATION = "risk-scores"

type Conv = Conversation<BotContext, ConversationContext>
export type TextInput = "note" | "not_confirmed" | "due" | "plan_size"


/** Reads text until it parses (three tries), or null. */
async function readParsed<T>(conversation: Conv, ctx: ConversationContext, parse: (text: string) => T | null, retry: string): Promise<T | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = await conversation.waitFor("message:text", { otherwise: (other) => other.reply(ctx.t("risk-ask-text-again")) })
    const parsed = parse(answer.message.text)
    if (parsed !== null) return parsed
    await ctx.reply(retry)
  }
  return null
}

export async function riskTextConversation(conversation: Conv, ctx: ConversationContext, caseId: number, what: TextInput) {
  const example = await conversation.external((outside) => outside.services.risk.exampleDueDate())
  const prompts: Record<TextInput, string> = {
    note: ctx.t("risk-ask-note", { id: caseId }),
    not_confirmed: ctx.t("risk-ask-reason", { id: caseId }),
    due: ctx.t("risk-ask-due", { id: caseId, example }),
    plan_size: ctx.t("risk-ask-size", { max: MAX_PLAN_SIZE }),
  }
  await ctx.reply(prompts[what])
  if (what === "due") {
    const date = await readParsed(conversation, ctx, parseDayMonthYear, ctx.t("risk-bad-date", { example }))
    if (date === null) return
    const saved = await conversation.external((outside) => outside.services.risk.cases.setDue(outside.actor, caseId, date))
    await ctx.reply(saved.ok ? ctx.t("risk-due-saved", { id: caseId, date: russianDate(date) }) : saved.reason === "bad_date" ? ctx.t("risk-bad-date", { example }) : ctx.t("risk-not-allowed"))
    return
  }
  if (what === "plan_size") {
    const size = await readParsed(conversation, ctx, (text) => parseCount(text, 1, MAX_PLAN_SIZE), ctx.t("risk-bad-size", { max: MAX_PLAN_SIZE }))
    // The plan's file is bytes: it is sent from outside the replay log.
    if (size !== null) await conversation.external((outside) => sendPlan(outside, caseId, size))
    return
  }
  const text = await readParsed(conversation, ctx, (value) => (value.trim() === "" ? null : value), ctx.t("risk-ask-text-again"))
  if (text === null) return
  if (what === "note") {
    const saved = await conversation.external((outside) => outside.services.risk.cases.addNote(outside.actor, caseId, text))
    await ctx.reply(saved.ok ? ctx.t("risk-note-saved", { id: caseId }) : ctx.t("risk-not-allowed"))
    return
  }
  const moved = await conversation.external((outside) => outside.services.risk.cases.move(outside.actor, caseId, "not_confirmed", text))
  if (moved.ok) await ctx.reply(ctx.t("risk-status-saved", { id: caseId, status: ctx.t("risk-status-not_confirmed") }))
  else await ctx.reply(moved.reason === "bad_move" || moved.reason === "reason_needed" ? ctx.t("risk-status-bad-move", { status: "—" }) : ctx.t("risk-not-allowed"))
}

export async function riskMeasureConversation(conversation: Conv, ctx: ConversationContext, caseId: number, preset: string | null) {
  let kind = preset
  if (kind === null) {
    const keyboard = new InlineKeyboard()
    for (const k of MEASURE_KINDS) keyboard.text(ctx.t(`risk-measure-${k}`), measureKindButton.pack({ kind: k })).row()
    const { data } = await askWithButtons(conversation, ctx, { text: ctx.t("risk-measure-choose", { id: caseId }), keyboard, filter: measureKindButton.filter, remind: ctx.t("pick-use-buttons") })
    kind = measureKindButton.unpack(data)!.kind
  }
  const example = await conversation.external((outside) => outside.services.risk.exampleDueDate())
  await ctx.reply(ctx.t("risk-measure-ask-due", { kind: ctx.t(`risk-measure-${kind}`), example }))
  const dueDate = await readParsed(conversation, ctx, parseDayMonthYear, ctx.t("risk-bad-date", { example }))
  if (dueDate === null) return
  const ownerName = await askTextOrSkip(conversation, ctx, { text: ctx.t("risk-measure-ask-owner"), skip: ctx.t("risk-measure-me"), skipData: measureOwnerMeButton.pack({}) })
  const chosen = kind
  const saved = await conversation.external((outside) => outside.services.risk.cases.addMeasure(outside.actor, caseId, { kind: chosen, dueDate, ownerName }))
  if (!saved.ok) {
    await ctx.reply(saved.reason === "bad_date" ? ctx.t("risk-bad-date", { example }) : ctx.t("risk-not-allowed"))
    return
  }
  const owner = ownerName ?? (await conversation.external((outside) => outside.actor.firstName))
  await ctx.reply(
    ctx.t("risk-measure-saved", {
      line: ctx.t("risk-measure-line", { kind: ctx.t(`risk-measure-${kind}`), owner, due: russianDate(dueDate), status: ctx.t("risk-measure-status-planned") }),
    }),
  )
}

export async function riskScoresConversation(conversation: Conv, ctx: ConversationContext, planId: number, caseId: number) {
  await ctx.reply(ctx.t("risk-scores-send", { plan: planId }))
  const answer = await conversation.waitFor("message:document", { otherwise: (other) => other.reply(ctx.t("risk-scores-send-file")) })
  const document = answer.message.document
  // Download, check and store outside the replay log (bytes never enter it); the reply text comes back.
  const reply = await conversation.external(async (outside) => {
    const file = await downloadDocument(outside.api, document).catch(() => null)
    if (!file) return { text: outside.t("risk-scores-download-failed"), stored: false }
    const outcome = await outside.services.risk.rechecks.importScores(outside.actor, planId, file)
    if (outcome.ok) return { text: recheckReportText(outside.t, outcome.works, outcome.schools, (sign) => describe(sign, outside.t)), stored: true }
    if (outcome.reason === "problems") {
      const shown = outcome.problems.slice(0, 25).map((p) => `• ${outside.t(p.message ?? `risk-problem-${p.code}`, { ...p.params, cell: p.cell ?? "" })}`)
      const more = outcome.problems.length > shown.length ? [outside.t("risk-scores-more", { count: outcome.problems.length - shown.length })] : []
      return { text: [outside.t("risk-scores-refused", { count: outcome.problems.length }), ...shown, ...more].join("\n"), stored: false }
    }
    return { text: outside.t(outcome.reason === "not_found" ? "risk-not-found" : "risk-not-allowed"), stored: false }
  })
  await ctx.reply(reply.text)
  if (reply.stored) await conversation.external((outside) => showCase(outside, caseId))
}
