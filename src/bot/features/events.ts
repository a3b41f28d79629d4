import { Composer, InlineKeyboard } from "grammy"
import { hasRole } from "../../services/access/roles.ts"
import { callbackData, onCallback } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import { EVENT_CONVERSATION } from "../conversations/events.ts"

/** /events: briefings, seminars and interviews the user is invited to; coordinators create them and mark attendance. */
export const eventsFeature = new Composer<BotContext>()
const privateChat = eventsFeature.chatType("private")

export const openEventsButton = callbackData("ev:o")
const newButton = callbackData("ev:n")
const attendanceButton = callbackData("ev:a", { id: "int" })
const markButton = callbackData("ev:m", { id: "int", userId: "int" })
const cancelButton = callbackData("ev:x", { id: "int" })
const cancelSureButton = callbackData("ev:xy", { id: "int" })

async function showEvents(ctx: BotContext) {
  if (ctx.actor.grants.length === 0) return ctx.reply(ctx.t("menu-not-allowed"))
  const events = await ctx.services.deadlines.events.list(ctx.actor)
  const lines = [ctx.t("events-title")]
  if (events.length === 0) lines.push(ctx.t("events-none"))
  const keyboard = new InlineKeyboard()
  events.slice(0, 20).forEach((event, index) => {
    const number = index + 1
    lines.push(ctx.t(event.cancelled ? "events-line-cancelled" : event.past ? "events-line-past" : "events-line", {
      number, when: event.when, title: ctx.t(`event-title-${event.kind}`, { title: event.title }), place: event.place ?? "none",
      invited: event.invited, attended: event.attended, marked: event.marked,
    }))
    if (!event.manage || event.cancelled) return
    if (event.past) keyboard.text(ctx.t("events-button-attendance", { number }), attendanceButton.pack({ id: event.id }))
    else keyboard.text(ctx.t("events-button-cancel", { number }), cancelButton.pack({ id: event.id }))
    if (number % 3 === 0) keyboard.row()
  })
  if (hasRole(ctx.actor, "municipal_coordinator")) keyboard.row().text(ctx.t("events-button-new"), newButton.pack({}))
  await ctx.reply(lines.join("\n"), { reply_markup: keyboard })
}

async function attendanceView(ctx: BotContext, id: number) {
  const view = await ctx.services.deadlines.events.attendance(ctx.actor, id)
  if (!view.ok) return null
  const keyboard = new InlineKeyboard()
  const mark = (attended: boolean | null) => (attended === true ? "✅" : attended === false ? "❌" : "➖")
  view.people.slice(0, 60).forEach((person, index) => {
    keyboard.text(`${mark(person.attended)} ${person.name.slice(0, 24)}`, markButton.pack({ id, userId: person.userId }))
    if (index % 2 === 1) keyboard.row()
  })
  const present = view.people.filter((person) => person.attended === true).length
  return { text: ctx.t("events-attendance", { title: ctx.t(`event-title-${view.kind}`, { title: view.title }), when: view.when, present, invited: view.people.length }), keyboard, people: view.people }
}

privateChat.command("events", showEvents)
onCallback(eventsFeature, openEventsButton, (ctx) => showEvents(ctx))

onCallback(eventsFeature, newButton, async (ctx) => {
  if (!hasRole(ctx.actor, "municipal_coordinator")) return ctx.reply(ctx.t("events-not-allowed"))
  await ctx.conversation.enter(EVENT_CONVERSATION)
})

onCallback(eventsFeature, attendanceButton, async (ctx, { id }) => {
  const view = await attendanceView(ctx, id)
  if (!view) return ctx.reply(ctx.t("events-not-allowed"))
  await ctx.reply(view.text, { reply_markup: view.keyboard })
})

// A tap cycles the mark: not marked → attended → absent → not marked.
onCallback(eventsFeature, markButton, async (ctx, { id, userId }) => {
  const view = await attendanceView(ctx, id)
  const person = view?.people.find((candidate) => candidate.userId === userId)
  if (!view || !person) return ctx.reply(ctx.t("events-not-allowed"))
  const next = person.attended === null ? true : person.attended ? false : null
  const outcome = await ctx.services.deadlines.events.mark(ctx.actor, id, userId, next)
  if (!outcome.ok) return ctx.reply(ctx.t("events-not-allowed"))
  const redrawn = await attendanceView(ctx, id)
  if (redrawn) await ctx.editMessageText(redrawn.text, { reply_markup: redrawn.keyboard }).catch(() => {})
})

onCallback(eventsFeature, cancelButton, async (ctx, { id }) => {
  await ctx.reply(ctx.t("events-cancel-sure"), { reply_markup: new InlineKeyboard().text(ctx.t("events-button-cancel-sure"), cancelSureButton.pack({ id })) })
})

onCallback(eventsFeature, cancelSureButton, async (ctx, { id }) => {
  const outcome = await ctx.services.deadlines.events.cancel(ctx.actor, id)
  await ctx.editMessageReplyMarkup().catch(() => {})
  await ctx.reply(ctx.t(outcome.ok ? "events-cancelled" : outcome.reason === "not_found" ? "events-gone" : "events-not-allowed"))
})
