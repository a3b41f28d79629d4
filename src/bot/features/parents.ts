import { Composer, InlineKeyboard } from "grammy"
import { onCallback } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import { BROADCAST_CONVERSATION } from "../conversations/broadcast.ts"
import { SUBSCRIBE_CONVERSATION } from "../conversations/subscribe.ts"
import { broadcastButton, subscribeButton, subscriptionsButton, unsubscribeButton } from "../hotline/buttons.ts"

/** Parents informed: follow a school's grade (no role), see and cancel subscriptions; coordinators announce. */
export const parentsFeature = new Composer<BotContext>()
const privateChat = parentsFeature.chatType("private")

privateChat.command("subscribe", (ctx) => ctx.conversation.enter(SUBSCRIBE_CONVERSATION))
onCallback(parentsFeature, subscribeButton, (ctx) => ctx.conversation.enter(SUBSCRIBE_CONVERSATION))

async function showSubscriptions(ctx: BotContext) {
  const subscriptions = await ctx.services.parents.subscriptions.mine(ctx.actor)
  if (subscriptions.length === 0) {
    return ctx.reply(ctx.t("parents-none"), { reply_markup: new InlineKeyboard().text(ctx.t("hotline-menu-subscribe"), subscribeButton.pack({})) })
  }
  const keyboard = new InlineKeyboard()
  for (const subscription of subscriptions) {
    keyboard.text(ctx.t("parents-unsubscribe-button", { school: subscription.school.slice(0, 40), grade: subscription.grade }), unsubscribeButton.pack({ id: subscription.id })).row()
  }
  const lines = subscriptions.map((subscription) => ctx.t("parents-line", { school: subscription.school, grade: subscription.grade }))
  await ctx.reply([ctx.t("parents-title"), ...lines, "", ctx.t("parents-unsubscribe-hint")].join("\n"), { reply_markup: keyboard })
}

privateChat.command("subscriptions", showSubscriptions)
onCallback(parentsFeature, subscriptionsButton, showSubscriptions)

onCallback(parentsFeature, unsubscribeButton, async (ctx, { id }) => {
  const outcome = await ctx.services.parents.subscriptions.unsubscribe(ctx.actor, id)
  await ctx.editMessageReplyMarkup().catch(() => {})
  await ctx.reply(ctx.t(outcome.ok ? "parents-unsubscribed" : "parents-unsubscribe-unknown"))
})

async function startBroadcast(ctx: BotContext) {
  if (!ctx.services.parents.broadcasts.maySend(ctx.actor)) return ctx.reply(ctx.t("parents-bc-not-allowed"))
  if (ctx.chat?.type !== "private") return
  await ctx.conversation.enter(BROADCAST_CONVERSATION)
}

privateChat.command("broadcast", startBroadcast)
onCallback(parentsFeature, broadcastButton, startBroadcast)
