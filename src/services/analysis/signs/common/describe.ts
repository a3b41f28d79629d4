/**
 * One line per sign result with its figures, in the reader's language: the texts live in
 * locales/<lang>/signs.ftl, this module only picks the message and prepares its parameters.
 * Counts go to Fluent as numbers (its plural rules choose the word form); fractions go as strings
 * already written with the locale's decimal separator, so both languages show the same digits.
 */
import type { Translate } from "../../../../i18n.ts"
import type { Evidence, SignId, SignResult } from "./types.ts"

type Params = Record<string, string | number>

/** Number writers for one language. */
interface Figures {
  num(value: unknown, digits?: number): string
  signed(value: unknown, digits?: number): string
  /** A share (0–1) as a whole percentage: «34 %» / «34%». */
  percent(value: unknown): string
  /** A difference of shares in percentage points, whole. */
  points(value: unknown): string
  p(value: unknown): string
  /** A count for a plural selector; «—» when absent, which falls to the default form. */
  count(value: unknown): number | string
}

function figures(t: Translate): Figures {
  const separator = t("sign-decimal-separator")
  const finite = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value)
  const num = (value: unknown, digits = 1): string =>
    finite(value) ? value.toFixed(digits).replace(".", separator).replace("-", "−") : "—"
  return {
    num,
    signed: (value, digits = 2) => (finite(value) ? (value > 0 ? "+" : "") + num(value, digits) : "—"),
    percent: (value) => (finite(value) ? t("sign-percent", { value: num(value * 100, 0) }) : "—"),
    points: (value) => (finite(value) ? num(value * 100, 0) : "—"),
    p: (value) => (!finite(value) ? "p —" : value < 0.001 ? `p < ${num(0.001, 3)}` : `p = ${num(value, 3)}`),
    count: (value) => {
      const n = typeof value === "number" ? value : Number(value ?? Number.NaN)
      return Number.isFinite(n) ? n : "—"
    },
  }
}

const text = (value: unknown): string => (value === null || value === undefined ? "—" : String(value))

type ParamsOf = (e: Evidence, f: Figures) => Params

const none: ParamsOf = () => ({})

const meanParams: ParamsOf = (e, f) => ({
  mean: f.num(e.mean),
  low: f.num(e.low),
  high: f.num(e.high),
  groupMean: f.num(e.groupMean),
  groupLow: f.num(e.groupLow),
  groupHigh: f.num(e.groupHigh),
})

/** S4 reports either one mark's boundary («mark4At», …) or all boundaries jointly («jointAt», …). */
const peakParams: ParamsOf = (e, f) => {
  const mark = text(e.mark)
  const joint = mark === "all"
  return {
    mark,
    threshold: f.count(e.threshold),
    at: f.count(joint ? e.jointAt : e[`mark${mark}At`]),
    below: f.count(joint ? e.jointBelow : e[`mark${mark}Below`]),
    expected: f.percent(joint ? e.jointExpectedShare : e[`mark${mark}ExpectedShare`]),
    window: f.count(e.window ?? 1),
    p: f.p(e.p),
  }
}

/** S6 keeps each share rule's figures under «<rule>Share» and «<rule>GroupShare». */
const journalShare =
  (rule: string): ParamsOf =>
  (e, f) => ({ share: f.percent(e[`${rule}Share`]), groupShare: f.percent(e[`${rule}GroupShare`]) })

/** S6 (d): how far the school's journal residual is from where schools of its level sit, either way. */
const residualParams: ParamsOf = (e, f) => {
  const residual = e.journalResidual
  const expected = e.journalResidualExpected
  const difference = typeof residual === "number" && typeof expected === "number" ? Math.abs(residual - expected) : null
  return { difference: f.num(difference, 2), p: f.p(e.journalResidualP) }
}

const cohortParams: ParamsOf = (e, f) => ({ k: f.num(e.k, 2), fence: f.num(e.fence, 2) })

const recheckParams: ParamsOf = (e, f) => ({
  works: f.count(e.works),
  share: f.percent(e.downShare),
  raised: f.count(e.raised ?? 0),
  change: f.signed(e.meanChange, 1),
})

/** Every reason a sign fires with, and the figures its message (sign-fired-<reason>) shows. */
const FIRED: Record<string, ParamsOf> = {
  mean_above_group: meanParams,
  mean_below_group: meanParams,
  tasks_above_group: (e, f) => ({ above: f.count(e.tasksAbove), tasks: f.count(e.tasks), share: f.percent(e.share), labels: text(e.tasksAboveLabels) }),
  hard_tasks_above_easy: (e, f) => ({ tasks: text(e.focusTasks), delta: f.points(e.delta), p: f.p(e.p) }),
  hard_tasks_weaker_pupils: (e, f) => ({ tasks: text(e.focusTasks), contrast: f.points(e.contrast), p: f.p(e.contrastP) }),
  criteria_tasks_above_one_point: (e, f) => ({ delta: f.points(e.delta), p: f.p(e.p) }),
  peak_at_threshold: peakParams,
  many_fives: (e, f) => ({ share: f.percent(e.fiveShare), groupShare: f.percent(e.groupFiveShare) }),
  few_twos: (e, f) => ({ twos: f.count(e.twos), n: f.count(e.n), groupShare: f.percent(e.groupTwoShare), p: f.p(e.pFewTwos) }),
  negative_correlation: (e, f) => ({ rho: f.num(e.rho, 2), marks: f.count(e.journalMarks) }),
  two_mark_gaps: journalShare("two_mark_gaps"),
  marks_lowered: journalShare("marks_lowered"),
  marks_raised: journalShare("marks_raised"),
  journal_above_scores: residualParams,
  scores_above_journal: residualParams,
  fall_next_year: cohortParams,
  rise_from_last_year: cohortParams,
  exam_not_confirming: (e, f) => ({ vpr: f.num(e.vprPercentile, 0), exam: f.num(e.examPercentile, 0), label: text(e.label) }),
  medalists_not_confirmed: (e, f) => ({ below: f.count(e.belowCutoff), medalists: f.count(e.medalists), cutoff: f.count(e.cutoff), index: f.num(e.index, 2) }),
  marks_lowered_on_recheck: recheckParams,
  scores_lowered_on_recheck: recheckParams,
  identical_answers: (e, f) => ({ pairs: f.count(e.observedPairs), expected: f.num(e.expectedPairs, 1), p: f.p(e.p) }),
}

/** Every reason a sign abstains with (besides "no_data"), and the figures of sign-abstained-<reason>. */
const ABSTAINED: Record<string, ParamsOf> = {
  disabled: none,
  too_few_participants: (e, f) => ({ n: f.count(e.n), minimum: f.count(e.minimum) }),
  too_few_for_distribution: (e, f) => ({ n: f.count(e.n), minimum: f.count(e.minimum) }),
  too_few_journal_marks: (e, f) => ({ marks: f.count(e.journalMarks), minimum: f.count(e.minimum) }),
  too_few_medalists: (e, f) => ({ medalists: f.count(e.medalists), minimum: f.count(e.minimum) }),
  too_few_rechecked: (e, f) => ({ works: f.count(e.works), minimum: f.count(e.minimum) }),
  no_scale: none,
  no_reference: none,
  no_task_split: none,
  no_same_level_schools: none,
  too_few_pupils: none,
  lyceum_exempt: none,
  no_tasks: none,
  single_variant: none,
}

/** Signs that need extra data and say which (sign-no-data-<id>); others say plainly «no data». */
export const NO_DATA_SIGNS: readonly SignId[] = ["S6", "S7", "S8", "S9", "S10"]
export const FIRED_REASONS: readonly string[] = Object.keys(FIRED)
export const ABSTENTION_REASONS: readonly string[] = Object.keys(ABSTAINED)

/** Reason codes use underscores, locale keys hyphens. */
const keyOf = (prefix: string, reason: string): string => `${prefix}-${reason.replace(/_/g, "-")}`

function firedText(result: SignResult, t: Translate): string {
  const params = FIRED[result.reason]
  return params ? t(keyOf("sign-fired", result.reason), params(result.evidence, figures(t))) : result.reason
}

/** Why a sign was not assessed, in plain words without its code. */
export function abstentionText(result: SignResult, t: Translate): string {
  if (result.reason === "no_data") return t(NO_DATA_SIGNS.includes(result.id) ? `sign-no-data-${result.id}` : "sign-no-data")
  const params = ABSTAINED[result.reason]
  return params ? t(keyOf("sign-abstained", result.reason), params(result.evidence, figures(t))) : result.reason
}

/** One line: «S4 · Пики на границах отметок: …». An unknown reason code is shown as is rather than hidden. */
export function describe(result: SignResult, t: Translate): string {
  const line = { id: result.id, title: t(`sign-title-${result.id}`) }
  if (result.status === "fired") {
    return t(result.strength === "strong" ? "sign-line-fired-strong" : "sign-line-fired", { ...line, text: firedText(result, t) })
  }
  if (result.status === "abstained") return t("sign-line-abstained", { ...line, text: abstentionText(result, t) })
  return t("sign-line-not-fired", line)
}
