/** Hand-made schools for sign tests: a small spec, pupils from cell lists, contexts as the analysis builds them. */
import type { JournalMark, ParticipantResult, ProcedureSpec } from "../../../../../src/domain/results.ts"
import { markForScore } from "../../../../../src/domain/results.ts"
import { DEFAULT_SETTINGS, parseSettings, type AnalysisSettings, type DeepPartial } from "../../../../../src/services/analysis/settings.ts"
import { buildSignContexts } from "../../../../../src/services/analysis/signs/common/contexts.ts"
import { evaluateSign } from "../../../../../src/services/analysis/signs/index.ts"
import type { AnalysisExtras, SignContext, SignId, SignResult } from "../../../../../src/services/analysis/signs/common/types.ts"
import type { ProcedureResults, SchoolContext, SchoolResults } from "../../../../../src/services/analysis/types.ts"

/** Eight tasks, max 12: four one-point tasks, two two-point tasks, a hard two-point task (П) and a hard one-point (В). */
export const SPEC: ProcedureSpec = {
  kind: "ВПР",
  year: 2021,
  subject: "Математика",
  grade: 4,
  version: 1,
  tasks: [
    { label: "1", max: 1, level: "Б" },
    { label: "2", max: 1, level: "Б" },
    { label: "3", max: 1, level: "Б" },
    { label: "4", max: 1, level: "Б" },
    { label: "5", max: 2, level: "Б" },
    { label: "6", max: 2, level: "Б" },
    { label: "7", max: 2, level: "П" },
    { label: "8", max: 2, level: "В" },
  ],
  scale: { "3": 4, "4": 7, "5": 10 },
  maxTotal: 12,
  source: "test",
}

let codes = 0

export function pupil(
  schoolKey: string,
  cells: number[],
  options: { journal?: JournalMark | null; variant?: number; spec?: ProcedureSpec } = {},
): ParticipantResult {
  const spec = options.spec ?? SPEC
  const total = cells.reduce((s, c) => s + (c > 0 ? c : 0), 0)
  codes++
  return {
    schoolKey,
    code: String(codes),
    className: "а",
    variant: options.variant ?? (codes % 2) + 1,
    absent: false,
    cells,
    total,
    mark: spec.scale ? markForScore(total, spec.scale) : null,
    journalMark: options.journal === undefined ? null : options.journal,
    sex: null,
  }
}

export function absentPupil(schoolKey: string): ParticipantResult {
  codes++
  return { schoolKey, code: String(codes), className: null, variant: null, absent: true, cells: [], total: null, mark: null, journalMark: null, sex: null }
}

export function school(key: string, participants: ParticipantResult[], extra: { municipalityId?: string | null; context?: SchoolContext | null } = {}): SchoolResults {
  return { schoolKey: key, municipalityId: extra.municipalityId ?? null, context: extra.context ?? null, participants }
}

/** Cells with `total` points spread from the first task on (easy tasks first, as ability would). */
export function cellsWithTotal(total: number, spec: ProcedureSpec = SPEC): number[] {
  let left = total
  return spec.tasks.map((t) => {
    const points = Math.min(t.max, left)
    left -= points
    return points
  })
}

/** A school of `n` pupils whose totals cycle through `totals`. */
export function schoolOfTotals(key: string, n: number, totals: number[], journal?: (total: number, i: number) => JournalMark | null): SchoolResults {
  return school(
    key,
    Array.from({ length: n }, (_, i) => {
      const total = totals[i % totals.length] as number
      return pupil(key, cellsWithTotal(total), { journal: journal ? journal(total, i) : null })
    }),
  )
}

/** A plausible group: `count` schools of 30 pupils with totals 2…11 and journal marks mostly confirmed. */
export function ordinarySchools(count: number, prefix = "9"): SchoolResults[] {
  return Array.from({ length: count }, (_, s) =>
    schoolOfTotals(`${prefix}${String(s).padStart(5, "0")}`, 30, ORDINARY_TOTALS, (t, i) => noisyJournal(t, i)),
  )
}

export const ORDINARY_TOTALS = [2, 3, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11]

/** The honest mark, one higher for every fifth pupil and one lower for every seventh. */
export function noisyJournal(total: number, i: number): JournalMark {
  const mark = journalFor(total) + (i % 5 === 0 ? 1 : 0) - (i % 7 === 0 ? 1 : 0)
  return Math.min(5, Math.max(2, mark)) as JournalMark
}

/** The journal mark an honest teacher would give for a total on SPEC. */
export function journalFor(total: number): JournalMark {
  return markForScore(total, SPEC.scale as NonNullable<ProcedureSpec["scale"]>)
}

export function settingsWith(partial: DeepPartial<AnalysisSettings> = {}): AnalysisSettings {
  return parseSettings(partial, DEFAULT_SETTINGS)
}

export function contextOf(input: ProcedureResults, key: string, settings: AnalysisSettings = DEFAULT_SETTINGS, extras: AnalysisExtras = {}): SignContext {
  const ctx = buildSignContexts(input, settings, extras).contexts.find((c) => c.school.schoolKey === key)
  if (!ctx) throw new Error(`no school ${key}`)
  return ctx
}

export function signFor(id: SignId, input: ProcedureResults, key: string, settings?: AnalysisSettings, extras?: AnalysisExtras): SignResult {
  return evaluateSign(id, contextOf(input, key, settings, extras))
}
