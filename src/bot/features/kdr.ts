import { Composer, InlineKeyboard } from "grammy"
import { russianDate } from "../../domain/calendar/dates.ts"
import { hasRole } from "../../services/access/roles.ts"
import { onCallback } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import { KDR_SHARES_CONVERSATION } from "../conversations/kdr.ts"
import { confirmButton, proposeButton, sendProposals, sharesButton } from "./kdr-proposals.ts"

/**
 * /kdr: the mark scale of a regional diagnostic work, set after it was written. The coordinator sees the proposals
 * and what each does to the marks, confirms one with a tap, and the schools get their marks the next working day.
 */
export const kdrFeature = new Composer<BotContext>()
const privateChat = kdrFeature.chatType("private")

privateChat.command("kdr", async (ctx) => {
  if (!hasRole(ctx.actor, "municipal_coordinator")) return ctx.reply(ctx.t("kdr-not-allowed"))
  const procedures = await ctx.services.kdr.procedures(ctx.actor)
  if (!Array.isArray(procedures)) return ctx.reply(ctx.t("kdr-not-allowed"))
  if (procedures.length === 0) return ctx.reply(ctx.t("kdr-none"))
  if (procedures.length === 1 && procedures[0]!.scale === null) return sendProposals(ctx, procedures[0]!.handle)
  const keyboard = new InlineKeyboard()
  const lines = [ctx.t("kdr-title")]
  procedures.slice(0, 20).forEach((procedure, index) => {
    lines.push(ctx.t("kdr-line", {
      number: index + 1, title: procedure.title, schools: procedure.schools, participants: procedure.participants,
      scale: procedure.scale ? `${procedure.scale["3"]}/${procedure.scale["4"]}/${procedure.scale["5"]}` : "none",
    }))
    keyboard.text(`📐 ${index + 1}`, proposeButton.pack({ handle: procedure.handle }))
    if ((index + 1) % 5 === 0) keyboard.row()
  })
  await ctx.reply(lines.join("\n"), { reply_markup: keyboard })
})

onCallback(kdrFeature, proposeButton, (ctx, { handle }) => sendProposals(ctx, handle))
onCallback(kdrFeature, sharesButton, (ctx, { handle }) => ctx.conversation.enter(KDR_SHARES_CONVERSATION, handle))

onCallback(kdrFeature, confirmButton, async (ctx, { handle, three, four, five }) => {
  const procedure = await ctx.services.kdr.procedureOf(handle)
  if (!procedure) return ctx.reply(ctx.t("kdr-nothing"))
  await ctx.editMessageReplyMarkup().catch(() => {}) // one confirmation per proposal message
  await ctx.replyWithChatAction("typing")
  const outcome = await ctx.services.kdr.confirm(ctx.actor, procedure, { "3": three, "4": four, "5": five })
  if (!outcome.ok) return ctx.reply(ctx.t(outcome.reason === "problems" ? "kdr-scale-invalid" : outcome.reason === "not_allowed" ? "kdr-not-allowed" : "kdr-nothing"))
  await ctx.reply(ctx.t("kdr-confirmed", {
    three, four, five, version: outcome.version, schools: outcome.schools, participants: outcome.participants,
    m5: outcome.marks.counts[5], m4: outcome.marks.counts[4], m3: outcome.marks.counts[3], m2: outcome.marks.counts[2], day: russianDate(outcome.deliverOn),
  }))
})
