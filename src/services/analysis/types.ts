import type { ParticipantResult, ProcedureSpec } from "../../domain/results.ts"

/** Context fields from the FIS OKO context-data form, used to build groups of similar schools. */
export interface SchoolContext {
  /** 1 = capital of the region … 4 = rural settlement (the form's question on location). */
  settlementType: number | null
  /** 1 = under 1 thousand … 8 = over 680 thousand people. */
  settlementSize: number | null
  isLyceumOrGymnasium: boolean | null
  isSpecial: boolean | null
}

/** One school's participants of one procedure (absent participants included, flagged). */
export interface SchoolResults {
  schoolKey: string
  municipalityId: string | null
  context: SchoolContext | null
  participants: ParticipantResult[]
}

/** Everything the analysis of one procedure needs: the spec and every school that wrote it. */
export interface ProcedureResults {
  spec: ProcedureSpec
  schools: SchoolResults[]
}
