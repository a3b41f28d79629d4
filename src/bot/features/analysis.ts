import { Composer, InlineKeyboard, InputFile } from "grammy"
import { procedureTitle, type ProcedureKey } from "../../domain/results.ts"
import { hasRole } from "../../services/access/roles.ts"
import { callbackData, onCallback, type CallbackData, type Fields } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import { onMenu } from "../keyboards/menu.ts"

/** «📊 Посмотреть анализ» under a stored upload: the analysis of what it brought. */
export const uploadAnalysisButton = callbackData("an:u", { uploadId: "int" })
/** A procedure from the list. */
const procedureButton = callbackData("an:p", { specId: "int" })
/** A school of the overview's drill-down. */
const schoolButton = callbackData("an:s", { specId: "int", schoolId: "int" })
/** «Отчёт XLSX» under a school's summary, and under the municipal overview. */
const schoolReportButton = callbackData("an:x", { specId: "int", schoolId: "int" })
const municipalReportButton = callbackData("an:m", { specId: "int" })
/** «Подробнее» under a school's summary: the figures behind its plain words. */
const schoolDetailsButton = callbackData("an:d", { specId: "int", schoolId: "int" })

export const analysisFeature = new Composer<BotContext>()
const privateChat = analysisFeature.chatType("private")
const isStaff = (ctx: BotContext) => hasRole(ctx.actor, "teacher", "school_coordinator", "municipal_coordinator")
const staff = privateChat.filter(isStaff)
const staffButtons = analysisFeature.filter((ctx) => ctx.chat?.type === "private" && isStaff(ctx))
const otherButtons = analysisFeature.filter((ctx) => ctx.chat?.type === "private")

async function chooseProcedure(ctx: BotContext) {
  const choices = await ctx.services.analysis.choices(ctx.actor)
  if (choices.length === 0) return ctx.reply(ctx.t("analysis-nothing"))
  if (choices.length === 1) return showProcedure(ctx, choices[0]!.key, choices[0]!.specId)
  const keyboard = new InlineKeyboard()
  for (const choice of choices.slice(0, 20)) keyboard.text(procedureTitle(choice.key), procedureButton.pack({ specId: choice.specId })).row()
  await ctx.reply(ctx.t("analysis-choose"), { reply_markup: keyboard })
}

/** Coordinators get the overview with drill-down buttons; teachers their school's summary. */
async function showProcedure(ctx: BotContext, key: ProcedureKey, specId: number, schoolIds: number[] = []) {
  await ctx.replyWithChatAction("typing")
  if (ctx.services.analysis.seesOverview(ctx.actor) && schoolIds.length !== 1) {
    const overview = await ctx.services.analysis.overview(ctx.actor, key, ctx.t)
    if (!overview.ok) return ctx.reply(ctx.t(overview.reason === "not_allowed" ? "analysis-not-allowed" : "analysis-nothing"))
    const keyboard = new InlineKeyboard()
    for (const school of overview.drill) keyboard.text(school.label, schoolButton.pack({ specId, schoolId: school.schoolId })).row()
    keyboard.text(ctx.t("analysis-report-button"), municipalReportButton.pack({ specId }))
    await ctx.reply(overview.text, { reply_markup: keyboard })
    if (overview.chart) await ctx.replyWithPhoto(new InputFile(overview.chart.png, "risk.png"), { caption: overview.chart.caption })
    return
  }
  const schoolId = schoolIds[0] ?? (await ctx.services.analysis.ownSchool(ctx.actor, key))
  if (schoolId === null) return ctx.reply(ctx.t("analysis-nothing"))
  await showSchool(ctx, key, specId, schoolId)
}

async function showSchool(ctx: BotContext, key: ProcedureKey, specId: number, schoolId: number) {
  const view = await ctx.services.analysis.school(ctx.actor, key, schoolId, ctx.t)
  if (!view.ok) return ctx.reply(ctx.t(view.reason === "not_allowed" ? "analysis-not-allowed" : "analysis-nothing"))
  const keyboard = new InlineKeyboard()
    .text(ctx.t("analysis-details-button"), schoolDetailsButton.pack({ specId, schoolId }))
    .text(ctx.t("analysis-report-button"), schoolReportButton.pack({ specId, schoolId }))
  await ctx.reply(view.text, { reply_markup: keyboard })
  for (const chart of view.charts) await ctx.replyWithPhoto(new InputFile(chart.png, "chart.png"), { caption: chart.caption })
}

async function procedureOf(ctx: BotContext, specId: number): Promise<ProcedureKey | null> {
  const found = await ctx.services.analysis.procedureOfSpec(specId)
  if (!found.ok) await ctx.reply(ctx.t("analysis-nothing"))
  return found.ok ? found.key : null
}

async function sendWorkbook(ctx: BotContext, workbook: { ok: true; bytes: Buffer; fileName: string } | { ok: false }) {
  if (!workbook.ok) return ctx.reply(ctx.t("analysis-not-allowed"))
  await ctx.replyWithDocument(new InputFile(workbook.bytes, workbook.fileName))
}

staff.command("analysis", chooseProcedure)
onMenu(staffButtons, "analysis", chooseProcedure)
onCallback(staffButtons, uploadAnalysisButton, async (ctx, { uploadId }) => {
  const upload = await ctx.services.analysis.procedureOfUpload(uploadId)
  if (!upload.ok) return ctx.reply(ctx.t("analysis-nothing"))
  await showProcedure(ctx, upload.key, upload.specId, upload.schoolIds)
})
onCallback(staffButtons, procedureButton, async (ctx, { specId }) => {
  const key = await procedureOf(ctx, specId)
  if (!key) return
  // The choice is made: the list becomes the question with its answer, so an old button cannot be pressed again.
  await ctx.editMessageText(ctx.t("analysis-chosen", { title: procedureTitle(key) })).catch(() => {})
  await showProcedure(ctx, key, specId)
})
onCallback(staffButtons, schoolButton, async (ctx, { specId, schoolId }) => {
  const key = await procedureOf(ctx, specId)
  if (key) await showSchool(ctx, key, specId, schoolId)
})
onCallback(staffButtons, schoolReportButton, async (ctx, { specId, schoolId }) => {
  const key = await procedureOf(ctx, specId)
  if (!key) return
  await ctx.replyWithChatAction("upload_document")
  await sendWorkbook(ctx, await ctx.services.analysis.schoolWorkbook(ctx.actor, key, schoolId, ctx.t))
})
onCallback(staffButtons, schoolDetailsButton, async (ctx, { specId, schoolId }) => {
  const key = await procedureOf(ctx, specId)
  if (!key) return
  const details = await ctx.services.analysis.schoolDetails(ctx.actor, key, schoolId, ctx.t)
  await ctx.reply(details.ok ? details.text : ctx.t(details.reason === "not_allowed" ? "analysis-not-allowed" : "analysis-nothing"))
})
onCallback(staffButtons, municipalReportButton, async (ctx, { specId }) => {
  const key = await procedureOf(ctx, specId)
  if (!key) return
  await ctx.replyWithChatAction("upload_document")
  await sendWorkbook(ctx, await ctx.services.analysis.municipalWorkbook(ctx.actor, key, ctx.t))
})
privateChat.command("analysis", (ctx) => ctx.reply(ctx.t("menu-not-allowed")))
// Everyone else is told the analysis is not theirs, whichever of its buttons they press.
const notAllowed = (ctx: BotContext) => ctx.reply(ctx.t("menu-not-allowed"))
onMenu(otherButtons, "analysis", notAllowed)
const analysisButtons: CallbackData<Fields>[] = [uploadAnalysisButton, procedureButton, schoolButton, schoolReportButton, schoolDetailsButton, municipalReportButton]
for (const kind of analysisButtons) onCallback(otherButtons, kind, notAllowed)
