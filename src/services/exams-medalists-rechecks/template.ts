/**
 * The empty outside-data workbook (layout.ts): the three data sheets with their headers and input checks, an
 * «Инструкция», and — when the sender's schools are known — a «Школы» sheet listing their logins and names.
 * School names come from uploaded forms: the workbook is made by `newWorkbook`, so they can never become formulas.
 */
import ExcelJS from "exceljs"
import { rangeValidations } from "../workbooks/validations.ts"
import { columnLetter, type Translate } from "../workbooks/problem.ts"
import { MAX_TEST_POINTS, MIN_YEAR, OUTSIDE_HEADERS, OUTSIDE_SHEETS, type OutsideSheetKind } from "./layout.ts"
import { newWorkbook, workbookBytes } from "../workbooks/new-workbook.ts"

export const OUTSIDE_INSTRUCTION_SHEET = "Инструкция"
export const OUTSIDE_SCHOOLS_SHEET = "Школы"

const INSTRUCTION_KEYS = [
  "outside-template-intro",
  "outside-template-exams",
  "outside-template-exams-subjects",
  "outside-template-medalists",
  "outside-template-rechecks",
  "outside-template-logins",
  "outside-template-replace",
  "outside-template-send",
] as const

export interface OutsideTemplateOptions {
  /** The sender's schools, listed on sheet «Школы» for reference. */
  schools?: readonly { login: string; name: string | null }[]
  /** Rows prepared with input checks (default 2000). */
  rows?: number
  /** The latest year the checks accept (this year). */
  maxYear: number
}

const WIDTHS: Record<OutsideSheetKind, number[]> = {
  exams: [14, 10, 8, 26, 12, 14],
  medalists: [14, 8, 16, 18, 18],
  rechecks: [14, 30, 16, 10, 24],
}

export async function buildOutsideTemplate(translate: Translate, options: OutsideTemplateOptions): Promise<Buffer> {
  const rows = options.rows ?? 2000
  const workbook = newWorkbook()
  const last = rows + 1
  const sheets = {} as Record<OutsideSheetKind, { sheet: ExcelJS.Worksheet; column: (header: string) => string }>
  for (const kind of Object.keys(OUTSIDE_SHEETS) as OutsideSheetKind[]) {
    const sheet = workbook.addWorksheet(OUTSIDE_SHEETS[kind], { views: [{ state: "frozen", ySplit: 1 }] })
    const headers = Object.values(OUTSIDE_HEADERS[kind]) as string[]
    const header = sheet.addRow(headers)
    header.font = { bold: true }
    header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" }
    WIDTHS[kind].forEach((width, index) => (sheet.getColumn(index + 1).width = width))
    const column = (text: string): string => {
      const letter = columnLetter(headers.indexOf(text) + 1)
      return `${letter}2:${letter}${last}`
    }
    sheets[kind] = { sheet, column }
  }

  const year: ExcelJS.DataValidation = { type: "whole", operator: "between", formulae: [MIN_YEAR, options.maxYear], allowBlank: true, showErrorMessage: true }
  const testPoints: ExcelJS.DataValidation = {
    type: "whole", operator: "between", formulae: [0, MAX_TEST_POINTS], allowBlank: true,
    showInputMessage: true, prompt: translate("outside-template-prompt-points"), showErrorMessage: true,
  }

  const exams = sheets.exams
  const examChecks = rangeValidations(exams.sheet)
  examChecks.add(exams.column(OUTSIDE_HEADERS.exams.kind), { type: "list", formulae: ['"ОГЭ,ЕГЭ"'], allowBlank: true, showErrorMessage: true })
  examChecks.add(exams.column(OUTSIDE_HEADERS.exams.year), year)
  examChecks.add(exams.column(OUTSIDE_HEADERS.exams.participants), { type: "whole", operator: "greaterThanOrEqual", formulae: [1], allowBlank: true, showErrorMessage: true })
  examChecks.add(exams.column(OUTSIDE_HEADERS.exams.mean), {
    type: "decimal", operator: "between", formulae: [0, MAX_TEST_POINTS], allowBlank: true,
    showInputMessage: true, prompt: translate("outside-template-prompt-mean"), showErrorMessage: true,
  })

  const medalists = sheets.medalists
  const medalistChecks = rangeValidations(medalists.sheet)
  medalistChecks.add(medalists.column(OUTSIDE_HEADERS.medalists.year), year)
  medalistChecks.add(medalists.column(OUTSIDE_HEADERS.medalists.code), {
    type: "whole", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true,
    showInputMessage: true, prompt: translate("outside-template-prompt-code"),
  })
  medalistChecks.add(medalists.column(OUTSIDE_HEADERS.medalists.russian), testPoints)
  medalistChecks.add(medalists.column(OUTSIDE_HEADERS.medalists.mathematics), testPoints)

  const rechecks = sheets.rechecks
  const recheckChecks = rangeValidations(rechecks.sheet)
  recheckChecks.add(rechecks.column(OUTSIDE_HEADERS.rechecks.procedure), {
    type: "textLength", operator: "greaterThan", formulae: [0], allowBlank: true,
    showInputMessage: true, prompt: translate("outside-template-prompt-procedure"),
  })
  recheckChecks.add(rechecks.column(OUTSIDE_HEADERS.rechecks.code), {
    type: "whole", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true,
    showInputMessage: true, prompt: translate("outside-template-prompt-code"),
  })
  for (const header of [OUTSIDE_HEADERS.rechecks.original, OUTSIDE_HEADERS.rechecks.rechecked]) {
    recheckChecks.add(rechecks.column(header), {
      type: "whole", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true,
      showInputMessage: true, prompt: translate("outside-template-prompt-score"), showErrorMessage: true,
    })
  }

  const instruction = workbook.addWorksheet(OUTSIDE_INSTRUCTION_SHEET)
  instruction.getColumn(1).width = 110
  instruction.addRow([translate("outside-template-title")]).font = { bold: true, size: 13 }
  for (const key of INSTRUCTION_KEYS) {
    instruction.addRow([translate(key)]).alignment = { wrapText: true, vertical: "top" }
  }

  if (options.schools && options.schools.length > 0) {
    const list = workbook.addWorksheet(OUTSIDE_SCHOOLS_SHEET)
    list.addRow([OUTSIDE_HEADERS.exams.login, translate("outside-template-school-name")]).font = { bold: true }
    list.getColumn(1).width = 14
    list.getColumn(2).width = 80
    for (const school of options.schools) list.addRow([school.login, school.name ?? ""])
  }
  return await workbookBytes(workbook)
}
