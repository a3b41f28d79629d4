import { readFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { createTranslator, LOCALES_DIR } from "../../../../../../src/i18n.ts"
import { ABSTENTION_REASONS, describe as describeSign, FIRED_REASONS, NO_DATA_SIGNS } from "../../../../../../src/services/analysis/signs/common/describe.ts"
import { SIGN_KINDS, type Evidence, type SignId, type SignResult } from "../../../../../../src/services/analysis/signs/common/types.ts"

const ru = createTranslator("ru")
const en = createTranslator("en")
const EXAM_LABEL = "ОГЭ 2022 · Математика"

/** A reason with evidence as its sign produces it, and a figure each language must show (plural forms included). */
interface Case {
  id: SignId
  reason: string
  evidence: Evidence
  ru?: string
  en?: string
}

const FIRED: Case[] = [
  { id: "S1", reason: "mean_above_group", evidence: { mean: 27.3, low: 25.1, high: 29.5, groupMean: 24.7, groupLow: 24.6, groupHigh: 24.8 }, ru: "средний балл 27,3 (ДИ 25,1–29,5)", en: "mean score 27.3 (CI 25.1–29.5)" },
  { id: "S1-", reason: "mean_below_group", evidence: { mean: 12.4, low: 10.2, high: 14.6, groupMean: 17.1, groupLow: 16.9, groupHigh: 17.3 }, ru: "при 17,1 (ДИ 16,9–17,3)", en: "against 17.1 (CI 16.9–17.3)" },
  { id: "S2", reason: "tasks_above_group", evidence: { tasks: 21, tasksAbove: 12, share: 0.571, threshold: 0.5, tasksAboveLabels: "1, 2, 4" }, ru: "12 из 21 задания выше группы (57 %): 1, 2, 4", en: "12 of 21 tasks done better than in the group (57%): 1, 2, 4" },
  { id: "S3", reason: "hard_tasks_above_easy", evidence: { delta: 0.124, p: 0.004, focusTasks: "9, 10" }, ru: "(9, 10) выполнены лучше лёгких на 12 п. п., p = 0,004", en: "by 12 percentage points, p = 0.004" },
  { id: "S3", reason: "hard_tasks_weaker_pupils", evidence: { delta: 0.02, p: 0.3, contrast: 0.18, contrastP: 0.0004, focusTasks: "9, 10" }, ru: "разница 18 п. п., p < 0,001", en: "a gap of 18 percentage points, p < 0.001" },
  { id: "S12", reason: "criteria_tasks_above_one_point", evidence: { delta: 0.09, p: 0.02 }, ru: "на 9 п. п., p = 0,020", en: "by 9 percentage points, p = 0.020" },
  {
    id: "S4",
    reason: "peak_at_threshold",
    evidence: { mark: "4", threshold: 21, mark4At: 15, mark4Below: 3, mark4ExpectedShare: 0.34, window: 5, p: 0.0002 },
    ru: "пик на границе отметки «4» (21 балл): на границе 15 работ, на 1–5 баллов ниже — 3 (ожидалось около 34 % на границе)",
    en: "a peak at the boundary for mark 4 (21 points): 15 papers at the boundary, 3 within 5 points below (about 34% expected at the boundary)",
  },
  {
    id: "S4",
    reason: "peak_at_threshold",
    evidence: { mark: "all", threshold: null, jointAt: 21, jointBelow: 4, jointExpectedShare: 0.25, window: 1, p: 0.003 },
    ru: "ровно на границах отметок 21 работа, на 1 балл ниже — 4 (ожидалось около 25 % на границах), p = 0,003",
    en: "21 papers exactly at the mark boundaries, 4 within 1 point below (about 25% expected at the boundaries), p = 0.003",
  },
  { id: "S5", reason: "many_fives", evidence: { n: 40, fiveShare: 0.41, groupFiveShare: 0.18 }, ru: "доля «5» 41 % при 18 %", en: "mark «5» for 41% of participants against 18%" },
  { id: "S5", reason: "few_twos", evidence: { n: 21, twos: 1, groupTwoShare: 0.12, pFewTwos: 0.03 }, ru: "«2» у 1 из 21 участника при 12 %", en: "mark «2» for 1 of 21 participants against 12%" },
  { id: "S6", reason: "negative_correlation", evidence: { journalMarks: 22, rho: -0.32, rhoP: 0.01 }, ru: "ρ = −0,32 (22 отметки)", en: "ρ = −0.32 (22 marks)" },
  { id: "S6", reason: "two_mark_gaps", evidence: { journalMarks: 30, two_mark_gapsShare: 0.15, two_mark_gapsGroupShare: 0.03 }, ru: "у 15 % работ при 3 %", en: "for 15% of papers against 3%" },
  { id: "S6", reason: "marks_lowered", evidence: { journalMarks: 30, marks_loweredShare: 0.42, marks_loweredGroupShare: 0.2 }, ru: "понизили отметку по журналу 42 % участников при 20 %", en: "42% of participants got a lower mark" },
  {
    id: "S6",
    reason: "journal_above_scores",
    evidence: { journalMarks: 30, journalResidual: 0.71, journalResidualExpected: 0.05, journalResidualP: 0.0004 },
    ru: "в среднем на 0,66 выше, чем у участников других школ с теми же баллами ВПР (с поправкой на уровень школы), p < 0,001",
    en: "on average 0.66 higher than those of participants in other schools",
  },
  {
    id: "S6",
    reason: "scores_above_journal",
    evidence: { journalMarks: 30, journalResidual: -0.42, journalResidualExpected: 0.03, journalResidualP: 0.004 },
    ru: "отметки по журналу в среднем на 0,45 ниже, чем у участников других школ с теми же баллами ВПР (с поправкой на уровень школы): результаты ВПР выше, чем позволяют ожидать отметки, p = 0,004",
    en: "journal marks are on average 0.45 lower than those of participants",
  },
  { id: "S6", reason: "marks_raised", evidence: { journalMarks: 30, marks_raisedShare: 0.3, marks_raisedGroupShare: 0.08 }, ru: "повысили отметку по журналу 30 % участников при 8 %", en: "30% of participants got a higher mark" },
  { id: "S7", reason: "fall_next_year", evidence: { role: "earlier", k: 1.45, fence: 1.21 }, ru: "K = 1,45 при верхней границе 1,21", en: "K = 1.45 with the upper fence at 1.21" },
  { id: "S7", reason: "rise_from_last_year", evidence: { role: "later", k: 0.58, fence: 0.74 }, ru: "K = 0,58 при нижней границе 0,74", en: "K = 0.58 with the lower fence at 0.74" },
  { id: "S8", reason: "exam_not_confirming", evidence: { vprPercentile: 91.2, examPercentile: 23.8, schools: 40, label: EXAM_LABEL }, ru: `на 91-м перцентиле, по ${EXAM_LABEL} — на 24-м`, en: `percentile is 91 in ВПР but only 24 in ${EXAM_LABEL}` },
  { id: "S9", reason: "medalists_not_confirmed", evidence: { medalists: 5, belowCutoff: 3, index: 0.6, cutoff: 71 }, ru: "3 из 5 медалистов ниже 71 балла ЕГЭ (индекс 0,60)", en: "3 of 5 medalists scored below 71 points in ЕГЭ (index 0.60)" },
  { id: "S10", reason: "marks_lowered_on_recheck", evidence: { works: 20, downShare: 0.35, raised: 1, meanChange: -2.4 }, ru: "перепроверке 20 работ отметка понижена у 35 % из них (повышена — у 1), балл изменился в среднем на −2,4", en: "re-check of 20 papers lowered the mark for 35% of them (raised it for 1); the score changed by −2.4 on average" },
  { id: "S10", reason: "scores_lowered_on_recheck", evidence: { works: 20, downShare: 0.05, meanChange: -3.1 }, ru: "на −3,1", en: "by −3.1" },
  { id: "S11", reason: "identical_answers", evidence: { observedPairs: 3, expectedPairs: 0.4, p: 0.0001 }, ru: "3 пары работ одного варианта с одинаковыми ответами при ожидаемых 0,4", en: "3 pairs of same-variant papers with identical answers where 0.4 would be expected" },
]

const ABSTAINED: Case[] = [
  { id: "S2", reason: "disabled", evidence: {} },
  { id: "S1", reason: "too_few_participants", evidence: { n: 3, minimum: 5 }, ru: "слишком мало участников (3 при минимуме 5)", en: "too few participants (3, the minimum is 5)" },
  { id: "S4", reason: "too_few_for_distribution", evidence: { n: 12, minimum: 21 }, ru: "не меньше 21 участника (есть 12)", en: "at least 21 participants (there are 12)" },
  { id: "S6", reason: "too_few_journal_marks", evidence: { journalMarks: 4, minimum: 10 }, ru: "(4 при минимуме 10)", en: "(4, the minimum is 10)" },
  { id: "S9", reason: "too_few_medalists", evidence: { medalists: 1, minimum: 3 }, ru: "(1 при минимуме 3)", en: "(1, the minimum is 3)" },
  { id: "S10", reason: "too_few_rechecked", evidence: { works: 2, minimum: 10 }, ru: "(2 при минимуме 10)", en: "(2, the minimum is 10)" },
  { id: "S4", reason: "no_scale", evidence: {} },
  { id: "S5", reason: "no_reference", evidence: {} },
  { id: "S3", reason: "no_task_split", evidence: {} },
  { id: "S12", reason: "no_same_level_schools", evidence: {} },
  { id: "S3", reason: "too_few_pupils", evidence: {} },
  { id: "S8", reason: "lyceum_exempt", evidence: {} },
  { id: "S11", reason: "no_tasks", evidence: {} },
  { id: "S11", reason: "single_variant", evidence: { pupils: 12 } },
]

const NO_DATA: Case[] = [...NO_DATA_SIGNS, "S2" as const].map((id) => ({ id, reason: "no_data", evidence: {} }))

function result(status: SignResult["status"], c: Case, strength?: "moderate" | "strong"): SignResult {
  return { id: c.id, kind: SIGN_KINDS[c.id], status, ...(strength ? { strength } : {}), reason: c.reason, evidence: c.evidence }
}

/** A rendered line is whole: no unresolved Fluent placeable or key, no missing figure, no raw reason code. */
function expectRendered(line: string, c: Case): void {
  expect(line).toMatch(new RegExp(`^${c.id} · `))
  expect(line).not.toMatch(/[{}]|sign-|undefined|NaN|p —|\(—|—\)|— %/)
  expect(line).not.toContain(c.reason)
}

describe("sign lines in both languages", () => {
  it("cover every reason code describe() knows", () => {
    expect(new Set(FIRED.map((c) => c.reason))).toEqual(new Set(FIRED_REASONS))
    expect(new Set(ABSTAINED.map((c) => c.reason))).toEqual(new Set(ABSTENTION_REASONS))
  })

  const cases: [string, SignResult["status"], Case][] = [
    ...FIRED.map((c): [string, SignResult["status"], Case] => [`${c.id} fired: ${c.reason} ${String(c.evidence.mark ?? "")}`, "fired", c]),
    ...ABSTAINED.map((c): [string, SignResult["status"], Case] => [`${c.id} abstained: ${c.reason}`, "abstained", c]),
    ...NO_DATA.map((c): [string, SignResult["status"], Case] => [`${c.id} abstained: no_data`, "abstained", c]),
  ]

  it.each(cases)("%s", (_name, status, c) => {
    const russian = describeSign(result(status, c, "moderate"), ru)
    const english = describeSign(result(status, c, "moderate"), en)
    expectRendered(russian, c)
    expectRendered(english, c)
    if (c.ru) expect(russian).toContain(c.ru)
    if (c.en) expect(english).toContain(c.en)
    expect(russian).toContain(status === "fired" ? ru(`sign-title-${c.id}`) : "не оценивается — ")
    // English has its own text, not the Russian fallback: no Cyrillic beyond exam names and data labels.
    expect(english.replaceAll(EXAM_LABEL, "").replace(/ВПР|ОГЭ|ЕГЭ/g, "")).not.toMatch(/[А-Яа-яЁё]/)
  })

  it("marks a strong sign and a sign that did not fire", () => {
    const c = FIRED[0]!
    expect(describeSign(result("fired", c, "strong"), ru)).toMatch(/ \(сильный признак\)$/)
    expect(describeSign(result("fired", c, "strong"), en)).toMatch(/ \(strong sign\)$/)
    expect(describeSign(result("not_fired", { ...c, reason: "within_group" }), en)).toBe("S1 · Inflated mean score: not found")
  })

  it("shows an unknown reason code as is rather than hiding it", () => {
    expect(describeSign(result("fired", { id: "S5", reason: "new_rule", evidence: {} }), ru)).toBe("S5 · Нетипично мало «2» / много «5»: new_rule")
  })

  it("ru and en signs.ftl define the same messages", () => {
    const keys = (language: string) =>
      [...readFileSync(path.join(LOCALES_DIR, language, "signs.ftl"), "utf8").matchAll(/^([A-Za-z][\w-]*) =/gm)].map((m) => m[1]).sort()
    expect(keys("en")).toEqual(keys("ru"))
    expect(keys("ru").length).toBeGreaterThan(50)
  })
})

function signOf(id: SignId, status: SignResult["status"] = "fired", strength?: "moderate" | "strong", reason = "r", evidence: SignResult["evidence"] = {}): SignResult {
  return { id, kind: SIGN_KINDS[id], status, ...(strength ? { strength } : {}), reason, evidence }
}

describe("describe()", () => {
  const t = createTranslator("ru")

  it("says why a sign abstains, in Russian", () => {
    expect(describeSign(signOf("S8", "abstained", undefined, "no_data"), t)).toBe("S8 · Результаты ВПР не подтверждаются ОГЭ/ЕГЭ: не оценивается — нет данных ОГЭ/ЕГЭ")
    expect(describeSign(signOf("S4", "abstained", undefined, "too_few_participants", { n: 3, minimum: 5 }), t)).toContain("слишком мало участников (3 при минимуме 5)")
    expect(describeSign(signOf("S3", "not_fired"), t)).toBe("S3 · Трудные задания выполнены лучше лёгких: не выявлен")
  })

  it("writes the same figures the English way", () => {
    const en = createTranslator("en")
    expect(describeSign(signOf("S3", "not_fired"), en)).toBe("S3 · Hard tasks done better than easy ones: not found")
    expect(describeSign(signOf("S4", "fired", "strong", "peak_at_threshold", { mark: "4", threshold: 24, mark4At: 15, mark4Below: 3, mark4ExpectedShare: 0.34, window: 2, p: 0.0002 }), en)).toBe(
      "S4 · Peaks at mark boundaries: a peak at the boundary for mark 4 (24 points): 15 papers at the boundary, 3 within 2 points below (about 34% expected at the boundary), p < 0.001 (strong sign)",
    )
    expect(describeSign(signOf("S1", "fired", "moderate", "mean_above_group", { mean: 27.3, low: 25.1, high: 29.5, groupMean: 24.7, groupLow: 24.6, groupHigh: 24.8 }), en)).toBe(
      "S1 · Inflated mean score: mean score 27.3 (CI 25.1–29.5) against 24.7 (CI 24.6–24.8) in the group",
    )
  })
})
