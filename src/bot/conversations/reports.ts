import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard } from "grammy"
import { parseRussianDate } from "../../domain/deadlines/rules.ts"
import { parseSchoolLogin } from "../../domain/schools.ts"
import { coordinatedMunicipalities } from "../../services/access/roles.ts"
import { MAX_REPORT_BYTES } from "../../services/deadlines/reports.ts"
import { callbackData } from "../callback-data.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { askTextOrSkip, askWithButtons } from "./tap-on.ts"
import { downloadDocument } from "../files.ts"

const schoolChoice = callbackData("rpu:s", { index: "int" })
const noDetailsChoice = callbackData("rpn:nodetails")
const scopeChoice = callbackData("rpn:scope", { scope: "word" })

export const REPORT_UPLOAD_CONVERSATION = "report-upload"
export const REPORT_REQUEST_CONVERSATION = "report-request"
type Conv = Conversation<BotContext, ConversationContext>

/** A school coordinator sends their school's document for one request (any format, up to 20 MB). */
export async function reportUploadConversation(conversation: Conv, ctx: ConversationContext, requestId: number) {
  const asked = await conversation.external((outside) => outside.services.deadlines.reports.asked(outside.actor, requestId))
  if (!asked.ok) return void (await ctx.reply(ctx.t(asked.reason === "not_found" ? "reports-gone" : "reports-not-asked")))
  let school = asked.schools[0]!
  if (asked.schools.length > 1) {
    const keyboard = new InlineKeyboard()
    asked.schools.forEach((candidate, index) => keyboard.text(candidate.name ?? candidate.login, schoolChoice.pack({ index })).row())
    const { data } = await askWithButtons(conversation, ctx, { text: ctx.t("reports-ask-school"), keyboard, filter: schoolChoice.filter, remind: ctx.t("schedule-use-buttons") })
    school = asked.schools[schoolChoice.unpack(data)!.index] ?? school
  }
  await ctx.reply(ctx.t("reports-send-file", { title: asked.title, due: asked.due, details: asked.details ?? "none", replace: school.received ? "yes" : "no" }))
  const answer = await conversation.waitFor("message:document", { otherwise: (other) => other.reply(ctx.t("reports-send-as-file")) })
  const document = answer.message.document
  if ((document.file_size ?? 0) > MAX_REPORT_BYTES) return void (await ctx.reply(ctx.t("report-file-too-large")))
  const chosen = school
  const outcome = await conversation.external(async (outside) => {
    const file = await downloadDocument(outside.api, document, MAX_REPORT_BYTES).catch(() => null)
    if (!file) return { ok: false as const, reason: "download" as const }
    const submitted = await outside.services.deadlines.reports.submit(outside.actor, requestId, chosen.id, { bytes: file.bytes, fileName: document.file_name ?? file.fileName })
    return submitted.ok ? submitted : submitted.reason === "problems" ? { ok: false as const, reason: submitted.problems[0]! } : { ok: false as const, reason: submitted.reason }
  })
  if (outcome.ok) {
    await ctx.reply(ctx.t("reports-received", { file: document.file_name ?? "", school: chosen.name ?? chosen.login, replaced: outcome.replaced ? "yes" : "no", late: outcome.late ? "yes" : "no" }))
    return
  }
  const messages: Record<string, string> = { download: "upload-download-failed", not_found: "reports-gone", not_allowed: "reports-not-asked" }
  await ctx.reply(ctx.t(messages[outcome.reason] ?? outcome.reason))
}

/** title → what exactly → due date → all schools or some → the request goes out. */
export async function reportRequestConversation(conversation: Conv, ctx: ConversationContext) {
  const municipalityId = await conversation.external((outside) => coordinatedMunicipalities(outside.actor)[0] ?? null)
  if (municipalityId === null) return void (await ctx.reply(ctx.t("reports-not-allowed")))
  await ctx.reply(ctx.t("reports-ask-title"))
  const title = (await conversation.waitFor("message:text", { otherwise: (other) => other.reply(ctx.t("reports-ask-title")) })).message.text.trim().slice(0, 200)
  const details = (await askTextOrSkip(conversation, ctx, { text: ctx.t("reports-ask-details"), skip: ctx.t("reports-button-no-details"), skipData: noDetailsChoice.pack({}) }))?.slice(0, 2000) ?? null
  await ctx.reply(ctx.t("reports-ask-due"))
  let dueDate: string | null = null
  while (!dueDate) {
    dueDate = parseRussianDate((await conversation.waitFor("message:text", { otherwise: (other) => other.reply(ctx.t("reports-ask-due")) })).message.text)
    if (!dueDate) await ctx.reply(ctx.t("schedule-bad-date"))
  }
  const keyboard = new InlineKeyboard().text(ctx.t("events-scope-all"), scopeChoice.pack({ scope: "all" })).row().text(ctx.t("events-scope-some"), scopeChoice.pack({ scope: "some" }))
  const scope = await askWithButtons(conversation, ctx, { text: ctx.t("reports-ask-scope"), keyboard, filter: scopeChoice.filter, remind: ctx.t("schedule-use-buttons") })
  let schoolIds: number[] | null = null
  while (scopeChoice.unpack(scope.data)!.scope === "some" && schoolIds === null) {
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
  const due = dueDate
  const outcome = await conversation.external((outside) => outside.services.deadlines.reports.request(outside.actor, { municipalityId, title, details, dueDate: due, schoolIds }))
  if (outcome.ok) return void (await ctx.reply(ctx.t("reports-requested", { schools: outcome.schools, nobody: outcome.withoutCoordinator })))
  if (outcome.reason === "problems") return void (await ctx.reply(outcome.problems.map((problem) => ctx.t(problem)).join("\n")))
  await ctx.reply(ctx.t("reports-not-allowed"))
}
