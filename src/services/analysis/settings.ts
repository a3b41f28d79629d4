/**
 * Every threshold of objectivity.md as one validated, JSON-serialisable settings object. A coordinator's
 * changes are a partial object merged over the defaults; `FIOKO_2019` reproduces the federal method.
 */
import { z } from "zod"

export const SIGN_IDS = ["S1", "S1-", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12"] as const
export type SignId = (typeof SIGN_IDS)[number]

export const REFERENCE_GROUP_KINDS = ["all", "municipality", "context", "control"] as const
export type ReferenceGroupKind = (typeof REFERENCE_GROUP_KINDS)[number]

const probability = z.number().gt(0).lt(1)
const share = z.number().min(0).max(1)
const count = z.number().int().min(0)
const percentile = z.number().min(0).max(100)

/** One-sided tests: α for "moderate", the smaller α for "strong". */
const alphaShape = { alpha: probability, strongAlpha: probability }
function strongAlphaNotAbove(value: { alpha: number; strongAlpha: number }, ctx: z.RefinementCtx): void {
  if (value.strongAlpha > value.alpha) ctx.addIssue({ code: "custom", message: "strongAlpha must not exceed alpha", path: ["strongAlpha"] })
}

/** S3 and S12: the shape statistic Δ against schools of the same overall level. */
const shapeShape = { ...alphaShape, minDelta: z.number().min(0).max(1) }

// strictObject everywhere: a misspelt key is an error, not a silently ignored setting.
export const settingsSchema = z.strictObject({
  /** Two-sided confidence of every interval. */
  confidence: probability,
  /** "t": Student t with n − 1 d.f. (default); "z": 1.96 for 95 %, as FIOKO 2019 rule (a). */
  ci: z.enum(["t", "z"]),
  minParticipants: count.min(1),
  /** Score distributions (S4) need this many participants. */
  minParticipantsForDistribution: count.min(1),
  /** Shares compared with the group (journal-mark shifts) need this many pupils behind them. */
  minSubgroup: count.min(1),
  referenceGroup: z.strictObject({
    kind: z.enum(REFERENCE_GROUP_KINDS),
    /** Schools of the control sample (kind "control"), by school key. */
    controlSchoolKeys: z.array(z.string()),
    /** A municipality/context group with fewer schools falls back to the whole upload (said in the evidence). */
    minSchools: count.min(1),
  }),
  /** Task-, distribution- and share-based signs compare a school with its group without that school. */
  leaveOneOut: z.boolean(),
  enabledSigns: z.array(z.enum(SIGN_IDS)),
  /**
   * "The same overall level" for S3/S12: "pupil_score" compares each pupil with pupils of the same primary score
   * in other schools (at least minPupils, borrowing neighbouring scores); "school_completion" compares the school
   * with schools whose mean completion is within ±window (widened to minSchools). docs/calibration.md compares them.
   */
  sameLevel: z.strictObject({
    basis: z.enum(["pupil_score", "school_completion"]),
    window: z.number().gt(0).max(1),
    minSchools: count.min(1),
    minPupils: count.min(1),
  }),
  S2: z.strictObject({ shareOfTasks: share }),
  S3: z.strictObject({ ...shapeShape, hardShare: z.number().gt(0).max(0.5) }).superRefine(strongAlphaNotAbove),
  /** window: how many scores just below a threshold form its comparison count b (objectivity.md: 1). */
  S4: z.strictObject({ ...alphaShape, window: count.min(1).max(5) }).superRefine(strongAlphaNotAbove),
  S5: z.strictObject({ alpha: probability }),
  S6: z
    .strictObject({
      ...alphaShape,
      /** (a) needs this many pupils with a journal mark (FIOKO 2019: 5). */
      minJournalMarks: count.min(3),
      /** (b) share of |mark − journal| ≥ 2 at least this… */
      gapShare: share,
      /** …and significantly above the group's share (false: the share alone decides, as in the table). */
      gapMustExceedGroup: z.boolean(),
      /** (c) share of «понизили» or «повысили» at least this and significantly above the group. */
      shiftShare: share,
      /** Which of the rules apply; (d) `residual`: journal marks out of line with the scores (signs/S6-journal/residual.ts). */
      rules: z.strictObject({ correlation: z.boolean(), gaps: z.boolean(), shifts: z.boolean(), residual: z.boolean() }),
    })
    .superRefine(strongAlphaNotAbove),
  S7: z.strictObject({ iqrMultiplier: z.number().gt(0), strongIqrMultiplier: z.number().gt(0) }),
  S8: z.strictObject({
    vprPercentile: percentile,
    examPercentile: percentile,
    strongVprPercentile: percentile,
    strongExamPercentile: percentile,
    exemptLyceums: z.boolean(),
  }),
  S9: z.strictObject({ cutoff: z.number().min(0).max(100), minIndex: share, strongIndex: share, minMedalists: count.min(1) }),
  S10: z.strictObject({
    ...alphaShape,
    downShare: share,
    meanChange: z.number().max(0),
    strongDownShare: share,
    strongMeanChange: z.number().max(0),
    minWorks: count.min(1),
  }),
  S11: z
    .strictObject({ ...alphaShape, minPairs: count.min(1), easyShare: z.number().min(0).max(0.9), maxDifferences: count.max(1) })
    .superRefine(strongAlphaNotAbove),
  S12: z.strictObject(shapeShape).superRefine(strongAlphaNotAbove),
  /**
   * The chat shows a comparison with the group (its mean, marks, tasks) and the objectivity index only when the group
   * holds at least this many other schools: a school compared with itself, or an index of one school, misleads.
   */
  minComparisonSchools: count.min(1),
  /** «Требует внимания» is a ranked re-check list: share of the municipality's schools with results, at least `minimum` (domain/risk/recheck-priority.ts). */
  attention: z.strictObject({ share, minimum: count }),
})

export type AnalysisSettings = z.infer<typeof settingsSchema>

export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T

/** Defaults: objectivity.md, then calibrated on generated data (docs/calibration.md). */
export const DEFAULT_SETTINGS: AnalysisSettings = {
  confidence: 0.95,
  ci: "t",
  minParticipants: 5,
  minParticipantsForDistribution: 20,
  minSubgroup: 10,
  referenceGroup: { kind: "all", controlSchoolKeys: [], minSchools: 10 },
  leaveOneOut: true,
  enabledSigns: [...SIGN_IDS],
  sameLevel: { basis: "pupil_score", window: 0.05, minSchools: 10, minPupils: 30 },
  S2: { shareOfTasks: 0.5 },
  S3: { alpha: 0.01, strongAlpha: 0.001, minDelta: 0.08, hardShare: 1 / 3 },
  S4: { alpha: 0.01, strongAlpha: 0.001, window: 2 },
  S5: { alpha: 0.01 },
  S6: {
    alpha: 0.01,
    strongAlpha: 0.001,
    minJournalMarks: 5,
    gapShare: 0.1,
    gapMustExceedGroup: true,
    shiftShare: 0.4,
    rules: { correlation: true, gaps: true, shifts: false, residual: true },
  },
  S7: { iqrMultiplier: 3, strongIqrMultiplier: 6 },
  S8: { vprPercentile: 75, examPercentile: 50, strongVprPercentile: 90, strongExamPercentile: 25, exemptLyceums: true },
  S9: { cutoff: 70, minIndex: 0.3, strongIndex: 0.5, minMedalists: 3 },
  S10: { alpha: 0.01, strongAlpha: 0.001, downShare: 0.2, meanChange: -1.5, strongDownShare: 0.4, strongMeanChange: -3, minWorks: 10 },
  S11: { alpha: 0.001, strongAlpha: 1e-5, minPairs: 3, easyShare: 1 / 3, maxDifferences: 0 },
  S12: { alpha: 0.05, strongAlpha: 0.005, minDelta: 0.08 },
  attention: { share: 0.1, minimum: 3 },
  minComparisonSchools: 5,
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** Objects merge key by key; arrays and scalars replace. */
function deepMerge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) out[key] = deepMerge(base[key], value)
  return out
}

export class SettingsError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`Invalid analysis settings: ${issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ")}`)
    this.name = "SettingsError"
  }
}

/** Merges `partial` over `base` (the defaults unless given) and validates; throws SettingsError listing every problem. */
export function parseSettings(partial: unknown = {}, base: AnalysisSettings = DEFAULT_SETTINGS): AnalysisSettings {
  if (partial !== undefined && !isPlainObject(partial)) throw new SettingsError([{ path: "", message: "expected an object" }])
  const merged = deepMerge(base, partial)
  const parsed = settingsSchema.safeParse(merged)
  if (!parsed.success) {
    throw new SettingsError(parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })))
  }
  return parsed.data
}

/**
 * FIOKO 2019 «Уровень объективности…»: rule (a) with z = 1.96, the whole region, schools with ≥ 2 participants;
 * rule (b) Spearman ρ < 0 with ≥ 5 journal marks; rule (c) the cohort K outside 3 IQR. Other signs are off.
 */
export const FIOKO_2019: AnalysisSettings = parseSettings({
  ci: "z",
  confidence: 0.95,
  minParticipants: 2,
  referenceGroup: { kind: "all" },
  leaveOneOut: false,
  enabledSigns: ["S1", "S6", "S7"],
  S6: { rules: { correlation: true, gaps: false, shifts: false, residual: false } },
  S7: { iqrMultiplier: 3 },
})

export function isEnabled(settings: AnalysisSettings, id: SignId): boolean {
  return settings.enabledSigns.includes(id)
}
