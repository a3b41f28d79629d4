import { DEFAULT_RULES, parseTime, type RuleName } from "./rules.ts"

/**
 * A coordinator changes one rule by writing it the way people say it: «7 рабочих», «10 календарных дней», «выкл»,
 * «14:00», «3, 1, 0 в 09:00». The result is a partial rule for saveRules, or the message id of what to write instead.
 */
export type RuleTextResult = { ok: true; change: Record<string, unknown> } | { ok: false; hint: string }

const OFF = /^(выкл|откл|нет|off|disable)/iu
const ON = /^(вкл|да|on|enable)/iu

export function parseRuleText(name: RuleName, text: string): RuleTextResult {
  const input = text.trim().toLowerCase().replace(/ё/gu, "е")
  const defaults = DEFAULT_RULES[name] as unknown as Record<string, unknown>
  const switchable = "enabled" in defaults
  if (switchable && OFF.test(input)) return { ok: true, change: { enabled: false } }
  if (switchable && ON.test(input)) return { ok: true, change: { enabled: true } }

  if (name === "materialsCheck") {
    const at = parseTime(input)
    return at === null ? { ok: false, hint: "rules-hint-time" } : { ok: true, change: { at, enabled: true } }
  }
  if (name === "remindersAt") {
    const [daysPart, timePart] = input.split(/\s+(?:в|at)\s+/u)
    const days = (daysPart ?? "").split(/[,;\s]+/u).filter(Boolean).map(Number)
    if (days.length === 0 || days.some((day) => !Number.isInteger(day) || day < 0 || day > 20)) return { ok: false, hint: "rules-hint-reminders" }
    const change: Record<string, unknown> = { workingDaysBefore: days }
    if (timePart !== undefined) {
      const at = parseTime(timePart)
      if (at === null) return { ok: false, hint: "rules-hint-reminders" }
      change.at = at
    }
    return { ok: true, change }
  }
  const match = /^(\d{1,2})\s*(раб|кал|час|work|cal|hour)?/u.exec(input)
  if (!match) return { ok: false, hint: name === "hotlineFirstResponse" ? "rules-hint-hours" : "rules-hint-days" }
  const value = Number(match[1])
  const word = match[2]
  const change: Record<string, unknown> = { value }
  if (word?.startsWith("раб") || word === "work") change.unit = "workingDays"
  if (word?.startsWith("кал") || word === "cal") change.unit = "calendarDays"
  if (word === "час" || word === "hour") change.unit = "workingHours"
  const time = /(\d{1,2}[:.]\d{2})\s*$/u.exec(input)
  if (time && name !== "hotlineFirstResponse") change.at = parseTime(time[1]!)
  if (switchable) change.enabled = true
  return { ok: true, change }
}
