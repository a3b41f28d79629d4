/**
 * Everything the signs need for one procedure, built once: each school tallied, each distinct reference group
 * pooled, the procedure-level statistics (S3/S12 shapes and their honest spread, S6 journal spreads, the S11
 * baseline) and each school's extra data. Linear in pupils × tasks; no school × school loops.
 */
import type { ProcedureResults } from "../../types.ts"
import { groupView, selectReferenceGroups, type ReferenceGroup } from "../../groups.ts"
import type { AnalysisSettings } from "../../settings.ts"
import { cohortEvidence } from "../S7-cohort-jump.ts"
import { examPercentiles } from "../S8-exam-mismatch.ts"
import { buildPatternBaseline } from "../S11-identical-answers.ts"
import { ScoreTable } from "../S3-S12-shape/score-table.ts"
import {
  betweenSchoolSd,
  contrastCalibration,
  finishShape,
  hardEasySplit,
  LevelIndex,
  openClosedSplit,
  rawShape,
  type ContrastCalibration,
  type Expectation,
  type RawShape,
  type ShapeOutcome,
  type TaskSplit,
} from "../S3-S12-shape/statistic.ts"
import { buildJournalResidual } from "../S6-journal/residual.ts"
import { shareSpread } from "../S6-journal/share-spread.ts"
import { poolTallies, tallySchool, type SchoolTally } from "./school-tallies.ts"
import type { AnalysisExtras, CohortEvidence, SchoolExtras, SignContext } from "./types.ts"

type ShapePair = { hardEasy: ShapeOutcome; openClosed: ShapeOutcome }

/**
 * S3/S12 statistics for every assessable school. τ (honest between-school spread of Δ) is estimated over the
 * whole procedure, so it does not depend on how small a school's own group is.
 */
function shapeStatistics(
  tallies: readonly SchoolTally[],
  groups: Map<string, ReferenceGroup>,
  input: ProcedureResults,
  settings: AnalysisSettings,
): Map<string, ShapePair> {
  const spec = input.spec
  // Expected completion by pupil score describes the test, so one table of the whole upload serves every group.
  const table = settings.sameLevel.basis === "pupil_score" ? new ScoreTable(tallies, spec, settings.sameLevel.minPupils) : null
  const perGroup = new Map<ReferenceGroup, { index: LevelIndex | null; hardEasy: TaskSplit | null }>()
  const entryFor = (g: ReferenceGroup): { index: LevelIndex | null; hardEasy: TaskSplit | null } => {
    let entry = perGroup.get(g)
    if (!entry) {
      entry = { index: table ? null : new LevelIndex(g.members, spec), hardEasy: hardEasySplit(spec, g.total, settings.S3.hardShare) }
      perGroup.set(g, entry)
    }
    return entry
  }
  const expectationFor = (index: LevelIndex | null): Expectation =>
    table ? { basis: "pupil_score", table } : { basis: "school_completion", index: index as LevelIndex }
  const openClosed = openClosedSplit(spec)
  const raws = new Map<string, { hardEasy: RawShape | null; openClosed: RawShape | null; he: TaskSplit | null }>()
  for (const t of tallies) {
    const group = groups.get(t.schoolKey)
    if (!group || t.n < settings.minParticipants) continue
    const { index, hardEasy } = entryFor(group)
    raws.set(t.schoolKey, {
      he: hardEasy,
      hardEasy: hardEasy ? rawShape(t, hardEasy, expectationFor(index), spec, settings) : null,
      openClosed: openClosed ? rawShape(t, openClosed, expectationFor(index), spec, settings) : null,
    })
  }
  const values = [...raws.values()]
  const minPupils = settings.minParticipantsForDistribution
  const tauHard = betweenSchoolSd(values.flatMap((r) => (r.hardEasy ? [r.hardEasy] : [])), minPupils)
  const tauOpen = betweenSchoolSd(values.flatMap((r) => (r.openClosed ? [r.openClosed] : [])), minPupils)
  const scaleHard = contrastCalibration(values.flatMap((r) => (r.hardEasy ? [r.hardEasy] : [])), minPupils)
  const scaleOpen = contrastCalibration(values.flatMap((r) => (r.openClosed ? [r.openClosed] : [])), minPupils)
  const outcome = (raw: RawShape | null, split: TaskSplit | null, tau: number, scale: ContrastCalibration): ShapeOutcome =>
    !split ? { abstain: "no_task_split" } : raw ? finishShape(raw, tau, scale, split) : { abstain: "too_few_pupils" }
  const out = new Map<string, ShapePair>()
  for (const [key, r] of raws) {
    out.set(key, {
      hardEasy: outcome(r.hardEasy, r.he, tauHard, scaleHard),
      openClosed: outcome(r.openClosed, openClosed, tauOpen, scaleOpen),
    })
  }
  return out
}

function schoolExtras(
  t: SchoolTally,
  group: ReferenceGroup,
  extras: AnalysisExtras,
  examCache: Map<ReferenceGroup, ReturnType<typeof examPercentiles>>,
): SchoolExtras {
  const out: SchoolExtras = {}
  if (extras.cohorts) {
    out.cohort = extras.cohorts.flatMap((c) => {
      const e = cohortEvidence(c.jumps, c.role, t.schoolKey)
      return e ? [e] : ([] as CohortEvidence[])
    })
  }
  if (extras.exams) {
    let percentiles = examCache.get(group)
    if (!percentiles) {
      percentiles = examPercentiles(group.members, extras.exams)
      examCache.set(group, percentiles)
    }
    const mine = percentiles.get(t.schoolKey)
    if (mine) out.exam = mine
  }
  if (extras.medalists?.[t.schoolKey]) out.medalists = extras.medalists[t.schoolKey]
  if (extras.rechecks?.[t.schoolKey]) out.rechecks = extras.rechecks[t.schoolKey]
  return out
}

export interface ProcedureContexts {
  tallies: SchoolTally[]
  /** One context per school, in input order. */
  contexts: SignContext[]
}

export function buildSignContexts(input: ProcedureResults, settings: AnalysisSettings, extras: AnalysisExtras = {}): ProcedureContexts {
  const spec = input.spec
  const tallies = input.schools.map((s) => tallySchool(s, spec))
  const groups = selectReferenceGroups(tallies, spec, settings)
  const shapes = shapeStatistics(tallies, groups, input, settings)
  const examCache = new Map<ReferenceGroup, ReturnType<typeof examPercentiles>>()
  const patterns = settings.enabledSigns.includes("S11") ? buildPatternBaseline(spec, tallies, poolTallies(spec, tallies), settings) : null
  const spreadOf = (count: (t: SchoolTally) => number): number =>
    shareSpread(tallies.map((t) => ({ count: count(t), n: t.journal.compared })), settings.minParticipantsForDistribution)
  const journalSpread = { down: spreadOf((t) => t.journal.down), up: spreadOf((t) => t.journal.up), gaps: spreadOf((t) => t.journal.gaps) }
  const journalResidual =
    settings.enabledSigns.includes("S6") && settings.S6.rules.residual
      ? buildJournalResidual(tallies, spec, settings.minParticipantsForDistribution)
      : null
  const noShape: ShapePair = { hardEasy: { abstain: "too_few_pupils" }, openClosed: { abstain: "too_few_pupils" } }
  const contexts = tallies.map((t): SignContext => {
    const group = groups.get(t.schoolKey) as ReferenceGroup
    return {
      spec,
      settings,
      school: t,
      group: groupView(group, t, settings),
      shape: shapes.get(t.schoolKey) ?? noShape,
      patterns,
      journalSpread,
      journalResidual,
      extras: schoolExtras(t, group, extras, examCache),
    }
  })
  return { tallies, contexts }
}
