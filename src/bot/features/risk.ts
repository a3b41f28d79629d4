import { Composer, InlineKeyboard, InputFile } from "grammy"
import { nextStatuses } from "../../domain/risk/case-status.ts"
import { procedureTitle } from "../../domain/results.ts"
import { hasRole, isAdmin } from "../../services/access/roles.ts"
import type { AlertPreferences } from "../../services/risk/preferences.ts"
import { onCallback } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import { RISK_MEASURE_CONVERSATION, RISK_SCORES_CONVERSATION, RISK_TEXT_CONVERSATION } from "../conversations/risk.ts"
import { caseListText } from "../formatting/risk.ts"
import {
  alertButton,
  analysisButton,
  caseButton,
  caseListButton,
  dueButton,
  immediateButton,
  measureButton,
  measureDoneButton,
  noteButton,
  ownButton,
  planButton,
  planFileButton,
  planSizeButton,
  prefsButton,
  recommendationButton,
  scoresButton,
  statusButton,
  statusMenuButton,
  subscribeButton,
} from "./risk-buttons.ts"
import { askPlanSize, notAllowedOrMissing, sendPlan, showCase, showSchoolAnalysis } from "./risk-views.ts"

/**
 * Risk cases for municipal coordinators and admins (/risk, the alerts' buttons), and the neutral «рекомендации по
 * объективности» for school coordinators. Every action goes through services.risk, which checks the scope again.
 */
export const riskFeature = new Composer<BotContext>()
const privateChat = riskFeature.chatType("private")

const coordinators = (ctx: BotContext) => isAdmin(ctx.actor) || hasRole(ctx.actor, "municipal_coordinator")

async function showList(ctx: BotContext) {
  if (!coordinators(ctx)) return showRecommendations(ctx)
  const outcome = await ctx.services.risk.cases.listOpen(ctx.actor)
  if (!outcome.ok) return notAllowedOrMissing(ctx, outcome)
  const keyboard = new InlineKeyboard()
  outcome.cases.slice(0, 15).forEach((c, i) => {
    keyboard.text(`${i + 1} · ${c.schoolLogin}`, caseButton.pack({ caseId: c.id }))
    if (i % 3 === 2) keyboard.row()
  })
  keyboard.row().text(ctx.t("risk-prefs-button"), prefsButton.pack({}))
  await ctx.reply(caseListText(ctx.t, outcome.cases), { reply_markup: keyboard })
}

async function showRecommendations(ctx: BotContext) {
  const outcome = await ctx.services.risk.recommendations(ctx.actor)
  if (!outcome.ok) return ctx.reply(ctx.t("risk-not-allowed"))
  if (outcome.items.length === 0) return ctx.reply(ctx.t("risk-school-nothing"), { reply_markup: new InlineKeyboard().text(ctx.t("risk-prefs-button"), prefsButton.pack({})) })
  const keyboard = new InlineKeyboard()
  for (const item of outcome.items.slice(0, 20)) {
    const [kind, year, subject, grade] = item.procedure.split("|")
    keyboard.text(procedureTitle({ kind: kind as "ВПР", year: Number(year), subject: subject!, grade: Number(grade) }), recommendationButton.pack({ findingId: item.findingId })).row()
  }
  keyboard.text(ctx.t("risk-prefs-button"), prefsButton.pack({}))
  await ctx.reply(ctx.t("risk-school-list"), { reply_markup: keyboard })
}

async function enter(ctx: BotContext, name: string, ...args: unknown[]) {
  await ctx.conversation.exitAll()
  await ctx.conversation.enter(name, ...args)
}

async function showPreferences(ctx: BotContext, preferences: AlertPreferences) {
  const lines = [ctx.t("risk-prefs", { mode: preferences.immediate ? "immediate" : "working" })]
  const keyboard = new InlineKeyboard().text(ctx.t(preferences.immediate ? "risk-prefs-working" : "risk-prefs-immediate"), immediateButton.pack({ on: preferences.immediate ? 0 : 1 }))
  if (preferences.canSubscribe) {
    lines.push(ctx.t("risk-prefs-subscribed", { on: preferences.subscribed ? "yes" : "no" }))
    keyboard.row().text(ctx.t(preferences.subscribed ? "risk-prefs-unsubscribe" : "risk-prefs-subscribe"), subscribeButton.pack({ on: preferences.subscribed ? 0 : 1 }))
  }
  await ctx.reply(lines.join("\n"), { reply_markup: keyboard })
}

privateChat.command("risk", showList)
onCallback(riskFeature, caseListButton, showList)
privateChat.callbackQuery("menu:risk", async (ctx) => {
  await ctx.answerCallbackQuery()
  await showList(ctx)
})
onCallback(riskFeature, caseButton, (ctx, { caseId }) => showCase(ctx, caseId))

onCallback(riskFeature, alertButton, async (ctx, { findingId, action }) => {
  if (action === "details") {
    const target = await ctx.services.risk.findingTarget(ctx.actor, findingId)
    if (!target.ok) return notAllowedOrMissing(ctx, target)
    await showSchoolAnalysis(ctx, target.key, target.schoolId)
    const found = await ctx.services.risk.cases.forFinding(ctx.actor, findingId, false)
    if (found.ok && found.caseId !== null) await showCase(ctx, found.caseId)
    return
  }
  const create = action === "recheck" || action === "observers"
  const found = await ctx.services.risk.cases.forFinding(ctx.actor, findingId, create)
  if (!found.ok) return notAllowedOrMissing(ctx, found)
  if (action === "seen") {
    await ctx.editMessageReplyMarkup().catch(() => {})
    if (found.caseId === null) return ctx.reply(ctx.t("risk-seen-no-case"))
    const seen = await ctx.services.risk.cases.markSeen(ctx.actor, found.caseId)
    if (!seen.ok) return notAllowedOrMissing(ctx, seen)
    return ctx.reply(seen.status === "review" ? ctx.t("risk-seen-saved", { id: found.caseId }) : ctx.t("risk-seen-no-case"))
  }
  if (found.caseId === null) return ctx.reply(ctx.t("risk-not-found"))
  if (action === "recheck") return askPlanSize(ctx, found.caseId)
  if (action === "observers") return enter(ctx, RISK_MEASURE_CONVERSATION, found.caseId, "observers")
})

onCallback(riskFeature, recommendationButton, async (ctx, { findingId }) => {
  const target = await ctx.services.risk.findingTarget(ctx.actor, findingId)
  if (!target.ok) return notAllowedOrMissing(ctx, target)
  await showSchoolAnalysis(ctx, target.key, target.schoolId)
})

onCallback(riskFeature, analysisButton, async (ctx, { caseId }) => {
  const outcome = await ctx.services.risk.cases.details(ctx.actor, caseId)
  if (!outcome.ok) return notAllowedOrMissing(ctx, outcome)
  const [kind, year, subject, grade] = outcome.case.procedure.split("|")
  await showSchoolAnalysis(ctx, { kind: kind as "ВПР", year: Number(year), subject: subject!, grade: Number(grade) }, outcome.case.schoolId)
})

onCallback(riskFeature, statusMenuButton, async (ctx, { caseId }) => {
  const outcome = await ctx.services.risk.cases.details(ctx.actor, caseId)
  if (!outcome.ok) return notAllowedOrMissing(ctx, outcome)
  const keyboard = new InlineKeyboard()
  for (const status of nextStatuses(outcome.case.status)) keyboard.text(ctx.t(`risk-status-${status}`), statusButton.pack({ caseId, status })).row()
  await ctx.reply(ctx.t("risk-status-choose", { id: caseId }), { reply_markup: keyboard })
})

onCallback(riskFeature, statusButton, async (ctx, { caseId, status }) => {
  await ctx.editMessageReplyMarkup().catch(() => {})
  if (status === "not_confirmed") return enter(ctx, RISK_TEXT_CONVERSATION, caseId, "not_confirmed")
  const moved = await ctx.services.risk.cases.move(ctx.actor, caseId, status)
  if (moved.ok) return ctx.reply(ctx.t("risk-status-saved", { id: caseId, status: ctx.t(`risk-status-${moved.status}`) }))
  if (moved.reason === "bad_move" || moved.reason === "reason_needed") return ctx.reply(ctx.t("risk-status-bad-move", { status: "—" }))
  return notAllowedOrMissing(ctx, moved)
})

onCallback(riskFeature, ownButton, async (ctx, { caseId }) => {
  const outcome = await ctx.services.risk.cases.takeOwnership(ctx.actor, caseId)
  if (!outcome.ok) return notAllowedOrMissing(ctx, outcome)
  await ctx.reply(ctx.t("risk-owner-saved", { id: caseId }))
})
onCallback(riskFeature, noteButton, (ctx, { caseId }) => enter(ctx, RISK_TEXT_CONVERSATION, caseId, "note"))
onCallback(riskFeature, dueButton, (ctx, { caseId }) => enter(ctx, RISK_TEXT_CONVERSATION, caseId, "due"))
onCallback(riskFeature, planButton, (ctx, { caseId }) => askPlanSize(ctx, caseId))
onCallback(riskFeature, planSizeButton, async (ctx, { caseId, size }) => {
  await ctx.editMessageReplyMarkup().catch(() => {})
  if (size === 0) return enter(ctx, RISK_TEXT_CONVERSATION, caseId, "plan_size")
  await sendPlan(ctx, caseId, size)
})
onCallback(riskFeature, planFileButton, async (ctx, { planId }) => {
  const outcome = await ctx.services.risk.rechecks.planWorkbook(ctx.actor, planId, ctx.t)
  if (!outcome.ok) return notAllowedOrMissing(ctx, outcome)
  await ctx.replyWithDocument(new InputFile(outcome.file.bytes, outcome.file.fileName))
})
onCallback(riskFeature, scoresButton, async (ctx, { caseId }) => {
  const latest = await ctx.services.risk.rechecks.latestPlanOfCase(ctx.actor, caseId)
  if (!latest.ok) return notAllowedOrMissing(ctx, latest)
  if (latest.planId === null) return ctx.reply(ctx.t("risk-scores-no-plan"))
  await enter(ctx, RISK_SCORES_CONVERSATION, latest.planId, caseId)
})
onCallback(riskFeature, measureButton, (ctx, { caseId }) => enter(ctx, RISK_MEASURE_CONVERSATION, caseId, null))
onCallback(riskFeature, measureDoneButton, async (ctx, { measureId, caseId, status }) => {
  const outcome = await ctx.services.risk.cases.finishMeasure(ctx.actor, measureId, status === "cancelled" ? "cancelled" : "done")
  if (!outcome.ok) return notAllowedOrMissing(ctx, outcome)
  await showCase(ctx, caseId)
})

onCallback(riskFeature, prefsButton, async (ctx) => {
  const outcome = await ctx.services.risk.preferences.current(ctx.actor)
  if (!outcome.ok) return ctx.reply(ctx.t("risk-not-allowed"))
  await showPreferences(ctx, outcome.preferences)
})
onCallback(riskFeature, immediateButton, async (ctx, { on }) => {
  await ctx.editMessageReplyMarkup().catch(() => {})
  const outcome = await ctx.services.risk.preferences.setImmediate(ctx.actor, on === 1)
  if (!outcome.ok) return ctx.reply(ctx.t("risk-not-allowed"))
  await showPreferences(ctx, outcome.preferences)
})
onCallback(riskFeature, subscribeButton, async (ctx, { on }) => {
  await ctx.editMessageReplyMarkup().catch(() => {})
  const outcome = await ctx.services.risk.preferences.setSubscribed(ctx.actor, on === 1)
  if (!outcome.ok) return ctx.reply(ctx.t("risk-not-allowed"))
  await showPreferences(ctx, outcome.preferences)
})
