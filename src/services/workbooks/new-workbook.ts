/**
 * The one place a workbook is created (issue 9): every workbook we write comes from `newWorkbook`, and importing this
 * module installs, once, the hook that keeps user text from ever becoming a formula.
 *
 * In an XLSX file a string cell is text already; the danger is the user editing it (F2, Enter), after which Excel
 * evaluates it. A `'` in front kept it text but showed the apostrophe in every report. Instead every string cell that
 * looks like a formula (safe-text.ts) is written with the «Text» number format (`@`): shown as typed, and kept as text
 * when edited — what Excel itself does for a cell formatted as text. The hook sits on exceljs's cell writer, so no
 * builder has to remember anything for any cell.
 */
import { createRequire } from "node:module"
import ExcelJS from "exceljs"
import { looksLikeFormula } from "./safe-text.ts"

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
    if (looksLikeFormula(textOf(model))) {
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

/** A new, empty workbook, signed as ours, whose formula-looking text cells are written as text. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = "Objektiv"
  return workbook
}

/**
 * The workbook as XLSX bytes: how every workbook we make is written. Deflate level 1 rather than JSZip's default 6:
 * a region's municipal workbook compressed a third of its write time away for a file a few per cent larger
 * (bench/wait.ts), and these files go to a chat, not to an archive.
 */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } }))
}
