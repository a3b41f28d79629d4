import type { ProcedureKey } from "../../domain/results.ts"
import type { MissingPart, ParsedResults, ParseStatus, ParseStats } from "./formats/types.ts"
import { isRowError, type Problem } from "./validation/problem.ts"

/** How many problems the chat shows; the full list goes back as an XLSX. */
export const PROBLEMS_SHOWN = 20

/** A JSON-safe digest of a parse: what the dialog needs between its steps (conversations replay it from storage). */
export interface ParseView {
  status: ParseStatus
  layout: string | null
  procedure: Partial<ProcedureKey>
  specVersion: number | null
  missing: MissingPart[]
  candidates: ProcedureKey[]
  stats: ParseStats
  schools: number
  errors: number
  warnings: number
  /** Every error concerns single rows: importing without those rows is possible. */
  onlyRowErrors: boolean
  excludedRows: number
  shown: Problem[]
  canImport: boolean
  /** The FIS OKO context-data form (a school directory, not results). */
  contextForm: boolean
  /** Our outside-data workbook (ОГЭ/ЕГЭ, medalists, re-checks; services/outside), not results. */
  outsideData: boolean
  /** The file carries pupils' names: it must not be kept once the dialog ends. */
  personalData: boolean
}

export function viewOf(parsed: ParsedResults): ParseView {
  const errors = parsed.problems.filter((found) => found.severity === "error")
  const warnings = parsed.problems.length - errors.length
  return {
    status: parsed.status,
    layout: parsed.layout,
    procedure: parsed.procedure,
    specVersion: parsed.spec?.version ?? null,
    missing: parsed.missing,
    candidates: parsed.candidates.map(({ kind, year, subject, grade }) => ({ kind, year, subject, grade })),
    stats: parsed.stats,
    schools: parsed.schools.length,
    errors: errors.length,
    warnings,
    onlyRowErrors: parsed.status === "parsed" && errors.length > 0 && errors.every((found) => isRowError(found.code)),
    excludedRows: parsed.excluded.length,
    // Errors first: they are what the sender must fix.
    shown: [...errors, ...parsed.problems.filter((found) => found.severity === "warning")].slice(0, PROBLEMS_SHOWN),
    canImport: parsed.canImport,
    personalData: hasPersonalData(parsed),
    contextForm: parsed.problems.some((found) => found.code === "layout-context-form"),
    outsideData: parsed.problems.some((found) => found.code === "layout-outside-data"),
  }
}

export function hasPersonalData(parsed: ParsedResults): boolean {
  return parsed.problems.some((found) => found.code === "names-column" || found.code === "names-instead-of-codes")
}
