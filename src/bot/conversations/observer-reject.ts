import type { ConversationContext } from "../context.ts"
import { textOf, waitForInput, type Conv } from "./observer-input.ts"

export const OBSERVER_REJECT_CONVERSATION = "observer-reject"

/** The coordinator rejects an application: the reason, in a message, which the applicant reads. */
export async function observerRejectConversation(conversation: Conv, ctx: ConversationContext, observerId: number) {
  await ctx.reply(ctx.t("observers-reject-ask"))
  const answer = await waitForInput(conversation, textOf, (update) => update.reply(ctx.t("observers-reject-ask")))
  const reason = answer.value
  const outcome = await conversation.external((outside) => outside.services.observers.applications.reject(outside.actor, observerId, reason))
  if (outcome.ok) await ctx.reply(ctx.t("observers-rejected-done", { name: outcome.fullName }))
  else if (outcome.reason === "problems") await ctx.reply(ctx.t("observers-reject-reason-invalid"))
  else await ctx.reply(ctx.t(outcome.reason === "not_allowed" ? "menu-not-allowed" : "observers-application-gone"))
}
