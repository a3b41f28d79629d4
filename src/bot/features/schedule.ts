import { Composer, InlineKeyboard, InputFile } from "grammy"
import { russianDate } from "../../domain/calendar/dates.ts"
import { procedureTitle } from "../../domain/results.ts"
import { hasRole } from "../../services/access/roles.ts"
import { parseProcedureId } from "../../services/results/procedure-key.ts"
import { SCHEDULE_FILE } from "../../services/schedule/schedule-xlsx.ts"
import { callbackData, onCallback } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import { SCHEDULE_ENTRY_CONVERSATION, SCHEDULE_UPLOAD_CONVERSATION } from "../conversations/schedule.ts"

/**
 * /schedule: the procedure calendar of the actor's schools — the list, the workbook to fill and send back, one date
 * at a time, and the school coordinator's confirmation of the dates the municipality entered.
 */
export const scheduleFeature = new Composer<BotContext>()
const privateChat = scheduleFeature.chatType("private")

/** `open` and `confirmAll` also ride on outbox messages (services/schedule/buttons.ts). */
export const openScheduleButton = callbackData("sc:o")
export const confirmAllButton = callbackData("sc:ca", { schoolId: "int" })
const templateButton = callbackData("sc:t")
const uploadButton = callbackData("sc:u")
const addButton = callbackData("sc:a")

const SHOWN = 40

function mayEdit(ctx: BotContext): boolean {
  return hasRole(ctx.actor, "school_coordinator", "municipal_coordinator")
}

async function showSchedule(ctx: BotContext) {
  if (!mayEdit(ctx)) return ctx.reply(ctx.t("schedule-not-allowed"))
  const { entries } = await ctx.services.schedule.overview(ctx.actor)
  const lines = [ctx.t("schedule-title")]
  if (entries.length === 0) lines.push(ctx.t("schedule-empty"))
  for (const entry of entries.slice(0, SHOWN)) {
    lines.push(ctx.t("schedule-line", {
      date: russianDate(entry.date),
      procedure: procedureTitle(parseProcedureId(entry.procedure)),
      school: entry.schoolName ? `${entry.schoolName} (${entry.schoolLogin})` : entry.schoolLogin,
      confirmed: entry.confirmed ? "yes" : "no",
    }))
  }
  if (entries.length > SHOWN) lines.push(ctx.t("schedule-list-more", { count: entries.length - SHOWN }))
  if (entries.length > 0) lines.push("", ctx.t("schedule-legend"))
  const keyboard = new InlineKeyboard()
    .text(ctx.t("schedule-button-template"), templateButton.pack({}))
    .text(ctx.t("schedule-button-upload"), uploadButton.pack({}))
    .row()
    .text(ctx.t("schedule-button-add"), addButton.pack({}))
  const waiting = [...new Set(entries.filter((entry) => !entry.confirmed).map((entry) => entry.schoolId))]
  const own = ctx.actor.grants.flatMap((grant) => (grant.role === "school_coordinator" && grant.schoolId !== null ? [grant.schoolId] : []))
  for (const schoolId of waiting.filter((id) => own.includes(id))) keyboard.row().text(ctx.t("schedule-button-confirm"), confirmAllButton.pack({ schoolId }))
  await ctx.reply(lines.join("\n"), { reply_markup: keyboard })
}

privateChat.command("schedule", showSchedule)
onCallback(scheduleFeature, openScheduleButton, (ctx) => showSchedule(ctx))

onCallback(scheduleFeature, templateButton, async (ctx) => {
  await ctx.replyWithChatAction("upload_document")
  const template = await ctx.services.schedule.template(ctx.actor)
  if (!Buffer.isBuffer(template)) return ctx.reply(ctx.t("schedule-not-allowed"))
  await ctx.replyWithDocument(new InputFile(template, SCHEDULE_FILE), { caption: ctx.t("schedule-template-caption") })
})

onCallback(scheduleFeature, uploadButton, async (ctx) => {
  if (!mayEdit(ctx)) return ctx.reply(ctx.t("schedule-not-allowed"))
  await ctx.conversation.enter(SCHEDULE_UPLOAD_CONVERSATION)
})

onCallback(scheduleFeature, addButton, async (ctx) => {
  if (!mayEdit(ctx)) return ctx.reply(ctx.t("schedule-not-allowed"))
  await ctx.conversation.enter(SCHEDULE_ENTRY_CONVERSATION)
})

onCallback(scheduleFeature, confirmAllButton, async (ctx, { schoolId }) => {
  const outcome = await ctx.services.schedule.confirmAll(ctx.actor, schoolId)
  if (!outcome.ok) return ctx.reply(ctx.t("schedule-not-allowed"))
  await ctx.editMessageReplyMarkup().catch(() => {})
  await ctx.reply(ctx.t(outcome.confirmed > 0 ? "schedule-confirmed" : "schedule-nothing-to-confirm", { count: outcome.confirmed }))
})
