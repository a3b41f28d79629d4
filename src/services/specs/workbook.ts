/**
 * A coordinator adds or fixes a spec by sending a small workbook: sheet «Спецификация» with the
 * procedure (kind, year, subject, grade), the mark scale («3», «4», «5» from …) and a task table
 * (task, maximum, level). Labels are written in the fixed Russian form the parser reads back.
 */
import type ExcelJS from "exceljs"
import { normaliseSubject } from "../../domain/procedures/subjects.ts"
import { PROCEDURE_KINDS, type MarkScale, type ProcedureKind, type ProcedureSpec, type TaskLevel, type TaskSpec } from "../../domain/results.ts"
import { normaliseHeader, parseTaskLabel } from "../../domain/task-header.ts"
import { cellText, integerOf } from "../workbooks/cell-value.ts"
import { resolveLimits } from "../workbooks/guard.ts"
import { problem, type Problem, type ProblemCode, type ProblemParams } from "../workbooks/problem.ts"
import { readSheets } from "../workbooks/read.ts"
import type { PreviewRow, SheetVisitor } from "../workbooks/stream.ts"
import { newWorkbook, workbookBytes } from "../workbooks/new-workbook.ts"

export const SPEC_SHEET = "Спецификация"

const LABELS = {
  kind: "Вид процедуры",
  year: "Год",
  subject: "Предмет",
  grade: "Класс",
  scale3: "Отметка «3» от (первичный балл)",
  scale4: "Отметка «4» от (первичный балл)",
  scale5: "Отметка «5» от (первичный балл)",
  task: "Задание",
  max: "Максимальный балл",
  level: "Уровень (Б, П, В)",
  note: "Проверить",
} as const

const TASK_TABLE_ROW = 9
const NOTE_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } }
export const MAX_TASK_POINTS = 20

/** What a spec workbook can be prefilled with: a known spec, or what a file's header revealed. */
export interface SpecDraft {
  kind?: ProcedureKind
  year?: number
  subject?: string
  grade?: number
  scale?: MarkScale | null
  /** `note`: why a proposed task needs a look (written beside it; the reader ignores that column). */
  tasks?: readonly { label: string; max: number; level?: TaskLevel | null; note?: string | null }[]
  /** A doubt about the whole spec (the maxima against the published maximum): above the tasks; the reader ignores it. */
  warning?: string | null
}

export type SpecWorkbookResult = { spec: Omit<ProcedureSpec, "version"> } | { problems: Problem[] }

export async function buildSpecTemplate(draft: SpecDraft = {}): Promise<Buffer> {
  const workbook = newWorkbook()
  const sheet = workbook.addWorksheet(SPEC_SHEET)
  const notes = (draft.tasks ?? []).some((task) => task.note)
  sheet.columns = [{ width: 36 }, { width: 22 }, { width: 20 }, ...(notes ? [{ width: 60 }] : [])]
  const rows: [string, string | number | null][] = [
    [LABELS.kind, draft.kind ?? "ВПР"],
    [LABELS.year, draft.year ?? null],
    [LABELS.subject, draft.subject ?? null],
    [LABELS.grade, draft.grade ?? null],
    [LABELS.scale3, draft.scale?.["3"] ?? null],
    [LABELS.scale4, draft.scale?.["4"] ?? null],
    [LABELS.scale5, draft.scale?.["5"] ?? null],
  ]
  rows.forEach(([label, value], index) => {
    const row = sheet.getRow(index + 1)
    row.getCell(1).value = label
    row.getCell(1).font = { bold: true }
    if (value !== null) row.getCell(2).value = value
  })
  if (draft.warning) {
    const warning = sheet.getCell(TASK_TABLE_ROW - 1, 1)
    warning.value = draft.warning
    warning.fill = NOTE_FILL
  }
  sheet.getCell("B1").dataValidation = { type: "list", formulae: [`"${PROCEDURE_KINDS.join(",")}"`], allowBlank: false }
  const header = sheet.getRow(TASK_TABLE_ROW)
  header.values = [LABELS.task, LABELS.max, LABELS.level, ...(notes ? [LABELS.note] : [])]
  header.font = { bold: true }
  ;(draft.tasks ?? []).forEach((task, index) => {
    const row = sheet.getRow(TASK_TABLE_ROW + 1 + index)
    row.values = [task.label, task.max, task.level ?? null, task.note ?? null]
    if (task.note) row.getCell(4).fill = NOTE_FILL
  })
  for (let row = TASK_TABLE_ROW + 1; row <= TASK_TABLE_ROW + 60; row++) {
    sheet.getCell(row, 2).dataValidation = { type: "whole", operator: "between", formulae: [1, MAX_TASK_POINTS], allowBlank: true }
    sheet.getCell(row, 3).dataValidation = { type: "list", formulae: ['"Б,П,В"'], allowBlank: true }
  }
  return await workbookBytes(workbook)
}

type Field = keyof typeof LABELS

/** The field a label cell names, by its beginning (people shorten and retype labels). */
function fieldOf(label: string): Field | null {
  if (label.startsWith("вид")) return "kind"
  if (label.startsWith("год")) return "year"
  if (label.startsWith("предмет")) return "subject"
  if (label.startsWith("класс")) return "grade"
  if (label.startsWith("задани")) return "task"
  const mark = /^отметк\S*\s*«?\s*([345])/u.exec(label)
  if (mark) return `scale${mark[1]}` as Field
  return null
}

/** A spec sheet's rows as read (exceljs values, 1-based), by row number. */
interface SpecSheet {
  name: string
  rows: Map<number, readonly unknown[]>
}

class SpecReader {
  readonly problems: Problem[] = []
  constructor(private readonly sheet: SpecSheet) {}

  report(code: ProblemCode, params: ProblemParams, column: number, row: number): void {
    this.problems.push(problem("error", code, this.sheet.name, params, { column, row }))
  }

  private cell(row: number, column: number): unknown {
    return this.sheet.rows.get(row)?.[column]
  }

  read(): Omit<ProcedureSpec, "version"> | null {
    const at = new Map<Field, number>()
    let tableRow: number | null = null
    for (const [number] of [...this.sheet.rows].sort(([a], [b]) => a - b)) {
      const field = fieldOf(normaliseHeader(cellText(this.cell(number, 1))))
      if (!field || at.has(field)) continue
      at.set(field, number)
      if (field === "task") tableRow = number
    }
    const value = (field: Field): { text: string; raw: unknown; row: number } | null => {
      const row = at.get(field)
      if (row === undefined) return null
      const raw = this.cell(row, 2)
      return { text: cellText(raw), raw, row }
    }

    const kind = this.kind(value("kind"))
    const year = this.integer(value("year"), "year", "spec-year-invalid", 2000, 2100)
    const grade = this.integer(value("grade"), "grade", "spec-grade-invalid", 1, 11)
    const subjectCell = value("subject")
    if (!subjectCell || subjectCell.text === "") this.report("spec-field-missing", { field: "subject" }, 2, subjectCell?.row ?? 3)
    const tasks = this.tasks(tableRow)
    const maxTotal = tasks.reduce((sum, task) => sum + task.max, 0)
    const scale = this.scale([value("scale3"), value("scale4"), value("scale5")], maxTotal)
    if (this.problems.length > 0 || kind === null || year === null || grade === null || !subjectCell || scale === undefined) return null
    return {
      kind, year, grade, subject: normaliseSubject(subjectCell.text) ?? subjectCell.text,
      tasks, scale, maxTotal, source: "coordinator's spec workbook",
    }
  }

  private kind(cell: { text: string; row: number } | null): ProcedureKind | null {
    if (!cell || cell.text === "") {
      this.report("spec-field-missing", { field: "kind" }, 2, cell?.row ?? 1)
      return null
    }
    const kind = PROCEDURE_KINDS.find((k) => k === cell.text.toUpperCase())
    if (!kind) this.report("spec-kind-invalid", { value: cell.text }, 2, cell.row)
    return kind ?? null
  }

  private integer(
    cell: { text: string; raw: unknown; row: number } | null, field: "year" | "grade", code: ProblemCode, min: number, max: number,
  ): number | null {
    if (!cell || cell.text === "") {
      this.report("spec-field-missing", { field }, 2, cell?.row ?? (field === "year" ? 2 : 4))
      return null
    }
    const n = integerOf(cell.raw)
    if (n === null || n < min || n > max) {
      this.report(code, { value: cell.text }, 2, cell.row)
      return null
    }
    return n
  }

  private tasks(tableRow: number | null): TaskSpec[] {
    const tasks: TaskSpec[] = []
    const seen = new Set<string>()
    const start = (tableRow ?? TASK_TABLE_ROW) + 1
    const lastRow = Math.max(0, ...this.sheet.rows.keys())
    for (let row = start; row <= lastRow; row++) {
      const labelText = cellText(this.cell(row, 1))
      const maxCell = this.cell(row, 2)
      const levelText = cellText(this.cell(row, 3)).toUpperCase()
      if (labelText === "" && cellText(maxCell) === "" && levelText === "") continue
      const label = parseTaskLabel(labelText)
      if (!label) {
        this.report("spec-label-invalid", { value: labelText }, 1, row)
        continue
      }
      if (seen.has(label)) this.report("spec-label-duplicate", { label }, 1, row)
      seen.add(label)
      const max = integerOf(maxCell)
      if (max === null || max < 1 || max > MAX_TASK_POINTS) {
        this.report("spec-max-invalid", { task: label, value: cellText(maxCell) }, 2, row)
        continue
      }
      if (levelText !== "" && levelText !== "Б" && levelText !== "П" && levelText !== "В") {
        this.report("spec-level-invalid", { task: label, value: levelText }, 3, row)
        continue
      }
      tasks.push({ label, max, level: levelText === "" ? null : (levelText as TaskLevel) })
    }
    if (tasks.length === 0 && this.problems.length === 0) this.report("spec-no-tasks", {}, 1, tableRow ?? TASK_TABLE_ROW)
    return tasks
  }

  /** null: no scale (all three empty); undefined: an invalid scale (reported). */
  private scale(cells: ({ text: string; raw: unknown; row: number } | null)[], maxTotal: number): MarkScale | null | undefined {
    const filled = cells.filter((cell) => cell && cell.text !== "")
    if (filled.length === 0) return null
    const values = cells.map((cell) => (cell ? integerOf(cell.raw) : null))
    const firstRow = cells[0]?.row ?? 5
    if (values.some((v) => v === null || v < 0)) {
      this.report("spec-scale-invalid", { reason: "partial", maxTotal }, 2, firstRow)
      return undefined
    }
    const [three, four, five] = values as [number, number, number]
    if (!(three < four && four < five)) {
      this.report("spec-scale-invalid", { reason: "order", maxTotal }, 2, firstRow)
      return undefined
    }
    if (five > maxTotal && maxTotal > 0) {
      this.report("spec-scale-invalid", { reason: "above-max", maxTotal }, 2, cells[2]?.row ?? 7)
      return undefined
    }
    return { "3": three, "4": four, "5": five }
  }
}

/** The spec fields a sheet's first column names in its first rows. */
function fieldsIn(preview: readonly PreviewRow[]): Set<Field> {
  return new Set(preview.flatMap((row) => fieldOf(normaliseHeader(cellText(row.values[1]))) ?? []))
}

/** Whether a sheet is a spec sheet: named «Спецификация», or labelled like one (kind, year, subject, grade, tasks). */
export function isSpecSheet(name: string, preview: readonly PreviewRow[]): boolean {
  if (normaliseHeader(name) === normaliseHeader(SPEC_SHEET)) return true
  const fields = fieldsIn(preview)
  return (["kind", "year", "subject", "grade", "task"] as const).every((field) => fields.has(field))
}

/** Takes a spec workbook's sheets during one streaming pass, then reads the spec from the sheet «Спецификация». */
export interface SpecReaderOfPass {
  visit: SheetVisitor
  finish(): SpecWorkbookResult
}

/**
 * The sheet «Спецификация», or, in a workbook of one sheet, that sheet whatever its name (`anySheet`, for a file
 * the sender says is a spec).
 */
export function createSpecReader(options: { anySheet?: boolean } = {}): SpecReaderOfPass {
  let named: SpecSheet | null = null
  let first: SpecSheet | null = null
  let sheets = 0
  return {
    visit(sheet) {
      sheets++
      const isNamed = normaliseHeader(sheet) === normaliseHeader(SPEC_SHEET)
      if (!isNamed && (!options.anySheet || sheets > 1 || named)) return null
      const collected: SpecSheet = { name: sheet, rows: new Map() }
      if (isNamed) named ??= collected
      else first = collected
      return { row: (values, number) => void collected.rows.set(number, values) }
    },
    finish() {
      const sheet = named ?? (sheets === 1 ? first : null)
      if (!sheet) return { problems: [problem("error", "spec-sheet-missing", "", {})] }
      const reader = new SpecReader(sheet)
      const spec = reader.read()
      return spec ? { spec } : { problems: reader.problems }
    },
  }
}

export async function parseSpecWorkbook(buffer: Buffer): Promise<SpecWorkbookResult> {
  const reader = createSpecReader({ anySheet: true })
  const refusal = await readSheets(buffer, reader.visit, { limits: resolveLimits() })
  if (refusal) return { problems: [refusal] }
  return reader.finish()
}
