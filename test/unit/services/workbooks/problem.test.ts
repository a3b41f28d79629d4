import { describe, expect, it } from "vitest"
import { ALL_PROBLEM_CODES, describeProblem, problem, type ProblemCode, type ProblemParams } from "../../../../src/services/workbooks/problem.ts"
import { strictTranslator } from "../../../support/fixtures/translator.ts"

/** Parameters each code is produced with (the parsers' own), so a typo in a locale file fails here. */
const PARAMS: Partial<Record<ProblemCode, ProblemParams>> = {
  "file-too-large": { size: 25.3, limit: 20 },
  "file-zip-bomb": { size: 300, limit: 200 },
  "file-zip-bomb-inflated": { part: "xl/sharedStrings.xml", size: 200 },
  "file-too-many-sheets": { sheets: 60, limit: 50 },
  "file-too-many-rows": { rows: 200001, limit: 200000 },
  "file-too-many-columns": { columns: 400, limit: 300 },
  "layout-context-form": { year: "2021" },
  "layout-empty-form": { form: "collection", classes: 2 },
  "layout-unknown": { sheets: "Лист1, Итоги" },
  "header-code-unmatched": { text: "Код участника" },
  "header-tasks-unmatched": { text: "Задание 1", count: 12, last: "P1" },
  "header-column-missing": { header: "variant" },
  "procedure-conflict": { part: "year", file: "2021", given: "2022" },
  "spec-unknown": { procedure: "ВПР 2023 · Математика · 4 класс" },
  "spec-version-outdated": { version: 1, current: 2 },
  "school-login-option-invalid": { value: "школа 5" },
  "header-task-missing": { task: "12", max: 2 },
  "header-task-extra": { header: "13 (2б)" },
  "header-task-max": { task: "2", found: 2, expected: 1 },
  "header-task-duplicate": { task: "3" },
  "header-task-count": { found: 16, expected: 15 },
  "header-suggests-procedure": { subject: "География", grade: 11, year: "2022" },
  "names-column": { column: "ФИО" },
  "names-instead-of-codes": { column: "Код" },
  "score-above-max": { value: 3, task: "3", max: 2 },
  "score-negative": { value: "-1", task: "1" },
  "score-invalid": { value: "abc", task: "5.1" },
  "variant-unknown": { value: "7" },
  "code-invalid": { value: "4000A" },
  "code-duplicate": { code: "40001", firstRow: "2" },
  "school-login-invalid": { value: "school1" },
  "variant-unusual": { value: 4 },
  "total-mismatch": { recorded: 5, computed: 1 },
  "total-missing": { computed: 0 },
  "journal-mark-missing": { value: "нет отметки" },
  "journal-mark-invalid": { value: "1" },
  "row-longer-than-header": { extra: 2 },
  "formula-no-value": {},
  "class-latin-letters": { value: "A", normalised: "А", count: 3 },
  "not-taught": { task: "2", school: "223379", count: 21 },
  "mark-mismatch": { recorded: 4, computed: 2 },
  "row-excluded": { code: "40001" },
  "spec-field-missing": { field: "subject" },
  "spec-kind-invalid": { value: "ГИА" },
  "spec-year-invalid": { value: "двадцать" },
  "spec-grade-invalid": { value: "12" },
  "spec-label-invalid": { value: "задание" },
  "spec-label-duplicate": { label: "1" },
  "spec-max-invalid": { task: "3", value: "25" },
  "spec-level-invalid": { task: "4", value: "X" },
  "spec-scale-invalid": { reason: "order", maxTotal: 20 },
  "outside-value-missing": { header: "Год" },
  "outside-header-missing": { header: "Средний балл" },
  "outside-school-unknown": { value: "edu229999" },
  "outside-exam-invalid": { value: "ГИА" },
  "outside-year-invalid": { value: "1999", min: "2000", max: "2027" },
  "outside-subject-invalid": { value: "Физкультура" },
  "outside-math-base-level": { value: "Математика (базовый уровень)" },
  "outside-participants-invalid": { value: "-3" },
  "outside-mean-invalid": { value: "140", max: 100 },
  "outside-test-points-invalid": { value: "101" },
  "outside-procedure-invalid": { value: "ВПР 2021" },
  "outside-score-invalid": { value: "-1" },
  "outside-score-above-max": { value: 21, max: 20 },
  "outside-duplicate": { what: "medalist", firstRow: "6" },
  "spec-other-procedure": { spec: "ВПР 2023 · Химия · 9 класс", file: "ВПР 2023 · Биология · 9 класс" },
  "spec-task-count-differs": { found: 12, expected: 14 },
}

const OTHER_KEYS = [
  "intake-report-sheet", "intake-report-col-sheet", "intake-report-col-cell", "intake-report-col-severity", "intake-report-col-text",
  "intake-report-severity-error", "intake-report-severity-warning", "intake-report-whole-file", "intake-template-intro",
  "intake-template-step-login", "intake-template-step-code", "intake-template-step-class", "intake-template-step-variant",
  "intake-template-step-journal", "intake-template-step-send", "intake-template-prompt-variant", "intake-template-prompt-journal",
  "intake-template-prompt-code",
]

describe.each(["ru", "en"] as const)("locale %s", (language) => {
  const translate = strictTranslator(language)

  it.each(ALL_PROBLEM_CODES.map((code) => [code]))("has a complete text for %s", (code) => {
    const found = problem("error", code, "Протокол", PARAMS[code] ?? {}, { column: 11, row: 3 })
    const text = describeProblem(found, translate)
    expect(text.length).toBeGreaterThan(10)
    expect(text).not.toMatch(/\{|\}|undefined/u)
  })

  it("has the report and template texts", () => {
    for (const key of OTHER_KEYS) expect(translate(key).length).toBeGreaterThan(1)
    expect(translate("intake-template-title", { procedure: "ВПР 2021 · Математика · 4 класс" })).toContain("Математика")
    expect(translate("intake-template-step-scores", { tasks: 15, maxTotal: 20 })).toMatch(/15.*20/u)
    expect(translate("intake-template-prompt-score", { max: 2 })).toContain("2")
    expect(translate("intake-template-error-score", { max: 2 })).toContain("2")
  })
})

describe("Russian texts read naturally", () => {
  const ru = strictTranslator("ru")
  const text = (code: ProblemCode, params: ProblemParams) => describeProblem(problem("warning", code, "Sheet", params, { column: 25, row: 2 }), ru)

  it("uses the right plural forms", () => {
    expect(text("row-longer-than-header", { extra: 1 })).toContain("есть ещё 1 значение.")
    expect(text("row-longer-than-header", { extra: 3 })).toContain("есть ещё 3 значения.")
    expect(text("row-longer-than-header", { extra: 5 })).toContain("есть ещё 5 значений.")
    expect(text("not-taught", { task: "8", school: "223645", count: 21 })).toContain("у 21 участника школы")
  })

  it("matches the wording agreed in the brief", () => {
    expect(text("score-above-max", { value: 2, task: "12", max: 1 })).toBe("Лист «Sheet», ячейка Y2: 2 больше максимума задания 12 (1 б.).")
    expect(text("layout-empty-form", { form: "collection", classes: 0 })).toBe(
      "Это пустая форма сбора результатов: на листе «Протокол» нет ни одного участника. Похоже, отправлен не тот файл — нужна форма с внесёнными результатами.",
    )
  })
})
