/**
 * A problem found in an uploaded workbook. Every problem names its sheet, and its cell when it has one,
 * and carries a code and parameters: the words come from the locale files (`intake-problem-<code>`).
 */

export type Severity = "error" | "warning"

/** Codes that refuse a file before it is parsed (guard.ts). */
export const GUARD_CODES = [
  "file-too-large", "file-xls", "file-encrypted", "file-text", "file-not-xlsx", "file-zip-bomb", "file-zip-bomb-inflated",
  "file-too-many-sheets", "file-too-many-rows", "file-too-many-columns", "file-unreadable",
] as const

/** Codes about the workbook as a whole: its layout, procedure and header. */
export const FILE_CODES = [
  "layout-context-form", "layout-empty-form", "layout-unknown",
  "layout-header-unmatched", "header-code-unmatched", "header-tasks-unmatched", "header-column-missing",
  "procedure-conflict", "spec-unknown", "spec-version-outdated", "school-login-option-invalid",
  "header-task-missing", "header-task-extra", "header-task-max", "header-task-duplicate", "header-task-count",
  "header-suggests-procedure", "names-column", "names-instead-of-codes",
] as const

/**
 * Errors that concern one participant's row. With `allowInvalidRows: "exclude"` the row is left out and
 * these become warnings; otherwise they block the import.
 */
export const ROW_ERROR_CODES = [
  "score-above-max", "score-negative", "score-invalid", "variant-unknown", "variant-missing",
  "code-missing", "code-invalid", "code-duplicate", "school-login-missing", "school-login-invalid", "absent-with-scores",
] as const

/** Warnings: the row is imported, the user confirms. */
export const WARNING_CODES = [
  "variant-unusual", "variant-zero", "total-mismatch", "total-missing", "journal-mark-missing",
  "journal-mark-invalid", "row-longer-than-header", "formula-no-value", "class-latin-letters", "not-taught", "mark-mismatch", "row-excluded",
] as const

/** Problems of a spec workbook (specs/workbook.ts) and of a context-data form (schools/context-form.ts). */
export const SPEC_CODES = [
  "spec-sheet-missing", "spec-field-missing", "spec-kind-invalid", "spec-year-invalid", "spec-grade-invalid",
  "spec-label-invalid", "spec-label-duplicate", "spec-max-invalid", "spec-level-invalid", "spec-scale-invalid",
  "spec-no-tasks", "spec-other-procedure", "spec-task-count-differs", "context-form-unknown",
] as const

/**
 * Problems of the outside-data workbook (services/exams-medalists-rechecks): ОГЭ/ЕГЭ means, medalists, re-checked works. It also
 * reports `school-login-missing`, `school-login-invalid`, `code-missing`, `code-invalid` and `names-column` with their
 * usual words.
 */
export const OUTSIDE_CODES = [
  "outside-no-data", "outside-header-missing", "outside-school-unknown", "outside-exam-invalid",
  "outside-year-invalid", "outside-subject-invalid", "outside-participants-invalid", "outside-mean-invalid",
  "outside-test-points-invalid", "outside-procedure-invalid", "outside-score-invalid", "outside-score-above-max", "outside-duplicate",
  "outside-code-name", "outside-value-missing", "outside-math-base-level",
] as const

export type ProblemCode =
  | (typeof GUARD_CODES)[number]
  | (typeof FILE_CODES)[number]
  | (typeof ROW_ERROR_CODES)[number]
  | (typeof WARNING_CODES)[number]
  | (typeof SPEC_CODES)[number]
  | (typeof OUTSIDE_CODES)[number]

export const ALL_PROBLEM_CODES: readonly ProblemCode[] = [
  ...GUARD_CODES, ...FILE_CODES, ...ROW_ERROR_CODES, ...WARNING_CODES, ...SPEC_CODES, ...OUTSIDE_CODES,
]

const ROW_ERRORS: ReadonlySet<string> = new Set(ROW_ERROR_CODES)

export function isRowError(code: ProblemCode): boolean {
  return ROW_ERRORS.has(code)
}

export type ProblemParams = Record<string, string | number>

export interface Problem {
  severity: Severity
  code: ProblemCode
  /** Sheet name as in the workbook ("" when the problem concerns the file itself). */
  sheet: string
  /** A1 reference (`K25139`) when the problem sits in one cell. */
  cell?: string
  row?: number
  params: ProblemParams
  /** The school of the problem's row, when the row is a participant's (results/formats/problem-schools.ts). */
  school?: { login: string; name?: string }
}

/** `1` → `A`, `27` → `AA` (1-based column numbers, as exceljs counts them). */
export function columnLetter(column: number): string {
  let n = column
  let letters = ""
  while (n > 0) {
    const rest = (n - 1) % 26
    letters = String.fromCharCode(65 + rest) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

export function cellRef(column: number, row: number): string {
  return `${columnLetter(column)}${row}`
}

/** Translator from a Fluent message id and parameters to text (the bot's i18n, or a test bundle). */
export type Translate = (id: string, params?: ProblemParams) => string

export function problemMessageId(code: ProblemCode): string {
  return `intake-problem-${code}`
}

/** The problem's text: its location (sheet, cell, row) is passed along with its own parameters. */
export function describeProblem(problem: Problem, translate: Translate): string {
  const location: ProblemParams = { sheet: problem.sheet, cell: problem.cell ?? "", row: String(problem.row ?? "") }
  return translate(problemMessageId(problem.code), { ...location, ...problem.params })
}

export function problem(
  severity: Severity,
  code: ProblemCode,
  sheet: string,
  params: ProblemParams = {},
  at?: { column: number; row: number } | { row: number },
): Problem {
  const result: Problem = { severity, code, sheet, params }
  if (at) {
    result.row = at.row
    if ("column" in at) result.cell = cellRef(at.column, at.row)
  }
  return result
}

/** A problem as it is said in a list: the first of its kind, and the places of the others like it. */
export interface ProblemGroup {
  first: Problem
  /** How many more problems of the same kind (severity, code, sheet and column). */
  more: number
  /** Cells of a few of those (at most `examples`). */
  cells: string[]
  /** Rows of a few of those, for problems of a whole row (no cell). */
  rows: number[]
}

/** The column letters of a problem's cell ("" for a problem of a row or of the file). */
function columnOf(found: Problem): string {
  return found.cell ? (/^[A-Z]+/u.exec(found.cell)?.[0] ?? "") : ""
}

/**
 * One pattern: the same severity and code in the same column of the same sheet («строки 7053–… длиннее заголовка»,
 * «балл выше максимума в столбце E»). The chat, the command line and the problems workbook group by it.
 */
export function problemGroupKey(found: Problem): string {
  return [found.severity, found.code, found.sheet, columnOf(found)].join("\u0000")
}

/** A cell's content quoted in a problem's words is cut here: a 40,000-character cell must not become the message. */
export const QUOTE_LIMIT = 60

/**
 * Errors before warnings, and a problem repeated in many rows of one column once, with how many more there are and a
 * few of their cells; quoted cell content capped at `QUOTE_LIMIT`. Groups come in the order their first problem appears.
 */
export function groupProblems(problems: readonly Problem[], examples = 3): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>()
  const ordered = [...problems.filter((p) => p.severity === "error"), ...problems.filter((p) => p.severity !== "error")]
  for (const found of ordered) {
    const key = problemGroupKey(found)
    const group = groups.get(key)
    if (!group) groups.set(key, { first: { ...found, params: cappedParams(found.params) }, more: 0, cells: [], rows: [] })
    else {
      group.more += 1
      if (found.cell && group.cells.length < examples) group.cells.push(found.cell)
      else if (!found.cell && found.row !== undefined && group.rows.length < examples) group.rows.push(found.row)
    }
  }
  return [...groups.values()]
}

function cappedParams(params: ProblemParams): ProblemParams {
  const result: ProblemParams = {}
  for (const [name, value] of Object.entries(params)) {
    result[name] = typeof value === "string" && value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT - 1)}…` : value
  }
  return result
}

/** A group's words: its first problem's, then how many more there are and a few of their cells. */
export function describeGroup({ first, more, cells, rows }: ProblemGroup, translate: Translate): string {
  const text = describeProblem(first, translate)
  if (more === 0) return text
  const tail = (examples: readonly (string | number)[]) => examples.join(", ") + (more > examples.length ? "…" : "")
  if (cells.length > 0) return `${text} ${translate("problems-also-in", { count: more, cells: tail(cells) })}`
  if (rows.length > 0) return `${text} ${translate("problems-also-rows", { count: more, rows: tail(rows) })}`
  return `${text} ${translate("problems-also", { count: more })}`
}
