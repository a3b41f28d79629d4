import { describe, expect, it } from "vitest"
import { CELL_EMPTY, CELL_NO_ANSWER, CELL_NOT_TAUGHT, type ParticipantResult } from "../../../../src/domain/results.ts"
import { packParticipants, unpackParticipants } from "../../../../src/services/participants/packed.ts"

const participants: ParticipantResult[] = [
  { schoolKey: "223017", code: "40001", className: "4 «А»", variant: 1, absent: false, cells: [2, CELL_NO_ANSWER, CELL_NOT_TAUGHT, CELL_EMPTY, 0], total: 2, mark: 3, journalMark: 4, sex: "f" },
  { schoolKey: "223017", code: '40002 "б" \\', className: null, variant: null, absent: true, cells: [], total: null, mark: null, journalMark: null, sex: null },
  { schoolKey: "223017", code: "40003", className: "4Б", variant: 2, absent: false, cells: [1, 1, 1, 1, 1], total: 5, mark: null, journalMark: null, sex: "m" },
]

describe("packed participants", () => {
  it("round-trip every field in order: absent pupils, empty and not-taught cells, null marks", () => {
    expect(unpackParticipants(packParticipants(participants), "223017")).toEqual(participants)
  })

  it("read the base64 PostgreSQL's encode() returns, with a line break every 76 characters", () => {
    const wrapped = packParticipants(participants).replace(/.{76}/g, "$&\n")
    expect(wrapped).toContain("\n")
    expect(unpackParticipants(wrapped, "223017")).toEqual(participants)
  })
})
