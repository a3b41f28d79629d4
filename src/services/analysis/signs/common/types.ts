/**
 * What a sign receives and returns. A sign is a pure function of its context: the school's tallies, its
 * reference group (already selected, leave-one-out applied), the spec, the settings and optional extra data.
 */
import type { ProcedureSpec } from "../../../../domain/results.ts"
import type { AnalysisSettings, ReferenceGroupKind, SignId } from "../../settings.ts"
import type { SchoolTally, Tally } from "./school-tallies.ts"
import type { ShapeOutcome } from "../S3-S12-shape/statistic.ts"
import type { CohortJumps } from "../S7-cohort-jump.ts"
import type { PatternBaseline } from "../S11-identical-answers.ts"
import type { JournalResidualBaseline } from "../S6-journal/residual.ts"

export type { SignId } from "../../settings.ts"

/** Level signs say only that results are high; pattern signs describe a shape honest schools rarely produce. */
export type SignKind = "level" | "pattern" | "info"
export type SignStatus = "fired" | "not_fired" | "abstained"
export type SignStrength = "moderate" | "strong"
export type Evidence = Record<string, number | string | null>

export interface SignResult {
  id: SignId
  kind: SignKind
  status: SignStatus
  /** Only when fired. */
  strength?: SignStrength
  /** A stable code: why it fired, did not fire, or abstained ("no_data", "too_few_participants", …). */
  reason: string
  /** The figures behind the verdict. */
  evidence: Evidence
}

export const SIGN_KINDS: Record<SignId, SignKind> = {
  S1: "level",
  "S1-": "info",
  S2: "level",
  S3: "pattern",
  S4: "pattern",
  S5: "level",
  S6: "pattern",
  S7: "pattern",
  S8: "pattern",
  S9: "pattern",
  S10: "pattern",
  S11: "pattern",
  S12: "pattern",
}

// ——— Optional extra data (a sign without its data abstains with reason "no_data") ———

/** S7: the school's cohort comparison, from `cohortJumps` (see S7-cohort-jump.ts). */
export interface CohortEvidence {
  /** Whether the analysed procedure is the earlier (grade N, year Y) or the later one of the pair. */
  role: "earlier" | "later"
  k: number
  pEarlier: number
  pLater: number
  q25: number
  q75: number
  iqr: number
  flag: "fall" | "rise" | null
  /** Beyond the strong fence (settings.S7.strongIqrMultiplier). */
  strong: boolean
  schools: number
}

/** S8: mean results of ОГЭ/ЕГЭ in the same subject, by school key. */
export interface ExamResults {
  kind: "ОГЭ" | "ЕГЭ"
  year: number
  subject: string
  /** Mean score (any scale: only ranks are used) by school key. */
  meanBySchool: Record<string, number>
}

/** S9: one medalist's ЕГЭ test scores (null when the exam was not written). */
export interface MedalistScores {
  russian: number | null
  mathematics: number | null
}

/** S10: one re-checked work: the primary score before and after the re-check. */
export interface RecheckedWork {
  originalScore: number
  recheckedScore: number
}

/** Extra data for the whole procedure, keyed by school key where per school. */
export interface AnalysisExtras {
  /** S7: results of `cohortJumps` with the role of the analysed procedure in each pair. */
  cohorts?: { role: "earlier" | "later"; jumps: CohortJumps }[]
  exams?: ExamResults
  medalists?: Record<string, MedalistScores[]>
  rechecks?: Record<string, RecheckedWork[]>
}

/** The extra data of one school. `undefined` = no data given for this school. */
export interface SchoolExtras {
  cohort?: CohortEvidence[]
  /** S8: the school's percentiles (0–100) among the reference schools that have both figures. */
  exam?: { vprPercentile: number; examPercentile: number; schools: number; label: string }
  medalists?: MedalistScores[]
  rechecks?: RecheckedWork[]
}

export interface GroupView {
  /** The kind actually used (a too-small municipality or context group falls back to "all"). */
  kind: ReferenceGroupKind
  requestedKind: ReferenceGroupKind
  label: string
  /** Schools in the reference group, the school itself excluded. */
  otherSchools: number
  /** The group as it is (the school included when it is a member): S1 compares means with it. */
  whole: Tally
  /** The group for task-, distribution- and share-based signs (leave-one-out when set). */
  reference: Tally
}

export interface SignContext {
  spec: ProcedureSpec
  settings: AnalysisSettings
  school: SchoolTally
  group: GroupView
  /** S3 (hard vs easy tasks) and S12 (criteria vs one-point tasks) statistics, precomputed for the procedure. */
  shape: { hardEasy: ShapeOutcome; openClosed: ShapeOutcome }
  /** S6: honest school-to-school SD of the journal shares (S6-journal/share-spread.ts), estimated over the upload. */
  journalSpread: { down: number; up: number; gaps: number }
  /** S6 (d): each school's journal residual and its honest centre and spread (null: the rule is off). */
  journalResidual: JournalResidualBaseline | null
  /** S11: the compared tasks and the upload's same/cross-variant ratio (null: S11 disabled). */
  patterns: PatternBaseline | null
  extras: SchoolExtras
}

export type Sign = (ctx: SignContext) => SignResult
