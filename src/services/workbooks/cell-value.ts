/**
 * exceljs cell values reduced to plain values. Formula cells give their cached result (a file saved by a
 * tool that does not calculate has none: that reads as empty), rich text its joined text, a hyperlink its text.
 */

export type Plain = string | number | boolean | null

export function plainValue(value: unknown): Plain {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return value
    case "object":
      return plainObject(value)
    default:
      return null
  }
}

function plainObject(value: object): Plain {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ("result" in value || "formula" in value || "sharedFormula" in value) {
    return plainValue((value as { result?: unknown }).result)
  }
  if ("richText" in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => (typeof run.text === "string" ? run.text : "")).join("")
  }
  if ("text" in value) return plainValue(value.text)
  if ("error" in value) return String(value.error)
  return null
}

/**
 * A formula cell saved without its calculated value (by a tool that does not calculate): it reads as empty, so the
 * readers report it instead of taking the emptiness for the user's (issue 9).
 */
export function isFormulaWithoutValue(value: unknown): boolean {
  if (typeof value !== "object" || value === null || !("formula" in value || "sharedFormula" in value)) return false
  const result = (value as { result?: unknown }).result
  return result === undefined || result === null || result === ""
}

/** Trimmed text of a cell ("" for empty); integers print without a decimal part. */
export function cellText(value: unknown): string {
  const plain = plainValue(value)
  if (plain === null) return ""
  if (typeof plain === "string") return plain.trim()
  return String(plain)
}

/** An integer written as a number or as digits (`'2'`, ` 14 `); null otherwise. */
export function integerOf(value: unknown): number | null {
  const plain = plainValue(value)
  if (typeof plain === "number") return Number.isInteger(plain) ? plain : null
  if (typeof plain !== "string") return null
  const text = plain.trim()
  return /^-?\d{1,9}$/u.test(text) ? Number(text) : null
}
