/**
 * One step of the intake on one upload (flow.ts drives the steps, decide.ts decides them): what the step carries, and
 * the ways a step ends — a question, stored, refused, cancelled.
 */
import type { Translate } from "../../i18n.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { refused } from "../outcome.ts"
import type { ParsedResults } from "../results/formats/types.ts"
import { closeUpload, type ReceivedFile } from "../uploads/uploads.ts"
import type { Problem } from "../workbooks/problem.ts"
import { keptCovers, type KeptSheets } from "../workbooks/kept-rows.ts"
import { buildProblemReport, problemSheets } from "../workbooks/problems-xlsx.ts"
import { digestProblems } from "./kinds/results.ts"
import type { WorkbookRead } from "./read.ts"
import type { IntakeChoices, IntakeKind, IntakeNotice, IntakeQuestion, IntakeRefusal, IntakeSession, IntakeStep, ProblemsRefusal, StoredUpload } from "./steps.ts"

/** How many problems a step lists by default; the full list goes back as a workbook. */
export const PROBLEMS_SHOWN = 20

export interface StepOptions {
  /** The sender's language for the problems workbook; without it no workbook is built (the command line). */
  translate?: Translate
  /** How many problems a step lists (default 20). */
  show?: number
  /** Hears the place in line while other files are being read (at most MAX_PARALLEL_PARSES at once). */
  onQueued?: (place: number) => void
}

export interface ReceiveOptions extends StepOptions {
  /** Answers known before any question (the command line's flags). */
  given?: IntakeChoices
  onProgress?: (rowsDone: number) => void
}

/** One step's work on one upload: its bytes loaded at most once, what was told so far. */
export interface Step {
  deps: ServiceDeps
  actor: Actor
  session: IntakeSession
  options: StepOptions
  notices: IntakeNotice[]
  file(): Promise<ReceivedFile>
  /** Reads the upload with the session's choices (the last read is remembered between steps). */
  read(onProgress?: (rowsDone: number) => void): Promise<WorkbookRead>
  /** The rows the remembered read kept (kept-rows.ts), null when there are none. */
  keptRows(): KeptSheets | null
  /** Drops the remembered read: the upload is closed, or the next read must see a new spec. */
  forget(): void
}

export function question(step: Step, asked: IntakeQuestion, problems: Problem[] = []): IntakeStep {
  step.session.awaiting = asked.ask
  const digest = problems.length > 0 ? digestProblems(problems, step.options.show ?? PROBLEMS_SHOWN) : null
  return { step: "question", question: asked, session: step.session, problems: digest, notices: step.notices, followUp: [] }
}

export function stored(step: Step, upload: StoredUpload): IntakeStep {
  step.forget()
  return { step: "stored", stored: upload, notices: step.notices, followUp: [] }
}

export async function refuse(step: Step, refusal: IntakeRefusal, record: { reason: string } | null, followUp: IntakeNotice[] = []): Promise<IntakeStep> {
  if (record) await closeUpload(step.deps, step.actor, step.session.uploadId, "rejected", record.reason, { personalData: step.session.personalData })
  step.forget()
  return { step: "refused", refusal, notices: step.notices, followUp }
}

export async function cancelled(step: Step, declined: "exclude-invalid-rows" | "confirm-warnings" | "confirm-spec" | "confirm-spec-changes" | null, reason = "by sender"): Promise<IntakeStep> {
  await closeUpload(step.deps, step.actor, step.session.uploadId, "cancelled", reason, { personalData: step.session.personalData })
  step.forget()
  return { step: "cancelled", declined, notices: step.notices, followUp: [] }
}

export function problemsRefusal(
  step: Step,
  kind: IntakeKind,
  why: "unreadable" | "errors" | "needs-spec" | "still-unknown" | "no-participants",
  problems: Problem[],
  parsed: ParsedResults | null = null,
): ProblemsRefusal {
  const digest = digestProblems(problems, step.options.show ?? PROBLEMS_SHOWN)
  return {
    ...refused(digest.shown),
    kind,
    why,
    errors: digest.errors,
    warnings: digest.warnings,
    procedure: parsed?.procedure ?? {},
    missing: parsed?.missing ?? [],
    parsed: parsed?.status === "parsed",
    groups: digest.groups,
  }
}

/** The problems as a workbook beside the file's own cells, in the sender's language (none for the command line). */
export async function problemsWorkbook(step: Step, problems: readonly Problem[]): Promise<IntakeNotice[]> {
  if (!step.options.translate) return []
  // The rows the read kept spare reading the whole file again; a file too large to keep is read again.
  const kept = step.keptRows()
  const original = keptCovers(kept, problemSheets(problems)) ? kept : (await step.file()).bytes
  return [{ notice: "problems-workbook", bytes: await buildProblemReport(original, problems, step.options.translate), fileName: step.session.fileName }]
}
