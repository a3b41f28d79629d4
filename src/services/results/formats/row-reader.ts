/**
 * Reads participant rows of one table into compact raw records while the workbook streams by.
 * Only what needs no spec happens here (codes, logins, tokens, journal marks); checks against the
 * spec (maxima, totals, variants) run afterwards in validation/rows.ts.
 */
import type { Sex } from "../../../domain/results.ts"
import { CELL_EMPTY } from "../../../domain/results.ts"
import type { SchoolLogin } from "../../../domain/schools.ts"
import { looksLikePersonName, NameSampler } from "../../workbooks/person-names.ts"
import { problem, type Problem } from "../../workbooks/problem.ts"
import {
  JOURNAL_INVALID, looksLikeScore, readJournalMark, readScore, readSex, readVariant, SCORE_INVALID, SCORE_NEGATIVE,
  VARIANT_ABSENT, VARIANT_EMPTY, VARIANT_INVALID,
} from "../validation/tokens.ts"
import { cellText, integerOf, isFormulaWithoutValue } from "../../workbooks/cell-value.ts"
import type { ColumnMap, TableKind } from "./columns.ts"
import type { ReportMeta } from "./sheet-kinds.ts"
import { loginOf, splitPiped } from "./school-cells.ts"
import type { SchoolRef } from "./types.ts"

/** One participant table (a sheet) and what was learned about it. */
export interface SheetTable {
  sheet: string
  table: TableKind
  aggregated: boolean
  columns: ColumnMap
  report: ReportMeta | null
  /** After the spec check: for each spec task, the index of its cell in RawRow.cells; null when unmatched. */
  order: number[] | null
}

export interface RawRow {
  table: SheetTable
  row: number
  schoolKey: string
  code: string
  /** ≥ 0, or VARIANT_ABSENT / VARIANT_EMPTY / VARIANT_INVALID (validation/tokens.ts). */
  variant: number
  variantText: string
  /** One per task column of the table, in column order: points, CELL_* codes, SCORE_INVALID / SCORE_NEGATIVE. */
  cells: number[]
  /** Whether the file records a total for the row (a formula without a cached value records none). */
  hasTotal: boolean
  recordedTotal: number | null
  totalText: string
  /** 2–5, JOURNAL_NONE or JOURNAL_INVALID. */
  journal: number
  journalText: string
  sex: Sex | null
  classValue: unknown
  recordedMark: number | null
  /** Score-like cells spilled past the last task column (2021/2020 exports). */
  extraCells: number
  /** A row-level error was reported while reading. */
  invalid: boolean
}

export interface TokenIssue {
  row: RawRow
  task: number
  text: string
}

export interface ReadContext {
  rows: RawRow[]
  tokenIssues: TokenIssue[]
  problems: Problem[]
  schools: Map<string, SchoolRef>
  /** Login for rows that carry none (layout A, template rows left blank): from the options. */
  fallbackLogin: SchoolLogin | null
  /** Set when rows need a school the file does not name. */
  missingSchool: boolean
}

const NAME_SAMPLE_ROWS = 200

/** Which reading of a two-part variant wins: damaged > number > absent > empty. */
function variantRank(variant: number): number {
  if (variant === VARIANT_INVALID) return 3
  if (variant >= 0) return 2
  return variant === VARIANT_ABSENT ? 1 : 0
}

export class TableReader {
  private readonly taskColumns: number[]
  private readonly samplers = new Map<number, NameSampler>()
  private sampledRows = 0
  private codeNameRow: number | null = null
  private readonly reportLogin: SchoolLogin | null

  constructor(
    private readonly table: SheetTable,
    private readonly context: ReadContext,
  ) {
    this.taskColumns = table.columns.tasks.map((task) => task.column)
    this.reportLogin = table.report?.login ? loginOf(table.report.login) : null
  }

  read(values: readonly unknown[], rowNumber: number): void {
    const { fields, variants } = this.table.columns
    const codeText = cellText(values[fields.code!])
    // Layout E interleaves school headings (no digit in the code column) with participant rows.
    if (this.table.table === "individual-report" && !/\d/u.test(codeText)) return
    values.forEach((value, column) => {
      if (isFormulaWithoutValue(value)) this.context.problems.push(problem("warning", "formula-no-value", this.table.sheet, {}, { column, row: rowNumber }))
    })

    const cells = new Array<number>(this.taskColumns.length)
    let anyTask = false
    for (let i = 0; i < this.taskColumns.length; i++) {
      const score = readScore(values[this.taskColumns[i]!])
      cells[i] = score
      if (score !== CELL_EMPTY) anyTask = true
    }
    let variant = VARIANT_EMPTY
    let variantText = ""
    for (const column of variants) {
      const read = readVariant(values[column])
      // Two-part works are present when either part has a variant number (formats.md §4); a damaged
      // variant anywhere wins so that it is reported.
      if (variantRank(read) > variantRank(variant)) {
        variant = read
        variantText = cellText(values[column])
      }
    }
    if (codeText === "" && variant === VARIANT_EMPTY && !anyTask) return

    const record: RawRow = {
      table: this.table,
      row: rowNumber,
      schoolKey: "",
      code: codeText,
      variant,
      variantText: variant < 0 && variant !== VARIANT_ABSENT ? variantText : "",
      cells,
      hasTotal: false,
      recordedTotal: null,
      totalText: "",
      journal: 0,
      journalText: "",
      sex: readSex(values[fields.sex ?? 0]),
      classValue: values[fields.className ?? 0],
      recordedMark: fields.vprMark === undefined ? null : integerOf(values[fields.vprMark]),
      extraCells: 0,
      invalid: false,
    }
    this.readCode(record, values)
    this.readSchool(record, values)
    this.readTotal(record, values)
    // Layout E lists absent participants without a variant, scores or total [inferred: no real file in hand].
    if (this.table.table === "individual-report" && variant === VARIANT_EMPTY && !anyTask && record.recordedTotal === null && record.totalText === "") {
      record.variant = VARIANT_ABSENT
    }
    this.readJournal(record, values)
    this.readTokens(record, values)
    this.readSpill(record, values)
    if (this.sampledRows < NAME_SAMPLE_ROWS) this.sampleNames(values)
    this.context.rows.push(record)
  }

  private readCode(record: RawRow, values: readonly unknown[]): void {
    const column = this.table.columns.fields.code!
    const raw = values[column]
    if (typeof raw === "number" && Number.isInteger(raw) && raw >= 0) {
      record.code = String(raw)
      return
    }
    if (/^\d{1,12}$/u.test(record.code)) return
    record.invalid = true
    const at = { column, row: record.row }
    if (record.code === "") {
      this.context.problems.push(problem("error", "code-missing", this.table.sheet, {}, at))
    } else if (looksLikePersonName(record.code)) {
      // A person's name: never keep it, never echo it.
      record.code = ""
      this.codeNameRow ??= record.row
    } else {
      this.context.problems.push(problem("error", "code-invalid", this.table.sheet, { value: record.code }, at))
    }
  }

  private readSchool(record: RawRow, values: readonly unknown[]): void {
    const { fields } = this.table.columns
    const loginText = fields.login === undefined ? "" : cellText(values[fields.login])
    let login: SchoolLogin | null = null
    if (loginText !== "") {
      login = loginOf(loginText)
      if (!login) {
        record.invalid = true
        const at = { column: fields.login!, row: record.row }
        this.context.problems.push(problem("error", "school-login-invalid", this.table.sheet, { value: loginText }, at))
        return
      }
    } else {
      login = this.context.fallbackLogin ?? this.reportLogin
      if (!login) {
        // Layout A has no login column; our template lets a single school leave it blank: ask, do not fail.
        if (fields.login === undefined || this.table.table === "template") {
          this.context.missingSchool = true
        } else {
          record.invalid = true
          const at = { column: fields.login, row: record.row }
          this.context.problems.push(problem("error", "school-login-missing", this.table.sheet, {}, at))
        }
        return
      }
    }
    record.schoolKey = login.key
    if (!this.context.schools.has(login.key)) this.context.schools.set(login.key, this.schoolRef(login, values))
  }

  private schoolRef(login: SchoolLogin, values: readonly unknown[]): SchoolRef {
    const { fields } = this.table.columns
    const ref: SchoolRef = { key: login.key, login: login.login }
    const name = fields.schoolName === undefined ? "" : cellText(values[fields.schoolName])
    if (name !== "") ref.name = splitPiped(name).name
    else if (this.table.report?.schoolName) ref.name = this.table.report.schoolName
    const municipality = fields.municipality === undefined ? "" : cellText(values[fields.municipality])
    if (municipality !== "") {
      const { code, name: municipalityName } = splitPiped(municipality)
      ref.municipality = municipalityName
      if (code) ref.municipalityCode = code
    }
    if (fields.groups !== undefined) {
      // 2020 export: the municipality is a group tag `reg22_vpr_m004` (formats.md §4).
      const tag = /reg(\d+)_vpr_(m\d+)/u.exec(cellText(values[fields.groups]))
      if (tag) ref.municipalityCode = `reg${tag[1]}_${tag[2]}`
    }
    return ref
  }

  private readTotal(record: RawRow, values: readonly unknown[]): void {
    const column = this.table.columns.fields.total
    if (column === undefined) return
    const value = values[column]
    // `Итого баллов` can be a formula (formats.md §2.4); saved by a tool that does not calculate, it has no value.
    if (typeof value === "object" && value !== null && "formula" in value && (value as { result?: unknown }).result === undefined) return
    record.hasTotal = true
    record.recordedTotal = integerOf(value)
    if (record.recordedTotal === null) record.totalText = cellText(values[column])
  }

  private readJournal(record: RawRow, values: readonly unknown[]): void {
    const column = this.table.columns.fields.journal
    if (column === undefined) return
    record.journal = readJournalMark(values[column])
    if (record.journal <= 0) record.journalText = cellText(values[column])
    if (record.journal === JOURNAL_INVALID && record.journalText === "") record.journalText = "?"
  }

  private readTokens(record: RawRow, values: readonly unknown[]): void {
    const cells = record.cells
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!
      if (cell !== SCORE_INVALID && cell !== SCORE_NEGATIVE) continue
      record.invalid = true
      this.context.tokenIssues.push({ row: record, task: i, text: cellText(values[this.taskColumns[i]!]) })
    }
  }

  private readSpill(record: RawRow, values: readonly unknown[]): void {
    const textbook = this.table.columns.fields.textbook
    if (textbook === undefined) return
    let column = textbook
    while (column < values.length && looksLikeScore(values[column])) column++
    record.extraCells = column - textbook
  }

  private sampleNames(values: readonly unknown[]): void {
    this.sampledRows++
    const known = this.table.columns.known
    // C/D: everything after `Учебник` is textbook text or spilled scores, never names.
    const end = Math.min(values.length, this.table.columns.fields.textbook ?? values.length)
    for (let column = 1; column < end; column++) {
      if (known[column] || values[column] === null || values[column] === undefined) continue
      let sampler = this.samplers.get(column)
      if (!sampler) this.samplers.set(column, (sampler = new NameSampler()))
      sampler.add(cellText(values[column]))
    }
  }

  /** File-level findings once the sheet has been read: names instead of codes, names columns. */
  finish(): void {
    const { sheet, columns } = this.table
    const headerText = (column: number): string => columns.headers[column] ?? ""
    if (this.codeNameRow !== null) {
      const at = { column: columns.fields.code!, row: columns.headerRow }
      this.context.problems.push(problem("error", "names-instead-of-codes", sheet, { column: headerText(at.column) }, at))
    }
    const flagged = new Set<number>()
    for (const { column, header } of columns.nameColumns) {
      flagged.add(column)
      this.context.problems.push(problem("error", "names-column", sheet, { column: header }, { column, row: columns.headerRow }))
    }
    for (const [column, sampler] of this.samplers) {
      if (flagged.has(column) || !sampler.isNames) continue
      const header = headerText(column)
      this.context.problems.push(problem("error", "names-column", sheet, { column: header }, { column, row: columns.headerRow }))
    }
  }
}
