/**
 * The view model of the reports: plain, JSON-safe data (no Date, no Map, no NaN — missing figures are `null`)
 * that the caller fills from the analysis. Rendering (charts.ts, xlsx.ts) reads only this, so the analysis can
 * change without touching the reports.
 *
 * Conventions:
 * - every `share` is a fraction 0…1, unrounded (Excel formats it as a percent; charts multiply by 100);
 * - counts are counts, and percents of marks, journal shifts and scores are derived from them here;
 * - free text (names, titles, sign explanations) arrives already translated; fixed words (headers,
 *   statuses, level names) come from `locales/<lang>/reports.ftl`.
 */
import type { TaskLevel } from "../../domain/results.ts"

export interface Interval {
  low: number
  high: number
}

export type MarkKey = "2" | "3" | "4" | "5"
export type ThresholdMark = 3 | 4 | 5
/** Participants with each ВПР mark. */
export type MarkCounts = Record<MarkKey, number>

/** Participants whose ВПР mark is below / equal to / above their journal mark (those without one left out). */
export interface JournalShifts {
  lowered: number
  confirmed: number
  raised: number
}

/** A task column, in spec order: canonical label (`1`, `5.1`, `1К1`), maximum and difficulty level. */
export interface TaskColumn {
  label: string
  max: number
  level: TaskLevel | null
}

/**
 * One group of participants, as a row of FIS OKO's tables: the reference group (region, municipality,
 * similar schools…), a school, or one of its classes. Optional parts simply leave their cells empty.
 */
export interface GroupStats {
  /** Shown as is: «Алтайский край», «edu223379 · МБОУ СОШ № 1», «4А». */
  name: string
  role: "reference" | "school" | "class"
  present: number
  absent?: number
  /** Mean primary score and its confidence interval (S1 compares these). */
  mean: number | null
  meanInterval?: Interval | null
  marks?: MarkCounts | null
  journal?: JournalShifts | null
  /** Participants by primary score: index = score 0…maxScore. */
  scoreCounts?: number[] | null
  /** Task completion (share of points), one entry per task column, null when not computable. */
  completion?: (number | null)[] | null
  /** Confidence intervals of `completion` (Wilson), same indexing. */
  completionIntervals?: (Interval | null)[] | null
}

export type SignStatus = "fired" | "not_fired" | "abstained"
export type SignStrength = "moderate" | "strong"
export type RiskLevel = "none" | "attention" | "risk"

/** One sign of biased results as shown to people. */
export interface SignRow {
  /** S1 … S12. */
  id: string
  /** «Завышенный средний балл». */
  title: string
  status: SignStatus
  strength?: SignStrength | null
  /** Why it fired / did not / abstained, in plain words. */
  reason: string
  /** The figures behind the verdict, in plain words. */
  evidence?: string
}

export interface RiskSummary {
  level: RiskLevel
  /** One line per fired sign, weightiest first. */
  reasons: string[]
}

export interface VariantRow {
  variant: number
  present: number
  mean: number | null
}

export interface SchoolReport {
  /** «ВПР 2021 · Русский язык · 4 класс». */
  procedureTitle: string
  /** FIS OKO login (`edu223379`) — the school's identity in every table. */
  schoolLogin: string
  schoolName?: string
  /** Name of the reference group for texts («все школы региона», «школы муниципалитета»). */
  groupName: string
  maxScore: number
  /** Minimum primary score of the marks «3», «4», «5»; null when the scale is unknown. */
  thresholds: { mark: ThresholdMark; score: number }[] | null
  tasks: TaskColumn[]
  /**
   * Rows in display order: reference groups first, then the school (exactly one row with role "school"),
   * then its classes. The first "reference" row is what the school is compared with (colours, charts).
   */
  groups: GroupStats[]
  variants?: VariantRow[]
  signs?: SignRow[]
  /** Only for municipal coordinators (objectivity.md «Cautions»): school-facing reports leave it out. */
  risk?: RiskSummary | null
}

export interface OverviewSchool {
  login: string
  name?: string
  present: number
  mean: number | null
  meanInterval?: Interval | null
  level: RiskLevel
  /** Orders schools within a level (analysis/risk.ts score); higher is weightier. */
  score?: number
  /** Ids of the fired signs, e.g. ["S4", "S1"]. */
  signsFired: string[]
  /** False when every sign abstained (too few participants): the school is listed but not assessed. */
  assessed?: boolean
  reasons: string[]
}

export interface MunicipalOverview {
  procedureTitle: string
  /** «город Барнаул». */
  scopeName: string
  /** Municipal objectivity index, 0…100 (share of schools without signs); null when there are no schools. */
  index: number | null
  /** The fewest assessed schools an index is given for (settings.minComparisonSchools); below it the index is withheld. */
  indexMinimum?: number
  /** Assessed schools with any sign, on the re-check list or not: what the index counts (risk.ts objectivityIndex). */
  schoolsWithSigns?: number
  /** Reference rows shown above the schools in every table (e.g. the region and the municipality). */
  references: GroupStats[]
  schools: OverviewSchool[]
}

// ——— Charts ———

export interface ChartSeries {
  name: string
  /** One share (0…1) per category; null leaves a gap. */
  shares: (number | null)[]
  /** Confidence intervals of the shares, drawn as whiskers (task chart, single bar series only). */
  intervals?: (Interval | null)[] | null
}

export interface ScoreDistributionChart {
  title: string
  subtitle?: string
  xLabel: string
  yLabel: string
  maxScore: number
  thresholds: { mark: ThresholdMark; score: number }[]
  /** Share of participants at each primary score 0…maxScore; the first series is drawn as bars, the rest as lines. */
  series: ChartSeries[]
}

export interface TaskCompletionChart {
  title: string
  subtitle?: string
  xLabel: string
  yLabel: string
  tasks: { label: string; level: TaskLevel | null }[]
  /** Bars per task; the first is the school. */
  series: ChartSeries[]
  /** The reference group: its completion as a dash over each bar, its interval (when known) as a band. */
  reference?: { name: string; shares: (number | null)[]; intervals?: (Interval | null)[] | null; bandName?: string }
  /** Explains the П/В marks under task labels. */
  levelNote?: string
}

export interface RiskOverviewChart {
  title: string
  subtitle?: string
  /** How many schools the bars are of (also in the subtitle), for the photo's caption; null when all are shown. */
  coverage?: string | null
  xLabel: string
  /** The group mean as a vertical line. */
  groupMean?: { name: string; value: number } | null
  /** Top to bottom. */
  schools: { name: string; mean: number; interval: Interval | null; level: RiskLevel }[]
  levelNames: Record<RiskLevel, string>
}
