import { describe, expect, it } from "vitest"
import { ProductionCalendar } from "../../../../src/domain/calendar/index.ts"
import { DEFAULT_RULES, parseRules } from "../../../../src/domain/deadlines/rules.ts"
import { planFromSchedule, type ScheduledWork } from "../../../../src/domain/deadlines/schedule-plan.ts"

const calendar = new ProductionCalendar()
const maths4 = { kind: "ВПР" as const, year: 2026, subject: "Математика", grade: 4 }
const russian5 = { kind: "ВПР" as const, year: 2026, subject: "Русский язык", grade: 5 }
const work = (schoolId: number, key: typeof maths4, date: string): ScheduledWork => ({ schoolId, key, procedure: `${key.kind}|${key.year}|${key.subject}|${key.grade}`, date })

describe("deadlines from the schedule", () => {
  const works = [work(1, maths4, "2026-05-12"), work(2, maths4, "2026-04-21"), work(1, russian5, "2026-04-23")]

  it("briefs the coordinators the working day before the first work, each school checks materials on the eve", () => {
    const plan = planFromSchedule({ works, uploads: new Map(), rules: DEFAULT_RULES, calendar, today: "2026-04-01" })
    const briefing = plan.deadlines.filter((item) => item.kind === "briefing")
    expect(briefing).toEqual([
      expect.objectContaining({ key: "brief:ВПР|2026", due: { date: "2026-04-20", minutes: 1080 }, role: "municipal_coordinator", schoolId: null }),
    ])
    const eves = plan.deadlines.filter((item) => item.kind === "materials").map((item) => [item.schoolId, item.due.date])
    // 12 May 2026 follows the May holidays (9–11 May): its eve is Friday 8 May.
    expect(eves).toEqual([[1, "2026-05-08"], [2, "2026-04-20"], [1, "2026-04-22"]])
    expect(plan.deadlines.find((item) => item.kind === "materials")).toMatchObject({ reminders: { workingDaysBefore: [0], at: 840 }, escalate: false })
  })

  it("gives each school 5 working days to upload, or the plan-graph date; results close the item", () => {
    const plan = planFromSchedule({ works, uploads: new Map([["2|ВПР|2026|Математика|4", "2026-04-24"]]), rules: DEFAULT_RULES, calendar, today: "2026-04-25" })
    const uploads = plan.deadlines.filter((item) => item.kind === "results_upload").map((item) => [item.key, item.due.date, item.doneOn ?? null])
    expect(uploads).toEqual([
      ["upload:1:ВПР|2026|Математика|4", "2026-05-19", null], // 12 May + 5 working days
      ["upload:2:ВПР|2026|Математика|4", "2026-04-28", "2026-04-24"],
      ["upload:1:ВПР|2026|Русский язык|5", "2026-04-30", null], // 23 Apr + 5 working days: 24, 27, 28, 29, 30 Apr
    ])
    const withPlanGraph = parseRules({ resultsUploadDue: { planGraph: { "ВПР|2026": "2026-05-22" } } })
    const planned = planFromSchedule({ works, uploads: new Map(), rules: withPlanGraph, calendar, today: "2026-04-01" })
    expect(planned.deadlines.filter((item) => item.kind === "results_upload").map((item) => item.due.date)).toEqual(["2026-05-22", "2026-05-22", "2026-05-22"])
  })

  it("sets the analysis 10 calendar days after the last school's results, or after the last upload deadline", () => {
    const all = new Map([["1|ВПР|2026|Математика|4", "2026-05-14"], ["2|ВПР|2026|Математика|4", "2026-04-24"]])
    const complete = planFromSchedule({ works, uploads: all, rules: DEFAULT_RULES, calendar, today: "2026-05-15" })
    expect(complete.deadlines.filter((item) => item.kind === "analysis").map((item) => [item.key, item.due])).toEqual([
      ["analysis:ВПР|2026|Математика|4", { date: "2026-05-24", minutes: 1439 }],
    ])
    const partial = new Map([["2|ВПР|2026|Математика|4", "2026-04-24"]])
    expect(planFromSchedule({ works, uploads: partial, rules: DEFAULT_RULES, calendar, today: "2026-05-19" }).deadlines.some((item) => item.kind === "analysis")).toBe(false)
    const late = planFromSchedule({ works, uploads: partial, rules: DEFAULT_RULES, calendar, today: "2026-05-20" })
    expect(late.deadlines.find((item) => item.kind === "analysis")!.due.date).toBe("2026-05-29")
  })

  it("follows a municipality's own rules, and names the years the calendar lacks", () => {
    const rules = parseRules({ briefCoordinatorsBefore: { value: 3 }, materialsCheck: { enabled: false }, municipalAnalysisDue: { value: 7, unit: "workingDays" } })
    const plan = planFromSchedule({ works: [...works, work(3, { ...maths4, year: 2031 }, "2031-04-22")], uploads: new Map(), rules, calendar, today: "2026-04-01" })
    expect(plan.deadlines.find((item) => item.kind === "briefing")!.due.date).toBe("2026-04-16")
    expect(plan.deadlines.some((item) => item.kind === "materials")).toBe(false)
    expect(plan.missingYears).toEqual([2031])
  })

  it("refuses malformed rules with every problem named", () => {
    expect(() => parseRules({ resultsUploadDue: { value: -1, unit: "weeks" }, nonsense: {} })).toThrow(/resultsUploadDue.value: rule-value; resultsUploadDue.unit: rule-unit; nonsense: rule-unknown/)
  })
})
