/** The public shapes of result parsing: options in, ParsedResults out. */
import type { ParticipantResult, ProcedureKey, ProcedureSpec } from "../../../domain/results.ts"
import type { TaskHeader } from "../../../domain/task-header.ts"
import type { SpecBasis } from "../../specs/propose.ts"
import type { WorkbookLimits } from "../../workbooks/guard.ts"
import type { Problem } from "../../workbooks/problem.ts"

/**
 * A: school collection form «Протокол»/«Классы»; B: the same aggregated by FIS OKO (six more columns);
 * C: 2021 regional export; D: autumn-2020 export; E: «Индивидуальные результаты» report; T: our template.
 */
export type Layout = "A" | "B" | "C" | "D" | "E" | "T"

/**
 * - `parsed`: participants read and checked against the spec; `canImport` says whether errors block it.
 * - `needs-input`: the file is a result file but `missing` parts (year, subject, grade, school) are unknown:
 *   ask the user, then call again with `procedure` / `schoolLogin`.
 * - `needs-spec`: the procedure is known but no spec exists: a coordinator must send one (specs/workbook.ts).
 * - `not-results`: a context-data form, an empty collection form, or an unknown layout (see `problems`).
 * - `refused`: the workbook guard refused the file before parsing (see `problems`).
 */
export type ParseStatus = "parsed" | "needs-input" | "needs-spec" | "not-results" | "refused"

export type MissingPart = "year" | "subject" | "grade" | "school"

export interface SchoolRef {
  /** Six digits of the login. */
  key: string
  login: string
  name?: string
  municipality?: string
  /** FIS OKO municipality code (`reg22_m019`) when the file gives one. */
  municipalityCode?: string
}

export interface ParseStats {
  /** Participant rows read (absent included). */
  rows: number
  present: number
  absent: number
  schools: number
  schoolsWithPresent: number
}

export interface ExcludedRow {
  sheet: string
  row: number
  schoolKey: string
  code: string
}

export interface ParsedResults {
  status: ParseStatus
  layout: Layout | null
  /** What is known of the procedure: from the options, the file itself (layouts E, T), its headers and its name. */
  procedure: Partial<ProcedureKey>
  missing: MissingPart[]
  /** Specs whose task columns equal the file's (layouts A, B, E, T): choices to offer when asking. */
  candidates: ProcedureSpec[]
  /** Task columns as found in the file (empty for the positional layouts C and D). */
  headerTasks: TaskHeader[]
  spec: ProcedureSpec | null
  schools: SchoolRef[]
  /** Every participant read (absent ones with absent=true), minus the excluded rows. Empty unless `parsed`. */
  participants: ParticipantResult[]
  /** Rows left out because of row errors (only with `allowInvalidRows: "exclude"`). */
  excluded: ExcludedRow[]
  problems: Problem[]
  stats: ParseStats
  /** `parsed` and no error left. */
  canImport: boolean
  /** With `ownSchools`: comparison-group rows left out for row errors, and the problems not listed. */
  referenceLeftOut?: { rows: number; problems: number }
  /** For `needs-spec`: the file's task columns and scores, to propose a spec from (null: no task columns). */
  basis?: SpecBasis | null
  /** The outcome was decided from the header (`headerFirst`): only a sample of the rows was read, no row was checked. */
  decidedFromHeader?: true
}

export interface ParseOptions {
  /** File name or path as uploaded: `2022/6/Русскому языку.xlsx` tells year, grade and subject. */
  fileName?: string
  /** The procedure confirmed by the user: beats the file name; must agree with what the file says. */
  procedure?: ProcedureKey
  /** Specs to use (shipped plus coordinators' ones); defaults to the shipped catalogue. */
  specs?: readonly ProcedureSpec[]
  /** Login of the school for files that carry none (layout A, template rows left blank). */
  schoolLogin?: string
  /**
   * `reject` (default): row errors (a score above the maximum, a duplicate code …) block the import.
   * `exclude`: those rows are left out, listed in `excluded`, and their problems become warnings.
   */
  allowInvalidRows?: "reject" | "exclude"
  /**
   * Keys of the only schools to read (the sender chose to load only hers): the other schools' rows, and the
   * problems found in them, are left out as if they were not in the file.
   */
  onlySchools?: readonly string[]
  /**
   * Keys of the sender's own schools when the rest is kept as the comparison group only: the others' problems are not
   * hers to fix — their rows with row errors are left out, their problems not listed (counted in `referenceLeftOut`).
   */
  ownSchools?: readonly string[]
  /**
   * Decide from the first participant table's header, before its body, that the file cannot be read on (header-first.ts):
   * `procedure` when its procedure cannot be told; `procedure-and-spec` also when we hold no spec for it (a sender who
   * cannot be proposed one). The result then comes after a sample of rows, with `decidedFromHeader` set.
   */
  headerFirst?: "procedure" | "procedure-and-spec"
  onProgress?: (rowsDone: number) => void
  limits?: Partial<WorkbookLimits>
}
