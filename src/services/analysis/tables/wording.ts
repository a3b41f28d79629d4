/**
 * FIS OKO's own report and row headings (formats.md §10), verbatim. They identify FIS OKO's tables — for
 * exports that must read like the originals and for recognising uploaded FIS OKO reports. Texts the bot says
 * to people come from the locale files, keyed by the same codes.
 */
import type { JournalOutcome } from "./marks.ts"

/** The seven standard reports of the «Аналитика» section, in FIS OKO's order. */
export const FISOKO_REPORTS = {
  individualResults: "Индивидуальные результаты",
  markStatistics: "Статистика по отметкам",
  journalComparison: "Сравнение отметок с отметками по журналу",
  scoreDistribution: "Распределение первичных баллов",
  taskCompletion: "Выполнение заданий",
  plannedResults: "Достижение планируемых результатов",
  taskCompletionByGroups: "Выполнение заданий группами участников",
} as const

export type FisOkoReport = keyof typeof FISOKO_REPORTS

export const FISOKO_COLUMNS = {
  group: "Группы участников",
  participants: "Кол-во участников",
  percent: "%",
} as const

export const FISOKO_MARK_CHART_TITLE = "Общая гистограмма отметок"

/** Rows of «Сравнение отметок с отметками по журналу». */
export const FISOKO_JOURNAL_ROWS: Record<JournalOutcome | "total", string> = {
  lowered: "Понизили (Отметка < Отметка по журналу)",
  confirmed: "Подтвердили (Отметка = Отметка по журналу)",
  raised: "Повысили (Отметка > Отметка по журналу)",
  total: "Всего",
}

/** Chart labels of the same report. */
export const FISOKO_JOURNAL_CHART_LABELS: Record<JournalOutcome, string> = {
  lowered: "Понизили",
  confirmed: "Подтвердили",
  raised: "Повысили",
}
