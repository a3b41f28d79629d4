/**
 * The layout of our own template (layout T): fixed Russian headers and a hidden sheet «Процедура» that
 * names the procedure exactly, so the parser needs neither the file name nor a question to the user.
 */
import { PROCEDURE_KINDS, type ProcedureKey } from "../../../domain/results.ts"
import { cellText, integerOf } from "../../workbooks/cell-value.ts"

export const TEMPLATE_RESULTS_SHEET = "Результаты"
export const TEMPLATE_META_SHEET = "Процедура"
export const TEMPLATE_INSTRUCTION_SHEET = "Инструкция"
/** First cell of the meta sheet: tells our template from a sheet that happens to be called «Процедура». */
export const TEMPLATE_MARKER = "objektiv-template"
export const TEMPLATE_FORMAT_VERSION = 1

export const TEMPLATE_HEADERS = {
  login: "Логин ОО",
  code: "Код",
  className: "Класс",
  variant: "Вариант",
  journal: "Отметка по журналу",
} as const

export interface TemplateMeta extends Partial<ProcedureKey> {
  specVersion?: number
}

/** Rows `[key, value, label]` of the meta sheet, in order. */
export function templateMetaRows(key: ProcedureKey, specVersion: number): [string, string | number, string][] {
  return [
    [TEMPLATE_MARKER, TEMPLATE_FORMAT_VERSION, "Шаблон бота «Объектив»: не меняйте этот лист"],
    ["kind", key.kind, "Вид процедуры"],
    ["year", key.year, "Год"],
    ["subject", key.subject, "Предмет"],
    ["grade", key.grade, "Класс"],
    ["specVersion", specVersion, "Версия спецификации"],
  ]
}

/** Whether the first row of a sheet is our meta marker. */
export function isTemplateMetaRow(values: readonly unknown[]): boolean {
  return cellText(values[1]) === TEMPLATE_MARKER
}

/** Read the meta rows back (values as exceljs gives them, 1-based); unknown or damaged entries are left out. */
export function readTemplateMeta(rows: readonly (readonly unknown[])[]): TemplateMeta {
  const meta: TemplateMeta = {}
  for (const values of rows) {
    const key = cellText(values[1])
    const value = values[2]
    if (key === "kind") {
      const kind = PROCEDURE_KINDS.find((k) => k === cellText(value))
      if (kind) meta.kind = kind
    } else if (key === "year") {
      const year = integerOf(value)
      if (year !== null) meta.year = year
    } else if (key === "subject") {
      const subject = cellText(value)
      if (subject !== "") meta.subject = subject
    } else if (key === "grade") {
      const grade = integerOf(value)
      if (grade !== null) meta.grade = grade
    } else if (key === "specVersion") {
      const version = integerOf(value)
      if (version !== null) meta.specVersion = version
    }
  }
  return meta
}
