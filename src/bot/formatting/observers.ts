import { InlineKeyboard } from "grammy"
import { russianDate } from "../../domain/calendar/dates.ts"
import type { Availability } from "../../domain/observers/availability.ts"
import { OPTION_LETTERS } from "../../domain/observers/quiz.ts"
import type { Translate } from "../../i18n.ts"
import type { ProposalView } from "../../services/observers/assignments.ts"
import { procedureLabel, schoolLabel, sessionLines, whenLabel, type SessionFacts } from "../../services/observers/facts.ts"
import type { ProfileView } from "../../services/observers/profiles.ts"
import type { QuizQuestionView } from "../../services/observers/quiz.ts"
import type { SessionView } from "../../services/observers/sessions.ts"
import { editButton, quizButton } from "../features/observer-buttons.ts"

/** Texts and keyboards of the observers' section: pure, from what the services return. */

const WEEKDAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const

export function availabilityText(t: Translate, availability: Availability): string {
  if (availability.any) return t("observers-any-day")
  const parts = [
    ...[1, 2, 3, 4, 5, 6, 0].filter((day) => availability.weekdays.includes(day)).map((day) => t(`observers-weekday-${WEEKDAY_KEYS[day]}`)),
    ...availability.dates.map(russianDate),
  ]
  return parts.join(", ")
}

export function profileText(t: Translate, profile: ProfileView): string {
  const schools = (list: { label: string }[]) => (list.length > 0 ? list.map((school) => school.label).join("; ") : t("observers-none"))
  return t("observers-profile", {
    name: profile.fullName,
    phone: profile.phone,
    municipality: profile.municipalityName,
    work: schools(profile.work),
    children: schools(profile.children),
    availability: availabilityText(t, profile.availability),
  })
}

/** «Вопрос 3 из 14», the question, its options lettered in the shown order; buttons with the letters. */
export function quizQuestion(t: Translate, question: QuizQuestionView): { text: string; keyboard: InlineKeyboard } {
  const number = question.question + 1
  const lines = [
    t("observers-quiz-progress", { current: question.index + 1, total: question.total }),
    "",
    t(`observers-quiz-q${number}`),
    "",
    ...question.options.map((option, shown) => `${t(`observers-quiz-letter-${OPTION_LETTERS[shown]}`)}) ${t(`observers-quiz-q${number}-${OPTION_LETTERS[option]}`)}`),
  ]
  const keyboard = new InlineKeyboard()
  question.options.forEach((_, shown) => keyboard.text(t(`observers-quiz-letter-${OPTION_LETTERS[shown]}`), quizButton.pack({ attemptId: question.attemptId, index: question.index, option: shown })))
  return { text: lines.join("\n"), keyboard }
}

export function sessionShort(t: Translate, session: SessionFacts): string {
  return `${whenLabel(session)} · ${schoolLabel({ login: session.schoolLogin, name: session.schoolName })} · ${procedureLabel(session.procedure)}`
}

function priorityMark(t: Translate, priority: "risk" | "request" | null): string {
  return priority ? ` ${t(`observers-priority-${priority}`)}` : ""
}

/** Lines shown at most, so the message stays under Telegram's 4096 characters. */
export const LIST_LIMIT = 30

export function sessionsText(t: Translate, sessions: SessionView[]): string {
  if (sessions.length === 0) return t("observers-sessions-none")
  const lines = sessions.slice(0, LIST_LIMIT).map((session) =>
    t("observers-sessions-line", {
      session: sessionShort(t, session),
      confirmed: session.confirmed,
      offered: session.offered,
      rooms: session.rooms,
      priority: priorityMark(t, session.priority),
    }),
  )
  const more = sessions.length > LIST_LIMIT ? [t("observers-more", { count: sessions.length - LIST_LIMIT })] : []
  return [t("observers-sessions-title", { count: sessions.length }), "", ...lines, ...more].join("\n")
}

/** The draft: numbered lines (the numbers are the edit buttons), then the sessions left short. */
export function proposalText(t: Translate, proposal: ProposalView): { text: string; keyboard: InlineKeyboard } {
  const shown = proposal.lines.slice(0, LIST_LIMIT)
  const lines = shown.map((line, index) =>
    t("observers-proposal-line", {
      number: index + 1,
      session: sessionShort(t, line.session),
      observer: line.observerName,
      priority: priorityMark(t, line.priority),
      cross: line.cross ? ` ${t("observers-proposal-cross")}` : "",
    }),
  )
  const short = proposal.short.slice(0, 10).map((entry) =>
    t("observers-proposal-short", { session: sessionShort(t, entry.session), missing: entry.missing, reason: t(`observers-short-${entry.reason ?? "limit"}`) }),
  )
  const text = [
    proposal.total > 0 ? t("observers-proposal-title", { count: proposal.total }) : t("observers-proposal-empty"),
    ...(lines.length > 0 ? ["", ...lines] : []),
    ...(proposal.total > shown.length ? [t("observers-more", { count: proposal.total - shown.length })] : []),
    ...(short.length > 0 ? ["", t("observers-proposal-short-title"), ...short] : []),
    ...(proposal.shortTotal > short.length ? [t("observers-more", { count: proposal.shortTotal - short.length })] : []),
    ...(proposal.lines.length > 0 ? ["", t("observers-proposal-hint")] : []),
  ].join("\n")
  const keyboard = new InlineKeyboard()
  shown.forEach((line, index) => {
    keyboard.text(String(index + 1), editButton.pack({ assignmentId: line.assignmentId }))
    if (index % 6 === 5) keyboard.row()
  })
  return { text, keyboard }
}

export function sessionCard(t: Translate, session: SessionFacts): string {
  return sessionLines(t, session)
}
