import { describe, expect, it } from "vitest"
import { isAvailable, parseAvailability, parseDay } from "../../../../src/domain/observers/index.ts"

const today = "2026-04-10"

describe("parseAvailability", () => {
  it("reads weekdays, dates and ranges from one line", () => {
    expect(parseAvailability("пн, ср, 21.04, 23.04–25.04", today)).toEqual({
      ok: true,
      availability: { any: false, weekdays: [1, 3], dates: ["2026-04-21", "2026-04-23", "2026-04-24", "2026-04-25"] },
    })
    expect(parseAvailability("Пн - Пт", today)).toEqual({ ok: true, availability: { any: false, weekdays: [1, 2, 3, 4, 5], dates: [] } })
    expect(parseAvailability("пн–вс", today)).toMatchObject({ ok: true, availability: { weekdays: [0, 1, 2, 3, 4, 5, 6] } })
    expect(parseAvailability("21-23.04", today)).toMatchObject({ ok: true, availability: { dates: ["2026-04-21", "2026-04-22", "2026-04-23"] } })
    expect(parseAvailability("вторник и четверг", today)).toMatchObject({ ok: true, availability: { weekdays: [2, 4] } })
    expect(parseAvailability("Любой день", today)).toEqual({ ok: true, availability: { any: true, weekdays: [], dates: [] } })
  })

  it("names what it did not understand, and refuses an empty answer", () => {
    expect(parseAvailability("пн, когда смогу, 31.02", today)).toEqual({ ok: false, unknown: ["когда", "смогу", "31.02"] })
    expect(parseAvailability("  ", today)).toEqual({ ok: false, empty: true })
    expect(parseAvailability("25.04–21.04", today)).toEqual({ ok: false, unknown: ["25.04–21.04"] })
  })

  it("puts a date without a year on its next occurrence", () => {
    expect(parseDay("05.04", today)).toBe("2027-04-05")
    expect(parseDay("10.04", today)).toBe("2026-04-10")
    expect(parseDay("21.04.26", today)).toBe("2026-04-21")
  })

  it("answers whether a day is free", () => {
    expect(isAvailable({ any: false, weekdays: [2], dates: [] }, "2026-04-21")).toBe(true)
    expect(isAvailable({ any: false, weekdays: [2], dates: ["2026-04-22"] }, "2026-04-22")).toBe(true)
    expect(isAvailable({ any: false, weekdays: [2], dates: [] }, "2026-04-22")).toBe(false)
  })
})
