/**
 * The analysis settings a coordinator changes in the bot's dialog, one field at a time: each with its place in the
 * settings object, its kind and its bounds. The rest (every sign's thresholds) stays in the JSON file, for the
 * command line and the «advanced» option. Names and values are worded in locales/<lang>/settings.ftl.
 */
import { parseSettings, SettingsError, SIGN_IDS, type AnalysisSettings, type SignId } from "./settings.ts"

interface FieldBase {
  /** Lower-case word: the button's callback data and the locale key (settings-field-<id>). */
  id: string
  path: readonly string[]
}
/** A whole number in [min, max]. */
export interface CountField extends FieldBase {
  kind: "count"
  min: number
  max: number
}
/** A share stored as 0…1, read and written as a percent in [min, max]. */
export interface PercentField extends FieldBase {
  kind: "percent"
  min: number
  max: number
}
export interface SwitchField extends FieldBase {
  kind: "switch"
}
export interface ChoiceField extends FieldBase {
  kind: "choice"
  /** The values offered as buttons (others, such as a control sample set in the file, are shown but not offered). */
  options: readonly string[]
}
export type SettingField = CountField | PercentField | SwitchField | ChoiceField

export const SETTING_FIELDS: readonly SettingField[] = [
  { id: "min_comparison", path: ["minComparisonSchools"], kind: "count", min: 1, max: 200 },
  { id: "reference_kind", path: ["referenceGroup", "kind"], kind: "choice", options: ["all", "municipality", "context"] },
  { id: "reference_min", path: ["referenceGroup", "minSchools"], kind: "count", min: 1, max: 500 },
  { id: "leave_one_out", path: ["leaveOneOut"], kind: "switch" },
  { id: "min_participants", path: ["minParticipants"], kind: "count", min: 1, max: 1000 },
  { id: "min_distribution", path: ["minParticipantsForDistribution"], kind: "count", min: 1, max: 1000 },
  { id: "min_subgroup", path: ["minSubgroup"], kind: "count", min: 1, max: 1000 },
  { id: "confidence", path: ["confidence"], kind: "percent", min: 50, max: 99.9 },
  { id: "attention_share", path: ["attention", "share"], kind: "percent", min: 0, max: 100 },
  { id: "attention_min", path: ["attention", "minimum"], kind: "count", min: 0, max: 1000 },
]

export function settingField(id: string): SettingField | undefined {
  return SETTING_FIELDS.find((field) => field.id === id)
}

export function fieldValue(settings: AnalysisSettings, field: SettingField): unknown {
  return field.path.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], settings)
}

/** A problem with a typed value: a locale key (settings-problem-<code>) and its parameters. */
export interface ValueProblem {
  code: "not_a_number" | "not_whole" | "out_of_range" | "not_an_option" | "invalid"
  params: Record<string, string | number>
}

export type FieldValueOutcome = { ok: true; value: number | boolean | string } | { ok: false; problem: ValueProblem }

/** «0,95», «95 %», «12» → a number; anything else → null. */
function readNumber(text: string): number | null {
  const cleaned = text.trim().replace(/\s+/g, "").replace(/%$/, "").replace(",", ".")
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null
  return Number(cleaned)
}

/** What a coordinator typed (or chose) for a field, read and checked against the field's bounds. */
export function readFieldValue(field: SettingField, input: string): FieldValueOutcome {
  if (field.kind === "switch") return input === "on" || input === "off" ? { ok: true, value: input === "on" } : { ok: false, problem: { code: "not_an_option", params: {} } }
  if (field.kind === "choice") return field.options.includes(input) ? { ok: true, value: input } : { ok: false, problem: { code: "not_an_option", params: {} } }
  const number = readNumber(input)
  if (number === null) return { ok: false, problem: { code: "not_a_number", params: { text: input.slice(0, 40) } } }
  if (field.kind === "count" && !Number.isInteger(number)) return { ok: false, problem: { code: "not_whole", params: { text: input.slice(0, 40) } } }
  if (number < field.min || number > field.max) return { ok: false, problem: { code: "out_of_range", params: { min: field.min, max: field.max } } }
  return { ok: true, value: field.kind === "percent" ? Math.round(number * 10) / 1000 : number }
}

/** The settings with one field changed, validated as a whole (a change may break a rule between fields). */
export function withFieldValue(settings: AnalysisSettings, field: SettingField, value: number | boolean | string): { ok: true; settings: AnalysisSettings } | { ok: false; problem: ValueProblem } {
  const patch = field.path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value)
  try {
    return { ok: true, settings: parseSettings(patch, settings) }
  } catch (error) {
    if (error instanceof SettingsError) return { ok: false, problem: { code: "invalid", params: { details: error.issues.map((issue) => issue.message).join("; ") } } }
    throw error
  }
}

/** The settings with one sign switched on or off. */
export function withSignToggled(settings: AnalysisSettings, sign: SignId): AnalysisSettings {
  const enabled = settings.enabledSigns.includes(sign)
  const enabledSigns = SIGN_IDS.filter((id) => (id === sign ? !enabled : settings.enabledSigns.includes(id)))
  return parseSettings({ enabledSigns }, settings)
}
