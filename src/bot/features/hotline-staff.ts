import { Composer, InlineKeyboard, InputFile } from "grammy"
import type { StaffOutcome } from "../../services/hotline/staff.ts"
import type { StaffTicketView } from "../../services/hotline/types.ts"
import { onCallback } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import { HOTLINE_ANSWER_CONVERSATION } from "../conversations/hotline-answer.ts"
import {
  answerButton, closeButton, listButton, reopenButton, saveFaqButton, statsMonthButton, takeButton, viewButton,
} from "../hotline/buttons.ts"
import { splitText } from "../../domain/hotline/split-text.ts"
import { isRelayable, sourceOf } from "../hotline/source.ts"
import { currentMonth } from "./hotline.ts"

/**
 * The specialists' side. In the staff group: `/hotline_link` links it (an admin for everyone, a municipal
 * coordinator for their municipality), a message in a ticket's topic is an answer (or a note when it starts
 * with «!»), `/faq` in reply to an answer saves it to the FAQ. Anywhere: the take / close / reopen buttons.
 * In a private chat: the open tickets, one ticket's history, answering it. The coordinators' monthly statistics.
 */
export const hotlineStaffFeature = new Composer<BotContext>()
const groups = hotlineStaffFeature.chatType("supergroup")
const privateChat = hotlineStaffFeature.chatType("private")

groups.command("hotline_link", async (ctx) => {
  if (!ctx.chat.is_forum) return ctx.reply(ctx.t("hotline-link-not-forum"))
  const me = await ctx.getChatMember(ctx.me.id)
  if (me.status !== "administrator" || !me.can_manage_topics) return ctx.reply(ctx.t("hotline-link-not-admin"))
  const outcome = await ctx.services.hotline.staff.linkGroup(ctx.actor, { chatId: String(ctx.chat.id), title: ctx.chat.title })
  if (!outcome.ok) return ctx.reply(ctx.t("hotline-link-not-allowed"))
  await ctx.reply(outcome.municipality ? ctx.t("hotline-linked-municipality", { municipality: outcome.municipality }) : ctx.t("hotline-linked"))
})

groups.command("hotline_unlink", async (ctx) => {
  const outcome = await ctx.services.hotline.staff.unlinkGroup(ctx.actor, String(ctx.chat.id))
  await ctx.reply(ctx.t(outcome.ok ? "hotline-unlinked" : outcome.reason === "not_found" ? "hotline-unlink-not-linked" : "hotline-link-not-allowed"))
})

/** `/faq` sent in reply to an answer in a ticket's topic: question and answer go to the FAQ in one step. */
groups.command("faq", async (ctx) => {
  const threadId = ctx.message?.message_thread_id
  if (!ctx.message?.is_topic_message || threadId === undefined) return
  const ticket = await ctx.services.hotline.staff.ticketOfTopic(String(ctx.chat.id), threadId)
  if (ticket === null) return
  const replied = ctx.message.reply_to_message
  const answer = replied && replied.message_id !== threadId ? { chatId: String(ctx.chat.id), messageId: replied.message_id } : undefined
  const outcome = await ctx.services.hotline.faq.saveFromTicket(ctx.actor, ticket, answer)
  await ctx.reply(faqSavedText(ctx, outcome), { message_thread_id: threadId })
})

groups.on("message", async (ctx, next) => {
  const message = ctx.message
  if (!message.is_topic_message || message.message_thread_id === undefined || message.text?.startsWith("/")) return next()
  if (!(await ctx.services.hotline.staff.isStaffGroup(String(ctx.chat.id)))) return next()
  if (!isRelayable(message)) return
  const outcome = await ctx.services.hotline.staff.replyInTopic(ctx.actor, { chatId: String(ctx.chat.id), threadId: message.message_thread_id }, sourceOf(message))
  if (outcome.ok || outcome.reason === "not_found") return // a topic that is not a ticket's is the staff's own talk
  const text = outcome.reason === "closed" ? ctx.t("hotline-topic-closed", { id: outcome.ticketId }) : ctx.t("hotline-topic-not-staff")
  await ctx.reply(text, { message_thread_id: message.message_thread_id, reply_parameters: { message_id: message.message_id } })
})

function staffToast(ctx: BotContext, outcome: StaffOutcome, done: string): string {
  if (outcome.ok) return done
  if (outcome.reason === "not_allowed") return ctx.t("hotline-staff-refused-not_allowed")
  if (outcome.reason === "not_found") return ctx.t("hotline-ticket-unknown", { id: 0 })
  return ctx.t(`hotline-staff-refused-${outcome.reason}`, { id: outcome.ticketId })
}

/** The staff buttons answer with a toast: in the group, a message per tap would eat the 20-a-minute budget. */
hotlineStaffFeature.callbackQuery([takeButton.filter, closeButton.filter, reopenButton.filter], async (ctx) => {
  const data = ctx.callbackQuery.data
  const { staff } = ctx.services.hotline
  let outcome: StaffOutcome
  let done: string
  const take = takeButton.unpack(data)
  const close = closeButton.unpack(data)
  const reopen = reopenButton.unpack(data)
  if (take) [outcome, done] = [await staff.take(ctx.actor, take.ticket), ctx.t("hotline-taken", { id: take.ticket })]
  else if (close) [outcome, done] = [await staff.close(ctx.actor, close.ticket), ctx.t("hotline-closed", { id: close.ticket })]
  else [outcome, done] = [await staff.reopen(ctx.actor, reopen!.ticket), ctx.t("hotline-staff-reopened", { id: reopen!.ticket })]
  await ctx.answerCallbackQuery({ text: staffToast(ctx, outcome, done) }).catch(() => {})
})

function ticketLine(ctx: BotContext, ticket: StaffTicketView): string {
  return ctx.t("hotline-open-line", {
    id: ticket.id,
    topic: ctx.t(`hotline-topic-${ticket.topic}`),
    status: ctx.t(`hotline-status-${ticket.status}`),
    waited: ticket.waitingWorkingHours,
    asker: ticket.asker ?? ctx.t("hotline-anonymous"),
    preview: ticket.preview,
  })
}

async function showOpen(ctx: BotContext) {
  const tickets = await ctx.services.hotline.staff.openTickets(ctx.actor)
  if (!Array.isArray(tickets)) return ctx.reply(ctx.t("hotline-staff-refused-not_allowed"))
  if (tickets.length === 0) return ctx.reply(ctx.t("hotline-open-none"))
  const keyboard = new InlineKeyboard()
  tickets.slice(0, 24).forEach((ticket, index) => {
    keyboard.text(`№${ticket.id}`, viewButton.pack({ ticket: ticket.id }))
    if (index % 4 === 3) keyboard.row()
  })
  const parts = splitText([ctx.t("hotline-open-title", { count: tickets.length }), ...tickets.map((ticket) => ticketLine(ctx, ticket))].join("\n\n"))
  for (const [index, part] of parts.entries()) await ctx.reply(part, index === parts.length - 1 ? { reply_markup: keyboard } : {})
}

privateChat.command("tickets", showOpen)
onCallback(hotlineStaffFeature, listButton, showOpen)

onCallback(hotlineStaffFeature, viewButton, async (ctx, { ticket }) => {
  const outcome = await ctx.services.hotline.staff.history(ctx.actor, ticket)
  if (!outcome.ok) return ctx.reply(outcome.reason === "not_found" ? ctx.t("hotline-ticket-unknown", { id: ticket }) : ctx.t("hotline-staff-refused-not_allowed"))
  const lines = outcome.lines.map((line) => ctx.t(`hotline-history-${line.kind}`, { at: line.at, author: line.author ?? ctx.t("hotline-anonymous"), text: line.text }))
  const head = ticketLine(ctx, outcome.ticket) + (outcome.ticket.school ? `\n${outcome.ticket.school}${outcome.ticket.grade ? `, ${ctx.t("hotline-grade", { grade: outcome.ticket.grade })}` : ""}` : "")
  const keyboard = new InlineKeyboard()
  if (outcome.ticket.status === "closed") keyboard.text(ctx.t("hotline-button-reopen"), reopenButton.pack({ ticket }))
  else {
    keyboard.text(ctx.t("hotline-button-answer"), answerButton.pack({ ticket })).row()
    keyboard.text(ctx.t("hotline-button-take"), takeButton.pack({ ticket })).text(ctx.t("hotline-button-close"), closeButton.pack({ ticket }))
  }
  const parts = splitText([head, "", ...lines].join("\n\n"))
  for (const [index, part] of parts.entries()) await ctx.reply(part, index === parts.length - 1 ? { reply_markup: keyboard } : {})
})

onCallback(hotlineStaffFeature, answerButton, async (ctx, { ticket }) => {
  if (ctx.chat?.type !== "private") return ctx.answerCallbackQuery({ text: ctx.t("hotline-answer-in-private") }).catch(() => {})
  await ctx.conversation.enter(HOTLINE_ANSWER_CONVERSATION, ticket)
})

onCallback(hotlineStaffFeature, saveFaqButton, async (ctx, { ticket, message }) => {
  const outcome = await ctx.services.hotline.faq.saveFromTicket(ctx.actor, ticket, { chatId: ctx.actor.telegramId, messageId: message })
  if (outcome.ok) await ctx.editMessageReplyMarkup().catch(() => {})
  await ctx.reply(faqSavedText(ctx, outcome))
})

function faqSavedText(ctx: BotContext, outcome: Awaited<ReturnType<BotContext["services"]["hotline"]["faq"]["saveFromTicket"]>>): string {
  if (outcome.ok) return ctx.t("hotline-faq-saved", { id: outcome.entry.id })
  if (outcome.reason === "no_answer" || outcome.reason === "no_question") return ctx.t(`hotline-faq-${outcome.reason}`)
  if (outcome.reason === "not_allowed") return ctx.t("hotline-staff-refused-not_allowed")
  return ctx.t("faq-not-found")
}

// Monthly statistics for coordinators: figures as text, the same with the ticket list as XLSX.
async function sendStats(ctx: BotContext, yyyymm: number) {
  const { stats } = ctx.services.hotline
  const month = `${Math.floor(yyyymm / 100)}-${String(yyyymm % 100).padStart(2, "0")}`
  const outcome = await stats.monthXlsx(ctx.actor, month)
  if (!outcome.ok) return ctx.reply(ctx.t(outcome.reason === "not_allowed" ? "hotline-stats-not-allowed" : "hotline-stats-bad-month"))
  const s = outcome.statistics
  const locale = ctx.actor.language === "en" ? "en-GB" : "ru-RU"
  const oneDecimal = (value: number) => value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const hours = s.medianFirstResponseMinutes === null ? "—" : oneDecimal(s.medianFirstResponseMinutes / 60)
  const label = stats.monthLabel(month, ctx.actor.language)
  const text = ctx.t("hotline-stats-text", {
    month: label,
    tickets: s.tickets,
    dates: s.byTopic.dates,
    results: s.byTopic.results,
    objectivity: s.byTopic.objectivity,
    other: s.byTopic.other,
    answered: s.answered,
    median: hours,
    rated: s.ratings.reduce((sum, count) => sum + count, 0),
    mean: s.meanRating === null ? "—" : oneDecimal(s.meanRating),
    escalated: s.escalated,
    auto: s.autoClosed,
    faq: s.answeredByFaq,
  })
  const keyboard = new InlineKeyboard()
    .text(ctx.t("hotline-stats-this-month"), statsMonthButton.pack({ month: currentMonth(ctx) }))
    .text(ctx.t("hotline-stats-last-month"), statsMonthButton.pack({ month: currentMonth(ctx, 1) }))
  await ctx.reply(text, { reply_markup: keyboard })
  await ctx.replyWithDocument(new InputFile(outcome.bytes, `hotline-${month}.xlsx`), { caption: ctx.t("hotline-stats-caption", { month: label }) })
}

privateChat.command("hotline_stats", (ctx) => sendStats(ctx, currentMonth(ctx)))
onCallback(hotlineStaffFeature, statsMonthButton, (ctx, { month }) => sendStats(ctx, month))
