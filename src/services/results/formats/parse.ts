/**
 * Reading a result workbook: participants and problems out, in one streaming pass.
 * guard → stream (recognise each sheet, read participant rows) → decide the layout → resolve procedure
 * and spec → check the header against the spec → check rows against the spec → exclude rows on request.
 *
 * `createResultsReader` is the part that takes the sheets of one pass (the intake shares its pass with the
 * other kinds of workbook); `parseResults` is a whole pass over a file that is expected to hold results.
 */
import { readFile, stat } from "node:fs/promises"
import { PROCEDURE_SPECS } from "../../../domain/procedures/index.ts"
import { parseSchoolLogin } from "../../../domain/schools.ts"
import { resolveLimits } from "../../workbooks/guard.ts"
import { problem, type Problem } from "../../workbooks/problem.ts"
import { readSheets } from "../../workbooks/read.ts"
import type { SheetVisitor } from "../../workbooks/stream.ts"
import { excludeInvalidRows } from "../validation/exclusion.ts"
import { checkRows } from "../validation/rows.ts"
import { VARIANT_ABSENT } from "../validation/tokens.ts"
import type { TableKind } from "./columns.ts"
import type { HeaderNearMiss } from "./header-diagnosis.ts"
import { decideLayout, type Detection, type SheetOutline } from "./detect.ts"
import { specBasisOf } from "./basis.ts"
import { checkHeaders, headerTasksOf } from "./header-check.ts"
import { resolveProcedure } from "./procedure.ts"
import { collectResultSheets, type Collected } from "./collect.ts"
import type { RawRow, ReadContext, SheetTable } from "./row-reader.ts"
import { endingAfterSample, settledByHeader, statedProcedure } from "./header-first.ts"
import type { ParsedResults, ParseOptions, ParseStats } from "./types.ts"
import { withSchools } from "./problem-schools.ts"

/** Findings about the file as a whole, not a row: they stand even when only a sample of the rows was read. */
const FILE_LEVEL = new Set(["names-column", "names-instead-of-codes"])

function emptyResult(status: ParsedResults["status"], problems: Problem[]): ParsedResults {
  return {
    status, layout: null, procedure: {}, missing: [], candidates: [], headerTasks: [], spec: null, schools: [],
    participants: [], excluded: [], problems, stats: { rows: 0, present: 0, absent: 0, schools: 0, schoolsWithPresent: 0 },
    canImport: false,
  }
}

function notResults(detection: Exclude<Detection, { kind: "results" }>): ParsedResults {
  switch (detection.kind) {
    case "empty-form":
      return emptyResult("not-results", [problem("error", "layout-empty-form", "", { form: detection.form, classes: detection.classes })])
    case "header-unmatched":
      return emptyResult("not-results", headerUnmatched(detection.sheet, detection.nearMiss))
    case "unknown":
      return emptyResult("not-results", [problem("error", "layout-unknown", "", { sheets: detection.sheets.join(", ") })])
  }
}

/**
 * The header that fell short, cell by cell: one problem per code-like cell, one for the task cells (they come in
 * a run, and the first one with the count says enough), one per header missing altogether.
 */
function headerUnmatched(sheet: string, nearMiss: HeaderNearMiss): Problem[] {
  const row = nearMiss.row
  const found: Problem[] = [problem("error", "layout-header-unmatched", sheet, {}, { row })]
  for (const cell of nearMiss.unmatched.filter((cell) => cell.expected === "code")) {
    found.push({ ...problem("error", "header-code-unmatched", sheet, { text: cell.text }, { row }), cell: cell.cell })
  }
  const tasks = nearMiss.unmatched.filter((cell) => cell.expected === "task")
  if (tasks.length > 0) {
    const params = { text: tasks[0]!.text, count: tasks.length, last: tasks.at(-1)!.cell }
    found.push({ ...problem("error", "header-tasks-unmatched", sheet, params, { row }), cell: tasks[0]!.cell })
  }
  for (const header of nearMiss.missing) found.push(problem("error", "header-column-missing", sheet, { header }, { row }))
  return found
}

function statsOf(rows: readonly RawRow[]): ParseStats {
  const schools = new Set<string>()
  const withPresent = new Set<string>()
  let absent = 0
  for (const row of rows) {
    if (row.schoolKey !== "") schools.add(row.schoolKey)
    if (row.variant === VARIANT_ABSENT) absent++
    else if (row.schoolKey !== "") withPresent.add(row.schoolKey)
  }
  return { rows: rows.length, present: rows.length - absent, absent, schools: schools.size, schoolsWithPresent: withPresent.size }
}

/** Problems in reading order: file-level first, then by sheet as met, row, column. */
function sortProblems(problems: Problem[], sheets: readonly SheetOutline[]): Problem[] {
  const sheetOrder = new Map(sheets.map((sheet, index) => [sheet.name, index]))
  const columnOf = (cell?: string): number => {
    const letters = /^[A-Z]+/u.exec(cell ?? "")?.[0] ?? ""
    return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0)
  }
  return problems
    .map((found, index) => ({ found, index }))
    .sort(
      (a, b) =>
        (sheetOrder.get(a.found.sheet) ?? -1) - (sheetOrder.get(b.found.sheet) ?? -1) ||
        (a.found.row ?? 0) - (b.found.row ?? 0) ||
        columnOf(a.found.cell) - columnOf(b.found.cell) ||
        a.index - b.index,
    )
    .map(({ found }) => found)
}

/** Takes the sheets of a result file during one streaming pass, then decides what they hold. */
export interface ResultsReader {
  visit: SheetVisitor
  /**
   * The decision on the rows read. It can be taken again with invalid rows left out: the sender's «leave them out»
   * then costs no second pass over the file (seconds for a regional export).
   */
  finish(overrides?: Pick<ParseOptions, "allowInvalidRows">): ParsedResults
}

export function createResultsReader(options: ParseOptions = {}): ResultsReader {
  const fallbackLogin = options.schoolLogin === undefined ? null : parseSchoolLogin(options.schoolLogin)
  const context: ReadContext = { rows: [], tokenIssues: [], problems: [], schools: new Map(), fallbackLogin, missingSchool: false }
  if (options.schoolLogin !== undefined && !fallbackLogin) {
    context.problems.push(problem("error", "school-login-option-invalid", "", { value: options.schoolLogin }))
  }
  const collected: Collected = { sheets: [], tables: [], metaRows: [], classRows: 0, context }
  const collect = collectResultSheets(collected)
  let settled = false
  const visit: SheetVisitor = (sheet, preview) => {
    const sink = collect(sheet, preview)
    const table = collected.tables.length === 1 && collected.tables[0]!.sheet === sheet ? collected.tables[0]! : null
    if (!sink || !table || !settledByHeader(table, collected.metaRows, options, options.specs ?? PROCEDURE_SPECS)) return sink
    settled = true
    return endingAfterSample(sink, table.columns.headerRow)
  }
  return { visit, finish: (overrides = {}) => decide(collected, { ...options, ...overrides }, settled) }
}

export async function parseResults(input: Buffer | string, options: ParseOptions = {}): Promise<ParsedResults> {
  const limits = resolveLimits(options.limits)
  if (typeof input === "string") {
    const size = (await stat(input)).size
    // Do not even read a file that is too big.
    if (size > limits.maxBytes) return emptyResult("refused", [tooLarge(size, limits.maxBytes)])
  }
  const buffer = typeof input === "string" ? await readFile(input) : input
  const reader = createResultsReader(options)
  const refusal = await readSheets(buffer, reader.visit, { limits, ...(options.onProgress ? { onProgress: options.onProgress } : {}) })
  if (refusal) return refusedResults(refusal)
  return reader.finish()
}

/** A result file refused before it was read (too large, not an XLSX, a zip bomb, a sheet over the limits). */
export function refusedResults(refusal: Problem): ParsedResults {
  return emptyResult("refused", [refusal])
}

function decide(collected: Collected, options: ParseOptions, headerSettled = false): ParsedResults {
  const specs = options.specs ?? PROCEDURE_SPECS
  const context = collected.context
  const tablesOf = (kind: TableKind): SheetTable[] => collected.tables.filter((table) => table.table === kind)
  const detection = decideLayout(
    collected.sheets,
    (kind) => context.rows.filter((row) => row.table.table === kind).length,
    collected.classRows,
  )
  if (detection.kind !== "results") return notResults(detection)

  const tables = tablesOf(detection.tableKind)
  const chosen = new Set(tables)
  const only = options.onlySchools ? new Set(options.onlySchools) : null
  const rows = context.rows.filter((row) => chosen.has(row.table) && (only === null || only.has(row.schoolKey)))
  // Rows of schools the sender left out take their problems with them.
  const leftOut = only === null ? null : new Set(context.rows.filter((row) => !only.has(row.schoolKey)).map((row) => `${row.row}\u0000${row.table.sheet}`))
  const firstTable = tables[0]!
  const headerTasks = headerTasksOf(firstTable)
  const resolution = resolveProcedure({
    fileStated: statedProcedure(firstTable, collected.metaRows),
    headerTasks,
    specs,
    ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
    ...(options.procedure !== undefined ? { given: options.procedure } : {}),
  })
  const missing = [...resolution.missing, ...(context.missingSchool ? (["school"] as const) : [])]
  const schools = [...context.schools.values()].filter((school) => only === null || only.has(school.key)).sort((a, b) => a.key.localeCompare(b.key))
  const stats = statsOf(rows)
  const result: ParsedResults = {
    status: "parsed",
    layout: detection.layout,
    procedure: resolution.procedure,
    missing,
    candidates: resolution.candidates,
    headerTasks,
    spec: resolution.spec,
    schools,
    participants: [],
    excluded: [],
    problems: [],
    stats,
    canImport: false,
  }
  const readProblems = context.problems.filter(
    (found) => (found.sheet === "" || tables.some((t) => t.sheet === found.sheet)) && !(leftOut && found.row !== undefined && leftOut.has(`${found.row}\u0000${found.sheet}`)),
  )
  if (missing.length > 0 || !resolution.spec) {
    result.status = missing.length > 0 ? "needs-input" : "needs-spec"
    if (headerSettled) {
      // Only a sample was read: its row problems would be a part passed off as the whole; what the file is stays said.
      result.decidedFromHeader = true
      result.problems = sortProblems([...resolution.problems, ...readProblems.filter((found) => FILE_LEVEL.has(found.code) || found.sheet === "")], collected.sheets)
      return result
    }
    // No spec: what the file itself says of its tasks, for a spec proposed from it.
    if (result.status === "needs-spec") result.basis = specBasisOf(tables, rows)
    result.problems = withSchools(sortProblems([...resolution.problems, ...readProblems], collected.sheets), context.rows, context.schools)
    return result
  }
  // The header settles only refusals; a file that reads on was read whole.
  if (headerSettled) throw new Error("a result file settled by its header resolved to a procedure with a spec")

  const spec = resolution.spec
  const headerProblems = checkHeaders(tables, spec, specs)
  const checked = checkRows(rows, only === null ? context.tokenIssues : context.tokenIssues.filter((issue) => only.has(issue.row.schoolKey)), spec)
  let problems = [...resolution.problems, ...headerProblems, ...readProblems, ...checked.problems]
  let participants = checked.participants
  if (options.ownSchools) {
    // The comparison group's faults are its own municipality's to fix: its invalid rows go, its problems are not listed.
    const own = new Set(options.ownSchools)
    const schoolOfRow = new Map(rows.map((row) => [`${row.row}\u0000${row.table.sheet}`, row.schoolKey]))
    // A row whose school cannot be told (a bad login) is not known to be another's: it stays listed.
    const isOther = (schoolKey: string) => schoolKey !== "" && !own.has(schoolKey)
    const isReference = (found: Problem) => found.row !== undefined && isOther(schoolOfRow.get(`${found.row}\u0000${found.sheet}`) ?? "")
    const dropped = participants.filter(({ row }) => row.invalid && isOther(row.schoolKey)).length
    const referenceProblems = problems.filter(isReference).length
    participants = participants.filter(({ row }) => !row.invalid || !isOther(row.schoolKey))
    problems = problems.filter((found) => !isReference(found))
    result.referenceLeftOut = { rows: dropped, problems: referenceProblems }
  }
  if (options.allowInvalidRows === "exclude") {
    const exclusion = excludeInvalidRows(participants, problems)
    participants = exclusion.participants
    problems = exclusion.problems
    result.excluded = exclusion.excluded
    // A school whose every row was left out is not part of this import.
    const kept = new Set(participants.map(({ row }) => row.schoolKey))
    result.schools = result.schools.filter((school) => kept.has(school.key))
  }
  // A header that does not fit the spec leaves the cells unplaceable: no participants then.
  result.participants = headerProblems.some((found) => found.severity === "error") ? [] : participants.map(({ result: p }) => p)
  result.problems = withSchools(sortProblems(problems, collected.sheets), context.rows, context.schools)
  result.canImport = !result.problems.some((found) => found.severity === "error")
  return result
}

function tooLarge(size: number, limit: number): Problem {
  const mb = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 10) / 10
  return problem("error", "file-too-large", "", { size: mb(size), limit: mb(limit) })
}
