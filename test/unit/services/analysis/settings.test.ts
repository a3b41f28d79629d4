import { describe, expect, it } from "vitest"
import { DEFAULT_SETTINGS, FIOKO_2019, parseSettings, SettingsError, SIGN_IDS } from "../../../../src/services/analysis/settings.ts"

describe("analysis settings", () => {
  it("defaults follow objectivity.md where it gives a number", () => {
    expect(DEFAULT_SETTINGS.confidence).toBe(0.95)
    expect(DEFAULT_SETTINGS.ci).toBe("t")
    expect(DEFAULT_SETTINGS.minParticipants).toBe(5)
    expect(DEFAULT_SETTINGS.minParticipantsForDistribution).toBe(20)
    expect(DEFAULT_SETTINGS.minSubgroup).toBe(10)
    expect(DEFAULT_SETTINGS.referenceGroup.kind).toBe("all")
    expect(DEFAULT_SETTINGS.leaveOneOut).toBe(true)
    expect(DEFAULT_SETTINGS.S2.shareOfTasks).toBe(0.5)
    expect(DEFAULT_SETTINGS.S3).toMatchObject({ alpha: 0.01, minDelta: 0.08 })
    expect(DEFAULT_SETTINGS.S6).toMatchObject({ gapShare: 0.1, shiftShare: 0.4, minJournalMarks: 5 })
    expect(DEFAULT_SETTINGS.S7.iqrMultiplier).toBe(3)
    expect(DEFAULT_SETTINGS.S8).toMatchObject({ vprPercentile: 75, examPercentile: 50, exemptLyceums: true })
    expect(DEFAULT_SETTINGS.S9).toMatchObject({ cutoff: 70, minIndex: 0.3, minMedalists: 3 })
    expect(DEFAULT_SETTINGS.S10).toMatchObject({ downShare: 0.2, meanChange: -1.5, minWorks: 10 })
    expect(DEFAULT_SETTINGS.S11).toMatchObject({ alpha: 0.001, minPairs: 3 })
    expect(DEFAULT_SETTINGS.enabledSigns).toEqual([...SIGN_IDS])
    expect(parseSettings({})).toEqual(DEFAULT_SETTINGS)
  })

  it("merges a partial object key by key and replaces arrays", () => {
    const s = parseSettings({ S9: { cutoff: 60 }, referenceGroup: { kind: "control", controlSchoolKeys: ["220001"] }, enabledSigns: ["S1"] })
    expect(s.S9).toEqual({ ...DEFAULT_SETTINGS.S9, cutoff: 60 })
    expect(s.referenceGroup).toEqual({ kind: "control", controlSchoolKeys: ["220001"], minSchools: DEFAULT_SETTINGS.referenceGroup.minSchools })
    expect(s.enabledSigns).toEqual(["S1"])
    expect(DEFAULT_SETTINGS.S9.cutoff).toBe(70) // the defaults object is not mutated
  })

  it("is JSON-serialisable: a round trip gives the same settings", () => {
    const s = parseSettings({ ci: "z", S4: { window: 1 } })
    expect(parseSettings(JSON.parse(JSON.stringify(s)))).toEqual(s)
  })

  it("rejects wrong values with every problem and its path", () => {
    try {
      parseSettings({ confidence: 1.5, S3: { strongAlpha: 0.05 }, referenceGroup: { kind: "region" }, S6: { shiftshare: 0.3 } })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError)
      const paths = (error as SettingsError).issues.map((i) => i.path)
      expect(paths).toEqual(expect.arrayContaining(["confidence", "S3.strongAlpha", "referenceGroup.kind", "S6"]))
      expect((error as Error).message).toMatch(/confidence/)
    }
    expect(() => parseSettings("fast")).toThrow(SettingsError)
    expect(() => parseSettings({ enabledSigns: ["S13"] })).toThrow(/enabledSigns/)
  })

  it("FIOKO_2019 is rule (a) with z, the whole region, two participants, and markers S1, S6 (rule b), S7", () => {
    expect(FIOKO_2019).toMatchObject({ ci: "z", confidence: 0.95, minParticipants: 2, referenceGroup: { kind: "all" }, leaveOneOut: false })
    expect(FIOKO_2019.enabledSigns).toEqual(["S1", "S6", "S7"])
    expect(FIOKO_2019.S6.rules).toEqual({ correlation: true, gaps: false, shifts: false, residual: false })
    expect(FIOKO_2019.S6.minJournalMarks).toBe(5)
  })
})
