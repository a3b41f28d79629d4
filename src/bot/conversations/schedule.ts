import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard } from "grammy"
import { russianDate, yearOf } from "../../domain/calendar/dates.ts"
import { parseRussianDate, parseTime } from "../../domain/deadlines/rules.ts"
import { KNOWN_SUBJECTS } from "../../domain/procedures/subjects.ts"
import { procedureTitle, type ProcedureKind } from "../../domain/results.ts"
import { parseSchoolLogin } from "../../domain/schools.ts"
import { describeLocated } from "../../services/workbooks/located-problem.ts"
import { callbackData } from "../callback-data.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { askTextOrSkip, askWithButtons } from "./tap-on.ts"
import { downloadDocument } from "../files.ts"

const noStartChoice = callbackData("sce:nostart")
const valueChoice = callbackData("sce:v", { index: "int" })

export const SCHEDULE_UPLOAD_CONVERSATION = "schedule-upload"
export const SCHEDULE_ENTRY_CONVERSATION = "schedule-entry"

type Conv = Conversation<BotContext, ConversationContext>
const PROBLEMS_SHOWN = 25

/**
 * The filled schedule workbook, inside this dialog: a file sent here is never taken for a results workbook.
 * The reply lists the problems by cell, or what was added, changed and removed.
 */
export async function scheduleUploadConversation(conversation: Conv, ctx: ConversationContext) {
  await ctx.reply(ctx.t("schedule-send-file"))
  const answer = await conversation.waitFor("message:document", { otherwise: (other) => other.reply(ctx.t("schedule-send-file")) })
  const document = answer.message.document
  const outcome = await conversation.external(async (outside) => {
    const file = await downloadDocument(outside.api, document).catch(() => null)
    if (!file) return { ok: false as const, reason: "download" as const }
    const imported = await outside.services.schedule.importWorkbook(outside.actor, file.bytes)
    if (imported.ok) return imported
    if (imported.reason === "not_allowed") return { ok: false as const, reason: "not_allowed" as const }
    return { ok: false as const, reason: "problems" as const, lines: imported.problems.map((problem) => describeLocated(outside.t, problem)) }
  })
  if (outcome.ok) {
    await ctx.reply(ctx.t("schedule-imported", { added: outcome.added, changed: outcome.changed, removed: outcome.removed, unchanged: outcome.unchanged, schools: outcome.schools }))
    return
  }
  if (outcome.reason === "download") return void (await ctx.reply(ctx.t("upload-download-failed")))
  if (outcome.reason === "not_allowed") return void (await ctx.reply(ctx.t("schedule-not-allowed")))
  const shown = outcome.lines.slice(0, PROBLEMS_SHOWN).map((line) => `• ${line}`)
  if (outcome.lines.length > PROBLEMS_SHOWN) shown.push(ctx.t("schedule-more", { count: outcome.lines.length - PROBLEMS_SHOWN }))
  await ctx.reply([ctx.t("schedule-rejected", { count: outcome.lines.length }), ...shown].join("\n"))
}

/** One date: school (asked only when the actor has several) → procedure → subject → grade → date → start. */
export async function scheduleEntryConversation(conversation: Conv, ctx: ConversationContext) {
  const schools = await conversation.external(async (outside) => (await outside.services.schedule.schools(outside.actor)).map((school) => ({ id: school.id, key: school.key, login: school.login, name: school.name })))
  if (schools.length === 0) return void (await ctx.reply(ctx.t("schedule-not-allowed")))
  let school = schools.length === 1 ? schools[0]! : null
  while (!school) {
    await ctx.reply(ctx.t("schedule-ask-school"))
    const text = (await conversation.waitFor("message:text", { otherwise: (other) => other.reply(ctx.t("schedule-ask-school")) })).message.text
    const login = parseSchoolLogin(text)
    school = schools.find((candidate) => candidate.key === login?.key) ?? null
    if (!school) await ctx.reply(ctx.t("schedule-school-unknown"))
  }
  const kind = await choose<ProcedureKind>(conversation, ctx, ctx.t("schedule-ask-kind"), ["ВПР", "КДР"], (value) => value, 2)
  const subject = await choose(conversation, ctx, ctx.t("schedule-ask-subject"), [...KNOWN_SUBJECTS], (value) => value, 2)
  const grade = await choose(conversation, ctx, ctx.t("schedule-ask-grade"), [4, 5, 6, 7, 8, 9, 10, 11, 1, 2, 3], (value) => ctx.t("schedule-grade-button", { grade: value }), 4)

  let date: string | null = null
  await ctx.reply(ctx.t("schedule-ask-date"))
  while (!date) {
    const text = (await conversation.waitFor("message:text", { otherwise: (other) => other.reply(ctx.t("schedule-ask-date")) })).message.text
    const parsed = parseRussianDate(text)
    if (!parsed) {
      await ctx.reply(ctx.t("schedule-bad-date"))
      continue
    }
    const problem = await conversation.external(async (outside) => {
      const found = await outside.services.schedule.checkDate(kind, parsed)
      return found ? outside.t(found.message, found.params ?? {}) : null
    })
    if (problem) await ctx.reply(`${problem[0]!.toUpperCase()}${problem.slice(1)}.`)
    else date = parsed
  }

  let startMinutes: number | null | undefined
  for (let asked = 0; startMinutes === undefined; asked++) {
    const question = { text: ctx.t(asked === 0 ? "schedule-ask-start" : "schedule-bad-start"), skip: ctx.t("schedule-button-no-start"), skipData: noStartChoice.pack({}) }
    const answer = await askTextOrSkip(conversation, ctx, question)
    startMinutes = answer === null ? null : (parseTime(answer) ?? undefined)
  }

  const key = { kind, year: yearOf(date), subject, grade }
  const chosenSchool = school
  const chosenDate = date
  const saved = await conversation.external(async (outside) => {
    const outcome = await outside.services.schedule.save(outside.actor, { schoolId: chosenSchool.id, procedure: key, date: chosenDate, startMinutes })
    return outcome.ok ? { ok: true as const, confirmed: outcome.entry.confirmed } : { ok: false as const }
  })
  if (!saved.ok) return void (await ctx.reply(ctx.t("schedule-not-allowed")))
  await ctx.reply(ctx.t("schedule-saved", {
    date: russianDate(chosenDate),
    procedure: procedureTitle(key),
    school: chosenSchool.name ? `${chosenSchool.name} (${chosenSchool.login})` : chosenSchool.login,
    confirmed: saved.confirmed ? "yes" : "no",
  }))
}

/** Buttons carry indexes, never names (64 bytes). */
async function choose<T>(conversation: Conv, ctx: ConversationContext, question: string, values: T[], label: (value: T) => string, perRow: number): Promise<T> {
  const keyboard = new InlineKeyboard()
  values.forEach((value, index) => {
    keyboard.text(label(value), valueChoice.pack({ index }))
    if ((index + 1) % perRow === 0) keyboard.row()
  })
  const { data } = await askWithButtons(conversation, ctx, { text: question, keyboard, filter: valueChoice.filter, remind: ctx.t("schedule-use-buttons") })
  return values[valueChoice.unpack(data)!.index] ?? values[0]!
}
