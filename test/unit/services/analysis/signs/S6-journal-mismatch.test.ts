import { describe, expect, it } from "vitest"
import type { JournalMark } from "../../../../../src/domain/results.ts"
import type { ProcedureResults } from "../../../../../src/services/analysis/types.ts"
import { cellsWithTotal, journalFor, noisyJournal, ORDINARY_TOTALS, ordinarySchools, pupil, school, schoolOfTotals, settingsWith, signFor, SPEC } from "./fixtures.ts"

function withSchools(...extra: ProcedureResults["schools"]): ProcedureResults {
  return { spec: SPEC, schools: [...ordinarySchools(20), ...extra] }
}

/** 21 ordinary schools whose teachers mark from stricter to more lenient (0–30 % of pupils one mark either way). */
function withLenientSchools(...extra: ProcedureResults["schools"]): ProcedureResults {
  const schools = Array.from({ length: 21 }, (_, s) => {
    const lean = (s % 7) - 3
    return schoolOfTotals(`8${String(s).padStart(5, "0")}`, 30, ORDINARY_TOTALS, (t, i) => {
      const shift = i % 10 < Math.abs(lean) ? Math.sign(lean) : 0
      return Math.min(5, Math.max(2, noisyJournal(t, i) + shift)) as JournalMark
    })
  })
  return { spec: SPEC, schools: [...schools, ...extra] }
}

describe("S6 (journal marks)", () => {
  it("fires on a negative Spearman correlation (FIOKO 2019 rule b)", () => {
    const reversed = schoolOfTotals("200010", 20, [1, 3, 5, 7, 9, 11], (t) => (7 - journalFor(t)) as JournalMark)
    const s6 = signFor("S6", withSchools(reversed), "200010")
    expect(s6).toMatchObject({ status: "fired", reason: "negative_correlation" })
    expect(s6.evidence.rho as number).toBeLessThan(-0.9)
    expect(s6.strength).toBe("strong")
  })

  it("fires when the journal runs above what the scores show (an inflated journal, rule d)", () => {
    const inflated = schoolOfTotals("200011", 30, ORDINARY_TOTALS, (t, i) => Math.min(5, noisyJournal(t, i) + 1) as JournalMark)
    const s6 = signFor("S6", withLenientSchools(inflated), "200011")
    expect(s6).toMatchObject({ status: "fired", reason: "journal_above_scores" })
    expect(s6.evidence.journalResidual as number).toBeGreaterThan(0.6)
    expect(s6.evidence.journalResidualZ as number).toBeGreaterThan(3)
  })

  it("fires the other way when the scores run above the journal (points added to the work, rule d)", () => {
    const added = schoolOfTotals("200015", 30, ORDINARY_TOTALS, (t, i) => Math.max(2, noisyJournal(t, i) - 1) as JournalMark)
    const s6 = signFor("S6", withLenientSchools(added), "200015")
    expect(s6).toMatchObject({ status: "fired", reason: "scores_above_journal" })
    expect(s6.evidence.journalResidual as number).toBeLessThan(-0.6)
  })

  it("allows for the honest spread of teachers' leniency: a mildly lenient school does not fire", () => {
    const mild = schoolOfTotals("200016", 30, ORDINARY_TOTALS, (t, i) => Math.min(5, noisyJournal(t, i) + (i % 10 < 4 ? 1 : 0)) as JournalMark)
    const s6 = signFor("S6", withLenientSchools(mild), "200016")
    expect(s6.status).toBe("not_fired")
    expect(s6.evidence.journalResidualSpread as number).toBeGreaterThan(0.1)
    // Among schools that all mark alike there is no honest spread, and the same school stands out.
    const alike = signFor("S6", withSchools(mild), "200016")
    expect(alike.evidence.journalResidualSpread).toBe(0)
    expect(alike).toMatchObject({ status: "fired", reason: "journal_above_scores" })
  })

  it("rule (d) needs ten schools to tell a lenient teacher from the honest spread", () => {
    const inflated = schoolOfTotals("200017", 30, ORDINARY_TOTALS, (t, i) => Math.min(5, noisyJournal(t, i) + 1) as JournalMark)
    const few = { spec: SPEC, schools: [...withLenientSchools().schools.slice(0, 8), inflated] }
    const s6 = signFor("S6", few, "200017")
    expect(s6.status).toBe("not_fired")
    expect(s6.evidence.journalResidual).toBeUndefined()
  })

  it("with rule (c) on, fires when far more marks are lowered than in the group", () => {
    const inflated = schoolOfTotals("200011", 30, [2, 3, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11], () => 5)
    const shares = settingsWith({ S6: { rules: { shifts: true, residual: false } } })
    const s6 = signFor("S6", withSchools(inflated), "200011", shares)
    expect(s6.status).toBe("fired")
    expect(String(s6.evidence.rules)).toContain("marks_lowered")
    expect(s6.evidence.marks_loweredShare as number).toBeGreaterThan(0.8)
  })

  it("does not fire on an ordinary school", () => {
    const s6 = signFor("S6", withSchools(), "900005")
    expect(s6.status).toBe("not_fired")
    expect(s6.evidence.rho as number).toBeGreaterThan(0.5)
  })

  it("abstains without journal marks and with fewer than five of them", () => {
    const none = schoolOfTotals("200012", 12, [3, 6, 9])
    const few = school("200013", [
      ...[3, 6, 9].map((t) => pupil("200013", cellsWithTotal(t), { journal: journalFor(t) })),
      ...[3, 6, 9, 5, 7].map((t) => pupil("200013", cellsWithTotal(t))),
    ])
    const input = withSchools(none, few)
    expect(signFor("S6", input, "200012")).toMatchObject({ status: "abstained", reason: "no_data" })
    expect(signFor("S6", input, "200013")).toMatchObject({ status: "abstained", reason: "too_few_journal_marks" })
  })

  it("FIOKO settings use only the correlation: an inflated journal alone does not fire there", () => {
    const inflated = schoolOfTotals("200014", 30, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11], (t, i) => Math.min(5, noisyJournal(t, i) + 1) as JournalMark)
    const fioko = settingsWith({ S6: { rules: { correlation: true, gaps: false, shifts: false, residual: false } } })
    expect(signFor("S6", withSchools(inflated), "200014", fioko).status).toBe("not_fired")
  })
})
