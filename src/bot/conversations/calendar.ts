import type { Conversation } from "@grammyjs/conversations"
import { describeLocated } from "../../services/workbooks/located-problem.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { downloadDocument } from "../files.ts"

export const CALENDAR_CONVERSATION = "calendar-upload"
const MAX_BYTES = 2 * 1024 * 1024
const PROBLEMS_SHOWN = 25

/** An admin's calendar update (our workbook or JSON), inside this dialog so that the results intake never sees it. */
export async function calendarConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext) {
  await ctx.reply(ctx.t("calendar-send-file"))
  const answer = await conversation.waitFor("message:document", { otherwise: (other) => other.reply(ctx.t("calendar-send-file")) })
  const document = answer.message.document
  const outcome = await conversation.external(async (outside) => {
    const file = await downloadDocument(outside.api, document, MAX_BYTES).catch(() => null)
    if (!file) return { kind: "download" as const }
    const imported = await outside.services.calendar.importFile(outside.actor, file)
    if (imported.ok) {
      return { kind: "saved" as const, lines: imported.years.map((year) => outside.t("calendar-year-line", { year: String(year.year), status: year.status, loaded: "yes", days: year.workingDays, hours: String(year.hours), decree: year.decree ?? "none" })) }
    }
    if (imported.reason === "not_allowed") return { kind: "not_allowed" as const }
    return { kind: "problems" as const, lines: imported.problems.map((problem) => describeLocated(outside.t, problem)) }
  })
  switch (outcome.kind) {
    case "download":
      return void (await ctx.reply(ctx.t("upload-download-failed")))
    case "not_allowed":
      return void (await ctx.reply(ctx.t("calendar-not-admin")))
    case "saved":
      return void (await ctx.reply([ctx.t("calendar-saved"), ...outcome.lines].join("\n")))
    case "problems": {
      const shown = outcome.lines.slice(0, PROBLEMS_SHOWN).map((line) => `• ${line}`)
      if (outcome.lines.length > PROBLEMS_SHOWN) shown.push(ctx.t("calendar-more-problems", { count: outcome.lines.length - PROBLEMS_SHOWN }))
      await ctx.reply([ctx.t("calendar-rejected"), ...shown].join("\n"))
    }
  }
}
