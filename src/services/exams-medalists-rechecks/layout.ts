/**
 * Our outside-data workbook (FIS OKO has no such form): up to three sheets — «ОГЭ и ЕГЭ» (S8), «Медалисты» (S9),
 * «Перепроверка» (S10) — with fixed Russian headers, matched case- and space-insensitively. A procedure is written
 * in one cell, `ВПР/2021/Математика/4`, the same form the command line takes.
 */
import { cellText } from "../workbooks/cell-value.ts"
import type { PreviewRow } from "../workbooks/stream.ts"

export type OutsideSheetKind = "exams" | "medalists" | "rechecks"

export const OUTSIDE_SHEETS: Record<OutsideSheetKind, string> = {
  exams: "ОГЭ и ЕГЭ",
  medalists: "Медалисты",
  rechecks: "Перепроверка",
}

export const OUTSIDE_HEADERS = {
  exams: { login: "Логин ОО", kind: "Экзамен", year: "Год", subject: "Предмет", participants: "Участников", mean: "Средний балл" },
  medalists: { login: "Логин ОО", year: "Год", code: "Код медалиста", russian: "ЕГЭ русский язык", mathematics: "ЕГЭ математика" },
  rechecks: { login: "Логин ОО", procedure: "Процедура", code: "Код участника", original: "Балл ОО", rechecked: "Балл после перепроверки" },
} as const

/** Columns a sheet cannot do without (the medalist's code is optional). */
export const REQUIRED_FIELDS: { [K in OutsideSheetKind]: readonly (keyof (typeof OUTSIDE_HEADERS)[K])[] } = {
  exams: ["login", "kind", "year", "subject", "participants", "mean"],
  medalists: ["login", "year", "russian", "mathematics"],
  rechecks: ["login", "procedure", "code", "original", "rechecked"],
}

export const EXAM_KINDS = ["ОГЭ", "ЕГЭ"] as const
export type ExamKind = (typeof EXAM_KINDS)[number]

/** The earliest plausible year of an exam, a medal or a re-check: anything earlier is a typo. */
export const MIN_YEAR = 2000

/** ЕГЭ test points (and the exam means, in any scale the sender uses) lie within 0–100. */
export const MAX_TEST_POINTS = 100

/** Case, spaces and ё do not matter: «ЕГЭ  Русский язык», «егэрусский язык» are the same header. */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/ё/gu, "е").replace(/\s+/gu, "")
}

const LOGIN_KEY = headerKey(OUTSIDE_HEADERS.exams.login)

const SHEET_BY_NAME = new Map<string, OutsideSheetKind>(
  (Object.entries(OUTSIDE_SHEETS) as [OutsideSheetKind, string][]).map(([kind, name]) => [headerKey(name), kind]),
)

export function sheetKindByName(name: string): OutsideSheetKind | null {
  return SHEET_BY_NAME.get(headerKey(name)) ?? null
}

/** The header texts of a row (exceljs values, 1-based) by column, as keys. */
export function headerKeys(values: readonly unknown[]): string[] {
  return Array.from(values, (value) => headerKey(cellText(value)))
}

/** The sheet a header row belongs to, from the columns only its sheet has; null when it is none of ours. */
export function sheetKindOfHeader(values: readonly unknown[]): OutsideSheetKind | null {
  const headers = new Set(headerKeys(values))
  if (!headers.has(LOGIN_KEY)) return null
  const has = (text: string): boolean => headers.has(headerKey(text))
  if (has(OUTSIDE_HEADERS.exams.kind) && has(OUTSIDE_HEADERS.exams.mean)) return "exams"
  if (has(OUTSIDE_HEADERS.medalists.russian) || has(OUTSIDE_HEADERS.medalists.mathematics)) return "medalists"
  if (has(OUTSIDE_HEADERS.rechecks.rechecked)) return "rechecks"
  return null
}

/** Whether a row holds the login header: the header row of one of our sheets. */
export function hasLoginHeader(values: readonly unknown[]): boolean {
  return headerKeys(values).includes(LOGIN_KEY)
}

/** Field → column (1-based, as exceljs counts) of a header row, for the sheet's own headers. */
export function columnsOf<K extends OutsideSheetKind>(kind: K, values: readonly unknown[]): Map<keyof (typeof OUTSIDE_HEADERS)[K], number> {
  const wanted = new Map<string, keyof (typeof OUTSIDE_HEADERS)[K]>(
    Object.entries(OUTSIDE_HEADERS[kind]).map(([field, text]) => [headerKey(text as string), field as keyof (typeof OUTSIDE_HEADERS)[K]]),
  )
  const columns = new Map<keyof (typeof OUTSIDE_HEADERS)[K], number>()
  headerKeys(values).forEach((key, column) => {
    const field = wanted.get(key)
    if (field !== undefined && !columns.has(field)) columns.set(field, column)
  })
  return columns
}

/** Which of our sheets this is, by its name or else by its header row; null when it is none of ours. */
export function outsideSheetOf(name: string, preview: readonly PreviewRow[]): OutsideSheetKind | null {
  const header = preview.find((row) => hasLoginHeader(row.values))
  return sheetKindByName(name) ?? (header ? sheetKindOfHeader(header.values) : null)
}
