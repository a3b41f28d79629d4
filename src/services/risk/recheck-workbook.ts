/**
 * The works list a re-check commission receives, and the same list coming back with its scores (issue 13).
 * One row per work: school, participant code, why it was chosen, the first primary score, and a column per task;
 * the cells the commission must fill are yellow, the others may stay empty (the first score of that task stands).
 * A hidden sheet carries the plan's number, so a list is read back against the plan it came from. A returned file
 * with any error stores nothing; every error names its cell.
 */
import ExcelJS from "exceljs"
import type { PlanSpec, PlannedWork, WorkReason } from "../../domain/risk/recheck-plan.ts"
import type { Translate } from "../../i18n.ts"
import { addTable, type CellInput } from "../reports/sheet-table.ts"
import { cellRef } from "../workbooks/problem.ts"
import { newWorkbook, workbookBytes } from "../workbooks/new-workbook.ts"
import { refusedWholeWorkbook } from "../workbooks/whole-workbook.ts"

export const RECHECK_SHEET = "Перепроверка"
const META_SHEET = "plan"
const FIXED_COLUMNS = 5 // №, school, code, reason, first score

export interface WorkbookWork extends PlannedWork {
  schoolLogin: string
}

export async function buildWorksWorkbook(
  plan: { id: number; title: string; createdOn: string; spec: PlanSpec; works: readonly WorkbookWork[] },
  t: Translate,
): Promise<Buffer> {
  const workbook = newWorkbook()
  const reason = (work: WorkbookWork): string =>
    t(`risk-reason-${work.reason}`, { tasks: work.tasks.map((k) => plan.spec.tasks[k]?.label ?? String(k + 1)).join(", ") })
  addTable(workbook, {
    name: RECHECK_SHEET,
    title: [t("risk-works-title", { title: plan.title }), t("risk-works-plan", { plan: plan.id, date: plan.createdOn }), t("risk-works-instructions")],
    columns: [
      { header: "№", width: 5, format: "integer" },
      { header: t("risk-works-school"), width: 14, format: "text" },
      { header: t("risk-works-code"), width: 14, format: "text" },
      { header: t("risk-works-reason"), width: 30, format: "text", wrap: true },
      { header: t("risk-works-first-score"), width: 10, format: "integer" },
      ...plan.spec.tasks.map((task) => ({ header: task.label, note: t("risk-works-max", { max: task.max }), width: 7, format: "integer" as const })),
    ],
    rows: plan.works.map((work, i): CellInput[] => {
      const required = new Set(work.tasks)
      return [
        i + 1,
        work.schoolLogin,
        work.code,
        reason(work),
        work.total,
        ...plan.spec.tasks.map((_, k): CellInput => ({ value: null, fill: required.has(k) ? "yellow" : "grey" })),
      ]
    }),
    frozenColumns: 3,
    notes: [t("risk-works-legend")],
  })
  const meta = workbook.addWorksheet(META_SHEET, { state: "veryHidden" })
  meta.getCell("A1").value = plan.id
  return await workbookBytes(workbook)
}

export interface ReturnedScore {
  schoolLogin: string
  code: string
  /** The commission's points by task index, for the cells it filled. */
  scores: Map<number, number>
}

export interface RecheckProblem {
  code:
    | "unreadable"
    | "sheet-missing"
    | "other-plan"
    | "header"
    | "school-outside"
    | "code-unknown"
    | "code-duplicate"
    | "score-invalid"
    | "score-above-max"
    | "score-missing"
    | "nothing-filled"
    /** Refused before it is read (too big, not an XLSX, a zip bomb): `message` names why in the intake's words. */
    | "refused"
  cell?: string
  params: Record<string, string | number>
  /** A message id standing in for `risk-problem-<code>`. */
  message?: string
}

const problem = (code: RecheckProblem["code"], params: Record<string, string | number> = {}, cell?: string): RecheckProblem => ({ code, params, ...(cell ? { cell } : {}) })

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ""
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("").trim()
    if ("result" in value) return text(value.result as ExcelJS.CellValue)
    if ("text" in value) return String(value.text).trim()
    return ""
  }
  return String(value).trim()
}

/** Reads a returned works list against its plan: every problem is listed, and nothing is returned when there is one. */
export async function readReturnedWorkbook(
  bytes: Buffer,
  plan: { id: number; spec: PlanSpec; works: readonly WorkbookWork[] },
): Promise<{ ok: true; scores: ReturnedScore[] } | { ok: false; problems: RecheckProblem[] }> {
  const refused = await refusedWholeWorkbook(bytes)
  if (refused) return { ok: false, problems: [{ code: "refused", params: refused.params, message: `intake-problem-${refused.code}` }] }
  const workbook = newWorkbook()
  try {
    await workbook.xlsx.load(bytes as never)
  } catch {
    return { ok: false, problems: [problem("unreadable")] }
  }
  const sheet = workbook.getWorksheet(RECHECK_SHEET)
  if (!sheet) return { ok: false, problems: [problem("sheet-missing", { sheet: RECHECK_SHEET })] }
  const planned = workbook.getWorksheet(META_SHEET)?.getCell("A1").value
  if (planned !== undefined && planned !== null && Number(planned) !== plan.id) return { ok: false, problems: [problem("other-plan", { plan: plan.id, other: String(planned) })] }

  // The header row is found by its content, so a row inserted above it by hand does not matter.
  let headerRow = 0
  for (let r = 1; r <= Math.min(sheet.rowCount, 15) && headerRow === 0; r++) if (text(sheet.getCell(r, 1).value) === "№") headerRow = r
  if (headerRow === 0) return { ok: false, problems: [problem("header", { expected: "№" }, "A1")] }
  const problems: RecheckProblem[] = []
  plan.spec.tasks.forEach((task, k) => {
    const column = FIXED_COLUMNS + 1 + k
    if (text(sheet.getCell(headerRow, column).value) !== task.label) problems.push(problem("header", { expected: task.label }, cellRef(column, headerRow)))
  })
  if (problems.length > 0) return { ok: false, problems }

  const byKey = new Map(plan.works.map((work) => [`${work.schoolLogin}|${work.code}`, work]))
  const schools = new Set(plan.works.map((work) => work.schoolLogin))
  const seen = new Set<string>()
  const scores: ReturnedScore[] = []
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const login = text(sheet.getCell(r, 2).value)
    const code = text(sheet.getCell(r, 3).value)
    const cells = plan.spec.tasks.map((_, k) => ({ k, ref: cellRef(FIXED_COLUMNS + 1 + k, r), raw: text(sheet.getCell(r, FIXED_COLUMNS + 1 + k).value) }))
    if (login === "" && code === "" && cells.every((c) => c.raw === "")) continue
    if (!schools.has(login)) {
      problems.push(problem("school-outside", { school: login || "—" }, cellRef(2, r)))
      continue
    }
    const key = `${login}|${code}`
    const work = byKey.get(key)
    if (!work) {
      problems.push(problem("code-unknown", { code: code || "—", school: login }, cellRef(3, r)))
      continue
    }
    if (seen.has(key)) {
      problems.push(problem("code-duplicate", { code }, cellRef(3, r)))
      continue
    }
    seen.add(key)
    const filled = new Map<number, number>()
    for (const { k, ref, raw } of cells) {
      if (raw === "") continue
      const value = Number(raw.replace(",", "."))
      const max = plan.spec.tasks[k]!.max
      if (!/^\d+$/.test(raw) || !Number.isInteger(value)) problems.push(problem("score-invalid", { value: raw, task: plan.spec.tasks[k]!.label }, ref))
      else if (value > max) problems.push(problem("score-above-max", { value, max, task: plan.spec.tasks[k]!.label }, ref))
      else filled.set(k, value)
    }
    // A row left wholly empty means the work was not re-checked; a started row must cover the tasks asked for.
    if (cells.every((c) => c.raw === "")) continue
    for (const k of work.tasks) {
      if (cells[k]!.raw === "") problems.push(problem("score-missing", { task: plan.spec.tasks[k]!.label, code }, cells[k]!.ref))
    }
    scores.push({ schoolLogin: login, code, scores: filled })
  }
  if (problems.length === 0 && scores.length === 0) problems.push(problem("nothing-filled"))
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scores }
}

export type { WorkReason }
