import { describe, expect, it } from "vitest"
import { ProductionCalendar } from "../../../../src/domain/calendar/index.ts"
import {
  checkAct, normaliseFullName, normalisePhone, observerActDue, parseTimeOfDay, planQuiz, QUIZ_ANSWERS, scoreQuiz, violationsFor,
} from "../../../../src/domain/observers/index.ts"
import { Rng } from "../../../support/generator/prng.ts"

describe("the quiz", () => {
  it("shuffles the questions and each question's options, and scores by the original answers", () => {
    const rng = new Rng(7)
    const plan = planQuiz(() => rng.next())
    expect(plan.map((p) => p.question).sort((a, b) => a - b)).toEqual([...QUIZ_ANSWERS.keys()])
    expect(plan.map((p) => p.question)).not.toEqual([...QUIZ_ANSWERS.keys()])
    for (const planned of plan) expect([...planned.options].sort()).toEqual([0, 1, 2, 3])
    const right = plan.map((p) => QUIZ_ANSWERS[p.question]!)
    expect(scoreQuiz(plan, right)).toBe(14)
    expect(scoreQuiz(plan, right.map((answer, index) => (index < 3 ? (answer + 1) % 4 : answer)))).toBe(11)
    expect(scoreQuiz(plan, right.slice(0, 5))).toBe(5)
  })
})

describe("the act", () => {
  const draft = { stages: ["conduct" as const], startMinutes: 540, endMinutes: 585, violations: [], comment: null, photoFileIds: [] }

  it("offers the checklist of the stages observed", () => {
    expect(violationsFor(["checking"])).toEqual(["criteria", "corrections", "forms_differ", "other"])
    expect(violationsFor(["conduct"])).toContain("prompting")
  })

  it("refuses an end before the start, a violation of another stage and «Другое» without a description", () => {
    expect(checkAct(draft)).toEqual([])
    expect(checkAct({ ...draft, endMinutes: 500 })).toEqual(["end_before_start"])
    expect(checkAct({ ...draft, violations: [{ code: "criteria", comment: null }] })).toEqual(["violation_not_for_stage"])
    expect(checkAct({ ...draft, violations: [{ code: "other", comment: " " }] })).toEqual(["comment_required"])
    expect(checkAct({ ...draft, stages: [] })).toContain("no_stages")
  })

  it("is due by 12:00 local of the next working day", () => {
    const calendar = new ProductionCalendar()
    // Friday 24 April 2026 → Monday 27 April, 12:00 in Barnaul (UTC+7).
    expect(observerActDue("2026-04-24", "Asia/Barnaul", calendar).toISOString()).toBe("2026-04-27T05:00:00.000Z")
    expect(observerActDue("2026-04-21", "Europe/Moscow", calendar).toISOString()).toBe("2026-04-22T09:00:00.000Z")
  })

  it("reads times of day", () => {
    expect(parseTimeOfDay("9:05")).toBe(545)
    expect(parseTimeOfDay("09.40")).toBe(580)
    expect(parseTimeOfDay("24:00")).toBeNull()
    expect(parseTimeOfDay("утром")).toBeNull()
  })
})

describe("the profile", () => {
  it("takes a full name of two to four words and one form of phone", () => {
    expect(normaliseFullName("  Иванова   Мария Петровна ")).toBe("Иванова Мария Петровна")
    expect(normaliseFullName("Мария")).toBeNull()
    expect(normaliseFullName("=HYPERLINK(1) x")).toBeNull()
    expect(normalisePhone("89001234567")).toBe("+79001234567")
    expect(normalisePhone("+7 (900) 123-45-67")).toBe("+79001234567")
    expect(normalisePhone("123")).toBeNull()
  })
})
