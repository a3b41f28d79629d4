/**
 * Text that a spreadsheet program could take for a formula (CSV/formula injection, OWASP): a leading `=`, `+`, `-`,
 * `@`, tab or carriage return. School and class names come from uploaded files and coordinators, so such text must
 * stay text in every workbook we write.
 *
 * In an XLSX file a string cell is text already; the danger is the user editing it (F2, Enter), after which Excel
 * evaluates it. A `'` in front kept it text but showed the apostrophe in every report (issue 9). Instead every string
 * cell that looks like a formula is written with the «Text» number format (`@`): shown as typed, and kept as text when
 * edited — what Excel itself does for a cell formatted as text. Installed once on exceljs's cell writer, so it covers
 * every workbook we write, whether or not its builder remembered `safeText`.
 */
import { createRequire } from "node:module"

const FORMULA_START = /^[=+\-@\t\r]/

/** The text as it goes into a cell: unchanged; a formula-looking one is kept text by its cell format (see above). */
export function safeText(text: string): string {
  return text
}

/** Whether the text would start a formula if typed into a cell. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text)
}

interface CellModel {
  type?: number
  value?: unknown
  style?: Record<string, unknown>
}

const PATCHED = Symbol.for("objektiv.formula-text-format")
/** exceljs's ValueType.String and ValueType.RichText (a rich text cell's model says String, its value has the runs). */
const STRING = 3
const RICH_TEXT = 8
const TEXT_FORMAT = "@"

function keepFormulaLookingTextAsText(): void {
  const fromExceljs = createRequire(createRequire(import.meta.url).resolve("exceljs"))
  const CellXform = fromExceljs("./lib/xlsx/xform/sheet/cell-xform.js") as {
    prototype: { prepare(model: CellModel, options: unknown): void; [PATCHED]?: true }
  }
  const prototype = CellXform.prototype
  if (prototype[PATCHED]) return
  const prepare = prototype.prepare
  prototype.prepare = function (this: unknown, model: CellModel, options: unknown): void {
    if (FORMULA_START.test(textOf(model))) {
      model.style = { ...model.style, numFmt: TEXT_FORMAT }
    }
    prepare.call(this, model, options)
  }
  prototype[PATCHED] = true
}

keepFormulaLookingTextAsText()

function textOf(model: CellModel): string {
  if (model.type !== STRING && model.type !== RICH_TEXT) return ""
  if (typeof model.value === "string") return model.value
  const runs = (model.value as { richText?: unknown } | undefined)?.richText
  return Array.isArray(runs) ? runs.map((run: { text?: unknown }) => (typeof run.text === "string" ? run.text : "")).join("") : ""
}

/** Excel's sheet-name rules: at most 31 characters, none of `[]:*?/\`, not starting or ending with `'`. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "").trim()
  return (cleaned || "Sheet").slice(0, 31).trim()
}
