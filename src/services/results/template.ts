/**
 * Our own results template (layout T): sheet «Результаты» with the task columns of one spec and input
 * checks, an «Инструкция», and a hidden «Процедура» sheet that names the procedure exactly, so the file
 * comes back without questions. There is deliberately no names column.
 */
import type { ProcedureSpec } from "../../domain/results.ts"
import { procedureTitle } from "../../domain/results.ts"
import { isForeignLanguage } from "../../domain/procedures/subjects.ts"
import { formatTaskHeader } from "../../domain/task-header.ts"
import type { Translate } from "../workbooks/problem.ts"
import { columnLetter } from "../workbooks/problem.ts"
import {
  TEMPLATE_HEADERS, TEMPLATE_INSTRUCTION_SHEET, TEMPLATE_META_SHEET, TEMPLATE_RESULTS_SHEET, templateMetaRows,
} from "./formats/template-meta.ts"
import { rangeValidations } from "../workbooks/validations.ts"
import { newWorkbook, workbookBytes } from "../workbooks/new-workbook.ts"

export interface TemplateOptions {
  /** Rows prepared with input checks (default 1000). */
  rows?: number
}

const INSTRUCTION_KEYS = [
  "intake-template-intro",
  "intake-template-step-login",
  "intake-template-step-code",
  "intake-template-step-class",
  "intake-template-step-variant",
  "intake-template-step-scores",
  "intake-template-step-journal",
  "intake-template-step-send",
] as const

/** Variant choices: 1 and 2, and 1–6 for grade-11 foreign languages (formats.md §2.2). */
export function variantChoices(spec: Pick<ProcedureSpec, "grade" | "subject">): number[] {
  return spec.grade === 11 && isForeignLanguage(spec.subject) ? [1, 2, 3, 4, 5, 6] : [1, 2]
}

export async function buildTemplate(spec: ProcedureSpec, translate: Translate, options: TemplateOptions = {}): Promise<Buffer> {
  const rows = options.rows ?? 1000
  const workbook = newWorkbook()
  const results = workbook.addWorksheet(TEMPLATE_RESULTS_SHEET, { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] })
  const headers = [
    TEMPLATE_HEADERS.login,
    TEMPLATE_HEADERS.code,
    TEMPLATE_HEADERS.className,
    TEMPLATE_HEADERS.variant,
    ...spec.tasks.map((task) => formatTaskHeader(task)),
    TEMPLATE_HEADERS.journal,
  ]
  const header = results.addRow(headers)
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" }
  results.columns.forEach((column, index) => {
    column.width = index === 0 ? 14 : index < 4 ? 11 : 8
  })
  const last = rows + 1
  const range = (column: number): string => `${columnLetter(column)}2:${columnLetter(column)}${last}`
  const validations = rangeValidations(results)

  validations.add(range(2), {
    type: "whole", operator: "greaterThan", formulae: [0], allowBlank: true,
    showInputMessage: true, prompt: translate("intake-template-prompt-code"),
  })
  const variants = [...variantChoices(spec).map(String), "отсутствовал"].join(",")
  validations.add(range(4), {
    type: "list", formulae: [`"${variants}"`], allowBlank: true,
    showInputMessage: true, prompt: translate("intake-template-prompt-variant"), showErrorMessage: true,
  })
  spec.tasks.forEach((task, index) => {
    const column = 5 + index
    const cell = `${columnLetter(column)}2`
    // Whole number 0..max, or X (Latin or Cyrillic), or «не пройд.»; Excel compares text case-insensitively.
    const formula =
      `OR(AND(ISNUMBER(${cell}),${cell}=INT(${cell}),${cell}>=0,${cell}<=${task.max}),` +
      `TRIM(${cell})="X",TRIM(${cell})="Х",TRIM(${cell})="не пройд.")`
    validations.add(range(column), {
      type: "custom", formulae: [formula], allowBlank: true,
      showInputMessage: true, prompt: translate("intake-template-prompt-score", { max: task.max }),
      showErrorMessage: true, error: translate("intake-template-error-score", { max: task.max }),
    })
  })
  validations.add(range(5 + spec.tasks.length), {
    type: "list", formulae: ['"2,3,4,5,нет отметки"'], allowBlank: true,
    showInputMessage: true, prompt: translate("intake-template-prompt-journal"), showErrorMessage: true,
  })

  const instruction = workbook.addWorksheet(TEMPLATE_INSTRUCTION_SHEET)
  instruction.getColumn(1).width = 110
  const title = instruction.addRow([translate("intake-template-title", { procedure: procedureTitle(spec) })])
  title.font = { bold: true, size: 13 }
  for (const key of INSTRUCTION_KEYS) {
    const row = instruction.addRow([translate(key, { tasks: spec.tasks.length, maxTotal: spec.maxTotal })])
    row.alignment = { wrapText: true, vertical: "top" }
  }

  const meta = workbook.addWorksheet(TEMPLATE_META_SHEET, { state: "hidden" })
  for (const row of templateMetaRows(spec, spec.version)) meta.addRow(row)
  meta.getColumn(1).width = 20
  meta.getColumn(3).width = 50

  return await workbookBytes(workbook)
}
