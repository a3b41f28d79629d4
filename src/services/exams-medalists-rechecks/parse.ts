/**
 * Reads the outside-data workbook (layout.ts) in one streaming pass: every row checked, every problem naming its
 * sheet, cell and reason, like the results intake. Cells are read as values (a formula gives its saved result).
 * Nothing personal is kept: a name where a code belongs is reported without repeating it, and codes serve only to
 * find duplicates.
 */
import { findSpec } from "../../domain/procedures/lookup.ts"
import { normaliseSubject } from "../../domain/procedures/subjects.ts"
import type { ProcedureKey, ProcedureSpec } from "../../domain/results.ts"
import { parseSchoolLogin } from "../../domain/schools.ts"
import { normaliseHeader } from "../../domain/task-header.ts"
import { cellText, integerOf, plainValue } from "../workbooks/cell-value.ts"
import { readSheets } from "../workbooks/read.ts"
import type { RowSink, SheetVisitor } from "../workbooks/stream.ts"
import { parseProcedureText, procedureId } from "../results/procedure-key.ts"
import { isNameHeader, looksLikePersonName } from "../workbooks/person-names.ts"
import { problem, type Problem, type ProblemCode, type ProblemParams } from "../workbooks/problem.ts"
import { resolveLimits } from "../workbooks/guard.ts"
import {
  columnsOf, EXAM_KINDS, hasLoginHeader, MAX_TEST_POINTS, MIN_YEAR, OUTSIDE_HEADERS, outsideSheetOf, REQUIRED_FIELDS,
  type ExamKind, type OutsideSheetKind,
} from "./layout.ts"

/** «базовый уровень», «(база)», «Математика Б». */
const BASE_LEVEL = /(^|[^а-яё])(баз|б($|[^а-яё]))/iu

export interface ExamRow {
  schoolKey: string
  login: string
  kind: ExamKind
  year: number
  subject: string
  participants: number
  mean: number
}

export interface MedalistRow {
  schoolKey: string
  login: string
  year: number
  /** ЕГЭ test points; null when the exam was not written. */
  russian: number | null
  mathematics: number | null
}

export interface RecheckRow {
  schoolKey: string
  login: string
  procedure: ProcedureKey
  originalScore: number
  recheckedScore: number
}

export interface OutsideData {
  exams: ExamRow[]
  medalists: MedalistRow[]
  rechecks: RecheckRow[]
}

export interface OutsideParseOptions {
  /** Keys of the schools in the directory: any other login is an error. Not given: logins are only checked for form. */
  knownSchools?: ReadonlySet<string>
  /** Specs by which re-checked scores are bounded (the procedure's maximum), when we hold one. */
  specs?: readonly ProcedureSpec[]
  /** The latest plausible year (this year, from the caller's clock). */
  maxYear: number
}

export interface OutsideParse {
  /** Which of our sheets the workbook has (with a header row). */
  sheets: OutsideSheetKind[]
  data: OutsideData
  problems: Problem[]
}

type Values = readonly unknown[]
type Field<K extends OutsideSheetKind> = keyof (typeof OUTSIDE_HEADERS)[K]

class SheetReader<K extends OutsideSheetKind> {
  private readonly columns: Map<Field<K>, number>
  /** Duplicate keys → the row that first used them. */
  private readonly seen = new Map<string, number>()
  readonly usable: boolean

  constructor(
    readonly kind: K,
    private readonly sheet: string,
    private readonly headerRow: number,
    header: Values,
    private readonly options: OutsideParseOptions,
    private readonly problems: Problem[],
    private readonly data: OutsideData,
  ) {
    this.columns = columnsOf(kind, header)
    for (let column = 1; column < header.length; column++) {
      const text = cellText(header[column])
      if (text !== "" && isNameHeader(normaliseHeader(text))) this.report("names-column", { column: text }, column, headerRow)
    }
    const missing = REQUIRED_FIELDS[kind].filter((field) => !this.columns.has(field))
    for (const field of missing) {
      this.report("outside-header-missing", { header: OUTSIDE_HEADERS[kind][field] as string }, 1, headerRow)
    }
    this.usable = missing.length === 0
  }

  private report(code: ProblemCode, params: ProblemParams, column: number, row: number): void {
    this.problems.push(problem("error", code, this.sheet, params, { column, row }))
  }

  /** An empty cell of a required column (other than the login and the code, which have their own words). */
  private missing(header: string, at: CellAt, row: number): boolean {
    if (cellText(at.raw) !== "") return false
    this.report("outside-value-missing", { header }, at.column, row)
    return true
  }

  read(values: Values, row: number): void {
    if (!this.usable || row <= this.headerRow) return
    const fields = [...this.columns.values()]
    if (fields.every((column) => cellText(values[column]) === "")) return
    const before = this.problems.length
    const cell = (field: Field<K>) => {
      const column = this.columns.get(field)
      return { raw: column === undefined ? undefined : values[column], column: column ?? 1 }
    }
    const school = this.school(cell("login" as Field<K>), row)
    switch (this.kind) {
      case "exams": return this.exam(school, cell as (field: Field<"exams">) => CellAt, row, before)
      case "medalists": return this.medalist(school, cell as (field: Field<"medalists">) => CellAt, row, before)
      case "rechecks": return this.recheck(school, cell as (field: Field<"rechecks">) => CellAt, row, before)
    }
  }

  private school(at: CellAt, row: number): { key: string; login: string } | null {
    const text = cellText(at.raw)
    if (text === "") {
      this.report("school-login-missing", {}, at.column, row)
      return null
    }
    const login = parseSchoolLogin(text)
    if (!login) {
      this.report("school-login-invalid", { value: text }, at.column, row)
      return null
    }
    if (this.options.knownSchools && !this.options.knownSchools.has(login.key)) {
      this.report("outside-school-unknown", { value: login.login }, at.column, row)
      return null
    }
    return login
  }

  private year(at: CellAt, row: number): number | null {
    if (this.missing(OUTSIDE_HEADERS.exams.year, at, row)) return null
    const year = integerOf(at.raw)
    if (year === null || year < MIN_YEAR || year > this.options.maxYear) {
      this.report("outside-year-invalid", { value: cellText(at.raw), min: String(MIN_YEAR), max: String(this.options.maxYear) }, at.column, row)
      return null
    }
    return year
  }

  /** Reports a second row with the same key; true when the row is the first. */
  private firstOf(key: string, what: "exam" | "medalist" | "recheck", column: number, row: number): boolean {
    const first = this.seen.get(key)
    if (first === undefined) {
      this.seen.set(key, row)
      return true
    }
    this.report("outside-duplicate", { what, firstRow: String(first) }, column, row)
    return false
  }

  private exam(school: SchoolAt, cell: (field: Field<"exams">) => CellAt, row: number, before: number): void {
    const headers = OUTSIDE_HEADERS.exams
    const kindCell = cell("kind")
    const kindText = cellText(kindCell.raw).toUpperCase()
    const kind = EXAM_KINDS.find((candidate) => candidate === kindText) ?? null
    if (!kind && !this.missing(headers.kind, kindCell, row)) this.report("outside-exam-invalid", { value: cellText(kindCell.raw) }, kindCell.column, row)
    const year = this.year(cell("year"), row)
    const subjectCell = cell("subject")
    const subject = normaliseSubject(cellText(subjectCell.raw))
    if (!subject && !this.missing(headers.subject, subjectCell, row)) {
      this.report("outside-subject-invalid", { value: cellText(subjectCell.raw) }, subjectCell.column, row)
    }
    // ЕГЭ mathematics has two exams; the base one is marked 2–5, and ranking it with the profile one would mix scales.
    if (kind === "ЕГЭ" && subject === "Математика" && BASE_LEVEL.test(cellText(subjectCell.raw))) {
      this.report("outside-math-base-level", { value: cellText(subjectCell.raw) }, subjectCell.column, row)
    }
    const participantsCell = cell("participants")
    const participants = integerOf(participantsCell.raw)
    if ((participants === null || participants < 1) && !this.missing(headers.participants, participantsCell, row)) {
      this.report("outside-participants-invalid", { value: cellText(participantsCell.raw) }, participantsCell.column, row)
    }
    const meanCell = cell("mean")
    const mean = decimalOf(meanCell.raw)
    if ((mean === null || mean < 0 || mean > MAX_TEST_POINTS) && !this.missing(headers.mean, meanCell, row)) {
      this.report("outside-mean-invalid", { value: cellText(meanCell.raw), max: MAX_TEST_POINTS }, meanCell.column, row)
    }
    if (!school || !kind || year === null || !subject) return
    if (!this.firstOf(`${school.key}|${kind}|${year}|${subject}`, "exam", cell("login").column, row)) return
    if (this.problems.length > before) return
    this.data.exams.push({ schoolKey: school.key, login: school.login, kind, year, subject, participants: participants!, mean: mean! })
  }

  private medalist(school: SchoolAt, cell: (field: Field<"medalists">) => CellAt, row: number, before: number): void {
    const year = this.year(cell("year"), row)
    const code = this.code(cell("code"), row, { required: false })
    const russian = this.testPoints(cell("russian"), row)
    const mathematics = this.testPoints(cell("mathematics"), row)
    if (school && year !== null && code) this.firstOf(`${school.key}|${year}|${code}`, "medalist", cell("code").column, row)
    if (this.problems.length > before || !school || year === null || russian === undefined || mathematics === undefined) return
    this.data.medalists.push({ schoolKey: school.key, login: school.login, year, russian, mathematics })
  }

  private recheck(school: SchoolAt, cell: (field: Field<"rechecks">) => CellAt, row: number, before: number): void {
    const procedureAt = cell("procedure")
    const procedure = parseProcedureText(cellText(procedureAt.raw))
    if ((!procedure || procedure.year < MIN_YEAR || procedure.year > this.options.maxYear) && !this.missing(OUTSIDE_HEADERS.rechecks.procedure, procedureAt, row)) {
      this.report("outside-procedure-invalid", { value: cellText(procedureAt.raw) }, procedureAt.column, row)
    }
    const valid = procedure && procedure.year >= MIN_YEAR && procedure.year <= this.options.maxYear ? procedure : null
    const spec = valid && this.options.specs ? findSpec(valid, this.options.specs) : null
    const code = this.code(cell("code"), row, { required: true })
    const original = this.score(OUTSIDE_HEADERS.rechecks.original, cell("original"), row, spec)
    const rechecked = this.score(OUTSIDE_HEADERS.rechecks.rechecked, cell("rechecked"), row, spec)
    if (school && valid && code) this.firstOf(`${school.key}|${procedureId(valid)}|${code}`, "recheck", cell("code").column, row)
    if (this.problems.length > before || !school || !valid || original === null || rechecked === null) return
    this.data.rechecks.push({ schoolKey: school.key, login: school.login, procedure: valid, originalScore: original, recheckedScore: rechecked })
  }

  /** A participant's code: digits only, as FIS OKO gives them. A name is reported without being repeated. */
  private code(at: CellAt, row: number, options: { required: boolean }): string | null {
    if (typeof at.raw === "number" && Number.isInteger(at.raw) && at.raw >= 0) return String(at.raw)
    const text = cellText(at.raw)
    if (text === "") {
      if (options.required) this.report("code-missing", {}, at.column, row)
      return null
    }
    if (/^\d{1,12}$/u.test(text)) return text
    if (looksLikePersonName(text)) this.report("outside-code-name", {}, at.column, row)
    else this.report("code-invalid", { value: text }, at.column, row)
    return null
  }

  /** ЕГЭ test points 0–100; null: empty (not written); undefined: invalid (reported). */
  private testPoints(at: CellAt, row: number): number | null | undefined {
    if (cellText(at.raw) === "") return null
    const points = integerOf(at.raw)
    if (points === null || points < 0 || points > MAX_TEST_POINTS) {
      this.report("outside-test-points-invalid", { value: cellText(at.raw) }, at.column, row)
      return undefined
    }
    return points
  }

  /** A primary score: a whole number from 0, up to the procedure's maximum when we hold its spec. */
  private score(header: string, at: CellAt, row: number, spec: ProcedureSpec | null): number | null {
    const score = integerOf(at.raw)
    if (score === null || score < 0) {
      if (!this.missing(header, at, row)) this.report("outside-score-invalid", { value: cellText(at.raw) }, at.column, row)
      return null
    }
    if (spec && score > spec.maxTotal) {
      this.report("outside-score-above-max", { value: score, max: spec.maxTotal }, at.column, row)
      return null
    }
    return score
  }
}

interface CellAt {
  raw: unknown
  column: number
}
type SchoolAt = { key: string; login: string } | null

/** A number written as a number or as text with a decimal point or comma (`65,4`). */
function decimalOf(value: unknown): number | null {
  const plain = plainValue(value)
  if (typeof plain === "number") return Number.isFinite(plain) ? plain : null
  if (typeof plain !== "string") return null
  const text = plain.trim().replace(",", ".")
  return /^-?\d{1,6}(\.\d+)?$/u.test(text) ? Number(text) : null
}

function emptyData(): OutsideData {
  return { exams: [], medalists: [], rechecks: [] }
}

/** Takes the sheets of an outside-data workbook during one streaming pass, then checks that it holds data. */
export interface OutsideReader {
  visit: SheetVisitor
  finish(): OutsideParse
}

export function createOutsideReader(options: OutsideParseOptions): OutsideReader {
  const problems: Problem[] = []
  const data = emptyData()
  const sheets: OutsideSheetKind[] = []
  const sheetOrder: string[] = []
  return {
    visit(sheet, preview): RowSink | null {
      const kind = outsideSheetOf(sheet, preview)
      if (!kind) return null
      sheetOrder.push(sheet)
      const header = preview.find((row) => hasLoginHeader(row.values))
      if (!header) {
        // A sheet of ours that is empty is fine; one with content but no header row cannot be read.
        if (preview.some((row) => row.values.some((value) => cellText(value) !== ""))) {
          problems.push(problem("error", "outside-header-missing", sheet, { header: OUTSIDE_HEADERS[kind].login }, { column: 1, row: 1 }))
        }
        return null
      }
      sheets.push(kind)
      const reader = new SheetReader(kind, sheet, header.number, header.values, options, problems, data)
      return { row: (values, number) => reader.read(values, number) }
    },
    finish() {
      const rows = data.exams.length + data.medalists.length + data.rechecks.length
      if (rows === 0 && problems.length === 0) problems.push(problem("error", "outside-no-data", "", {}))
      return { sheets, data, problems: sortProblems(problems, sheetOrder) }
    },
  }
}

export async function parseOutsideWorkbook(buffer: Buffer, options: OutsideParseOptions): Promise<OutsideParse> {
  const reader = createOutsideReader(options)
  const refusal = await readSheets(buffer, reader.visit, { limits: resolveLimits() })
  if (refusal) return { sheets: [], data: emptyData(), problems: [refusal] }
  return reader.finish()
}

/** Reading order: file-level first, then by sheet, row and column. */
function sortProblems(problems: Problem[], sheets: readonly string[]): Problem[] {
  const columnOf = (cell?: string): number => [...(/^[A-Z]+/u.exec(cell ?? "")?.[0] ?? "")].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0)
  return problems
    .map((found, index) => ({ found, index }))
    .sort(
      (a, b) =>
        sheets.indexOf(a.found.sheet) - sheets.indexOf(b.found.sheet) ||
        (a.found.row ?? 0) - (b.found.row ?? 0) ||
        columnOf(a.found.cell) - columnOf(b.found.cell) ||
        a.index - b.index,
    )
    .map(({ found }) => found)
}
