import { InlineKeyboard } from "grammy"
import type { MarkShares } from "../../domain/kdr/scale.ts"
import { callbackData } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import { proposalsText } from "../formatting/kdr.ts"

/** The КДР proposals message and its buttons, shared by /kdr and the shares dialog. */
export const proposeButton = callbackData("kdr:p", { handle: "int" })
export const confirmButton = callbackData("kdr:c", { handle: "int", three: "int", four: "int", five: "int" })
export const sharesButton = callbackData("kdr:s", { handle: "int" })

/** Sends the proposals for a procedure (also from the shares dialog). */
export async function sendProposals(ctx: BotContext, handle: number, shares?: MarkShares) {
  const procedure = await ctx.services.kdr.procedureOf(handle)
  const outcome = procedure ? await ctx.services.kdr.propose(ctx.actor, procedure, shares) : null
  if (!outcome || !outcome.ok) return ctx.reply(ctx.t(outcome?.reason === "not_allowed" ? "kdr-not-allowed" : "kdr-nothing"))
  const keyboard = new InlineKeyboard()
  outcome.proposals.forEach((proposal, index) => {
    keyboard.text(ctx.t("kdr-button-confirm", { letter: ctx.t(`kdr-letter-${index}`) }), confirmButton.pack({ handle, three: proposal.scale["3"], four: proposal.scale["4"], five: proposal.scale["5"] }))
  })
  keyboard.row().text(ctx.t("kdr-button-shares"), sharesButton.pack({ handle }))
  await ctx.reply(proposalsText(ctx.t, outcome), { reply_markup: keyboard })
}

