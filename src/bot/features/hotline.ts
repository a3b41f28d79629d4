import { Composer, InlineKeyboard } from "grammy"
import { russianDate } from "../../domain/calendar/dates.ts"
import { localDate } from "../../domain/calendar/zoned.ts"
import { onCallback } from "../callback-data.ts"
import { onMenu } from "../keyboards/menu.ts"
import type { BotContext } from "../context.ts"
import { ASK_CONVERSATION } from "../conversations/ask.ts"
import {
  askButton, broadcastButton, faqPageButton, listButton, mineButton, rateButton, statsMonthButton, subscribeButton,
  subscriptionsButton, userReopenButton,
} from "../hotline/buttons.ts"
import { isRelayable, sourceOf } from "../hotline/source.ts"

/**
 * The hotline for the people who ask: its menu, a question, their tickets, rating an answer, reopening. A message
 * written outside any dialog by someone without a role is a question (or an addition to their open ticket); a
 * reply to a relayed answer goes straight to its ticket, whoever writes it.
 */
export const hotlineFeature = new Composer<BotContext>()
const SPREADSHEET = /\.(xlsx|xlsm|xls|csv)$/i
const privateChat = hotlineFeature.chatType("private")

/** The staff's part of the menu (what their roles allow), or null for someone who asks. */
function staffMenu(ctx: BotContext): InlineKeyboard | null {
  const { hotline, parents } = ctx.services
  const keyboard = new InlineKeyboard()
  if (hotline.staff.scopeOf(ctx.actor)) keyboard.text(ctx.t("hotline-menu-open"), listButton.pack({})).text(ctx.t("hotline-menu-faq"), faqPageButton.pack({ page: 0 })).row()
  if (hotline.stats.mayView(ctx.actor)) keyboard.text(ctx.t("hotline-menu-stats"), statsMonthButton.pack({ month: currentMonth(ctx) })).row()
  if (parents.broadcasts.maySend(ctx.actor)) keyboard.text(ctx.t("hotline-menu-broadcast"), broadcastButton.pack({})).row()
  return keyboard.inline_keyboard.some((row) => row.length > 0) ? keyboard : null
}

/** A parent's menu: ask, their questions, the schools they follow. */
function askerMenu(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("hotline-menu-ask"), askButton.pack({}))
    .text(ctx.t("hotline-menu-mine"), mineButton.pack({}))
    .row()
    .text(ctx.t("hotline-menu-subscribe"), subscribeButton.pack({}))
    .text(ctx.t("hotline-menu-subscriptions"), subscriptionsButton.pack({}))
}

/** This month (or one before) as the YYYYMM a button carries. */
export function currentMonth(ctx: BotContext, monthsBack = 0): number {
  return Number(ctx.services.hotline.stats.monthKey(monthsBack).replace("-", ""))
}

/** Staff get their work (the parents' invitation to ask is not for them; /ask still works); everyone else, the parents' menu. */
async function showMenu(ctx: BotContext) {
  const hours = ctx.services.hotline.settings.firstResponseWorkingHours
  const staff = staffMenu(ctx)
  if (staff) await ctx.reply(ctx.t("hotline-menu-staff", { hours }), { reply_markup: staff })
  else await ctx.reply(ctx.t("hotline-menu", { hours }), { reply_markup: askerMenu(ctx) })
}

privateChat.command("hotline", showMenu)
onMenu(privateChat, "hotline", showMenu)

privateChat.command("ask", (ctx) => ctx.conversation.enter(ASK_CONVERSATION))
onCallback(hotlineFeature, askButton, (ctx) => ctx.conversation.enter(ASK_CONVERSATION))

async function showMine(ctx: BotContext) {
  const tickets = await ctx.services.hotline.tickets.mine(ctx.actor)
  if (tickets.length === 0) return ctx.reply(ctx.t("hotline-mine-none"), { reply_markup: new InlineKeyboard().text(ctx.t("hotline-menu-ask"), askButton.pack({})) })
  const timeZone = ctx.services.settings.defaultTimeZone
  const lines = tickets.map((ticket) =>
    ctx.t("hotline-mine-line", {
      id: ticket.id,
      topic: ctx.t(`hotline-topic-${ticket.topic}`),
      status: ctx.t(`hotline-status-${ticket.status}`),
      date: russianDate(localDate(new Date(ticket.createdAt), timeZone)),
    }),
  )
  const keyboard = new InlineKeyboard()
  for (const ticket of tickets.filter((ticket) => ticket.canReopen)) {
    keyboard.text(ctx.t("hotline-button-user-reopen-id", { id: ticket.id }), userReopenButton.pack({ ticket: ticket.id })).row()
  }
  await ctx.reply([ctx.t("hotline-mine-title"), ...lines, "", ctx.t("hotline-mine-hint")].join("\n"), { reply_markup: keyboard })
}

privateChat.command("mytickets", showMine)
onCallback(hotlineFeature, mineButton, showMine)

onCallback(hotlineFeature, rateButton, async (ctx, { ticket, rating }) => {
  const outcome = await ctx.services.hotline.tickets.rate(ctx.actor, ticket, rating)
  if (outcome.ok) {
    await ctx.editMessageReplyMarkup().catch(() => {})
    return ctx.reply(ctx.t(outcome.closedNow ? "hotline-rated-closed" : "hotline-rated", { id: ticket, rating }))
  }
  await ctx.reply(ctx.t(outcome.reason === "already_rated" ? "hotline-already-rated" : "hotline-ticket-unknown", { id: ticket }))
})

onCallback(hotlineFeature, userReopenButton, async (ctx, { ticket }) => {
  const outcome = await ctx.services.hotline.tickets.reopen(ctx.actor, ticket)
  if (outcome.ok) {
    await ctx.editMessageReplyMarkup().catch(() => {})
    return ctx.reply(ctx.t("hotline-reopened", { id: ticket }))
  }
  await ctx.reply(ctx.t(outcome.reason === "not_found" ? "hotline-ticket-unknown" : `hotline-reopen-${outcome.reason}`, { id: ticket, days: ctx.services.hotline.settings.reopenDays }))
})

// Messages outside any dialog. Commands are left to the others (and to unknown.ts).
privateChat.on("message", async (ctx, next) => {
  const message = ctx.message
  if (message.text?.startsWith("/")) return next()
  const replyTo = message.reply_to_message?.message_id
  if (replyTo !== undefined && isRelayable(message)) {
    // A specialist replying to a relayed question answers it; an asker replying to an answer adds to the ticket.
    const staffTicket = await ctx.services.hotline.staff.ticketOfReply(ctx.actor, replyTo)
    if (staffTicket !== null) {
      const outcome = await ctx.services.hotline.staff.answer(ctx.actor, staffTicket, sourceOf(message))
      return ctx.reply(ctx.t(outcome.ok ? "hotline-answer-sent" : `hotline-staff-refused-${outcome.reason}`, { id: staffTicket }))
    }
    const ticket = await ctx.services.hotline.tickets.ticketOfReply(ctx.actor, replyTo)
    if (ticket !== null) {
      const outcome = await ctx.services.hotline.tickets.add(ctx.actor, ticket, sourceOf(message))
      if (outcome.ok) return ctx.reply(ctx.t("hotline-added", { id: ticket }))
      if (outcome.reason === "closed") return closedTicketReply(ctx, ticket, outcome.canReopen)
      return ctx.reply(ctx.t("hotline-ticket-unknown", { id: ticket }))
    }
  }
  // Someone without a role who writes to the bot is asking a question — unless it is a spreadsheet: that is a school
  // employee without an invitation sending results, whom the upload feature tells how to get one.
  if (ctx.actor.grants.length > 0 || SPREADSHEET.test(message.document?.file_name ?? "")) return next()
  if (!isRelayable(message)) return ctx.reply(ctx.t("hotline-ask-question-kinds"))
  await ctx.conversation.enter(ASK_CONVERSATION, sourceOf(message))
})

async function closedTicketReply(ctx: BotContext, ticket: number, canReopen: boolean) {
  const keyboard = new InlineKeyboard()
  if (canReopen) keyboard.text(ctx.t("hotline-button-user-reopen"), userReopenButton.pack({ ticket })).row()
  keyboard.text(ctx.t("hotline-menu-ask"), askButton.pack({}))
  await ctx.reply(ctx.t("hotline-closed-ticket", { id: ticket }), { reply_markup: keyboard })
}
