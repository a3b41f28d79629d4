/**
 * Text that a spreadsheet program could take for a formula (CSV/formula injection, OWASP): a leading `=`, `+`, `-`,
 * `@`, tab or carriage return. School and class names come from uploaded files and coordinators, so such text must
 * stay text in every workbook we write: new-workbook.ts writes it in the «Text» format, whichever builder wrote it.
 */

const FORMULA_START = /^[=+\-@\t\r]/

/** Whether the text would start a formula if typed into a cell. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text)
}

/** Excel's sheet-name rules: at most 31 characters, none of `[]:*?/\`, not starting or ending with `'`. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "").trim()
  return (cleaned || "Sheet").slice(0, 31).trim()
}
