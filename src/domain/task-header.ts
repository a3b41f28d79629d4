/**
 * Task column headers of the result forms (formats.md §7.1): `<label> (<max>б)`, e.g. `5(1) (1б)`, `17К1 (2б)`.
 * Pure text rules shared by the parsers, the spec workbook and the procedure catalogue.
 */

/**
 * One task column header. Matches every task header of the 2022 files (138 distinct texts) and rejects
 * `Вариант`, `Итого баллов`, `Код`, `12`, `1 (1)`. Applied to header text after whitespace normalisation.
 */
export const TASK_HEADER =
  /^\s*(?<label>\d{1,2}(?:[.,]\d{1,2})?(?:\s?\(\d{1,2}\))?(?:\s?[КKкk]\s?\d{1,2})?)\s*\(\s*(?<max>\d{1,2})\s*б\s*\)\s*$/u

/** A label in canonical form: `7`, `11.1`, `1К1`, `10.2К1`. */
const CANONICAL_LABEL = /^\d{1,2}(?:\.\d{1,2})?(?:К\d{1,2})?$/u

/** A label as people type it (before canonicalisation): `5(1)`, `16 (1)`, `1K1`, `11.3 k1`, `4,2`. */
const LOOSE_LABEL = /^\s*\d{1,2}(?:[.,]\d{1,2})?(?:\s?\(\d{1,2}\))?(?:\s?[КKкk]\s?\d{1,2})?\s*$/u

/**
 * Collapse every run of whitespace (spaces, tabs, NBSP, line breaks) to one space and trim.
 * Real headers carry trailing spaces (`4.2 (2б) `) and tabs after question numbers (`2.\tСОКРАЩЕННОЕ …`).
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u202f]+/gu, " ").trim()
}

/** Header text for matching: whitespace collapsed, lower case, `ё` → `е`. */
export function normaliseHeader(text: string): string {
  return collapseWhitespace(text).toLowerCase().replace(/ё/gu, "е")
}

/** Canonical label: no spaces, `,`→`.`, `(k)`→`.k`, any K/k/к → Cyrillic `К`.
 *  `5(1)`→`5.1`, `16 (1)`→`16.1`, `1K1`→`1К1`, `11.3 k1`→`11.3К1`. */
export function canonicalTaskLabel(label: string): string {
  return label.replace(/\s+/gu, "").replace(/,/gu, ".").replace(/\((\d+)\)/gu, ".$1").replace(/[Kkк]/gu, "К")
}

export interface TaskHeader {
  /** Canonical label. */
  label: string
  max: number
}

/** Parse a task column header, or null when the text is not one. */
export function parseTaskHeader(text: string): TaskHeader | null {
  const match = TASK_HEADER.exec(collapseWhitespace(text))
  const label = match?.groups?.["label"]
  const max = match?.groups?.["max"]
  if (label === undefined || max === undefined) return null
  return { label: canonicalTaskLabel(label), max: Number(max) }
}

/** Canonical label for text a person typed as a label (spec workbook), or null when it is not a label. */
export function parseTaskLabel(text: string): string | null {
  if (!LOOSE_LABEL.test(text)) return null
  const label = canonicalTaskLabel(text)
  return CANONICAL_LABEL.test(label) ? label : null
}

/** The header text we write for a task: `5.1 (1б)`. Parses back with {@link parseTaskHeader}. */
export function formatTaskHeader(task: TaskHeader): string {
  return `${task.label} (${task.max}б)`
}
