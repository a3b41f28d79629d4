import { Composer, InlineKeyboard, InputFile } from "grammy"
import { OPTION_LETTERS } from "../../domain/observers/quiz.ts"
import type { ProfileView } from "../../services/observers/profiles.ts"
import { localMoment } from "../../services/observers/facts.ts"
import { onCallback } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import { OBSERVER_ACT_CONVERSATION } from "../conversations/observer-act.ts"
import { OBSERVER_REJECT_CONVERSATION } from "../conversations/observer-reject.ts"
import { OBSERVER_SESSION_CONVERSATION } from "../conversations/observer-session.ts"
import { OBSERVER_SIGNUP_CONVERSATION } from "../conversations/observer-signup.ts"
import { profileText, proposalText, quizQuestion, sessionCard, sessionShort, sessionsText } from "../formatting/observers.ts"
import {
  acceptAllButton, acceptOneButton, actButton, approveButton, chooseButton, dropButton, editButton, lessonButton, offerButton,
  proposeButton, quizButton, rejectButton, sectionButton, withdrawButton,
} from "./observer-buttons.ts"

/**
 * «Наблюдатели»: one screen by who is asking. Anyone may sign up; an applicant learns and takes the quiz; an
 * observer sees their sessions and files acts; a municipal coordinator decides applications, enters sessions,
 * assigns observers and exports the acts. Every decision is the observers service's.
 */
export const observersFeature = new Composer<BotContext>()
const privateChat = observersFeature.chatType("private")

const LESSONS = 5
type Section = "signup" | "lessons" | "quiz" | "withdraw" | "mine" | "acts" | "apps" | "sessions" | "session" | "propose" | "export"
const section = (ctx: BotContext, name: Section, label = `observers-button-${name}`) => ({ text: ctx.t(label), data: sectionButton.pack({ section: name }) })

function keyboardOf(buttons: { text: string; data: string }[][]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const row of buttons) {
    for (const button of row) keyboard.text(button.text, button.data)
    keyboard.row()
  }
  return keyboard
}

/** Marks a choice made: the keyboard goes, so an old button cannot be pressed twice. */
async function closeKeyboard(ctx: BotContext): Promise<void> {
  await ctx.editMessageReplyMarkup().catch(() => {})
}

/** The observers' screen for this user. Exported for /start after an observer invite. */
export async function showObservers(ctx: BotContext): Promise<void> {
  const observers = ctx.services.observers
  if (observers.isCoordinator(ctx.actor)) return showCoordinatorPanel(ctx)
  const profile = await observers.profile.own(ctx.actor)
  if (!profile) {
    const invited = observers.profile.invitedMunicipality(ctx.actor) !== null
    await ctx.reply(ctx.t(invited ? "observers-intro-invited" : "observers-intro"), { reply_markup: keyboardOf([[section(ctx, "signup")]]) })
    return
  }
  await showOwnStatus(ctx, profile)
}

async function showOwnStatus(ctx: BotContext, profile: ProfileView): Promise<void> {
  const edit = section(ctx, "signup", "observers-button-edit")
  const withdraw = section(ctx, "withdraw")
  const status = ctx.t(`observers-status-${profile.status}`, { reason: profile.rejectionReason ?? "", score: profile.quizScore ?? 0 })
  const text = [status, "", profileText(ctx.t, profile)].join("\n")
  switch (profile.status) {
    case "registered":
      return void (await ctx.reply(text, { reply_markup: keyboardOf([[section(ctx, "lessons")], [section(ctx, "quiz")], [edit], [withdraw]]) }))
    case "approved":
      return void (await ctx.reply(text, { reply_markup: keyboardOf([[section(ctx, "mine")], [section(ctx, "acts")], [edit], [withdraw]]) }))
    case "rejected":
      return void (await ctx.reply(text, { reply_markup: keyboardOf([[withdraw]]) }))
    default:
      return void (await ctx.reply(text, { reply_markup: keyboardOf([[edit], [withdraw]]) }))
  }
}

async function showCoordinatorPanel(ctx: BotContext): Promise<void> {
  const observers = ctx.services.observers
  const [pending, sessions] = await Promise.all([observers.applications.pending(ctx.actor), observers.sessions.upcoming(ctx.actor)])
  const short = sessions.filter((session) => session.rooms > session.offered + session.confirmed).length
  await ctx.reply(ctx.t("observers-coordinator-panel", { pending: pending.length, sessions: sessions.length, short }), {
    reply_markup: keyboardOf([
      [{ text: ctx.t("observers-button-apps", { count: pending.length }), data: sectionButton.pack({ section: "apps" }) }],
      [section(ctx, "sessions"), section(ctx, "session")],
      [section(ctx, "propose")],
      [section(ctx, "export")],
    ]),
  })
}

privateChat.command("observers", showObservers)
privateChat.callbackQuery("menu:observers", async (ctx) => {
  await ctx.answerCallbackQuery()
  await showObservers(ctx)
})

onCallback(observersFeature, sectionButton, async (ctx, { section: name }) => {
  switch (name as Section) {
    case "signup":
      return ctx.conversation.enter(OBSERVER_SIGNUP_CONVERSATION)
    case "lessons":
      return showLesson(ctx, 1)
    case "quiz":
      return startQuiz(ctx)
    case "withdraw":
      return ctx.reply(ctx.t("observers-withdraw-ask"), {
        reply_markup: new InlineKeyboard()
          .text(ctx.t("observers-withdraw-yes"), withdrawButton.pack({ answer: "yes" }))
          .row()
          .text(ctx.t("observers-withdraw-no"), withdrawButton.pack({ answer: "no" })),
      })
    case "mine":
      return showMine(ctx)
    case "acts":
      return showPendingActs(ctx)
    case "apps":
      return showApplications(ctx)
    case "sessions":
      return ctx.reply(sessionsText(ctx.t, await ctx.services.observers.sessions.upcoming(ctx.actor)))
    case "session":
      return ctx.conversation.enter(OBSERVER_SESSION_CONVERSATION)
    case "propose":
      return askProposalRange(ctx)
    case "export":
      return exportActs(ctx)
  }
})

// ——— Applicants: lessons and the quiz ———

async function showLesson(ctx: BotContext, lesson: number): Promise<void> {
  const next = lesson < LESSONS ? { text: ctx.t("observers-lesson-next"), data: lessonButton.pack({ lesson: lesson + 1 }) } : section(ctx, "quiz", "observers-button-quiz-start")
  await ctx.reply(`${ctx.t("observers-lesson-progress", { current: lesson, total: LESSONS })}\n\n${ctx.t(`observers-lesson-${lesson}`)}`, { reply_markup: keyboardOf([[next]]) })
}

onCallback(observersFeature, lessonButton, async (ctx, { lesson }) => {
  await closeKeyboard(ctx)
  if (lesson >= 1 && lesson <= LESSONS) await showLesson(ctx, lesson)
})

async function startQuiz(ctx: BotContext): Promise<void> {
  const started = await ctx.services.observers.quiz.start(ctx.actor)
  if (!started.ok) {
    const problem = started.problems[0]!
    const retryAt = "retryAt" in started ? started.retryAt : null
    const profile = await ctx.services.observers.profile.own(ctx.actor)
    const until = retryAt ? localMoment(new Date(retryAt), profile?.timeZone ?? ctx.services.settings.defaultTimeZone) : ""
    await ctx.reply(ctx.t(`observers-quiz-refused-${problem}`, { until }))
    return
  }
  if (!started.resumed) await ctx.reply(ctx.t("observers-quiz-intro"))
  const question = quizQuestion(ctx.t, started.question)
  await ctx.reply(question.text, { reply_markup: question.keyboard })
}

onCallback(observersFeature, quizButton, async (ctx, { attemptId, index, option }) => {
  const answered = await ctx.services.observers.quiz.answer(ctx.actor, attemptId, index, option)
  if (!answered.ok) {
    await ctx.reply(ctx.t("observers-quiz-stale"))
    return
  }
  // The answered question is marked with the choice; its buttons stay, and a later tap on them is refused clearly.
  const letters = OPTION_LETTERS.map((letter) => ctx.t(`observers-quiz-letter-${letter}`))
  const original = ctx.callbackQuery.message && "text" in ctx.callbackQuery.message ? ctx.callbackQuery.message.text : undefined
  const marked = new InlineKeyboard()
  letters.forEach((letter, shown) => marked.text(shown === option ? `✓ ${letter}` : letter, quizButton.pack({ attemptId, index, option: shown })))
  if (original) await ctx.editMessageText(`${original}\n\n${ctx.t("observers-quiz-your-answer", { letter: letters[option] ?? "" })}`, { reply_markup: marked }).catch(() => {})
  if ("next" in answered) {
    const question = quizQuestion(ctx.t, answered.next)
    await ctx.reply(question.text, { reply_markup: question.keyboard })
    return
  }
  const result = answered.result
  if (result.passed) await ctx.reply(ctx.t("observers-quiz-passed", { score: result.score, total: result.total }))
  else {
    const profile = await ctx.services.observers.profile.own(ctx.actor)
    const until = localMoment(new Date(result.retryAt!), profile?.timeZone ?? ctx.services.settings.defaultTimeZone)
    await ctx.reply(ctx.t("observers-quiz-failed", { score: result.score, total: result.total, pass: result.passMark, until }))
  }
})

// ——— Withdrawal ———

onCallback(observersFeature, withdrawButton, async (ctx, { answer }) => {
  await closeKeyboard(ctx)
  if (answer !== "yes") return ctx.reply(ctx.t("observers-withdraw-kept"))
  const outcome = await ctx.services.observers.profile.withdraw(ctx.actor)
  await ctx.reply(ctx.t(outcome.ok ? "observers-withdraw-done" : "observers-withdraw-nothing", { cancelled: outcome.ok ? outcome.cancelled : 0 }))
})

// ——— Observers: their sessions, offers, acts ———

async function showMine(ctx: BotContext): Promise<void> {
  const mine = await ctx.services.observers.assignments.mine(ctx.actor)
  if (mine.length === 0) return void (await ctx.reply(ctx.t("observers-mine-none")))
  for (const assignment of mine.slice(0, 10)) {
    const text = [ctx.t(`observers-mine-${assignment.status}`), sessionCard(ctx.t, assignment.session)].join("\n")
    if (assignment.status === "offered") await ctx.reply(text, { reply_markup: offerKeyboard(ctx, assignment.assignmentId) })
    else await ctx.reply(text, { reply_markup: new InlineKeyboard().text(ctx.t("observers-offer-decline"), offerButton.pack({ assignmentId: assignment.assignmentId, answer: "n" })) })
  }
}

function offerKeyboard(ctx: BotContext, assignmentId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("observers-offer-confirm"), offerButton.pack({ assignmentId, answer: "y" }))
    .row()
    .text(ctx.t("observers-offer-decline"), offerButton.pack({ assignmentId, answer: "n" }))
    .text(ctx.t("observers-offer-conflict"), offerButton.pack({ assignmentId, answer: "c" }))
}

onCallback(observersFeature, offerButton, async (ctx, { assignmentId, answer }) => {
  if (answer !== "y" && answer !== "n" && answer !== "c") return
  const outcome = await ctx.services.observers.assignments.respond(ctx.actor, assignmentId, answer)
  await closeKeyboard(ctx)
  if (outcome.ok) return ctx.reply(ctx.t(`observers-answer-${outcome.status}`))
  if (outcome.reason === "problems") return ctx.reply(ctx.t(`observers-answer-refused-${outcome.problems[0]}`))
  return ctx.reply(ctx.t(outcome.reason === "not_allowed" ? "observers-not-yours" : "observers-gone"))
})

async function showPendingActs(ctx: BotContext): Promise<void> {
  const pending = await ctx.services.observers.acts.pending(ctx.actor)
  if (pending.length === 0) return void (await ctx.reply(ctx.t("observers-acts-none")))
  const keyboard = new InlineKeyboard()
  for (const item of pending.slice(0, 10)) keyboard.text(sessionShort(ctx.t, item.session), actButton.pack({ assignmentId: item.assignmentId })).row()
  await ctx.reply(ctx.t("observers-acts-choose"), { reply_markup: keyboard })
}

onCallback(observersFeature, actButton, (ctx, { assignmentId }) => ctx.conversation.enter(OBSERVER_ACT_CONVERSATION, assignmentId))

// ——— Coordinators ———

async function showApplications(ctx: BotContext): Promise<void> {
  if (!ctx.services.observers.isCoordinator(ctx.actor)) return void (await ctx.reply(ctx.t("menu-not-allowed")))
  const pending = await ctx.services.observers.applications.pending(ctx.actor)
  if (pending.length === 0) return void (await ctx.reply(ctx.t("observers-apps-none")))
  for (const application of pending.slice(0, 10)) {
    await ctx.reply(
      ctx.t("observers-application", {
        name: application.fullName,
        phone: application.phone,
        work: application.work.join("; ") || ctx.t("observers-none"),
        children: application.children.join("; ") || ctx.t("observers-none"),
        score: application.quizScore ?? 0,
        total: application.quizTotal,
      }),
      {
        reply_markup: new InlineKeyboard()
          .text(ctx.t("observers-approve-button"), approveButton.pack({ observerId: application.observerId }))
          .text(ctx.t("observers-reject-button"), rejectButton.pack({ observerId: application.observerId })),
      },
    )
  }
}

onCallback(observersFeature, approveButton, async (ctx, { observerId }) => {
  const outcome = await ctx.services.observers.applications.approve(ctx.actor, observerId)
  await closeKeyboard(ctx)
  if (outcome.ok) return ctx.reply(ctx.t("observers-approved-done", { name: outcome.fullName }))
  return ctx.reply(ctx.t(outcome.reason === "not_allowed" ? "menu-not-allowed" : "observers-application-gone"))
})

onCallback(observersFeature, rejectButton, async (ctx, { observerId }) => ctx.conversation.enter(OBSERVER_REJECT_CONVERSATION, observerId))

const ymd = (date: string) => Number(date.replaceAll("-", ""))
const fromYmd = (value: number) => {
  const text = String(value)
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`
}

/** Dates ahead with places left, as buttons; and «everything in the next two weeks». */
async function askProposalRange(ctx: BotContext): Promise<void> {
  const sessions = await ctx.services.observers.sessions.upcoming(ctx.actor)
  const open = sessions.filter((session) => session.rooms > session.offered + session.confirmed)
  if (open.length === 0) return void (await ctx.reply(ctx.t(sessions.length === 0 ? "observers-sessions-none" : "observers-propose-nothing")))
  const dates = [...new Set(open.map((session) => session.date))].sort()
  const keyboard = new InlineKeyboard()
  dates.slice(0, 8).forEach((date, index) => {
    keyboard.text(date.split("-").reverse().join("."), proposeButton.pack({ from: ymd(date), to: ymd(date) }))
    if (index % 4 === 3) keyboard.row()
  })
  keyboard.row().text(ctx.t("observers-propose-all"), proposeButton.pack({ from: ymd(dates[0]!), to: ymd(dates.at(-1)!) }))
  await ctx.reply(ctx.t("observers-propose-ask", { count: open.length }), { reply_markup: keyboard })
}

async function showDraft(ctx: BotContext, proposal: Awaited<ReturnType<BotContext["services"]["observers"]["assignments"]["draft"]>>): Promise<void> {
  const { text, keyboard } = proposalText(ctx.t, proposal)
  if (proposal.lines.length > 0) keyboard.row().text(ctx.t("observers-proposal-accept"), acceptAllButton.pack({}))
  await ctx.reply(text, { reply_markup: keyboard })
}

onCallback(observersFeature, proposeButton, async (ctx, { from, to }) => {
  await closeKeyboard(ctx)
  await ctx.replyWithChatAction("typing")
  const outcome = await ctx.services.observers.assignments.propose(ctx.actor, { from: fromYmd(from), to: fromYmd(to) })
  if (!outcome.ok) return ctx.reply(ctx.t("menu-not-allowed"))
  await showDraft(ctx, outcome.proposal)
})

onCallback(observersFeature, acceptAllButton, async (ctx) => {
  await closeKeyboard(ctx)
  const outcome = await ctx.services.observers.assignments.accept(ctx.actor)
  if (!outcome.ok) return ctx.reply(ctx.t(outcome.reason === "not_allowed" ? "menu-not-allowed" : "observers-proposal-gone"))
  await ctx.reply(ctx.t("observers-proposal-sent", { offered: outcome.offered, dropped: outcome.dropped }))
})

onCallback(observersFeature, acceptOneButton, async (ctx, { assignmentId }) => {
  await closeKeyboard(ctx)
  const outcome = await ctx.services.observers.assignments.accept(ctx.actor, [assignmentId])
  if (!outcome.ok) return ctx.reply(ctx.t(outcome.reason === "not_allowed" ? "menu-not-allowed" : "observers-proposal-gone"))
  await ctx.reply(ctx.t(outcome.offered > 0 ? "observers-replacement-sent" : "observers-replacement-dropped"))
})

onCallback(observersFeature, editButton, async (ctx, { assignmentId }) => {
  const outcome = await ctx.services.observers.assignments.alternatives(ctx.actor, assignmentId)
  if (!outcome.ok) return ctx.reply(ctx.t(outcome.reason === "not_allowed" ? "menu-not-allowed" : "observers-proposal-gone"))
  const keyboard = new InlineKeyboard()
  for (const candidate of outcome.candidates.slice(0, 8)) {
    keyboard.text(candidate.cross ? `${candidate.name} ${ctx.t("observers-proposal-cross")}` : candidate.name, chooseButton.pack({ assignmentId, observerId: candidate.observerId })).row()
  }
  keyboard.text(ctx.t("observers-replacement-none-button"), dropButton.pack({ assignmentId }))
  const text = [
    ctx.t("observers-edit-head", { observer: outcome.line.observerName }),
    sessionCard(ctx.t, outcome.line.session),
    "",
    ctx.t(outcome.candidates.length > 0 ? "observers-edit-choose" : "observers-edit-nobody"),
  ].join("\n")
  await ctx.reply(text, { reply_markup: keyboard })
})

onCallback(observersFeature, chooseButton, async (ctx, { assignmentId, observerId }) => {
  await closeKeyboard(ctx)
  const outcome = await ctx.services.observers.assignments.choose(ctx.actor, assignmentId, observerId)
  if (!outcome.ok) {
    const key = outcome.reason === "not_allowed" ? "menu-not-allowed" : outcome.reason === "problems" ? "observers-edit-not-eligible" : "observers-proposal-gone"
    return ctx.reply(ctx.t(key))
  }
  await ctx.reply(ctx.t("observers-edit-done"))
  await showDraft(ctx, await ctx.services.observers.assignments.draft(ctx.actor))
})

onCallback(observersFeature, dropButton, async (ctx, { assignmentId }) => {
  await closeKeyboard(ctx)
  const outcome = await ctx.services.observers.assignments.drop(ctx.actor, assignmentId)
  if (!outcome.ok) return ctx.reply(ctx.t(outcome.reason === "not_allowed" ? "menu-not-allowed" : "observers-proposal-gone"))
  await ctx.reply(ctx.t("observers-edit-dropped"))
  await showDraft(ctx, await ctx.services.observers.assignments.draft(ctx.actor))
})

async function exportActs(ctx: BotContext): Promise<void> {
  await ctx.replyWithChatAction("upload_document")
  const workbook = await ctx.services.observers.acts.workbook(ctx.actor, ctx.t)
  if (!workbook) return void (await ctx.reply(ctx.t("menu-not-allowed")))
  if (workbook.acts === 0) return void (await ctx.reply(ctx.t("observers-export-none")))
  await ctx.replyWithDocument(new InputFile(workbook.bytes, ctx.t("observers-export-file")), { caption: ctx.t("observers-export-caption", { count: workbook.acts }) })
}
