import { describe, expect, it } from "vitest"
import { parseRuleText } from "../../../../src/domain/deadlines/rule-text.ts"

describe("a rule as a coordinator writes it", () => {
  it("reads days, units, times and switches", () => {
    expect(parseRuleText("resultsUploadDue", "7 рабочих")).toEqual({ ok: true, change: { value: 7, unit: "workingDays", enabled: true } })
    expect(parseRuleText("municipalAnalysisDue", "10 календарных дней")).toEqual({ ok: true, change: { value: 10, unit: "calendarDays", enabled: true } })
    expect(parseRuleText("briefCoordinatorsBefore", "1 рабочий 16:00")).toEqual({ ok: true, change: { value: 1, unit: "workingDays", at: 960, enabled: true } })
    expect(parseRuleText("resultsUploadDue", "выкл")).toEqual({ ok: true, change: { enabled: false } })
    expect(parseRuleText("materialsCheck", "14.30")).toEqual({ ok: true, change: { at: 870, enabled: true } })
    expect(parseRuleText("remindersAt", "5, 2, 0 в 8:30")).toEqual({ ok: true, change: { workingDaysBefore: [5, 2, 0], at: 510 } })
    expect(parseRuleText("hotlineFirstResponse", "6")).toEqual({ ok: true, change: { value: 6 } })
  })

  it("says what to write instead", () => {
    expect(parseRuleText("resultsUploadDue", "неделю")).toEqual({ ok: false, hint: "rules-hint-days" })
    expect(parseRuleText("recheckDue", "выкл")).toEqual({ ok: false, hint: "rules-hint-days" }) // this rule cannot be switched off
    expect(parseRuleText("remindersAt", "завтра")).toEqual({ ok: false, hint: "rules-hint-reminders" })
    expect(parseRuleText("materialsCheck", "25:00")).toEqual({ ok: false, hint: "rules-hint-time" })
  })
})
