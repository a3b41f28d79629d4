import { Composer, InlineKeyboard, InputFile } from "grammy"
import { hasRole } from "../../services/access/roles.ts"
import { callbackData, onCallback } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import { REPORT_REQUEST_CONVERSATION, REPORT_UPLOAD_CONVERSATION } from "../conversations/reports.ts"

/**
 * /reports: documents asked from the schools by a date. Coordinators ask, follow the status school by school and
 * download everything received as one zip; school coordinators upload their school's file inside a dialog, so that
 * the results intake never takes it for a results workbook.
 */
export const reportsFeature = new Composer<BotContext>()
const privateChat = reportsFeature.chatType("private")

/** `upload` also rides on the request messages from the outbox (services/deadlines/buttons.ts). */
export const uploadReportButton = callbackData("rp:u", { id: "int" })
export const openReportsButton = callbackData("rp:o")
const newButton = callbackData("rp:n")
const statusButton = callbackData("rp:s", { id: "int" })
const downloadButton = callbackData("rp:z", { id: "int" })
const withdrawButton = callbackData("rp:w", { id: "int" })
const withdrawSureButton = callbackData("rp:wy", { id: "int" })

const MARK = { received: "✅", missing: "⏳", overdue: "⚠️" } as const

async function showReports(ctx: BotContext) {
  if (!hasRole(ctx.actor, "school_coordinator", "municipal_coordinator")) return ctx.reply(ctx.t("reports-not-allowed"))
  const requests = await ctx.services.deadlines.reports.list(ctx.actor)
  const lines = [ctx.t("reports-title")]
  if (requests.length === 0) lines.push(ctx.t("reports-none"))
  const keyboard = new InlineKeyboard()
  requests.slice(0, 20).forEach((request, index) => {
    const number = index + 1
    if (request.own) {
      lines.push(ctx.t("reports-line-own", { number, title: request.title, due: request.due, status: request.own }))
      keyboard.text(ctx.t(request.own === "received" ? "reports-button-replace" : "reports-button-upload", { number }), uploadReportButton.pack({ id: request.id }))
    } else {
      lines.push(ctx.t("reports-line", { number, title: request.title, due: request.due, received: request.received, missing: request.missing, overdue: request.overdue, schools: request.schools }))
      keyboard.text(ctx.t("reports-button-status", { number }), statusButton.pack({ id: request.id }))
    }
    if (number % 3 === 0) keyboard.row()
  })
  if (hasRole(ctx.actor, "municipal_coordinator")) keyboard.row().text(ctx.t("reports-button-new"), newButton.pack({}))
  await ctx.reply(lines.join("\n"), { reply_markup: keyboard })
}

privateChat.command("reports", showReports)
onCallback(reportsFeature, openReportsButton, (ctx) => showReports(ctx))

onCallback(reportsFeature, newButton, async (ctx) => {
  if (!hasRole(ctx.actor, "municipal_coordinator")) return ctx.reply(ctx.t("reports-not-allowed"))
  await ctx.conversation.enter(REPORT_REQUEST_CONVERSATION)
})

onCallback(reportsFeature, uploadReportButton, (ctx, { id }) => ctx.conversation.enter(REPORT_UPLOAD_CONVERSATION, id))

onCallback(reportsFeature, statusButton, async (ctx, { id }) => {
  const status = await ctx.services.deadlines.reports.status(ctx.actor, id)
  if (!status.ok) return ctx.reply(ctx.t(status.reason === "not_found" ? "reports-gone" : "reports-not-allowed"))
  const received = status.schools.filter((school) => school.status === "received").length
  const lines = [ctx.t("reports-status-title", { title: status.title, due: status.due, received, schools: status.schools.length })]
  for (const school of status.schools) {
    const name = school.name ? `${school.name} (${school.login})` : school.login
    lines.push(ctx.t(school.status === "received" ? "reports-status-received" : school.nobody ? "reports-status-nobody" : "reports-status-waiting", { mark: MARK[school.status], school: name, file: school.fileName ?? "" }))
  }
  const keyboard = new InlineKeyboard()
  if (received > 0) keyboard.text(ctx.t("reports-button-download", { count: received }), downloadButton.pack({ id }))
  keyboard.text(ctx.t("reports-button-withdraw"), withdrawButton.pack({ id }))
  await ctx.reply(lines.join("\n").slice(0, 4000), { reply_markup: keyboard })
})

onCallback(reportsFeature, downloadButton, async (ctx, { id }) => {
  await ctx.replyWithChatAction("upload_document")
  const archive = await ctx.services.deadlines.reports.archive(ctx.actor, id)
  if (!archive.ok) return ctx.reply(ctx.t(archive.reason === "not_found" ? "reports-gone" : "reports-not-allowed"))
  if (archive.files === 0) return ctx.reply(ctx.t("reports-nothing-received"))
  for (const part of archive.parts) await ctx.replyWithDocument(new InputFile(part.bytes, part.fileName), { caption: ctx.t("reports-archive-caption", { files: archive.files }) })
})

onCallback(reportsFeature, withdrawButton, (ctx, { id }) =>
  ctx.reply(ctx.t("reports-withdraw-sure"), { reply_markup: new InlineKeyboard().text(ctx.t("reports-button-withdraw-sure"), withdrawSureButton.pack({ id })) }),
)

onCallback(reportsFeature, withdrawSureButton, async (ctx, { id }) => {
  const outcome = await ctx.services.deadlines.reports.withdraw(ctx.actor, id)
  await ctx.editMessageReplyMarkup().catch(() => {})
  await ctx.reply(ctx.t(outcome.ok ? "reports-withdrawn" : outcome.reason === "not_found" ? "reports-gone" : "reports-not-allowed"))
})
