import { InlineKeyboard } from "grammy"
import {
  formatTimeOfDay, MAX_ACT_PHOTOS, MAX_ACT_TEXT, parseTimeOfDay, STAGES, VIOLATION_NEEDS_COMMENT, VIOLATIONS, violationsFor,
  type ActDraft, type ActViolation, type Stage, type ViolationCode,
} from "../../domain/observers/act.ts"
import type { ConversationContext } from "../context.ts"
import { actActionButton, stageButton, violationButton } from "../features/observer-buttons.ts"
import { sessionCard } from "../formatting/observers.ts"
import { tapped, textOf, waitForInput, type Conv } from "./observer-input.ts"

export const OBSERVER_ACT_CONVERSATION = "observer-act"

/**
 * The observation act, following the form (observers.md §4.3): stages observed → start and end time → «Нарушений
 * не выявлено» or the checklist of the stages' violations, each with a comment → a general comment → photos of the
 * signed paper act (never of ВПР tasks) → check and send. The service decides whether this observer may file it.
 */
export async function observerActConversation(conversation: Conv, ctx: ConversationContext, assignmentId: number) {
  const allowed = await conversation.external((outside) => outside.services.observers.acts.actable(outside.actor, assignmentId))
  if (!allowed.ok) {
    await ctx.reply(ctx.t(allowed.reason === "not_allowed" ? "observers-act-not-yours" : `observers-act-refused-${allowed.problems[0]}`))
    return
  }
  await ctx.reply([ctx.t("observers-act-intro"), "", sessionCard(ctx.t, allowed.session)].join("\n"))

  const stages = (await toggleList(conversation, ctx, ctx.t("observers-act-stages"), STAGES.map((stage) => ctx.t(`observers-stage-${stage}`)), "stage", "observers-act-stages-none")).map((index) => STAGES[index]!) as Stage[]
  const startMinutes = await askTime(conversation, ctx, ctx.t("observers-act-start"), null)
  const endMinutes = await askTime(conversation, ctx, ctx.t("observers-act-end"), startMinutes)

  await ctx.reply(ctx.t("observers-act-any-violations"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("observers-act-no-violations"), actActionButton.pack({ action: "clean" }))
      .row()
      .text(ctx.t("observers-act-violations-found"), actActionButton.pack({ action: "violations" })),
  })
  const found = await waitForInput(
    conversation,
    (update) => {
      const action = tapped(update, actActionButton.unpack)?.action
      return action === "clean" || action === "violations" ? action : undefined
    },
    (update) => update.reply(ctx.t("observers-use-buttons")),
  )
  await found.ctx.editMessageReplyMarkup().catch(() => {})
  const violations: ActViolation[] = []
  if (found.value === "violations") {
    const codes = violationsFor(stages)
    const chosen = await toggleList(conversation, ctx, ctx.t("observers-act-checklist"), codes.map((code) => ctx.t(`observers-violation-${code}`)), "violation", "observers-act-checklist-none")
    for (const index of chosen) {
      const code = codes[index]! as ViolationCode
      violations.push({ code, comment: await askComment(conversation, ctx, code) })
    }
  }
  const comment = await askText(conversation, ctx, ctx.t("observers-act-comment"), "nocomment", ctx.t("observers-act-comment-skip"))
  const photoFileIds = await askPhotos(conversation, ctx)

  const draft: ActDraft = { stages, startMinutes, endMinutes, violations, comment, photoFileIds }
  const summary = [
    ctx.t("observers-act-summary"),
    "",
    sessionCard(ctx.t, allowed.session),
    ctx.t("observers-act-summary-stages", { stages: stages.map((stage) => ctx.t(`observers-stage-${stage}`)).join("; ") }),
    ctx.t("observers-act-summary-time", { start: formatTimeOfDay(startMinutes), end: formatTimeOfDay(endMinutes) }),
    violations.length === 0
      ? ctx.t("observers-act-no-violations")
      : [ctx.t("observers-act-violations-found"), ...violations.map((v) => `• ${ctx.t(`observers-violation-${v.code}`)}${v.comment ? ` — ${v.comment}` : ""}`)].join("\n"),
    ...(comment ? [ctx.t("observers-act-comment-line", { comment })] : []),
    ctx.t("observers-act-summary-photos", { count: photoFileIds.length }),
  ].join("\n")
  await ctx.reply(summary.length > 4000 ? `${summary.slice(0, 3999)}…` : summary, {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("observers-act-send"), actActionButton.pack({ action: "send" }))
      .row()
      .text(ctx.t("observers-act-cancel"), actActionButton.pack({ action: "cancel" })),
  })
  const decision = await waitForInput(
    conversation,
    (update) => {
      const action = tapped(update, actActionButton.unpack)?.action
      return action === "send" || action === "cancel" ? action : undefined
    },
    (update) => update.reply(ctx.t("observers-use-buttons")),
  )
  await decision.ctx.editMessageReplyMarkup().catch(() => {})
  if (decision.value === "cancel") {
    await ctx.reply(ctx.t("observers-act-cancelled"))
    return
  }
  const outcome = await conversation.external((outside) => outside.services.observers.acts.submit(outside.actor, assignmentId, draft))
  if (!outcome.ok) {
    if (outcome.reason === "not_allowed") await ctx.reply(ctx.t("observers-act-not-yours"))
    else await ctx.reply([ctx.t("observers-act-problems"), ...outcome.problems.map((problem) => `• ${ctx.t(`observers-act-refused-${problem}`)}`)].join("\n"))
    return
  }
  const lines = [ctx.t("observers-act-filed", { id: outcome.actId })]
  if (outcome.late) lines.push(ctx.t("observers-act-filed-late"))
  if (violations.length > 0) lines.push(ctx.t(outcome.alerted > 0 ? "observers-act-alerted" : "observers-act-no-coordinator"))
  await ctx.reply(lines.join("\n"))
}

/** A checklist: each tap toggles a line (✅), «Готово» ends it; at least one line is needed. Returns the chosen indexes. */
async function toggleList(
  conversation: Conv,
  ctx: ConversationContext,
  question: string,
  labels: string[],
  field: "stage" | "violation",
  noneKey: string,
): Promise<number[]> {
  const pack = (index: number) => (field === "stage" ? stageButton.pack({ stage: index }) : violationButton.pack({ violation: index }))
  const unpack = (data: string) => (field === "stage" ? stageButton.unpack(data)?.stage : violationButton.unpack(data)?.violation) ?? null
  const chosen = new Set<number>()
  const keyboard = () => {
    const board = new InlineKeyboard()
    labels.forEach((_, index) => {
      board.text(`${chosen.has(index) ? "✅ " : ""}${index + 1}`, pack(index))
      if (index % 5 === 4) board.row()
    })
    return board.row().text(ctx.t("observers-done"), actActionButton.pack({ action: `done_${field}` }))
  }
  const text = [question, "", ...labels.map((label, index) => `${index + 1}. ${label}`)].join("\n")
  const message = await ctx.reply(text, { reply_markup: keyboard() })
  for (;;) {
    const answer = await waitForInput<number | "done">(
      conversation,
      (update) => {
        if (tapped(update, actActionButton.unpack)?.action === `done_${field}`) return "done"
        const index = tapped(update, unpack)
        return index !== undefined && index < labels.length ? index : undefined
      },
      (update) => update.reply(ctx.t("observers-use-buttons")),
    )
    if (answer.value === "done") {
      if (chosen.size === 0) {
        await ctx.reply(ctx.t(noneKey))
        continue
      }
      await ctx.api.editMessageReplyMarkup(message.chat.id, message.message_id).catch(() => {})
      return [...chosen].sort((a, b) => a - b)
    }
    if (chosen.has(answer.value)) chosen.delete(answer.value)
    else chosen.add(answer.value)
    await ctx.api.editMessageReplyMarkup(message.chat.id, message.message_id, { reply_markup: keyboard() }).catch(() => {})
  }
}

async function askTime(conversation: Conv, ctx: ConversationContext, question: string, after: number | null): Promise<number> {
  await ctx.reply(question)
  let problem = ""
  const answer = await waitForInput(
    conversation,
    (update) => {
      const text = textOf(update)
      if (!text) return undefined
      const minutes = parseTimeOfDay(text)
      if (minutes === null) problem = ctx.t("observers-act-time-invalid")
      else if (after !== null && minutes <= after) problem = ctx.t("observers-act-end-before-start", { start: formatTimeOfDay(after) })
      else return minutes
      return undefined
    },
    async (update) => {
      await update.reply(problem || question)
      problem = ""
    },
  )
  return answer.value
}

/** Free text up to the act's limit, or null by the skip button. */
async function askText(conversation: Conv, ctx: ConversationContext, question: string, skipAction: string | null, skipLabel: string): Promise<string | null> {
  await ctx.reply(question, skipAction ? { reply_markup: new InlineKeyboard().text(skipLabel, actActionButton.pack({ action: skipAction })) } : {})
  let problem = ""
  const answer = await waitForInput<string | { skip: true }>(
    conversation,
    (update) => {
      if (skipAction && tapped(update, actActionButton.unpack)?.action === skipAction) return { skip: true }
      const text = textOf(update)
      if (!text) return undefined
      if (text.length > MAX_ACT_TEXT) {
        problem = ctx.t("observers-act-text-too-long", { max: MAX_ACT_TEXT })
        return undefined
      }
      return text
    },
    async (update) => {
      await update.reply(problem || question)
      problem = ""
    },
  )
  if (answer.ctx.callbackQuery) await answer.ctx.editMessageReplyMarkup().catch(() => {})
  return typeof answer.value === "string" ? answer.value : null
}

async function askComment(conversation: Conv, ctx: ConversationContext, code: ViolationCode): Promise<string | null> {
  const label = ctx.t(`observers-violation-${code}`)
  const required = VIOLATION_NEEDS_COMMENT.has(code)
  return askText(conversation, ctx, ctx.t(required ? "observers-act-violation-describe" : "observers-act-violation-comment", { violation: label }), required ? null : `skip_${VIOLATIONS.findIndex((v) => v.code === code)}`, ctx.t("observers-act-comment-skip"))
}

/** Photos of the signed paper act: up to five, file ids only (Telegram keeps the bytes). */
async function askPhotos(conversation: Conv, ctx: ConversationContext): Promise<string[]> {
  const done = new InlineKeyboard().text(ctx.t("observers-act-photos-none"), actActionButton.pack({ action: "photos_done" }))
  await ctx.reply(ctx.t("observers-act-photos", { max: MAX_ACT_PHOTOS }), { reply_markup: done })
  const ids: string[] = []
  for (;;) {
    const answer = await waitForInput<string | "done">(
      conversation,
      (update) => {
        if (tapped(update, actActionButton.unpack)?.action === "photos_done") return "done"
        const sizes = update.message?.photo
        return sizes && sizes.length > 0 ? sizes.at(-1)!.file_id : undefined
      },
      (update) => update.reply(ctx.t(update.message?.document ? "observers-act-photos-as-photo" : "observers-act-photos-wait")),
    )
    if (answer.value === "done") {
      await answer.ctx.editMessageReplyMarkup().catch(() => {})
      return ids
    }
    if (ids.length >= MAX_ACT_PHOTOS) {
      await ctx.reply(ctx.t("observers-act-photos-enough", { max: MAX_ACT_PHOTOS }))
      continue
    }
    ids.push(answer.value)
    await ctx.reply(ctx.t("observers-act-photo-added", { count: ids.length }), {
      reply_markup: new InlineKeyboard().text(ctx.t("observers-done"), actActionButton.pack({ action: "photos_done" })),
    })
  }
}
