import { planQuiz, QUIZ_VERSION, scoreQuiz, type PlannedQuestion, type Random } from "../../domain/observers/quiz.ts"
import { audit } from "../access/audit.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notFound, refused, type Done, type NotFound, type RefusedWithProblems } from "../outcome.ts"
import { announceApplication } from "./applications.ts"
import { observerSettings } from "./settings.ts"

/**
 * The training check (observers.md §5): one try at a time, questions and options shuffled when it starts, answers
 * taken one by one in order — an answer to any other question (an old button) is refused — and a pause after a
 * failed try. Passing sends the application to the municipality's coordinators.
 */

export interface QuizQuestionView {
  attemptId: number
  /** 0-based position in this try. */
  index: number
  total: number
  question: number
  /** Original option indexes in the order the buttons show them. */
  options: number[]
}

export interface QuizResult {
  finished: true
  score: number
  total: number
  passMark: number
  passed: boolean
  /** ISO time from which a new try is allowed (failed tries only). */
  retryAt: string | null
}

export type QuizProblem = "not_registered" | "already_passed" | "wait"

export type StartQuizOutcome = Done<{ question: QuizQuestionView; resumed: boolean }> | RefusedWithProblems<QuizProblem> | (RefusedWithProblems<"wait"> & { retryAt: string })

function questionView(attemptId: number, plan: PlannedQuestion[], index: number): QuizQuestionView {
  const planned = plan[index]!
  return { attemptId, index, total: plan.length, question: planned.question, options: planned.options }
}

export function createQuiz(deps: ServiceDeps, random: Random) {
  async function observerOf(actor: Actor) {
    return deps.prisma.observer.findUnique({ where: { userId: actor.userId } })
  }

  return {
    /** Starts a try, or resumes the open one at its next question. */
    async start(actor: Actor): Promise<StartQuizOutcome> {
      const observer = await observerOf(actor)
      if (!observer || observer.status === "withdrawn") return refused(["not_registered" as const])
      if (observer.quizPassedAt !== null) return refused(["already_passed" as const])
      const open = await deps.prisma.quizAttempt.findFirst({ where: { observerId: observer.id, finishedAt: null }, orderBy: { id: "desc" } })
      if (open) return { ok: true, resumed: true, question: questionView(open.id, open.plan as unknown as PlannedQuestion[], open.answers.length) }
      const settings = await observerSettings(deps, observer.municipalityId)
      const last = await deps.prisma.quizAttempt.findFirst({ where: { observerId: observer.id, passed: false }, orderBy: { id: "desc" } })
      if (last?.finishedAt) {
        const retryAt = new Date(last.finishedAt.getTime() + settings.retryHours * 3600_000)
        if (retryAt > deps.clock.now()) return { ...refused(["wait" as const]), retryAt: retryAt.toISOString() }
      }
      const plan = planQuiz(random)
      const attempt = await deps.prisma.quizAttempt.create({
        data: { observerId: observer.id, version: QUIZ_VERSION, plan: plan as never, answers: [], startedAt: deps.clock.now() },
      })
      return { ok: true, resumed: false, question: questionView(attempt.id, plan, 0) }
    },

    /**
     * Records the answer to question `index` of a try: the option at position `shown` of its buttons. Anything but
     * the open try's current question — a finished try, an answered question, someone else's try — is NotFound.
     */
    async answer(actor: Actor, attemptId: number, index: number, shown: number): Promise<Done<{ next: QuizQuestionView } | { result: QuizResult }> | NotFound> {
      const attempt = await deps.prisma.quizAttempt.findUnique({ where: { id: attemptId }, include: { observer: true } })
      if (!attempt || attempt.observer.userId !== actor.userId || attempt.finishedAt !== null || attempt.answers.length !== index) return notFound()
      const plan = attempt.plan as unknown as PlannedQuestion[]
      const option = plan[index]?.options[shown]
      if (option === undefined) return notFound()
      // Appended only if nobody answered this question meanwhile (a double tap, two devices).
      const appended = await deps.prisma.$executeRaw`
        UPDATE "QuizAttempt" SET answers = array_append(answers, ${option}::int)
        WHERE id = ${attemptId} AND "finishedAt" IS NULL AND COALESCE(array_length(answers, 1), 0) = ${index}`
      if (appended !== 1) return notFound()
      if (index + 1 < plan.length) return { ok: true, next: questionView(attemptId, plan, index + 1) }
      return { ok: true, result: await finish(actor, attempt.id, attempt.observerId) }
    },
  }

  async function finish(actor: Actor, attemptId: number, observerId: number): Promise<QuizResult> {
    const attempt = await deps.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })
    const observer = await deps.prisma.observer.findUniqueOrThrow({ where: { id: observerId } })
    const settings = await observerSettings(deps, observer.municipalityId)
    const plan = attempt.plan as unknown as PlannedQuestion[]
    const score = scoreQuiz(plan, attempt.answers)
    const passed = score >= settings.passMark
    const now = deps.clock.now()
    await deps.prisma.quizAttempt.update({ where: { id: attemptId }, data: { finishedAt: now, score, passed } })
    await audit(deps.prisma, { actorId: actor.userId, action: "observer.quiz.finished", subject: String(observerId), details: { score, passed, version: attempt.version } })
    if (passed) {
      await deps.prisma.observer.update({
        where: { id: observerId },
        data: { quizPassedAt: now, quizScore: score, quizVersion: attempt.version, status: observer.status === "registered" ? "awaiting_approval" : observer.status },
      })
      if (observer.status === "registered") await announceApplication(deps, observerId, `quiz${attemptId}`)
    }
    const retryAt = passed ? null : new Date(now.getTime() + settings.retryHours * 3600_000).toISOString()
    return { finished: true, score, total: plan.length, passMark: settings.passMark, passed, retryAt }
  }
}

export type Quiz = ReturnType<typeof createQuiz>
