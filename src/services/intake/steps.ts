/**
 * The shapes the intake answers in, for whoever drives it (the bot's upload dialog, the command line). All but the
 * problems workbook are JSON-safe: a conversation keeps the session in its replay log between steps.
 */
import type { ProcedureKey, ProcedureSpec } from "../../domain/results.ts"
import type { OutsideReach } from "../exams-medalists-rechecks/import.ts"
import type { NotAllowed, RefusedWithProblems } from "../outcome.ts"
import type { MissingPart } from "../results/formats/types.ts"
import type { Problem, ProblemGroup } from "../workbooks/problem.ts"
import type { WorkbookKind } from "./classify.ts"
import type { SkippedSchool } from "../schools/directory.ts"
import type { SpecProposal, SpecReach } from "../specs/propose.ts"
import type { SpecChanges } from "../specs/rescore.ts"

/**
 * What the sender has said: the procedure and the school when the file does not say them, whether to leave out
 * rows with errors, whether the warnings are confirmed. Left undefined, the intake asks; given (the command line
 * gives them all from its flags), it does not.
 */
export interface IntakeChoices {
  procedure?: ProcedureKey
  schoolLogin?: string
  excludeInvalidRows?: boolean
  warningsConfirmed?: boolean
  /**
   * A file that holds schools outside the sender's scope: load only hers (`mine`), or — a municipal coordinator's
   * regional export — hers and the rest as the comparison group only (`with-reference`).
   */
  scope?: "mine" | "with-reference"
  /**
   * For a procedure we hold no spec for: `proposed` stores the spec proposed from the file, a spec stores that one
   * (a coordinator's correction; it must be of the file's procedure), `false` declines.
   */
  spec?: "proposed" | Omit<ProcedureSpec, "version"> | false
  /** A spec workbook that would change results already stored: save it all the same. */
  specChangesConfirmed?: boolean
}

/** An upload between two steps: its id (the bytes stay behind it), what was chosen, where the dialog stands. */
export interface IntakeSession {
  uploadId: number
  fileName: string
  choices: IntakeChoices
  /** The question this session waits for the answer to. */
  awaiting: IntakeQuestion["ask"] | null
  /** Rounds of questions about the procedure or the school so far (at most three). */
  rounds: number
  /** What the last read could not tell, and which of those were answered since. */
  missing: MissingPart[]
  answered: ("procedure" | "school")[]
  /** The last read found pupils' names: the bytes are dropped whenever the upload ends unstored. */
  personalData: boolean
  /** What the sender has been told already: the read's summary once, its errors and warnings once per read. */
  told: ("read" | "errors" | "warnings" | "spec")[]
  /** Keys of the sender's schools in the file, once the scope question was asked (read only those after `mine`). */
  mine?: string[]
}

export type IntakeQuestion =
  /** Which procedure: the likely ones first (specs whose task columns match), then any we know; `partial` is what the file says. */
  | { ask: "procedure"; candidates: ProcedureKey[]; partial: Partial<ProcedureKey>; known: ProcedureKey[] }
  /** The school's FIS OKO login, for a file that names none (a teacher of one school is not asked). */
  | { ask: "school" }
  /**
   * The file holds schools outside the sender's scope (asked right after the read, before any error list): load only
   * hers (`mine`: the first of them, `count` in all)? `reference`: the rest may be kept as the comparison group.
   */
  | { ask: "scope"; mine: { login: string; name: string | null }[]; count: number; others: number; reference: boolean; municipalities: string[] }
  /** Every error concerns single rows: load the file without them? */
  | { ask: "exclude-invalid-rows" }
  /** Load despite the warnings listed? */
  | { ask: "confirm-warnings" }
  /**
   * No spec for the file's procedure: store this one, proposed from the file (or a corrected one), then load?
   * `scope` is where it would apply (the coordinator's municipality, or null: the region); `storable` is false when a
   * proposed maximum cannot be stored as it is (only a corrected spec will do); `affected`: schools whose
   * results of this procedure are stored already (they keep the spec they were read with); `misfit`: why the spec given last
   * does not fit the file (another procedure, another number of columns).
   */
  | { ask: "confirm-spec"; proposal: SpecProposal; scope: string | null; storable: boolean; affected: SpecReach; changes: SpecChanges; misfit: Problem[] }
  /** A spec workbook sent: what it would change in the results already stored in the sender's scope — save it? */
  | { ask: "confirm-spec-changes"; changes: SpecChanges }

export type IntakeAnswer =
  | { spec: "proposed" | Omit<ProcedureSpec, "version"> | false }
  | { procedure: ProcedureKey }
  | { schoolLogin: string }
  | { excludeInvalidRows: boolean }
  | { warningsConfirmed: boolean }
  | { specChangesConfirmed: boolean }
  | { scope: "mine" | "with-reference" }

/** Errors first, then warnings; `shown` is the first of them (the full list goes back as a workbook). */
export interface ProblemDigest {
  errors: number
  warnings: number
  shown: Problem[]
  /** The first patterns of all the problems, each once with its count and example cells: what the chat lists. */
  groups: ProblemGroup[]
}

/** What to tell the sender before the question or the end, in order. */
export type IntakeNotice =
  | { notice: "read"; procedure: ProcedureKey; schools: number; present: number; absent: number }
  | { notice: "errors"; problems: ProblemDigest }
  | { notice: "warnings"; problems: ProblemDigest }
  /** A spec was stored for the file's procedure (proposed from it and confirmed, or corrected) before it was read again. */
  | { notice: "spec-saved"; spec: ProcedureSpec; municipality: string | null }
  /** The file with the problem cells highlighted: bytes, so a conversation sends it and never keeps it. */
  | { notice: "problems-workbook"; bytes: Buffer; fileName: string }

export type IntakeKind = WorkbookKind | "unknown"

export type StoredUpload =
  | {
      kind: "results"
      uploadId: number
      procedure: ProcedureKey
      schools: number
      /** Schools new to the directory, and schools whose earlier version this one replaced. */
      created: number
      replaced: number
      present: number
      absent: number
      /** Rows with errors the sender chose to leave out (not stored). */
      excluded: number
      /** Schools of other municipalities stored as the comparison group only, and those left as they were (their own results stand). */
      reference: number
      keptOwn: number
      /** Comparison-group rows left out for row errors (their municipality fixes them; not listed to the sender). */
      referenceLeftOut?: number
    }
  | { kind: "outside-data"; exams: number; medalists: number; rechecks: number; schools: number; affects: OutsideReach }
  | { kind: "context-form"; form: number | null; created: number; updated: number; skipped: SkippedSchool[] }
  | { kind: "spec"; spec: ProcedureSpec; municipality: string | null }

/**
 * Why nothing was stored, with the problems to show:
 * - `unreadable`: not a workbook we can take (refused by the guard, an unknown or empty layout, a file of another
 *   kind than the sender may send); `after-exclusion` tells a result file still in error once rows were left out;
 * - `errors`: the errors were listed already (a notice) and cannot be left out;
 * - `needs-spec`: no spec for the procedure; `still-unknown`: the procedure or school stayed unknown;
 * - `no-participants`: nothing left to store.
 */
export type IntakeRefusal = (NotAllowed & { kind: IntakeKind; /** Not one school of the file is the sender's (refused right after the read). */ noneOfSender?: boolean }) | ProblemsRefusal

export type ProblemsRefusal = RefusedWithProblems<Problem> & {
  kind: IntakeKind
  why: "unreadable" | "errors" | "needs-spec" | "still-unknown" | "no-participants"
  errors: number
  warnings: number
  /** The procedure as far as it is known (for `needs-spec`), and what stayed unknown (for `still-unknown`). */
  procedure: Partial<ProcedureKey>
  missing: MissingPart[]
  /** The file was read as results (participants and all): leaving out rows with errors is what remains to try. */
  parsed: boolean
  /** `problems` as patterns, each once with its count (what the chat and the command line list). */
  groups: ProblemGroup[]
}

/** `notices` are told before the step's own message (a question, what was stored, the refusal), `followUp` after it. */
export type IntakeStep = { notices: IntakeNotice[]; followUp: IntakeNotice[] } & (
  | { step: "question"; question: IntakeQuestion; session: IntakeSession; problems: ProblemDigest | null }
  | { step: "stored"; stored: StoredUpload }
  | { step: "refused"; refusal: IntakeRefusal }
  | { step: "cancelled"; declined: "exclude-invalid-rows" | "confirm-warnings" | "confirm-spec" | "confirm-spec-changes" | null }
)
