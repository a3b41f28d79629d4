/** What the risk feature and its dialogs both show: a case's card, a school's analysis, a re-check plan. */
import { InlineKeyboard, InputFile } from "grammy"
import { DEFAULT_WORKS_PER_SCHOOL } from "../../domain/risk/recheck-plan.ts"
import { MAX_PLAN_SIZE } from "../../services/risk/recheck.ts"
import type { BotContext } from "../context.ts"
import { caseCardText } from "../formatting/risk.ts"
import { analysisButton, measureButton, measureDoneButton, noteButton, dueButton, ownButton, planButton, planFileButton, planSizeButton, scoresButton, statusMenuButton } from "./risk-buttons.ts"

/** A stale or forged id, a case of another municipality, or a user without the role: each said plainly. */
export async function notAllowedOrMissing(ctx: BotContext, outcome: { reason: string; outside?: string[] }) {
  const key = outcome.reason === "not_found" ? "risk-not-found" : (outcome.outside?.length ?? 0) > 0 ? "risk-outside" : "risk-not-allowed"
  await ctx.reply(ctx.t(key))
}

export async function showCase(ctx: BotContext, caseId: number) {
  const outcome = await ctx.services.risk.cases.details(ctx.actor, caseId)
  if (!outcome.ok) return notAllowedOrMissing(ctx, outcome)
  const c = outcome.case
  const keyboard = new InlineKeyboard()
  if (c.status !== "closed") {
    if (c.ownerId !== ctx.actor.userId) keyboard.text(ctx.t("risk-button-own"), ownButton.pack({ caseId }))
    keyboard.text(ctx.t("risk-button-status"), statusMenuButton.pack({ caseId })).row()
    keyboard.text(ctx.t("risk-button-note"), noteButton.pack({ caseId })).text(ctx.t("risk-button-due"), dueButton.pack({ caseId })).row()
    keyboard.text(ctx.t("risk-button-plan"), planButton.pack({ caseId })).text(ctx.t("risk-button-scores"), scoresButton.pack({ caseId })).row()
    keyboard.text(ctx.t("risk-button-measure"), measureButton.pack({ caseId }))
  }
  keyboard.text(ctx.t("risk-button-analysis"), analysisButton.pack({ caseId })).row()
  const latest = c.rechecks.at(-1)
  if (latest) keyboard.text(ctx.t("risk-button-plan-file", { plan: latest.planId }), planFileButton.pack({ planId: latest.planId })).row()
  for (const m of c.measures.filter((m) => m.status === "planned").slice(0, 3)) {
    const label = ctx.t(`risk-measure-${m.kind}`)
    keyboard.text(`✓ ${label}`, measureDoneButton.pack({ measureId: m.id, caseId, status: "done" })).row()
  }
  await ctx.reply(caseCardText(ctx.t, c), { reply_markup: keyboard })
}

export async function showSchoolAnalysis(ctx: BotContext, key: Parameters<BotContext["services"]["analysis"]["school"]>[1], schoolId: number) {
  const view = await ctx.services.analysis.school(ctx.actor, key, schoolId, ctx.t)
  if (typeof view === "string") return ctx.reply(ctx.t(view === "not_allowed" ? "analysis-not-allowed" : "analysis-nothing"))
  await ctx.reply(view.text)
  for (const chart of view.charts) await ctx.replyWithPhoto(new InputFile(chart.png, "chart.png"), { caption: chart.caption })
}

export async function askPlanSize(ctx: BotContext, caseId: number) {
  const keyboard = new InlineKeyboard()
  for (const size of [DEFAULT_WORKS_PER_SCHOOL, 15, 20]) keyboard.text(ctx.t("risk-plan-size", { size }), planSizeButton.pack({ caseId, size }))
  keyboard.row().text(ctx.t("risk-plan-other"), planSizeButton.pack({ caseId, size: 0 }))
  await ctx.reply(ctx.t("risk-plan-choose", { id: caseId }), { reply_markup: keyboard })
}

export async function sendPlan(ctx: BotContext, caseId: number, size: number) {
  await ctx.replyWithChatAction("upload_document")
  const outcome = await ctx.services.risk.rechecks.planForCase(ctx.actor, caseId, size, ctx.t)
  if (!outcome.ok) {
    if (outcome.reason === "bad_size") return ctx.reply(ctx.t("risk-plan-bad-size", { max: MAX_PLAN_SIZE }))
    if (outcome.reason === "no_results") return ctx.reply(ctx.t("risk-plan-no-results"))
    return notAllowedOrMissing(ctx, outcome)
  }
  await ctx.replyWithDocument(new InputFile(outcome.file.bytes, outcome.file.fileName), {
    caption: ctx.t("risk-plan-done", { plan: outcome.planId, works: outcome.works }),
    reply_markup: new InlineKeyboard().text(ctx.t("risk-button-scores"), scoresButton.pack({ caseId })),
  })
}

