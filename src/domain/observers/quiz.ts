/**
 * The training quiz of observers.md §5: fourteen questions, four options each. Texts live in the locale files
 * (`observers-quiz-q<N>` and `-a` … `-d`); here only which option is right, the order a try shows them in, and the
 * score. A new wording or a changed answer is a new QUIZ_VERSION, stored with every try.
 */
export const QUIZ_VERSION = "2026-1"

/** The right option of each question, 0 = «а» … 3 = «г», in the order of observers.md §5. */
export const QUIZ_ANSWERS: readonly number[] = [2, 0, 1, 2, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1]
export const QUIZ_OPTIONS = 4
export const OPTION_LETTERS = ["a", "b", "c", "d"] as const

/** One question as a try shows it: which question, and its options in the shown order (original indexes). */
export interface PlannedQuestion {
  question: number
  options: number[]
}

/** A random source in [0, 1): tests pass a seeded one. */
export type Random = () => number

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** Questions shuffled, and the options of each (observers.md §5, scoring). */
export function planQuiz(random: Random, questions = QUIZ_ANSWERS.length): PlannedQuestion[] {
  const order = shuffled(Array.from({ length: questions }, (_, index) => index), random)
  return order.map((question) => ({ question, options: shuffled(Array.from({ length: QUIZ_OPTIONS }, (_, index) => index), random) }))
}

/** The original option index behind the button in position `shown` of a planned question. */
export function optionBehind(planned: PlannedQuestion, shown: number): number | null {
  return planned.options[shown] ?? null
}

export function isCorrect(question: number, option: number): boolean {
  return QUIZ_ANSWERS[question] === option
}

/** Right answers among the given ones (by original option index, in plan order). */
export function scoreQuiz(plan: readonly PlannedQuestion[], answers: readonly number[]): number {
  return plan.reduce((score, planned, index) => score + (answers[index] !== undefined && isCorrect(planned.question, answers[index]!) ? 1 : 0), 0)
}
