import { formatMinutes, OFFSET_RULES, type DeadlineRules, type OffsetRule } from "../../domain/deadlines/rules.ts"

type Translate = (key: string, params?: Record<string, string | number>) => string

/** A municipality's timing rules, one line each, as a coordinator reads them. */
export function rulesText(t: Translate, rules: DeadlineRules): string {
  const lines = [t("rules-title")]
  for (const name of Object.keys(rules) as (keyof DeadlineRules)[]) lines.push(`• ${t(`rule-name-${name}`)}: ${ruleValue(t, name, rules)}`)
  lines.push("", t("rules-hint"))
  return lines.join("\n")
}

export function ruleValue(t: Translate, name: keyof DeadlineRules, rules: DeadlineRules): string {
  const rule = rules[name] as unknown as Record<string, unknown>
  if (rule.enabled === false) return t("rules-off")
  if (name === "materialsCheck") return t("rules-materials", { at: formatMinutes(rules.materialsCheck.at) })
  if (name === "remindersAt") return t("rules-reminders", { days: rules.remindersAt.workingDaysBefore.join(", "), at: formatMinutes(rules.remindersAt.at) })
  const offset = rule as unknown as OffsetRule
  const amount = t(`rules-unit-${offset.unit}`, { value: offset.value })
  const at = offset.at !== undefined && (OFFSET_RULES as readonly string[]).includes(name) ? t("rules-at", { at: formatMinutes(offset.at) }) : ""
  const planGraph = name === "resultsUploadDue" ? Object.entries(rules.resultsUploadDue.planGraph).map(([key, date]) => `${key.replace("|", " ")}: ${date.split("-").reverse().join(".")}`) : []
  return t(`rules-anchor-${name}`, { amount, at }) + (planGraph.length > 0 ? t("rules-plan-graph", { dates: planGraph.join("; ") }) : "")
}
