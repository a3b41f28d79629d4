import { Composer, InlineKeyboard, InputFile } from "grammy"
import { isAdmin } from "../../services/access/roles.ts"
import { callbackData, onCallback } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import { CALENDAR_CONVERSATION } from "../conversations/calendar.ts"

/** /calendar: the production calendar's years and their status; admins download a year's workbook and load a new decree. */
export const calendarFeature = new Composer<BotContext>()
const privateChat = calendarFeature.chatType("private")

const templateButton = callbackData("cal:t", { year: "int" })
const uploadButton = callbackData("cal:u")

privateChat.command("calendar", async (ctx) => {
  if (ctx.actor.grants.length === 0) return ctx.reply(ctx.t("menu-not-allowed"))
  const years = await ctx.services.calendar.summary()
  const lines = [ctx.t("calendar-title")]
  for (const year of years) {
    lines.push(ctx.t("calendar-year-line", { year: String(year.year), status: year.status, loaded: year.loaded ? "yes" : "no", days: year.workingDays, hours: String(year.hours), decree: year.decree ?? "none" }))
  }
  if (years.some((year) => year.status === "provisional")) lines.push("", ctx.t("calendar-provisional-hint"))
  if (!isAdmin(ctx.actor)) return ctx.reply(lines.join("\n"))
  lines.push("", ctx.t("calendar-admin-hint"))
  const keyboard = new InlineKeyboard()
  const last = years.at(-1)?.year ?? new Date().getUTCFullYear()
  for (const year of [...years.filter((item) => item.status === "provisional").map((item) => item.year), last + 1]) keyboard.text(ctx.t("calendar-button-template", { year: String(year) }), templateButton.pack({ year }))
  keyboard.row().text(ctx.t("calendar-button-upload"), uploadButton.pack({}))
  await ctx.reply(lines.join("\n"), { reply_markup: keyboard })
})

onCallback(calendarFeature, templateButton, async (ctx, { year }) => {
  const template = await ctx.services.calendar.template(ctx.actor, year)
  if (!Buffer.isBuffer(template)) return ctx.reply(ctx.t("calendar-not-admin"))
  await ctx.replyWithDocument(new InputFile(template, `Производственный календарь ${year}.xlsx`), { caption: ctx.t("calendar-template-caption", { year: String(year) }) })
})

onCallback(calendarFeature, uploadButton, async (ctx) => {
  if (!isAdmin(ctx.actor)) return ctx.reply(ctx.t("calendar-not-admin"))
  await ctx.conversation.enter(CALENDAR_CONVERSATION)
})
