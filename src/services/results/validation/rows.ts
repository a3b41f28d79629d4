/**
 * Checks that need the spec, row by row, and the participants they produce (formats.md §2.5, §3, §7).
 * Each reading is deliberate:
 * - a score above the task maximum is an ERROR, never clipped (the row is excluded on request);
 * - the recorded total is never trusted: the total is recomputed, a different recorded one is a WARNING
 *   (the 2022 forms have defective total formulas in whole schools);
 * - variant 0 (one row in each 2021 maths export, with an empty total but filled scores) is a WARNING:
 *   the scores are real, only the variant is unknown, so the participant stays present with variant null;
 * - variants 3–6 are a WARNING in grade-11 foreign languages (real), an ERROR elsewhere;
 * - `нет отметки` / an empty journal mark and an out-of-range one (`1`, `ж` in shifted 2021 rows) are
 *   WARNINGS: the mark only feeds the journal comparison, which then leaves the participant out;
 * - `не пройд.` is a WARNING once per school and task (in 2021 it marks whole schools: a topic not taught);
 * - Latin look-alike letters in class names are normalised with a WARNING once per school and spelling;
 * - scores spilled past the last task column (2021 rows longer than the header) are a WARNING: they are
 *   not counted, and the recorded total that includes them shows up as a total mismatch too.
 */
import type { Mark, ParticipantResult, ProcedureSpec } from "../../../domain/results.ts"
import { CELL_EMPTY, CELL_NO_ANSWER, CELL_NOT_TAUGHT, markForScore } from "../../../domain/results.ts"
import { isForeignLanguage } from "../../../domain/procedures/subjects.ts"
import { cellText } from "../../workbooks/cell-value.ts"
import type { RawRow, TokenIssue } from "../formats/row-reader.ts"
import { normaliseClassName } from "./class-name.ts"
import { problem, type Problem, type ProblemCode, type ProblemParams } from "../../workbooks/problem.ts"
import { JOURNAL_INVALID, JOURNAL_NONE, SCORE_NEGATIVE, VARIANT_ABSENT, VARIANT_EMPTY, VARIANT_INVALID } from "./tokens.ts"

export interface CheckedRow {
  row: RawRow
  result: ParticipantResult
}

export interface RowCheck {
  participants: CheckedRow[]
  problems: Problem[]
}

interface Aggregate {
  problem: Problem
  count: number
}

/** Row-by-row state; plain methods rather than per-row closures (26,000 rows per regional file). */
class RowChecker {
  readonly problems: Problem[] = []
  readonly participants: CheckedRow[] = []
  private readonly seen = new Map<string, RawRow>()
  private readonly notTaught = new Map<string, Aggregate>()
  private readonly latinClasses = new Map<string, Aggregate>()
  private readonly labels: string[]
  private readonly maxima: number[]
  private readonly languageVariants: boolean

  constructor(private readonly spec: ProcedureSpec) {
    this.labels = spec.tasks.map((task) => task.label)
    this.maxima = spec.tasks.map((task) => task.max)
    this.languageVariants = spec.grade === 11 && isForeignLanguage(spec.subject)
  }

  private warn(row: RawRow, code: ProblemCode, params: ProblemParams, column: number | undefined): void {
    this.problems.push(problem("warning", code, row.table.sheet, params, { column: column ?? 1, row: row.row }))
  }

  private fail(row: RawRow, code: ProblemCode, params: ProblemParams, column: number | undefined): void {
    row.invalid = true
    this.problems.push(problem("error", code, row.table.sheet, params, { column: column ?? 1, row: row.row }))
  }

  tokenIssue(issue: TokenIssue): void {
    const { row, task } = issue
    if (!row.table.order) return
    const column = row.table.columns.tasks[task]!.column
    const specIndex = row.table.order.indexOf(task)
    const code = row.cells[task] === SCORE_NEGATIVE ? "score-negative" : "score-invalid"
    const params = { value: issue.text, task: this.labels[specIndex] ?? row.table.columns.tasks[task]!.header }
    this.problems.push(problem("error", code, row.table.sheet, params, { column, row: row.row }))
  }

  check(row: RawRow): void {
    const order = row.table.order
    if (!order) return
    const { fields, variants, tasks } = row.table.columns
    this.checkDuplicate(row, fields.code)
    const className = normaliseClassName(row.classValue, this.spec.grade)
    if (className.latin) this.latinClass(row, className.name, fields.className)

    if (row.variant === VARIANT_ABSENT) {
      if (row.cells.some((cell) => cell >= 0 || cell === CELL_NO_ANSWER || cell === CELL_NOT_TAUGHT)) {
        this.fail(row, "absent-with-scores", {}, variants[0])
      }
      this.participants.push({ row, result: participant(row, className.name, null, true, [], null, null) })
      return
    }
    const variant = this.checkVariant(row, variants[0])

    // Columns already in spec order (the usual case): the row's own array becomes the participant's.
    const cells = this.inOrder(order) ? row.cells : new Array<number>(order.length)
    let total = 0
    for (let i = 0; i < order.length; i++) {
      const source = order[i]!
      let cell = row.cells[source]!
      if (cell >= 0) {
        if (cell > this.maxima[i]!) {
          this.fail(row, "score-above-max", { value: cell, task: this.labels[i]!, max: this.maxima[i]! }, tasks[source]!.column)
        }
        total += cell
      } else if (cell === CELL_NOT_TAUGHT) {
        this.taskNotTaught(row, i, tasks[source]!.column)
      } else if (cell < CELL_EMPTY) {
        cell = CELL_EMPTY // an invalid token, already reported
      }
      cells[i] = cell
    }

    if (row.hasTotal) {
      if (row.recordedTotal === null) {
        if (row.totalText === "") this.warn(row, "total-missing", { computed: total }, fields.total)
        else this.warn(row, "total-mismatch", { recorded: row.totalText, computed: total }, fields.total)
      } else if (row.recordedTotal !== total) {
        this.warn(row, "total-mismatch", { recorded: row.recordedTotal, computed: total }, fields.total)
      }
    }
    if (fields.journal !== undefined) {
      if (row.journal === JOURNAL_NONE) this.warn(row, "journal-mark-missing", { value: row.journalText }, fields.journal)
      else if (row.journal === JOURNAL_INVALID) this.warn(row, "journal-mark-invalid", { value: row.journalText }, fields.journal)
    }
    if (row.extraCells > 0) this.warn(row, "row-longer-than-header", { extra: row.extraCells }, fields.textbook)

    const mark = this.spec.scale ? markForScore(total, this.spec.scale) : null
    if (row.recordedMark !== null && mark !== null && row.recordedMark !== mark) {
      this.warn(row, "mark-mismatch", { recorded: row.recordedMark, computed: mark }, fields.vprMark)
    }
    this.participants.push({ row, result: participant(row, className.name, variant, false, cells, total, mark) })
  }

  private readonly identity = new Map<readonly number[], boolean>()

  private inOrder(order: readonly number[]): boolean {
    let known = this.identity.get(order)
    if (known === undefined) this.identity.set(order, (known = order.every((source, index) => source === index)))
    return known
  }

  private checkDuplicate(row: RawRow, codeColumn: number | undefined): void {
    if (row.code === "" || row.schoolKey === "") return
    const key = `${row.schoolKey}|${row.code}`
    const first = this.seen.get(key)
    if (!first) {
      this.seen.set(key, row)
      return
    }
    first.invalid = true
    this.fail(row, "code-duplicate", { code: row.code, firstRow: String(first.row) }, codeColumn)
  }

  private checkVariant(row: RawRow, column: number | undefined): number | null {
    const variant = row.variant
    if (variant === VARIANT_EMPTY) {
      this.fail(row, "variant-missing", {}, column)
      return null
    }
    if (variant === VARIANT_INVALID) {
      this.fail(row, "variant-unknown", { value: row.variantText }, column)
      return null
    }
    if (variant === 0) {
      this.warn(row, "variant-zero", {}, column)
      return null
    }
    if (variant > 2) {
      if (this.languageVariants && variant <= 6) this.warn(row, "variant-unusual", { value: variant }, column)
      else this.fail(row, "variant-unknown", { value: String(variant) }, column)
    }
    return variant
  }

  private latinClass(row: RawRow, normalised: string | null, column: number | undefined): void {
    const raw = cellText(row.classValue)
    const key = `${row.table.sheet}|${row.schoolKey}|${raw}`
    const known = this.latinClasses.get(key)
    if (known) {
      known.count++
      return
    }
    const params = { value: raw, normalised: normalised ?? "" }
    const found = problem("warning", "class-latin-letters", row.table.sheet, params, { column: column ?? 1, row: row.row })
    this.latinClasses.set(key, { problem: found, count: 1 })
  }

  private taskNotTaught(row: RawRow, task: number, column: number): void {
    const key = `${row.table.sheet}|${row.schoolKey}|${task}`
    const known = this.notTaught.get(key)
    if (known) {
      known.count++
      return
    }
    const params = { task: this.labels[task]!, school: row.schoolKey }
    this.notTaught.set(key, { problem: problem("warning", "not-taught", row.table.sheet, params, { column, row: row.row }), count: 1 })
  }

  /** The aggregated warnings, with their counts. */
  aggregates(): Problem[] {
    const found: Problem[] = []
    for (const { problem: first, count } of [...this.notTaught.values(), ...this.latinClasses.values()]) {
      first.params["count"] = count
      found.push(first)
    }
    return found
  }
}

function participant(
  row: RawRow, className: string | null, variant: number | null, absent: boolean, cells: number[], total: number | null, mark: Mark | null,
): ParticipantResult {
  return {
    schoolKey: row.schoolKey,
    code: row.code,
    className,
    variant,
    absent,
    cells,
    total,
    mark,
    journalMark: row.journal >= 2 ? (row.journal as Mark) : null,
    sex: row.sex,
  }
}

export function checkRows(rows: readonly RawRow[], tokenIssues: readonly TokenIssue[], spec: ProcedureSpec): RowCheck {
  const checker = new RowChecker(spec)
  for (const issue of tokenIssues) checker.tokenIssue(issue)
  for (const row of rows) checker.check(row)
  return { participants: checker.participants, problems: [...checker.problems, ...checker.aggregates()] }
}
