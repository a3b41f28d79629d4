import { describe, expect, it } from "vitest"
import { acceptOneButton, actButton, approveButton, dropButton, editButton, offerButton, rejectButton } from "../../../src/bot/features/observer-buttons.ts"
import { observerButton } from "../../../src/services/observers/buttons.ts"

/** The observers service writes buttons onto outbox messages without the bot: both must write the same data. */
describe("observer buttons written by the service", () => {
  it("are the bot's buttons, byte for byte", () => {
    expect(observerButton("offer", { assignmentId: 12, answer: "y" })).toBe(offerButton.pack({ assignmentId: 12, answer: "y" }))
    expect(offerButton.unpack(observerButton("offer", { assignmentId: 12, answer: "c" }))).toEqual({ assignmentId: 12, answer: "c" })
    expect(observerButton("approve", { observerId: 7 })).toBe(approveButton.pack({ observerId: 7 }))
    expect(observerButton("reject", { observerId: 7 })).toBe(rejectButton.pack({ observerId: 7 }))
    expect(observerButton("acceptOne", { assignmentId: 3 })).toBe(acceptOneButton.pack({ assignmentId: 3 }))
    expect(observerButton("edit", { assignmentId: 3 })).toBe(editButton.pack({ assignmentId: 3 }))
    expect(observerButton("drop", { assignmentId: 3 })).toBe(dropButton.pack({ assignmentId: 3 }))
    expect(observerButton("act", { assignmentId: 99999 })).toBe(actButton.pack({ assignmentId: 99999 }))
  })
})
