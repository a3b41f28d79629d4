import { describe, expect, it } from "vitest"
import { proposalStorable, proposeSpec, scaleFromMarks, specOfProposal, type TaskEvidence } from "../../../../src/services/specs/propose.ts"

const PROCEDURE = { kind: "ВПР", year: 2023, subject: "Химия", grade: 9 } as const
const evidence = (label: string, headerMax: number | null, seenMax: number | null, scored: number, atSeenMax: number): TaskEvidence => ({ label, headerMax, seenMax, scored, atSeenMax })

describe("a spec proposed from a file's evidence", () => {
  it("takes the header's maximum where written and the scores' elsewhere, marking what the file cannot settle", () => {
    const proposal = proposeSpec(PROCEDURE, {
      positional: false,
      present: 400,
      marks: {},
      tasks: [
        evidence("1", 2, 2, 400, 120), // header, agreed
        evidence("2", 1, 3, 400, 1), // header says 1, a pupil has 3
        evidence("3", null, 4, 400, 50), // scores, plenty at the maximum
        evidence("4", null, 5, 400, 1), // scores, the maximum held by one work of 400
        evidence("5", null, 2, 12, 6), // scores, too few works
        evidence("6", null, null, 0, 0), // nobody scored
        evidence("7", null, 0, 400, 400), // everybody scored 0
        evidence("8", null, 25, 400, 40), // more than a task may be worth
      ],
    })
    expect(proposal.tasks.map((task) => [task.label, task.max, task.from, task.doubt])).toEqual([
      ["1", 2, "header", null],
      ["2", 1, "header", "above-header"],
      ["3", 4, "scores", null],
      ["4", 5, "scores", "rare-maximum"],
      ["5", 2, "scores", "few-scores"],
      ["6", 1, "scores", "no-scores"],
      ["7", 1, "scores", "no-scores"],
      ["8", 25, "scores", "too-large"],
    ])
    expect(proposal.maxTotal).toBe(2 + 1 + 4 + 5 + 2 + 1 + 1 + 25)
    expect(proposalStorable(proposal)).toBe(false)
    expect(proposalStorable({ ...proposal, tasks: proposal.tasks.slice(0, 7) })).toBe(true)
  })

  it("reads the scale from the marks when each mark's totals lie above the previous mark's", () => {
    expect(scaleFromMarks({ "2": { min: 0, max: 6, count: 5 }, "3": { min: 7, max: 11, count: 9 }, "4": { min: 12, max: 16, count: 9 }, "5": { min: 17, max: 20, count: 3 } }))
      .toEqual({ scale: { "3": 7, "4": 12, "5": 17 }, doubt: null })
    expect(scaleFromMarks({ "3": { min: 7, max: 12, count: 9 }, "4": { min: 12, max: 16, count: 9 }, "5": { min: 17, max: 20, count: 3 } }))
      .toEqual({ scale: null, doubt: "inconsistent" })
    expect(scaleFromMarks({ "3": { min: 7, max: 11, count: 9 } })).toEqual({ scale: null, doubt: "no-marks" })
    expect(scaleFromMarks({})).toEqual({ scale: null, doubt: "no-marks" })
  })

  it("becomes a spec of the file's procedure, its tasks without levels", () => {
    const proposal = proposeSpec(PROCEDURE, { positional: true, present: 50, marks: {}, tasks: [evidence("1", null, 1, 50, 20), evidence("2", null, 3, 50, 10)] })
    expect(specOfProposal(proposal)).toMatchObject({ ...PROCEDURE, maxTotal: 4, scale: null, tasks: [{ label: "1", max: 1, level: null }, { label: "2", max: 3, level: null }] })
  })
})
