import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard } from "grammy"
import type { SchoolChoice } from "../../services/schools/search.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { askWithButtons } from "./tap-on.ts"
import { gradeChoice, gradeSkip, schoolChoice, schoolSkip } from "../hotline/buttons.ts"

type Conv = Conversation<BotContext, ConversationContext>
type Search = (outside: BotContext, query: string) => Promise<SchoolChoice[]>

const ATTEMPTS = 3

/**
 * Asks for a school from the directory: the user types a number or words of the name, the bot offers the matches
 * as buttons. `own` schools (a coordinator's) are offered first without typing. Returns null when skipped
 * (only if `optional`) or after three searches that found nothing.
 */
export async function pickSchool(
  conversation: Conv,
  ctx: ConversationContext,
  options: { prompt: string; optional: boolean; search: Search; own?: SchoolChoice[] },
): Promise<SchoolChoice | null> {
  const skipRow = (keyboard: InlineKeyboard) => (options.optional ? keyboard.row().text(ctx.t("pick-school-skip"), schoolSkip.pack({})) : keyboard)
  let offered: SchoolChoice[] = options.own ?? []
  const offer = (text: string) => {
    const keyboard = new InlineKeyboard()
    for (const school of offered) keyboard.text(school.label.slice(0, 60), schoolChoice.pack({ school: school.id })).row()
    return ctx.reply(text, { reply_markup: skipRow(keyboard) })
  }
  let prompt = await offer(options.prompt)
  for (let attempt = 0; attempt < ATTEMPTS; ) {
    const answer = await conversation.waitFor(["message:text", "callback_query:data"], {
      otherwise: (other) => other.reply(ctx.t("pick-school-type")),
    })
    const data = answer.callbackQuery?.data
    if (data !== undefined) {
      // Only the latest offer answers: a button of an earlier one (another search) is no longer a choice.
      const current = (answer.callbackQuery?.message?.message_id ?? 0) >= prompt.message_id
      const picked = current ? schoolChoice.unpack(data) : null
      const skipped = current && schoolSkip.unpack(data) !== null
      if (!picked && !skipped) {
        await answer.answerCallbackQuery({ text: ctx.t("unknown-stale-button") })
        continue
      }
      await answer.answerCallbackQuery()
      const school = skipped ? null : offered.find((candidate) => candidate.id === picked?.school)
      if (!school && !(skipped && options.optional)) {
        await ctx.api.editMessageReplyMarkup(prompt.chat.id, prompt.message_id).catch(() => {})
        continue
      }
      // The question keeps the answer in place of its buttons, as the chat's history.
      const chosen = ctx.t("pick-school-chosen", { school: school?.label ?? ctx.t("pick-school-not-given") })
      await ctx.api.editMessageText(prompt.chat.id, prompt.message_id, chosen).catch(() => {})
      return school ?? null
    }
    const query = answer.message!.text!
    attempt++
    offered = await conversation.external((outside) => options.search(outside, query))
    if (offered.length === 0) {
      if (attempt >= ATTEMPTS) break
      prompt = await offer(ctx.t("pick-school-none", { query: query.slice(0, 100) }))
      continue
    }
    prompt = await offer(ctx.t("pick-school-found"))
  }
  await ctx.reply(ctx.t(options.optional ? "pick-school-gave-up-optional" : "pick-school-gave-up"))
  return null
}

/** Grades 1–11 as buttons; null when skipped (only if `optional`). */
export async function pickGrade(conversation: Conv, ctx: ConversationContext, options: { prompt: string; optional: boolean }): Promise<number | null> {
  const keyboard = new InlineKeyboard()
  for (let grade = 1; grade <= 11; grade++) {
    keyboard.text(String(grade), gradeChoice.pack({ grade }))
    if (grade === 6) keyboard.row()
  }
  if (options.optional) keyboard.row().text(ctx.t("pick-grade-skip"), gradeSkip.pack({}))
  const filter = options.optional ? [gradeChoice.filter, gradeSkip.filter] : gradeChoice.filter
  const gradeOf = (data: string) => gradeChoice.unpack(data)?.grade ?? null
  const { data } = await askWithButtons(conversation, ctx, {
    text: options.prompt, keyboard, filter, remind: ctx.t("pick-use-buttons"),
    answered: (tapped) => {
      const grade = gradeOf(tapped)
      return grade === null ? ctx.t("pick-grade-not-given") : ctx.t("pick-grade-chosen", { grade })
    },
  })
  return gradeOf(data)
}
