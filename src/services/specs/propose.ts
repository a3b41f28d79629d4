/**
 * A spec proposed from a result file when we hold none for its procedure (issue 17): the task list from the header,
 * each maximum from the header where it is written, else from the scores seen, and the mark scale from the marks the
 * file records. What the file cannot settle is marked doubtful, for the coordinator to confirm or fix.
 *
 * When FIOKO published the procedure's scale (2021, formats.md §8.1) that scale is taken instead of the marks', and
 * a sum of the proposed maxima other than the published maximum is marked: some task's maximum was not reached.
 *
 * Pure: the evidence is gathered by the result reader during its one pass (results/formats/basis.ts).
 */
import { publishedScale } from "../../domain/procedures/published-scales.ts"
import type { MarkScale, ProcedureKey, ProcedureSpec, TaskSpec } from "../../domain/results.ts"
import { MAX_TASK_POINTS, type SpecDraft } from "./workbook.ts"

/** What the file says about one task column. */
export interface TaskEvidence {
  /** The label the header gives, or the column's number for the exports that only number them («балл за 3»). */
  label: string
  /** The maximum the header writes («5.1 (2)»), null when it writes none. */
  headerMax: number | null
  /** The highest score a present participant has in the column; null when nobody scored it. */
  seenMax: number | null
  /** Present participants with a score (0 included) in the column, and how many of them have `seenMax`. */
  scored: number
  atSeenMax: number
}

/** The lowest and highest total among present participants with each mark the file records. */
export type MarkTotals = Partial<Record<"2" | "3" | "4" | "5", { min: number; max: number; count: number }>>

/** Everything a proposal is made of, gathered while the file is read. */
export interface SpecBasis {
  tasks: TaskEvidence[]
  /** The columns are numbered, not labelled (regional exports C, D): labels are positions. */
  positional: boolean
  present: number
  marks: MarkTotals
}

/** Why a proposed maximum needs a look before it is confirmed. */
export type TaskDoubt =
  /** Nobody scored the task: its maximum is unknown (1 is proposed). */
  | "no-scores"
  /** Few works scored it: the real maximum may not have been reached. */
  | "few-scores"
  /** The highest score appears in very few works: perhaps a typo. */
  | "rare-maximum"
  /** Scores above the maximum the header writes: the header's is proposed, those rows will be errors. */
  | "above-header"
  /** Above what one task may be worth (the spec workbook's limit). */
  | "too-large"

export interface ProposedTask {
  label: string
  max: number
  from: "header" | "scores"
  doubt: TaskDoubt | null
  /** The figures behind the doubt, for the message. */
  seenMax: number | null
  scored: number
  atSeenMax: number
}

/** JSON-safe: it travels in the intake's question and the bot's replay log. */
export interface SpecProposal {
  procedure: ProcedureKey
  tasks: ProposedTask[]
  maxTotal: number
  /** From the file's marks when they are consistent; null when it records none or they contradict each other. */
  scale: MarkScale | null
  scaleDoubt: "no-marks" | "inconsistent" | null
  /** Where the scale comes from: the published one, or the file's marks (null when there is none). */
  scaleFrom: "published" | "marks" | null
  /** The published maximum primary score, when a published scale was taken. */
  publishedMax: number | null
  positional: boolean
}

/** Schools with stored results of a procedure in the scope a spec would apply to (a few names, and how many). */
export interface SpecReach {
  schools: number
  names: string[]
}

/** Below this many scored works a maximum read from the scores is doubtful. */
export const FEW_SCORES = 30
/** A highest score held by fewer works than this (and than 0.5 % of the scored ones) may be a typo. */
const RARE_MAXIMUM = 3

export function proposeSpec(procedure: ProcedureKey, basis: SpecBasis): SpecProposal {
  const tasks = basis.tasks.map(proposeTask)
  const maxTotal = tasks.reduce((sum, task) => sum + task.max, 0)
  const published = publishedScale(procedure)
  if (published) {
    return { procedure, tasks, maxTotal, scale: published.scale, scaleDoubt: null, scaleFrom: "published", publishedMax: published.maxTotal, positional: basis.positional }
  }
  const scale = scaleFromMarks(basis.marks)
  return { procedure, tasks, maxTotal, scale: scale.scale, scaleDoubt: scale.doubt, scaleFrom: scale.scale ? "marks" : null, publishedMax: null, positional: basis.positional }
}

/** The published maximum when the proposed tasks add up to something else (a maximum not reached, or a task too many). */
export function publishedMaxDoubt(proposal: SpecProposal): number | null {
  const published = proposal.publishedMax ?? null
  return published !== null && published !== proposal.maxTotal ? published : null
}

function proposeTask(evidence: TaskEvidence): ProposedTask {
  const figures = { seenMax: evidence.seenMax, scored: evidence.scored, atSeenMax: evidence.atSeenMax }
  if (evidence.headerMax !== null) {
    const above = evidence.seenMax !== null && evidence.seenMax > evidence.headerMax
    return { label: evidence.label, max: evidence.headerMax, from: "header", doubt: above ? "above-header" : null, ...figures }
  }
  if (evidence.seenMax === null || evidence.seenMax === 0) return { label: evidence.label, max: 1, from: "scores", doubt: "no-scores", ...figures }
  const max = evidence.seenMax
  const doubt: TaskDoubt | null =
    max > MAX_TASK_POINTS ? "too-large"
    : evidence.scored < FEW_SCORES ? "few-scores"
    : evidence.atSeenMax < Math.max(RARE_MAXIMUM, evidence.scored * 0.005) ? "rare-maximum"
    : null
  return { label: evidence.label, max, from: "scores", doubt, ...figures }
}

/**
 * The scale from the (total, mark) pairs of the file: each mark's lowest total is where it starts, provided every
 * mark's totals lie above the previous mark's. A file without marks, or one whose marks overlap, gives none.
 */
export function scaleFromMarks(marks: MarkTotals): { scale: MarkScale | null; doubt: SpecProposal["scaleDoubt"] } {
  const three = marks["3"], four = marks["4"], five = marks["5"]
  if (!three || !four || !five) return { scale: null, doubt: "no-marks" }
  const ordered = [marks["2"], three, four, five].filter((m) => m !== undefined)
  for (let i = 1; i < ordered.length; i++) if (ordered[i]!.min <= ordered[i - 1]!.max) return { scale: null, doubt: "inconsistent" }
  return { scale: { "3": three.min, "4": four.min, "5": five.min }, doubt: null }
}

/** The proposal as a spec to store. */
export function specOfProposal(proposal: SpecProposal): Omit<ProcedureSpec, "version"> {
  const tasks: TaskSpec[] = proposal.tasks.map((task) => ({ label: task.label, max: task.max, level: null }))
  return { ...proposal.procedure, tasks, scale: proposal.scale, maxTotal: proposal.maxTotal, source: `proposed from a result file, confirmed by a coordinator${proposal.scaleFrom === "published" ? "; scale: published (formats.md §8.1)" : ""}` }
}

/** Whether the proposal can be stored as it is (a spec workbook would take it): every maximum within the limit. */
export function proposalStorable(proposal: SpecProposal): boolean {
  return proposal.tasks.every((task) => task.max >= 1 && task.max <= MAX_TASK_POINTS)
}

/** The proposal as a spec workbook to fix: the same form as /spec, the doubtful tasks noted beside them. */
export function draftOfProposal(proposal: SpecProposal, note: (task: ProposedTask) => string | null): SpecDraft {
  return {
    ...proposal.procedure,
    scale: proposal.scale,
    tasks: proposal.tasks.map((task) => ({ label: task.label, max: task.max, note: note(task) })),
  }
}
