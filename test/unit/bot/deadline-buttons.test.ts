import { describe, expect, it } from "vitest"
import { boardButton, doneButton, muteButton } from "../../../src/bot/features/deadlines.ts"
import { uploadReportButton } from "../../../src/bot/features/reports.ts"
import { confirmAllButton, openScheduleButton } from "../../../src/bot/features/schedule.ts"
import { DEADLINE_BUTTONS } from "../../../src/services/deadlines/buttons.ts"
import { DEADLINE_KINDS } from "../../../src/services/deadlines/kinds.ts"
import { SCHEDULE_BUTTONS } from "../../../src/services/schedule/buttons.ts"

/** Buttons on outbox messages are built in services; the bot must route exactly what they carry. */
describe("buttons on outbox messages", () => {
  it("are the kinds the bot routes", () => {
    expect(doneButton.unpack(DEADLINE_BUTTONS.done(42))).toEqual({ id: 42 })
    for (const kind of DEADLINE_KINDS) expect(muteButton.unpack(DEADLINE_BUTTONS.mute(kind)), kind).toEqual({ kind })
    expect(boardButton.unpack(DEADLINE_BUTTONS.board)).toEqual({})
    expect(uploadReportButton.unpack(DEADLINE_BUTTONS.reportUpload(7))).toEqual({ id: 7 })
    expect(confirmAllButton.unpack(SCHEDULE_BUTTONS.confirmAll(3))).toEqual({ schoolId: 3 })
    expect(openScheduleButton.unpack(SCHEDULE_BUTTONS.open)).toEqual({})
  })
})
