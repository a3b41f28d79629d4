import { describe, expect, it } from "vitest"
import { canMove, needsReason, nextStatuses } from "../../../../src/domain/risk/case-status.ts"
import { parseCount, parseDayMonthYear } from "../../../../src/domain/risk/input.ts"
import { announcementOf } from "../../../../src/domain/risk/levels.ts"

describe("risk levels, case statuses and typed input", () => {
  it("announce a rise, say the way out of the risk zone once, keep the rest quiet", () => {
    expect(announcementOf("none", "risk")).toBe("alert")
    expect(announcementOf("none", "attention")).toBe("alert")
    expect(announcementOf("attention", "risk")).toBe("alert")
    expect(announcementOf("risk", "attention")).toBe("good_news")
    expect(announcementOf("risk", "none")).toBe("good_news")
    expect(announcementOf("attention", "none")).toBeNull() // dropped off the re-check list: not news
    expect(announcementOf("risk", "risk")).toBeNull()
  })

  it("move a case forward only, with the reason for «не подтверждено»", () => {
    expect(nextStatuses("new")).toContain("recheck")
    expect(canMove("recheck", "not_confirmed")).toBe(true)
    expect(canMove("closed", "review")).toBe(false)
    expect(canMove("new", "closed")).toBe(false)
    expect(needsReason("not_confirmed")).toBe(true)
    expect(needsReason("confirmed")).toBe(false)
  })

  it("read dates as Russian documents write them, and counts in range", () => {
    expect(parseDayMonthYear("25.03.2027")).toBe("2027-03-25")
    expect(parseDayMonthYear(" 5.3.2027 ")).toBe("2027-03-05")
    expect(parseDayMonthYear("31.02.2027")).toBeNull()
    expect(parseDayMonthYear("2027-03-25")).toBeNull()
    expect(parseCount("12", 1, 500)).toBe(12)
    expect(parseCount("0", 1, 500)).toBeNull()
    expect(parseCount("12.5", 1, 500)).toBeNull()
  })
})
