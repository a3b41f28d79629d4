import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard } from "grammy"
import { procedureTitle, type ProcedureKey } from "../../domain/results.ts"
import { callbackData } from "../callback-data.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { askWithButtons } from "./tap-on.ts"

type Conv = Conversation<BotContext, ConversationContext>

/** A likely procedure by its index among the candidates, or `other`; then a year, subject or grade by its index. */
const candidateButton = callbackData("pp:c", { choice: "word" })
const valueButton = callbackData("pp:v", { index: "int" })

/**
 * Asks for a procedure with buttons: first the likely ones (specs whose task columns match the file), then,
 * if none fits, year → subject → grade among the known specs. Callback data carry indexes, not Cyrillic
 * names (64 bytes at most).
 */
export async function pickProcedure(
  conversation: Conv,
  ctx: ConversationContext,
  known: ProcedureKey[],
  options: { candidates?: ProcedureKey[]; partial?: Partial<ProcedureKey>; question: string },
): Promise<ProcedureKey> {
  const candidates = (options.candidates ?? []).slice(0, 8)
  if (candidates.length > 0) {
    const keyboard = new InlineKeyboard()
    candidates.forEach((key, index) => keyboard.text(procedureTitle(key), candidateButton.pack({ choice: String(index) })).row())
    keyboard.text(ctx.t("upload-procedure-other"), candidateButton.pack({ choice: "other" }))
    const { data } = await askWithButtons(conversation, ctx, { text: options.question, keyboard, filter: candidateButton.filter, remind: ctx.t("upload-use-buttons") })
    const choice = candidateButton.unpack(data)!.choice
    const picked = /^\d+$/u.test(choice) ? candidates[Number(choice)] : undefined
    if (picked) return picked
  }
  const partial = options.partial ?? {}
  const year = partial.year ?? (await choose(conversation, ctx, ctx.t("upload-ask-year"), unique(known.map((key) => key.year)).sort(), String))
  const ofYear = known.filter((key) => key.year === year)
  const subject =
    partial.subject ?? (await choose(conversation, ctx, ctx.t("upload-ask-subject"), unique(ofYear.map((key) => key.subject)).sort(), String))
  const grades = unique(ofYear.filter((key) => key.subject === subject).map((key) => key.grade)).sort((a, b) => a - b)
  const grade = partial.grade ?? (await choose(conversation, ctx, ctx.t("upload-ask-grade"), grades, (value) => ctx.t("upload-grade", { grade: value })))
  return { kind: partial.kind ?? "ВПР", year, subject, grade }
}

async function choose<T>(conversation: Conv, ctx: ConversationContext, question: string, values: T[], label: (value: T) => string): Promise<T> {
  if (values.length === 1) return values[0]!
  const keyboard = new InlineKeyboard()
  values.forEach((value, index) => {
    keyboard.text(label(value), valueButton.pack({ index }))
    if (index % 3 === 2) keyboard.row()
  })
  // Bound to its own message: a tap left on the year question must not pick a subject by its index.
  const { data } = await askWithButtons(conversation, ctx, { text: question, keyboard, filter: valueButton.filter, remind: ctx.t("upload-use-buttons") })
  return values[valueButton.unpack(data)!.index] ?? values[0]!
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}
