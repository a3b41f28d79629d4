import { Composer, InlineKeyboard, InputFile } from "grammy"
import { procedureTitle, type ProcedureKey } from "../../domain/results.ts"
import { hasRole } from "../../services/access/roles.ts"
import { callbackData } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import { SETTINGS_CONVERSATION } from "../conversations/settings.ts"

/** «📊 Посмотреть анализ» under a stored upload: the analysis of what it brought. */
export const uploadAnalysisButton = callbackData("an:u", { uploadId: "int" })

export const analysisFeature = new Composer<BotContext>()
const privateChat = analysisFeature.chatType("private")
const staff = privateChat.filter((ctx) => hasRole(ctx.actor, "teacher", "school_coordinator", "municipal_coordinator"))

async function chooseProcedure(ctx: BotContext) {
  const choices = await ctx.services.analysis.choices(ctx.actor)
  if (choices.length === 0) return ctx.reply(ctx.t("analysis-nothing"))
  if (choices.length === 1) return showProcedure(ctx, choices[0]!.key, choices[0]!.specId)
  const keyboard = new InlineKeyboard()
  for (const choice of choices.slice(0, 20)) keyboard.text(procedureTitle(choice.key), `an:p:${choice.specId}`).row()
  await ctx.reply(ctx.t("analysis-choose"), { reply_markup: keyboard })
}

/** Coordinators get the overview with drill-down buttons; teachers their school's summary. */
async function showProcedure(ctx: BotContext, key: ProcedureKey, specId: number, schoolIds: number[] = []) {
  await ctx.replyWithChatAction("typing")
  if (ctx.services.analysis.seesOverview(ctx.actor) && schoolIds.length !== 1) {
    const overview = await ctx.services.analysis.overview(ctx.actor, key, ctx.t)
    if (typeof overview === "string") return ctx.reply(ctx.t(overview === "not_allowed" ? "analysis-not-allowed" : "analysis-nothing"))
    const keyboard = new InlineKeyboard()
    for (const school of overview.drill) keyboard.text(school.label, `an:s:${specId}:${school.schoolId}`).row()
    keyboard.text(ctx.t("analysis-report-button"), `an:m:${specId}`)
    await ctx.reply(overview.text, { reply_markup: keyboard })
    if (overview.chart) await ctx.replyWithPhoto(new InputFile(overview.chart, "risk.png"), { caption: ctx.t("analysis-chart-caption", { title: procedureTitle(key), what: ctx.t("analysis-chart-risk") }) })
    return
  }
  const schoolId = schoolIds[0] ?? (await ctx.services.analysis.ownSchool(ctx.actor, key))
  if (schoolId === null) return ctx.reply(ctx.t("analysis-nothing"))
  await showSchool(ctx, key, specId, schoolId)
}

async function showSchool(ctx: BotContext, key: ProcedureKey, specId: number, schoolId: number) {
  const view = await ctx.services.analysis.school(ctx.actor, key, schoolId, ctx.t)
  if (typeof view === "string") return ctx.reply(ctx.t(view === "not_allowed" ? "analysis-not-allowed" : "analysis-nothing"))
  await ctx.reply(view.text, { reply_markup: new InlineKeyboard().text(ctx.t("analysis-report-button"), `an:x:${specId}:${schoolId}`) })
  for (const chart of view.charts) await ctx.replyWithPhoto(new InputFile(chart.png, "chart.png"), { caption: chart.caption })
}

async function procedureOf(ctx: BotContext, specId: number): Promise<ProcedureKey | null> {
  const key = await ctx.services.analysis.procedureOfSpec(specId)
  if (!key) await ctx.reply(ctx.t("analysis-nothing"))
  return key
}

staff.command("analysis", chooseProcedure)
staff.callbackQuery("menu:analysis", async (ctx) => {
  await ctx.answerCallbackQuery()
  await chooseProcedure(ctx)
})
staff.callbackQuery(uploadAnalysisButton.filter, async (ctx) => {
  await ctx.answerCallbackQuery()
  const upload = await ctx.services.analysis.procedureOfUpload(Number(ctx.match[1]))
  if (!upload) return ctx.reply(ctx.t("analysis-nothing"))
  await showProcedure(ctx, upload.key, upload.specId, upload.schoolIds)
})
staff.callbackQuery(/^an:p:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery()
  const key = await procedureOf(ctx, Number(ctx.match[1]))
  if (key) await showProcedure(ctx, key, Number(ctx.match[1]))
})
staff.callbackQuery(/^an:s:(\d+):(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery()
  const key = await procedureOf(ctx, Number(ctx.match[1]))
  if (key) await showSchool(ctx, key, Number(ctx.match[1]), Number(ctx.match[2]))
})
staff.callbackQuery(/^an:x:(\d+):(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery()
  const key = await procedureOf(ctx, Number(ctx.match[1]))
  if (!key) return
  await ctx.replyWithChatAction("upload_document")
  const report = await ctx.services.analysis.schoolWorkbook(ctx.actor, key, Number(ctx.match[2]), ctx.t)
  if (!report) return ctx.reply(ctx.t("analysis-not-allowed"))
  await ctx.replyWithDocument(new InputFile(report, `${procedureTitle(key).replaceAll(" · ", " - ")} - школа.xlsx`))
})
staff.callbackQuery(/^an:m:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery()
  const key = await procedureOf(ctx, Number(ctx.match[1]))
  if (!key) return
  await ctx.replyWithChatAction("upload_document")
  const report = await ctx.services.analysis.municipalWorkbook(ctx.actor, key, ctx.t)
  if (!report) return ctx.reply(ctx.t("analysis-not-allowed"))
  await ctx.replyWithDocument(new InputFile(report, `${procedureTitle(key).replaceAll(" · ", " - ")} - обзор.xlsx`))
})
staff.filter((ctx) => hasRole(ctx.actor, "municipal_coordinator")).command("settings", (ctx) => ctx.conversation.enter(SETTINGS_CONVERSATION))
privateChat.command("settings", (ctx) => ctx.reply(ctx.t("settings-not-allowed")))
privateChat.command("analysis", (ctx) => ctx.reply(ctx.t("menu-not-allowed")))
privateChat.callbackQuery(["menu:analysis", /^an:/], async (ctx) => {
  await ctx.answerCallbackQuery()
  await ctx.reply(ctx.t("menu-not-allowed"))
})
