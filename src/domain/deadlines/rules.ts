import { isLocalDate, type LocalDate } from "../calendar/dates.ts"
import { addDays } from "../calendar/dates.ts"
import type { ProductionCalendar } from "../calendar/production-calendar.ts"

/**
 * The municipal-roadmap timing rules (calendar.md §6.2): no federal source fixes them, municipalities differ, so each
 * is `{ value, unit }` with the defaults of the table there, and a municipality may change any of them.
 */

export type RuleUnit = "calendarDays" | "workingDays" | "workingHours"

export interface OffsetRule {
  value: number
  unit: RuleUnit
  /** Local time of the moment, minutes after midnight (a day rule ends then; default 23:59). */
  at?: number
}

export interface ReminderPlan {
  /** Reminders this many working days before the due date; 0 is the morning of the due date itself. */
  workingDaysBefore: number[]
  /** Local time of each reminder, minutes after midnight. */
  at: number
}

export interface DeadlineRules {
  /** Brief the school coordinators before the first work of a procedure in the municipality. */
  briefCoordinatorsBefore: OffsetRule & { enabled: boolean }
  /** A school checks its materials in FIS OKO on the eve (they appear by 14:00 local, calendar.md §6.1 S4). */
  materialsCheck: { enabled: boolean; at: number }
  assignObserversBefore: OffsetRule
  briefObserversBefore: OffsetRule
  observerActDue: OffsetRule
  /** The plan-graph date per procedure kind and year (S10) wins; else this many days after the work. */
  resultsUploadDue: OffsetRule & { enabled: boolean; planGraph: Record<string, LocalDate> }
  municipalAnalysisDue: OffsetRule & { enabled: boolean }
  recheckDue: OffsetRule
  hotlineFirstResponse: OffsetRule
  remindersAt: ReminderPlan
}

export const END_OF_DAY = 23 * 60 + 59

export const DEFAULT_RULES: DeadlineRules = {
  briefCoordinatorsBefore: { enabled: true, value: 1, unit: "workingDays", at: 18 * 60 },
  materialsCheck: { enabled: true, at: 14 * 60 },
  assignObserversBefore: { value: 3, unit: "workingDays" },
  briefObserversBefore: { value: 1, unit: "workingDays" },
  observerActDue: { value: 1, unit: "workingDays", at: 12 * 60 },
  resultsUploadDue: { enabled: true, value: 5, unit: "workingDays", planGraph: {} },
  municipalAnalysisDue: { enabled: true, value: 10, unit: "calendarDays" },
  recheckDue: { value: 10, unit: "workingDays" },
  hotlineFirstResponse: { value: 4, unit: "workingHours" },
  remindersAt: { workingDaysBefore: [3, 1, 0], at: 9 * 60 },
}

export type RuleName = keyof DeadlineRules
export const RULE_NAMES = Object.keys(DEFAULT_RULES) as RuleName[]
/** The rules measured in days (before or after an anchor date). */
export const OFFSET_RULES = ["briefCoordinatorsBefore", "assignObserversBefore", "briefObserversBefore", "observerActDue", "resultsUploadDue", "municipalAnalysisDue", "recheckDue"] as const
export type OffsetRuleName = (typeof OFFSET_RULES)[number]

export interface RuleProblem {
  path: string
  /** A message id of locales/<lang>/deadlines.ftl and its parameters. */
  message: "rule-not-object" | "rule-unknown" | "rule-value" | "rule-unit" | "rule-time" | "rule-days-list" | "rule-date" | "rule-flag"
  params?: Record<string, string | number>
}

export class RulesInvalid extends Error {
  constructor(readonly problems: RuleProblem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join("; "))
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

const UNITS: RuleUnit[] = ["calendarDays", "workingDays", "workingHours"]

/**
 * Stored overrides merged over the defaults and checked as a whole (a partial document is fine: what it leaves out
 * keeps its default). Throws RulesInvalid listing every problem.
 */
export function parseRules(input: unknown): DeadlineRules {
  const problems: RuleProblem[] = []
  const rules = structuredClone(DEFAULT_RULES) as unknown as Record<string, Record<string, unknown>>
  if (input === null || input === undefined) return structuredClone(DEFAULT_RULES)
  if (!isRecord(input)) throw new RulesInvalid([{ path: "", message: "rule-not-object" }])
  for (const [name, value] of Object.entries(input)) {
    if (!(name in DEFAULT_RULES)) {
      problems.push({ path: name, message: "rule-unknown" })
      continue
    }
    if (!isRecord(value)) {
      problems.push({ path: name, message: "rule-not-object" })
      continue
    }
    const target = rules[name]!
    for (const [field, raw] of Object.entries(value)) {
      const path = `${name}.${field}`
      if (!(field in target) && !(field === "at" && OFFSET_RULES.includes(name as OffsetRuleName))) {
        problems.push({ path, message: "rule-unknown" })
        continue
      }
      switch (field) {
        case "value":
          if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 0 || raw > 60) problems.push({ path, message: "rule-value", params: { max: 60 } })
          else target.value = raw
          break
        case "unit":
          if (!UNITS.includes(raw as RuleUnit)) problems.push({ path, message: "rule-unit" })
          else target.unit = raw
          break
        case "at":
          if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 0 || raw >= 24 * 60) problems.push({ path, message: "rule-time" })
          else target.at = raw
          break
        case "enabled":
          if (typeof raw !== "boolean") problems.push({ path, message: "rule-flag" })
          else target.enabled = raw
          break
        case "workingDaysBefore":
          if (!Array.isArray(raw) || raw.length > 5 || raw.some((day) => typeof day !== "number" || !Number.isInteger(day) || day < 0 || day > 20)) {
            problems.push({ path, message: "rule-days-list" })
          } else target.workingDaysBefore = [...new Set(raw as number[])].sort((a, b) => b - a)
          break
        case "planGraph":
          if (!isRecord(raw) || Object.entries(raw).some(([key, date]) => !/^[А-ЯA-Z]{3}\|\d{4}$/u.test(key) || typeof date !== "string" || !isLocalDate(date))) {
            problems.push({ path, message: "rule-date" })
          } else target.planGraph = { ...raw }
          break
      }
    }
  }
  const hotline = rules.hotlineFirstResponse as unknown as OffsetRule
  for (const name of OFFSET_RULES) {
    const rule = rules[name] as unknown as OffsetRule
    if (rule.unit === "workingHours") problems.push({ path: `${name}.unit`, message: "rule-unit" })
  }
  if (hotline.unit !== "workingHours") problems.push({ path: "hotlineFirstResponse.unit", message: "rule-unit" })
  if (problems.length > 0) throw new RulesInvalid(problems)
  return rules as unknown as DeadlineRules
}

/** Only what differs from the defaults: what a municipality stores. */
export function rulesDifference(rules: DeadlineRules): Record<string, unknown> {
  const difference: Record<string, unknown> = {}
  for (const name of RULE_NAMES) {
    if (JSON.stringify(rules[name]) !== JSON.stringify(DEFAULT_RULES[name])) difference[name] = rules[name]
  }
  return difference
}

/** A local date and time: what a day rule yields before the municipality's time zone turns it into an instant. */
export interface LocalMoment {
  date: LocalDate
  minutes: number
}

/**
 * "N working days before D is the N-th working day strictly before D" (calendar.md §6.2); calendar days count every
 * day. The moment is `rule.at` on that day (default: the end of the day).
 */
export function dateBefore(anchor: LocalDate, rule: OffsetRule, calendar: ProductionCalendar): LocalMoment {
  const date = rule.unit === "workingDays" ? calendar.addWorkingDays(anchor, -rule.value) : addDays(anchor, -rule.value)
  return { date, minutes: rule.at ?? END_OF_DAY }
}

/** "Within N working days after D ends at 23:59 of the N-th working day after D"; calendar days count every day. */
export function dateAfter(anchor: LocalDate, rule: OffsetRule, calendar: ProductionCalendar): LocalMoment {
  const date = rule.unit === "workingDays" ? calendar.addWorkingDays(anchor, rule.value) : addDays(anchor, rule.value)
  return { date, minutes: rule.at ?? END_OF_DAY }
}

/** `HH:MM` ↔ minutes after midnight. */
export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`
}

export function parseTime(text: string): number | null {
  const match = /^\s*([01]?\d|2[0-3])[:.](\d{2})\s*$/u.exec(text)
  if (!match) return null
  const minutes = Number(match[2])
  return minutes < 60 ? Number(match[1]) * 60 + minutes : null
}

/** `ДД.ММ.ГГГГ` (or `YYYY-MM-DD`) → a date, or null. */
export function parseRussianDate(text: string): LocalDate | null {
  const trimmed = text.trim()
  const russian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/u.exec(trimmed)
  const date = russian ? `${russian[3]}-${russian[2]!.padStart(2, "0")}-${russian[1]!.padStart(2, "0")}` : trimmed
  return isLocalDate(date) ? date : null
}
