import { describe, expect, it } from "vitest"
import { createTranslator } from "../../../../src/i18n.ts"
import {
  assessRisk,
  fioko2019Index,
  indexTrend,
  objectivityIndex,
  riskTwoYearsRunning,
  type RiskLevel,
} from "../../../../src/services/analysis/risk.ts"
import { describe as describeSign } from "../../../../src/services/analysis/signs/common/describe.ts"
import { SIGN_KINDS, type SignId, type SignResult } from "../../../../src/services/analysis/signs/common/types.ts"

function sign(id: SignId, status: SignResult["status"] = "fired", strength?: "moderate" | "strong", reason = "r", evidence: SignResult["evidence"] = {}): SignResult {
  return { id, kind: SIGN_KINDS[id], status, ...(strength ? { strength } : {}), reason, evidence }
}

describe("risk level (objectivity.md rules)", () => {
  const cases: [string, SignResult[], RiskLevel, number][] = [
    ["nothing fired", [sign("S1", "not_fired"), sign("S4", "abstained")], "none", 0],
    ["an info sign only (S1−)", [sign("S1-", "fired", "moderate")], "none", 0],
    ["level signs only, however many", [sign("S1", "fired", "moderate"), sign("S2", "fired", "moderate"), sign("S5", "fired", "moderate")], "attention", 1],
    ["one moderate pattern sign", [sign("S6", "fired", "moderate")], "attention", 2],
    ["one strong pattern sign", [sign("S4", "fired", "strong")], "risk", 3],
    ["two moderate pattern signs", [sign("S3", "fired", "moderate"), sign("S12", "fired", "moderate")], "risk", 4],
    ["a moderate pattern sign with a level sign", [sign("S6", "fired", "moderate"), sign("S1", "fired", "moderate")], "risk", 3],
    ["a strong pattern, a moderate one and level signs", [sign("S11", "fired", "strong"), sign("S6", "fired", "moderate"), sign("S1"), sign("S5")], "risk", 6],
  ]
  it.each(cases)("%s", (_name, signs, level, score) => {
    const risk = assessRisk(signs)
    expect(risk.level).toBe(level)
    expect(risk.score).toBe(score)
    expect(risk.reasons).toHaveLength(signs.filter((s) => s.status === "fired" && s.kind !== "info").length)
  })

  const meanSign = sign("S1", "fired", "moderate", "mean_above_group", { mean: 27.3, low: 25.1, high: 29.5, groupMean: 24.7, groupLow: 24.6, groupHigh: 24.8 })
  const peakSign = sign("S4", "fired", "strong", "peak_at_threshold", { mark: "4", threshold: 24, mark4At: 15, mark4Below: 3, mark4ExpectedShare: 0.34, window: 2, p: 0.0002 })

  it("lists reasons weightiest first, as codes with figures", () => {
    const risk = assessRisk([meanSign, peakSign])
    expect(risk.reasons.map((r) => r.signId)).toEqual(["S4", "S1"])
    expect(risk.reasons[0]).toMatchObject({ code: "peak_at_threshold", strength: "strong", kind: "pattern", params: peakSign.evidence })
    expect(risk.reasons[1]).toMatchObject({ code: "mean_above_group", strength: "moderate", kind: "level", params: meanSign.evidence })
  })

  it("the reasons read as plain Russian lines with their figures", () => {
    const t = createTranslator("ru")
    expect(describeSign(peakSign, t)).toBe(
      "S4 · Пики на границах отметок: пик на границе отметки «4» (24 балла): на границе 15 работ, на 1–2 балла ниже — 3 (ожидалось около 34 % на границе), p < 0,001 (сильный признак)",
    )
    expect(describeSign(meanSign, t)).toBe("S1 · Завышенный средний балл: средний балл 27,3 (ДИ 25,1–29,5) при 24,7 (ДИ 24,6–24,8) в группе")
  })
})

describe("indices", () => {
  const school = (key: string, signs: SignResult[]) => ({ schoolKey: key, signs, risk: assessRisk(signs) })

  it("municipal objectivity index = 100 − % of assessed schools with any sign", () => {
    const schools = [
      school("1", [sign("S1", "fired", "moderate")]),
      school("2", [sign("S1", "not_fired")]),
      school("3", [sign("S1", "not_fired")]),
      school("4", [sign("S1-", "fired", "moderate")]), // info only: no sign of bias
      school("5", [sign("S1", "abstained", undefined, "too_few_participants")]), // not assessed
    ]
    expect(objectivityIndex(schools)).toEqual({ schools: 4, schoolsWithSigns: 1, index: 75 })
    expect(objectivityIndex([]).index).toBeNull()
  })

  it("FIOKO 2019 index counts a school once over procedures, with markers S1, S6 by correlation and S7", () => {
    const ru4 = [school("1", [sign("S1")]), school("2", [sign("S6", "fired", "moderate", "marks_lowered", { rules: "marks_lowered" })]), school("3", [sign("S1", "not_fired")])]
    const ma4 = [school("1", [sign("S7")]), school("3", [sign("S6", "fired", "moderate", "negative_correlation", { rules: "negative_correlation" })]), school("4", [sign("S1", "not_fired")])]
    expect(fioko2019Index([ru4, ma4])).toEqual({ schools: 4, schoolsWithSigns: 2, index: 50 })
  })

  it("risk zone two years running, and the index trend", () => {
    const now = new Map<string, RiskLevel>([["1", "risk"], ["2", "risk"], ["3", "attention"]])
    const last = new Map<string, RiskLevel>([["1", "risk"], ["2", "attention"], ["3", "risk"]])
    expect([...riskTwoYearsRunning(now, last)]).toEqual(["1"])
    expect(indexTrend([{ year: 2022, index: 80 }, { year: 2021, index: 85 }, { year: 2023, index: null }])).toEqual([
      { year: 2021, index: 85, change: null },
      { year: 2022, index: 80, change: -5 },
      { year: 2023, index: null, change: null },
    ])
  })
})
