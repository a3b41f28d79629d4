/**
 * Class names as schools type them (formats.md §2.2, §3, §7): `4А`, `11 а`, `Б(11)`, `нет`, `10 "нет"`,
 * Latin look-alikes `a`, `C`. Normalised to the upper-case Cyrillic letter part, or null for "no letter".
 */
import { collapseWhitespace } from "../../../domain/task-header.ts"
import { cellText } from "../../workbooks/cell-value.ts"

/** Latin letters that look like Cyrillic ones (§7): typed on the wrong keyboard layout. */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  A: "А", B: "В", C: "С", E: "Е", H: "Н", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х",
  a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у",
}
const LATIN_LOOKALIKE = /[ABCEHKMOPTXacepoxy]/gu

export interface ClassName {
  /** Upper-case Cyrillic class letter part (`А`, `А(1)`, `ФИЛИАЛ`), or null when there is no letter. */
  name: string | null
  /** Whether Latin look-alike letters were replaced: the file deserves a warning. */
  latin: boolean
}

const NO_CLASS: ClassName = { name: null, latin: false }
const memo = new Map<string, ClassName>()

export function normaliseClassName(value: unknown, grade?: number): ClassName {
  const raw = cellText(value)
  if (raw === "") return NO_CLASS
  const key = `${grade ?? ""}|${raw}`
  const known = memo.get(key)
  if (known) return known
  const result = normalise(raw, grade)
  if (memo.size < 10_000) memo.set(key, result)
  return result
}

function normalise(raw: string, grade?: number): ClassName {
  let latin = false
  let text = collapseWhitespace(raw).replace(LATIN_LOOKALIKE, (letter) => {
    latin = true
    return LATIN_LOOKALIKES[letter] ?? letter
  })
  text = text.toUpperCase()
  // `нет`, `10 нет`, `10"нет"`, `нет_С`: the form's way of saying the class has no letter.
  if (/(^|[^А-ЯЁ])НЕТ([^А-ЯЁ]|$)/u.test(text)) return { name: null, latin }
  // The grade is already known: `4А` → `А`, `11 а` → `А`, `Б(11)` → `Б`.
  text = text.replace(/^\d{1,2}\s*[-–"«»]?\s*/u, "")
  if (grade !== undefined) text = text.replace(new RegExp(`\\s*\\(${grade}\\)$`, "u"), "")
  text = text.replace(/^["«»']+|["«»']+$/gu, "").trim()
  return { name: text === "" ? null : text, latin }
}
