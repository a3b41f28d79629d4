import { InlineKeyboard } from "grammy"
import { formatTimeOfDay, parseTimeOfDay } from "../../domain/observers/act.ts"
import { parseDay } from "../../domain/observers/availability.ts"
import { parseProcedureText } from "../../services/results/procedure-key.ts"
import type { ConversationContext } from "../context.ts"
import { sessionActionButton, sessionSchoolButton } from "../features/observer-buttons.ts"
import { sessionCard } from "../formatting/observers.ts"
import { tapped, textOf, waitForInput, type Conv } from "./observer-input.ts"

export const OBSERVER_SESSION_CONVERSATION = "observer-session"

/**
 * A coordinator enters a session — a row of the procedure schedule: school → procedure → date → start → rooms →
 * the school's address if it is not known yet (observers are told where to go).
 */
export async function observerSessionConversation(conversation: Conv, ctx: ConversationContext) {
  const today = await conversation.external(async (outside) =>
    outside.services.observers.isCoordinator(outside.actor) ? outside.services.observers.sessions.today(null) : null,
  )
  if (!today) {
    await ctx.reply(ctx.t("menu-not-allowed"))
    return
  }
  const school = await askSchool(conversation, ctx)

  await ctx.reply(ctx.t("observers-session-procedure"))
  const procedure = (await waitForInput(conversation, (update) => {
    const text = textOf(update)
    return text ? (parseProcedureText(text) ?? undefined) : undefined
  }, (update) => update.reply(ctx.t("observers-session-procedure-invalid")))).value

  await ctx.reply(ctx.t("observers-session-date"))
  let problem = ""
  const date = (await waitForInput(conversation, (update) => {
    const text = textOf(update)
    if (!text) return undefined
    const parsed = parseDay(text, today)
    if (parsed && parsed >= today) return parsed
    problem = ctx.t(parsed ? "observers-session-date-past" : "observers-session-date-invalid")
    return undefined
  }, async (update) => {
    await update.reply(problem || ctx.t("observers-session-date"))
    problem = ""
  })).value

  await ctx.reply(ctx.t("observers-session-start"), { reply_markup: new InlineKeyboard().text(ctx.t("observers-session-start-unknown"), sessionActionButton.pack({ action: "nostart" })) })
  const start = await waitForInput<number | "unknown">(conversation, (update) => {
    if (tapped(update, sessionActionButton.unpack)?.action === "nostart") return "unknown"
    const text = textOf(update)
    return text ? (parseTimeOfDay(text) ?? undefined) : undefined
  }, (update) => update.reply(ctx.t("observers-act-time-invalid")))
  if (start.ctx.callbackQuery) await start.ctx.editMessageReplyMarkup().catch(() => {})
  const startMinutes = start.value === "unknown" ? null : start.value

  const rooms = new InlineKeyboard()
  for (let count = 1; count <= 6; count++) rooms.text(String(count), sessionActionButton.pack({ action: `rooms_${count}` }))
  await ctx.reply(ctx.t("observers-session-rooms"), { reply_markup: rooms })
  const roomCount = await waitForInput(conversation, (update) => {
    const action = tapped(update, sessionActionButton.unpack)?.action
    if (action?.startsWith("rooms_")) return Number(action.slice(6))
    const text = textOf(update)
    const number = text && /^\d{1,2}$/.test(text) ? Number(text) : 0
    return number >= 1 && number <= 100 ? number : undefined
  }, (update) => update.reply(ctx.t("observers-session-rooms-invalid")))
  if (roomCount.ctx.callbackQuery) await roomCount.ctx.editMessageReplyMarkup().catch(() => {})

  let address: string | undefined
  if (!school.address) {
    await ctx.reply(ctx.t("observers-session-address", { school: school.label }))
    address = (await waitForInput(conversation, (update) => {
      const text = textOf(update)
      return text && text.length >= 5 && text.length <= 300 ? text : undefined
    }, (update) => update.reply(ctx.t("observers-session-address-invalid")))).value
  }

  const session = { schoolId: school.id, procedure, date, startMinutes, rooms: roomCount.value, ...(address ? { address } : {}) }
  const outcome = await conversation.external((outside) => outside.services.observers.sessions.create(outside.actor, session))
  if (!outcome.ok) {
    if (outcome.reason === "problems") await ctx.reply([ctx.t("observers-session-problems"), ...outcome.problems.map((p) => `• ${ctx.t(`observers-session-problem-${p}`)}`)].join("\n"))
    else await ctx.reply(ctx.t(outcome.reason === "not_allowed" ? "menu-not-allowed" : "observers-gone"))
    return
  }
  const lines = [ctx.t(outcome.created ? "observers-session-saved" : "observers-session-updated"), "", sessionCard(ctx.t, outcome.session), ctx.t("observers-session-rooms-line", { rooms: outcome.session.rooms })]
  if (startMinutes === null) lines.push(ctx.t("observers-session-start-assumed", { time: formatTimeOfDay(9 * 60) }))
  await ctx.reply(lines.join("\n"))
}

async function askSchool(conversation: Conv, ctx: ConversationContext): Promise<{ id: number; label: string; address: string | null }> {
  await ctx.reply(ctx.t("observers-session-school"))
  for (;;) {
    const answer = await waitForInput<{ schoolId: number } | { query: string }>(conversation, (update) => {
      const picked = tapped(update, sessionSchoolButton.unpack)
      if (picked) return { schoolId: picked.schoolId }
      const text = textOf(update)
      return text ? { query: text } : undefined
    }, (update) => update.reply(ctx.t("observers-session-school")))
    if ("schoolId" in answer.value) {
      const id = answer.value.schoolId
      await answer.ctx.editMessageReplyMarkup().catch(() => {})
      const school = await conversation.external((outside) => outside.services.observers.sessions.school(outside.actor, id))
      if (school) return school
      await ctx.reply(ctx.t("menu-not-allowed"))
      continue
    }
    const query = answer.value.query
    const found = await conversation.external((outside) => outside.services.observers.sessions.searchSchools(outside.actor, query))
    if (found.length === 0) {
      await ctx.reply(ctx.t("observers-session-school-not-found", { query }))
      continue
    }
    const keyboard = new InlineKeyboard()
    for (const school of found) keyboard.text(school.label, sessionSchoolButton.pack({ schoolId: school.id })).row()
    await ctx.reply(ctx.t("observers-signup-school-choose"), { reply_markup: keyboard })
  }
}
