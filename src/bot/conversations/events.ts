import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard } from "grammy"
import { parseRussianDate, parseTime } from "../../domain/deadlines/rules.ts"
import { parseSchoolLogin } from "../../domain/schools.ts"
import { EVENT_KINDS, type AudienceRole, type EventKind } from "../../services/deadlines/events.ts"
import { callbackData } from "../callback-data.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { askTextOrSkip, askWithButtons } from "./tap-on.ts"

const noPlaceChoice = callbackData("evn:noplace")
const valueChoice = callbackData("evn:v", { index: "int" })

export const EVENT_CONVERSATION = "event-new"
type Conv = Conversation<BotContext, ConversationContext>

const AUDIENCES: { label: string; roles: AudienceRole[] }[] = [
  { label: "events-audience-coordinators", roles: ["school_coordinator"] },
  { label: "events-audience-teachers", roles: ["teacher"] },
  { label: "events-audience-school-staff", roles: ["school_coordinator", "teacher"] },
  { label: "events-audience-observers", roles: ["observer"] },
]

/** kind → title → date → time → place → who (role) → which schools → created, invitations sent. */
export async function eventConversation(conversation: Conv, ctx: ConversationContext) {
  const municipalityId = await conversation.external((outside) => outside.services.deadlines.events.municipalityOf(outside.actor))
  if (municipalityId === null) return void (await ctx.reply(ctx.t("events-not-allowed")))
  const kind = await choose<EventKind>(conversation, ctx, ctx.t("events-ask-kind"), [...EVENT_KINDS], (value) => ctx.t(`events-kind-${value}`))
  const title = await text(conversation, ctx, ctx.t("events-ask-title"), (value) => (value.trim().length > 0 && value.length <= 200 ? value.trim() : null), "events-bad-title")
  const date = await text(conversation, ctx, ctx.t("events-ask-date"), parseRussianDate, "events-bad-date")
  const startMinutes = await text(conversation, ctx, ctx.t("events-ask-time"), parseTime, "events-bad-time")
  const place = (await askTextOrSkip(conversation, ctx, { text: ctx.t("events-ask-place"), skip: ctx.t("events-button-no-place"), skipData: noPlaceChoice.pack({}) }))?.slice(0, 300) ?? null
  const audience = await choose(conversation, ctx, ctx.t("events-ask-audience"), AUDIENCES, (value) => ctx.t(value.label))
  let schoolIds: number[] | null = null
  if (audience.roles.some((role) => role !== "observer")) {
    const scope = await choose(conversation, ctx, ctx.t("events-ask-scope"), ["all", "some"], (value) => ctx.t(`events-scope-${value}`))
    while (scope === "some" && schoolIds === null) {
      await ctx.reply(ctx.t("events-ask-schools"))
      const answer = (await conversation.waitFor("message:text", { otherwise: (other) => other.reply(ctx.t("events-ask-schools")) })).message.text
      const keys = answer.split(/[\s,;]+/u).map((part) => parseSchoolLogin(part)?.key).filter((key): key is string => key !== undefined)
      const found = await conversation.external(async (outside) => {
        const schools = await outside.services.schedule.schools(outside.actor)
        return keys.map((key) => schools.find((school) => school.key === key)?.id ?? null)
      })
      if (keys.length === 0 || found.includes(null)) await ctx.reply(ctx.t("events-bad-schools"))
      else schoolIds = found as number[]
    }
  }
  const outcome = await conversation.external((outside) =>
    outside.services.deadlines.events.create(outside.actor, { municipalityId, kind, title, place, date, startMinutes, roles: audience.roles, schoolIds }),
  )
  if (outcome.ok) return void (await ctx.reply(ctx.t("events-created", { invited: outcome.invited })))
  if (outcome.reason === "problems") return void (await ctx.reply(outcome.problems.map((problem) => ctx.t(problem)).join("\n")))
  await ctx.reply(ctx.t("events-not-allowed"))
}

async function text<T>(conversation: Conv, ctx: ConversationContext, question: string, parse: (value: string) => T | null, hint: string): Promise<T> {
  await ctx.reply(question)
  for (;;) {
    const answer = (await conversation.waitFor("message:text", { otherwise: (other) => other.reply(question) })).message.text
    const parsed = parse(answer)
    if (parsed !== null) return parsed
    await ctx.reply(ctx.t(hint))
  }
}

async function choose<T>(conversation: Conv, ctx: ConversationContext, question: string, values: T[], label: (value: T) => string): Promise<T> {
  const keyboard = new InlineKeyboard()
  values.forEach((value, index) => keyboard.text(label(value), valueChoice.pack({ index })).row())
  const { data } = await askWithButtons(conversation, ctx, { text: question, keyboard, filter: valueChoice.filter, remind: ctx.t("schedule-use-buttons") })
  return values[valueChoice.unpack(data)!.index] ?? values[0]!
}
