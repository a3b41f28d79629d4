import { Composer, InlineKeyboard } from "grammy"
import { coordinatedMunicipalities, hasRole, isAdmin } from "../../services/access/roles.ts"
import { DEADLINE_KINDS } from "../../services/deadlines/kinds.ts"
import { callbackData, onCallback } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import { RULES_CONVERSATION } from "../conversations/deadline-rules.ts"
import { boardText, groupText, mineText } from "../formatting/deadlines.ts"
import { rulesText } from "../formatting/rules.ts"
import { onMenu } from "../keyboards/menu.ts"
import { openEventsButton } from "./events.ts"
import { openReportsButton } from "./reports.ts"
import { openScheduleButton } from "./schedule.ts"

/**
 * /deadlines: everyone's own items for the next 30 days with a «done» button each; coordinators also the status of
 * every school and the municipality's timing rules; everyone can silence a kind of reminder.
 */
export const deadlinesFeature = new Composer<BotContext>()
const privateChat = deadlinesFeature.chatType("private")

/** Callback kinds; `done`, `mute` and `board` also ride on outbox reminders (services/deadlines/buttons.ts). */
export const doneButton = callbackData("dl:d", { id: "int" })
export const muteButton = callbackData("dl:m", { kind: "word" })
export const boardButton = callbackData("dl:b")
const unmuteButton = callbackData("dl:um", { kind: "word" })
const mutesButton = callbackData("dl:s")
const toggleButton = callbackData("dl:t", { kind: "word" })
const groupButton = callbackData("dl:g", { handle: "int" })
const groupDoneButton = callbackData("dl:gd", { handle: "int", id: "int" })
const rulesButton = callbackData("dl:r")
const editRuleButton = callbackData("dl:re", { rule: "word" })
const mineButton = callbackData("dl:l")

const BUTTONS_PER_ROW = 5
const MAX_DONE_BUTTONS = 15

function isCoordinator(ctx: BotContext): boolean {
  return isAdmin(ctx.actor) || coordinatedMunicipalities(ctx.actor).length > 0
}

async function showMine(ctx: BotContext) {
  if (ctx.actor.grants.length === 0) return ctx.reply(ctx.t("menu-not-allowed"))
  const lines = await ctx.services.deadlines.mine(ctx.actor, ctx.t)
  const keyboard = new InlineKeyboard()
  lines.filter((line) => line.canMarkDone).slice(0, MAX_DONE_BUTTONS).forEach((line, index) => {
    keyboard.text(`✅ ${lines.indexOf(line) + 1}`, doneButton.pack({ id: line.id }))
    if ((index + 1) % BUTTONS_PER_ROW === 0) keyboard.row()
  })
  keyboard.row()
  if (isCoordinator(ctx)) keyboard.text(ctx.t("deadlines-button-board"), boardButton.pack({})).row()
  keyboard.text(ctx.t("deadlines-button-mutes"), mutesButton.pack({}))
  if (isCoordinator(ctx)) keyboard.text(ctx.t("deadlines-button-rules"), rulesButton.pack({}))
  keyboard.row()
  if (hasRole(ctx.actor, "school_coordinator", "municipal_coordinator")) keyboard.text(ctx.t("deadlines-button-schedule"), openScheduleButton.pack({}))
  keyboard.text(ctx.t("deadlines-button-events"), openEventsButton.pack({}))
  if (hasRole(ctx.actor, "school_coordinator", "municipal_coordinator")) keyboard.text(ctx.t("deadlines-button-reports"), openReportsButton.pack({}))
  await ctx.reply(mineText(ctx.t, lines), { reply_markup: keyboard })
}

async function showBoard(ctx: BotContext) {
  const board = await ctx.services.deadlines.board(ctx.actor, ctx.t)
  if (!Array.isArray(board)) return ctx.reply(ctx.t("deadlines-board-not-allowed"))
  const keyboard = new InlineKeyboard()
  board.slice(0, 30).forEach((group, index) => {
    keyboard.text(String(index + 1), groupButton.pack({ handle: group.handle }))
    if ((index + 1) % 6 === 0) keyboard.row()
  })
  await ctx.reply(boardText(ctx.t, board), { reply_markup: keyboard })
}

async function groupView(ctx: BotContext, handle: number) {
  const group = await ctx.services.deadlines.group(ctx.actor, handle, ctx.t)
  if (!group.ok) return null
  const keyboard = new InlineKeyboard()
  group.items.filter((item) => item.status !== "done").slice(0, 40).forEach((item, index) => {
    keyboard.text(`✅ ${item.school.replace(/^\s*—\s*/u, "").slice(0, 30) || ctx.t("deadlines-municipality")}`, groupDoneButton.pack({ handle, id: item.id }))
    if ((index + 1) % 2 === 0) keyboard.row()
  })
  return { text: groupText(ctx.t, group), keyboard }
}

privateChat.command("deadlines", showMine)
onMenu(privateChat, "alerts", (ctx) => showMine(ctx))
onCallback(deadlinesFeature, mineButton, (ctx) => showMine(ctx))
onCallback(deadlinesFeature, boardButton, (ctx) => showBoard(ctx))

onCallback(deadlinesFeature, doneButton, async (ctx, { id }) => {
  const outcome = await ctx.services.deadlines.markDone(ctx.actor, id)
  if (!outcome.ok) return ctx.reply(ctx.t(outcome.reason === "not_found" ? "deadlines-gone" : "deadlines-done-not-allowed"))
  // The reminder keeps its text; its buttons go, so the same item cannot be marked twice from it.
  await ctx.editMessageReplyMarkup().catch(() => {})
  await ctx.reply(ctx.t(outcome.already ? "deadlines-done-already" : "deadlines-done", { title: ctx.t(outcome.title.key, outcome.title.params ?? {}) }))
})

onCallback(deadlinesFeature, groupButton, async (ctx, { handle }) => {
  const view = await groupView(ctx, handle)
  if (!view) return ctx.reply(ctx.t("deadlines-gone"))
  await ctx.reply(view.text, { reply_markup: view.keyboard })
})

onCallback(deadlinesFeature, groupDoneButton, async (ctx, { handle, id }) => {
  const outcome = await ctx.services.deadlines.markDone(ctx.actor, id)
  if (!outcome.ok) return ctx.reply(ctx.t(outcome.reason === "not_found" ? "deadlines-gone" : "deadlines-done-not-allowed"))
  const view = await groupView(ctx, handle)
  if (view) await ctx.editMessageText(view.text, { reply_markup: view.keyboard }).catch(() => {})
})

async function mutesView(ctx: BotContext) {
  const muted = new Set(await ctx.services.deadlines.mutes(ctx.actor))
  const keyboard = new InlineKeyboard()
  for (const kind of DEADLINE_KINDS) {
    keyboard.text(`${muted.has(kind) ? "🔕" : "🔔"} ${ctx.t(`deadline-kind-${kind}`)}`, toggleButton.pack({ kind })).row()
  }
  return { text: ctx.t("deadlines-mutes", { count: muted.size }), keyboard }
}

onCallback(deadlinesFeature, mutesButton, async (ctx) => {
  const view = await mutesView(ctx)
  await ctx.reply(view.text, { reply_markup: view.keyboard })
})

// In the settings: a tap switches the kind and redraws the list.
onCallback(deadlinesFeature, toggleButton, async (ctx, { kind }) => {
  const muted = (await ctx.services.deadlines.mutes(ctx.actor)).includes(kind)
  if (muted) await ctx.services.deadlines.unmute(ctx.actor, kind)
  else if (!(await ctx.services.deadlines.mute(ctx.actor, kind)).ok) return ctx.reply(ctx.t("deadlines-gone"))
  const view = await mutesView(ctx)
  await ctx.editMessageText(view.text, { reply_markup: view.keyboard }).catch(() => {})
})

// Under a reminder: silence its kind, with a way back.
onCallback(deadlinesFeature, muteButton, async (ctx, { kind }) => {
  const outcome = await ctx.services.deadlines.mute(ctx.actor, kind)
  if (!outcome.ok) return ctx.reply(ctx.t("deadlines-gone"))
  await ctx.reply(ctx.t("deadlines-muted", { kind: ctx.t(`deadline-kind-${kind}`) }), { reply_markup: new InlineKeyboard().text(ctx.t("deadlines-button-undo"), unmuteButton.pack({ kind })) })
})

onCallback(deadlinesFeature, unmuteButton, async (ctx, { kind }) => {
  await ctx.services.deadlines.unmute(ctx.actor, kind)
  await ctx.editMessageReplyMarkup().catch(() => {})
  await ctx.reply(ctx.t("deadlines-unmuted", { kind: ctx.t(`deadline-kind-${kind}`) }))
})

onCallback(deadlinesFeature, rulesButton, async (ctx) => {
  const municipalityId = coordinatedMunicipalities(ctx.actor)[0]
  if (municipalityId === undefined) return ctx.reply(ctx.t("rules-not-allowed"))
  const rules = await ctx.services.deadlines.rules(ctx.actor, municipalityId)
  if (!rules) return ctx.reply(ctx.t("rules-not-allowed"))
  const keyboard = new InlineKeyboard()
  Object.keys(rules).forEach((name, index) => {
    keyboard.text(`✏️ ${ctx.t(`rule-name-${name}`)}`, editRuleButton.pack({ rule: name.toLowerCase() }))
    if (index % 2 === 1) keyboard.row()
  })
  await ctx.reply(rulesText(ctx.t, rules), { reply_markup: keyboard })
})

onCallback(deadlinesFeature, editRuleButton, async (ctx) => {
  // The rule's name travels lower-cased (callback words are [a-z0-9_]); the dialog restores it.
  await ctx.conversation.enter(RULES_CONVERSATION, editRuleButton.unpack(ctx.callbackQuery.data)!.rule)
})
