/**
 * Readings of single cells (formats.md §7). Each returns a small integer so that reading 26,000 rows
 * allocates nothing per cell; the text behind a string cell is memoised (real files repeat `0`, `1`, `X`).
 */
import { CELL_EMPTY, CELL_NO_ANSWER, CELL_NOT_TAUGHT } from "../../../domain/results.ts"
import type { JournalMark, Sex } from "../../../domain/results.ts"

/** A score cell that is not a number or a known token: reported where it is read. */
export const SCORE_INVALID = -100
/** A negative number in a score cell. */
export const SCORE_NEGATIVE = -101

const scoreMemo = new Map<string, number>()
const MEMO_LIMIT = 5000

/**
 * Points (≥ 0), a CELL_* code, or SCORE_INVALID / SCORE_NEGATIVE.
 * - `X`, `x` and the Cyrillic `Х`, `х` (any spacing): no answer.
 * - `не пройд.` and `H` (Latin, as in the 2021 export; the Cyrillic `Н` too): topic not taught yet.
 * - fractions are invalid: ВПР items are scored in whole points.
 */
export function readScore(value: unknown): number {
  if (value === null || value === undefined) return CELL_EMPTY
  if (typeof value === "number") return scoreOfNumber(value)
  if (typeof value === "string") {
    const known = scoreMemo.get(value)
    if (known !== undefined) return known
    const score = scoreOfText(value)
    if (scoreMemo.size < MEMO_LIMIT && value.length <= 16) scoreMemo.set(value, score)
    return score
  }
  if (typeof value === "object" && value !== null) {
    // Formula, rich text: rare; resolve and read again.
    const inner = unwrap(value)
    return inner === value ? SCORE_INVALID : readScore(inner)
  }
  return SCORE_INVALID
}

function unwrap(value: object): unknown {
  if ("result" in value || "formula" in value || "sharedFormula" in value) return (value as { result?: unknown }).result
  if ("richText" in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => String(run.text ?? "")).join("")
  }
  if ("error" in value) return `#${String(value.error).replace(/^#/u, "")}`
  if ("text" in value) return value.text // a hyperlink
  return value
}

function scoreOfNumber(n: number): number {
  if (!Number.isInteger(n)) return SCORE_INVALID
  return n < 0 ? SCORE_NEGATIVE : n
}

const NO_ANSWER = new Set(["x", "х"])
const NOT_TAUGHT = new Set(["не пройд.", "не пройд", "не пройдено", "не пройден", "h", "н"])

function scoreOfText(raw: string): number {
  const text = raw.trim().toLowerCase()
  if (text === "") return CELL_EMPTY
  if (/^\d{1,3}$/u.test(text)) return Number(text)
  if (/^-\d{1,3}$/u.test(text)) return SCORE_NEGATIVE
  if (NO_ANSWER.has(text)) return CELL_NO_ANSWER
  if (NOT_TAUGHT.has(text.replace(/\s+/gu, " "))) return CELL_NOT_TAUGHT
  return SCORE_INVALID
}

/** Whether a cell holds something a score column would: used to spot scores spilled past the last task column. */
export function looksLikeScore(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return false
  // Textbook titles are long: skip them without reading (this runs on every 2021 row).
  if (typeof value === "string" && value.length > 12) return false
  const score = readScore(value)
  return score >= 0 || score === CELL_NO_ANSWER || score === CELL_NOT_TAUGHT
}

/** Journal mark reading: a mark 2–5, or why there is none. */
export const JOURNAL_NONE = 0 // `нет отметки` or an empty cell
export const JOURNAL_INVALID = -1 // anything else (`1`, `ж` in shifted 2021 rows)

export function readJournalMark(value: unknown): JournalMark | typeof JOURNAL_NONE | typeof JOURNAL_INVALID {
  if (value === null || value === undefined) return JOURNAL_NONE
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : ""
  if (text === "2" || text === "3" || text === "4" || text === "5") return Number(text) as JournalMark
  if (text === "" || /^нет\s*отметки$/iu.test(text)) return JOURNAL_NONE
  return JOURNAL_INVALID
}

/** `м`/`М` → m, `ж`/`Ж` → f; the rare junk (`д`, marks in shifted rows) → null, without a warning: sex is descriptive only. */
export function readSex(value: unknown): Sex | null {
  if (typeof value !== "string") return null
  // Fast path: the values as they almost always are.
  if (value === "м" || value === "М") return "m"
  if (value === "ж" || value === "Ж") return "f"
  const text = value.trim().toLowerCase()
  if (text === "м" || text === "муж" || text === "m") return "m"
  if (text === "ж" || text === "жен" || text === "f") return "f"
  return null
}

export const VARIANT_ABSENT = -1
export const VARIANT_EMPTY = -2
export const VARIANT_INVALID = -3

/**
 * A variant number ≥ 0, or VARIANT_ABSENT / VARIANT_EMPTY / VARIANT_INVALID.
 * Absence is any text starting with `отсут`: one real 2022 row reads `отсут\uFFFD\uFFFDтвовал` (a damaged
 * character) and FIS OKO counts it as absent (formats.md §9.1 figures).
 */
export function readVariant(value: unknown): number {
  if (value === null || value === undefined) return VARIANT_EMPTY
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : VARIANT_INVALID
  if (typeof value !== "string") return VARIANT_INVALID
  const text = value.trim()
  if (text === "") return VARIANT_EMPTY
  if (/^\d{1,2}$/u.test(text)) return Number(text)
  if (/^отсут/iu.test(text)) return VARIANT_ABSENT
  return VARIANT_INVALID
}
