import { describe, expect, it } from "vitest"
import { alertButton, caseListButton, recommendationButton } from "../../../../src/bot/features/risk-buttons.ts"
import { alertButtonData, CASE_LIST_BUTTON_DATA, recommendationButtonData } from "../../../../src/services/risk/buttons.ts"

describe("the buttons the outbox's risk messages carry", () => {
  it("are the kinds the bot routes (services cannot import the bot, so the layouts are checked here)", () => {
    for (const action of ["details", "recheck", "observers", "seen"] as const) {
      expect(alertButton.unpack(alertButtonData(123, action))).toEqual({ findingId: 123, action })
    }
    expect(recommendationButton.unpack(recommendationButtonData(9))).toEqual({ findingId: 9 })
    expect(caseListButton.unpack(CASE_LIST_BUTTON_DATA)).toEqual({})
  })
})
