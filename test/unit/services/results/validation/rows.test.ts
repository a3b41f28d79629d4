/**
 * Every error and warning of formats.md §2.5, §3 and §7 on small generated workbooks: exact code,
 * severity, sheet and cell. Layout B (Математика 4, 2022): G = Код, H = Вариант, I…W = tasks 1…12,
 * X = класс, Y = пол, Z = отметка по журналу, AA = Итого баллов.
 */
import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../../src/domain/procedures/index.ts"
import type { ProcedureSpec } from "../../../../../src/domain/results.ts"
import { parseResults } from "../../../../../src/services/results/formats/index.ts"
import type { Problem } from "../../../../../src/services/workbooks/problem.ts"
import { collectionForm, export2021, individualReport, type FixtureRow } from "../../../../support/fixtures/workbooks.ts"

const math4 = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!
const english11 = findSpec({ kind: "ВПР", year: 2022, subject: "Английский язык", grade: 11 })!
const zeros = (spec: ProcedureSpec): (number | string)[] => spec.tasks.map(() => 0)
const withScore = (index: number, value: number | string, spec = math4) => zeros(spec).map((v, i) => (i === index ? value : v))
const brief = (problems: Problem[]) => problems.map((p) => [p.severity, p.code, p.sheet, p.cell ?? null, p.params])

async function parseForm(rows: FixtureRow[], extra: Partial<Parameters<typeof collectionForm>[0]> = {}) {
  const bytes = await collectionForm({ spec: math4, rows, ...extra })
  return parseResults(bytes, { fileName: "2022/4/Математика.xlsx" })
}

describe("row errors (they block the import)", () => {
  it("report code, sheet and cell for each kind", async () => {
    const parsed = await parseForm([
      { code: 40001, variant: 1, scores: zeros(math4), journal: 4 }, // row 2: clean
      { code: 40002, variant: 1, scores: withScore(2, 3), journal: 4 }, // row 3: task 3 (max 2) = 3
      { code: 40003, variant: 1, scores: withScore(0, "-1"), journal: 4, total: 0 }, // row 4
      { code: 40004, variant: 1, scores: withScore(4, "abc").map((v, i) => (i === 3 ? 1.5 : v)), journal: 4, total: 0 }, // row 5
      { code: 40005, variant: "7", scores: zeros(math4), journal: 4 }, // row 6
      { code: 40006, variant: null, scores: withScore(0, 1), journal: 4 }, // row 7
      { code: 40001, variant: 2, scores: zeros(math4), journal: 4 }, // row 8: duplicate of row 2
      { code: 40008, variant: "отсутствовал", scores: withScore(1, 1), total: 0 }, // row 9
      { code: null, variant: 1, scores: zeros(math4), journal: 4 }, // row 10
      { code: "4000A", variant: 1, scores: zeros(math4), journal: 4 }, // row 11
      { login: "school1", code: 40011, variant: 1, scores: zeros(math4), journal: 4 }, // row 12
      { login: null, code: 40012, variant: 1, scores: zeros(math4), journal: 4 }, // row 13
    ])
    expect(parsed.status).toBe("parsed")
    expect(parsed.canImport).toBe(false)
    expect(brief(parsed.problems)).toEqual([
      ["error", "score-above-max", "Протокол", "K3", { value: 3, task: "3", max: 2 }],
      ["error", "score-negative", "Протокол", "I4", { value: "-1", task: "1" }],
      ["error", "score-invalid", "Протокол", "L5", { value: "1.5", task: "4" }],
      ["error", "score-invalid", "Протокол", "M5", { value: "abc", task: "5.1" }],
      ["error", "variant-unknown", "Протокол", "H6", { value: "7" }],
      ["error", "variant-missing", "Протокол", "H7", {}],
      ["error", "code-duplicate", "Протокол", "G8", { code: "40001", firstRow: "2" }],
      ["error", "absent-with-scores", "Протокол", "H9", {}],
      ["error", "code-missing", "Протокол", "G10", {}],
      ["error", "code-invalid", "Протокол", "G11", { value: "4000A" }],
      ["error", "school-login-invalid", "Протокол", "A12", { value: "school1" }],
      ["error", "school-login-missing", "Протокол", "A13", {}],
    ])
    expect(parsed.problems[0]).toMatchObject({ row: 3 })
  })

  it("never clips a score above the maximum", async () => {
    const parsed = await parseForm([{ code: 40002, variant: 1, scores: withScore(2, 3), journal: 4 }])
    expect(parsed.participants[0]!.cells[2]).toBe(3)
    expect(parsed.participants[0]!.total).toBe(3)
  })

  it("variants 3–6 are a warning in grade-11 foreign languages only", async () => {
    const rows = [
      { code: 1001, variant: 4, scores: zeros(english11), journal: 5 },
      { code: 1002, variant: 7, scores: zeros(english11), journal: 5 },
    ]
    const english = await parseResults(await collectionForm({ spec: english11, rows }), { fileName: "2022/11/Английский язык.xlsx" })
    expect(brief(english.problems)).toEqual([
      ["warning", "variant-unusual", "Протокол", "H2", { value: 4 }],
      ["error", "variant-unknown", "Протокол", "H3", { value: "7" }],
    ])
    const maths = await parseForm([{ code: 40001, variant: 3, scores: zeros(math4), journal: 4 }])
    expect(brief(maths.problems)).toEqual([["error", "variant-unknown", "Протокол", "H2", { value: "3" }]])
  })
})

describe("names never get in", () => {
  it("a column headed ФИО is an error on its header cell", async () => {
    const parsed = await parseForm(
      [{ code: 40001, variant: 1, scores: zeros(math4), journal: 4, extra: { "ФИО обучающегося": "Иванов Иван" } }],
      { extraHeaders: ["ФИО обучающегося"] },
    )
    expect(brief(parsed.problems)).toEqual([["error", "names-column", "Протокол", "AB1", { column: "ФИО обучающегося" }]])
    expect(JSON.stringify(parsed)).not.toContain("Иванов")
  })

  it("a column whose values look like names is an error, whatever its header", async () => {
    const rows = ["Петрова Анна", "Сидоров И.П.", "Кузнецов Пётр Ильич"].map((name, i) => ({
      code: 40001 + i, variant: 1, scores: zeros(math4), journal: 4, extra: { "Примечание": name },
    }))
    const parsed = await parseForm(rows, { extraHeaders: ["Примечание"] })
    expect(brief(parsed.problems)).toEqual([["error", "names-column", "Протокол", "AB1", { column: "Примечание" }]])
    expect(JSON.stringify(parsed.problems)).not.toMatch(/Петрова|Сидоров|Кузнецов/u)
  })

  it("names typed into the code column are an error, and the names are not echoed", async () => {
    const parsed = await parseForm([
      { code: "Иванов Иван", variant: 1, scores: zeros(math4), journal: 4 },
      { code: 40002, variant: 1, scores: zeros(math4), journal: 4 },
    ])
    expect(brief(parsed.problems)).toEqual([["error", "names-instead-of-codes", "Протокол", "G1", { column: "Код" }]])
    expect(JSON.stringify(parsed)).not.toContain("Иванов")
  })

  it("textbook authors and comments are not names", async () => {
    const rows = [["Моро М.И.,Бантова М.А. Математика"], ["По болезни"], ["Город Бийск"]].map(([note], i) => ({
      code: 40001 + i, variant: 1, scores: zeros(math4), journal: 4, extra: { "Примечание": note! },
    }))
    const parsed = await parseForm(rows, { extraHeaders: ["Примечание"] })
    expect(parsed.problems).toEqual([])
  })
})

describe("warnings (the import goes on after confirmation)", () => {
  it("report code, sheet and cell for each kind", async () => {
    const parsed = await parseForm([
      { code: 40001, variant: 1, scores: zeros(math4), journal: "нет отметки" }, // row 2
      { code: 40002, variant: 1, scores: zeros(math4), journal: "1" }, // row 3
      { code: 40003, variant: 1, scores: withScore(0, 1), journal: 4, total: 5 }, // row 4
      { code: 40004, variant: 1, scores: zeros(math4), journal: 4, className: "A" }, // row 5
      { code: 40005, variant: 1, scores: zeros(math4), journal: 4, className: "A" }, // row 6
      { code: 40006, variant: 1, scores: withScore(1, "не пройд."), journal: 4 }, // row 7
      { code: 40007, variant: 1, scores: withScore(1, "не пройд."), journal: 4 }, // row 8
      { code: 40008, variant: 0, scores: zeros(math4), journal: 4 }, // row 9
    ])
    expect(parsed.canImport).toBe(true)
    expect(brief(parsed.problems)).toEqual([
      ["warning", "journal-mark-missing", "Протокол", "Z2", { value: "нет отметки" }],
      ["warning", "journal-mark-invalid", "Протокол", "Z3", { value: "1" }],
      ["warning", "total-mismatch", "Протокол", "AA4", { recorded: 5, computed: 1 }],
      ["warning", "class-latin-letters", "Протокол", "X5", { value: "A", normalised: "А", count: 2 }],
      ["warning", "not-taught", "Протокол", "J7", { task: "2", school: "223379", count: 2 }],
      ["warning", "variant-zero", "Протокол", "H9", {}],
    ])
    expect(parsed.participants[2]).toMatchObject({ total: 1 })
    expect(parsed.participants[7]).toMatchObject({ absent: false, variant: null, total: 0 })
    expect(parsed.participants.map((p) => p.journalMark).slice(0, 3)).toEqual([null, null, 4])
  })

  it("2021 rows longer than the header: spilled scores are not counted, the total that includes them is flagged", async () => {
    const parsed = await parseResults(
      await export2021({
        positions: 15,
        rows: [
          { code: "40001", variant: "1", scores: zeros(math4).map(String), trailing: ["1"], total: "1", journal: "4" },
          { code: "40002", variant: "0", scores: zeros(math4).map(String), total: null, journal: "4" },
        ],
      }),
      { fileName: "Проведение работы по математике, 4 класс. ВПР 2021.xlsx" },
    )
    expect(brief(parsed.problems)).toEqual([
      ["warning", "total-mismatch", "Sheet", "I2", { recorded: 1, computed: 0 }],
      ["warning", "row-longer-than-header", "Sheet", "Y2", { extra: 1 }],
      ["warning", "variant-zero", "Sheet", "H3", {}],
      ["warning", "total-missing", "Sheet", "I3", { computed: 0 }],
    ])
  })

  it("layout E: a VPR mark that does not follow from the scores", async () => {
    const russian = findSpec({ kind: "ВПР", year: 2026, subject: "Русский язык", grade: 4 })!
    const parsed = await parseResults(await individualReport({
      spec: russian, title: "ВПР 2026 Русский язык 4 класс",
      rows: [{ code: 40001, variant: 1, scores: zeros(russian), mark: 4, journal: 4 }],
    }))
    // Columns: A ОО … F Вариант, G…R tasks, S Первичный балл, T Отметка, U Отметка по журналу; data from row 9.
    expect(brief(parsed.problems)).toEqual([["warning", "mark-mismatch", "Ф1 Индивидуальные результаты", "T9", { recorded: 4, computed: 2 }]])
  })
})

describe("allowInvalidRows: exclude", () => {
  it("leaves the rows with errors out, reports them as warnings and lets the rest import", async () => {
    const bytes = await collectionForm({
      spec: math4,
      rows: [
        { code: 40001, variant: 1, scores: zeros(math4), journal: 4 },
        { code: 40002, variant: 1, scores: withScore(2, 3), journal: 4 },
        { code: 40001, variant: 1, scores: zeros(math4), journal: 4 },
        { code: 40004, variant: 1, scores: zeros(math4), journal: 4 },
      ],
    })
    const rejected = await parseResults(bytes, { fileName: "2022/4/Математика.xlsx" })
    expect(rejected.canImport).toBe(false)
    expect(rejected.participants).toHaveLength(4)
    const parsed = await parseResults(bytes, { fileName: "2022/4/Математика.xlsx", allowInvalidRows: "exclude" })
    expect(parsed.canImport).toBe(true)
    expect(parsed.participants.map((p) => p.code)).toEqual(["40004"])
    expect(parsed.excluded).toEqual([
      { sheet: "Протокол", row: 2, schoolKey: "223379", code: "40001" },
      { sheet: "Протокол", row: 3, schoolKey: "223379", code: "40002" },
      { sheet: "Протокол", row: 4, schoolKey: "223379", code: "40001" },
    ])
    expect(brief(parsed.problems)).toEqual([
      ["warning", "row-excluded", "Протокол", "G2", { code: "40001" }],
      ["warning", "row-excluded", "Протокол", "G3", { code: "40002" }],
      ["warning", "score-above-max", "Протокол", "K3", { value: 3, task: "3", max: 2 }],
      ["warning", "code-duplicate", "Протокол", "G4", { code: "40001", firstRow: "2" }],
      ["warning", "row-excluded", "Протокол", "G4", { code: "40001" }],
    ])
    expect(parsed.stats.rows).toBe(4)
  })

  it("drops a school whose every row was left out", async () => {
    const bytes = await collectionForm({
      spec: math4,
      rows: [
        { login: "edu223379", code: 40001, variant: 1, scores: zeros(math4), journal: 4 },
        { login: "edu224258", code: 40001, variant: 1, scores: withScore(2, 3), journal: 4 },
      ],
    })
    const parsed = await parseResults(bytes, { fileName: "2022/4/Математика.xlsx", allowInvalidRows: "exclude" })
    expect(parsed.schools.map((school) => school.key)).toEqual(["223379"])
    expect(parsed.stats.schools).toBe(2)
  })

  it("does not excuse file-level errors", async () => {
    const bytes = await collectionForm({
      spec: math4, rows: [{ code: 40001, variant: 1, scores: zeros(math4), journal: 4, extra: { "Фамилия": "Иванов" } }], extraHeaders: ["Фамилия"],
    })
    const parsed = await parseResults(bytes, { fileName: "2022/4/Математика.xlsx", allowInvalidRows: "exclude" })
    expect(parsed.canImport).toBe(false)
    expect(brief(parsed.problems)).toEqual([["error", "names-column", "Протокол", "AB1", { column: "Фамилия" }]])
  })
})

describe("formula cells", () => {
  it("use the cached result; a total formula never calculated records no total", async () => {
    const ExcelJS = (await import("exceljs")).default
    const bytes = await collectionForm({
      spec: math4,
      rows: [
        { code: 40001, variant: 1, scores: withScore(0, 1), journal: 4 },
        { code: 40002, variant: 1, scores: withScore(0, 1).map((v, i) => (i === 14 ? 2 : v)), journal: 4 },
        { code: 40003, variant: 1, scores: withScore(0, 1), journal: 4 },
      ],
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const protocol = workbook.getWorksheet("Протокол")!
    protocol.getCell("AA2").value = { formula: "SUM(I2:W2)", result: 1 }
    protocol.getCell("AA3").value = { formula: "SUM(I3:V3)", result: 1 } // a defective formula: misses W
    protocol.getCell("AA4").value = { formula: "SUM(I4:W4)" } as never // saved without calculating
    protocol.getCell("J2").value = { formula: "1-1", result: 0 }
    const parsed = await parseResults(Buffer.from(await workbook.xlsx.writeBuffer()), { fileName: "2022/4/Математика.xlsx" })
    // A calculated 0 (J2) is a value; the total saved without calculating (AA4) is named.
    expect(brief(parsed.problems)).toEqual([
      ["warning", "total-mismatch", "Протокол", "AA3", { recorded: 1, computed: 3 }],
      ["warning", "formula-no-value", "Протокол", "AA4", {}],
    ])
    expect(parsed.participants.map((p) => p.total)).toEqual([1, 3, 1])
  })
})
