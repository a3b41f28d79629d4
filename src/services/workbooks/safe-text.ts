/**
 * Text that a spreadsheet program could take for a formula (CSV/formula injection, OWASP): a leading
 * `=`, `+`, `-`, `@`, tab or carriage return. School and class names come from uploaded files and
 * coordinators, so every string cell goes through here and such text is kept as text behind a `'`.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** Excel's sheet-name rules: at most 31 characters, none of `[]:*?/\`, not starting or ending with `'`. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "").trim()
  return (cleaned || "Sheet").slice(0, 31).trim()
}
