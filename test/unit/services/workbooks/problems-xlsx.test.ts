import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import { parseResults } from "../../../../src/services/results/formats/index.ts"
import { buildProblemReport, safeCellValue } from "../../../../src/services/workbooks/problems-xlsx.ts"
import { problem } from "../../../../src/services/workbooks/problem.ts"
import { strictTranslator } from "../../../support/fixtures/translator.ts"
import { oldXls } from "../../../support/fixtures/raw-files.ts"
import { collectionForm, export2021 } from "../../../support/fixtures/workbooks.ts"

const math4 = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!
const zeros = () => math4.tasks.map(() => 0)
const ru = strictTranslator("ru")

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}
const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb

describe("problem report workbook", () => {
  it("copies the problem sheets, colours problem cells, adds notes and lists every problem", async () => {
    const original = await collectionForm({
      spec: math4,
      rows: [
        { code: 40001, variant: 1, scores: zeros().map((v, i) => (i === 2 ? 3 : v)), journal: 4 },
        { code: 40002, variant: 1, scores: zeros(), journal: "нет отметки", className: "=HYPERLINK(\"http://x\")" },
      ],
    })
    const parsed = await parseResults(original, { fileName: "2022/4/Математика.xlsx" })
    const report = await load(await buildProblemReport(original, parsed.problems, ru))
    expect(report.worksheets.map((sheet) => sheet.name)).toEqual(["Сводка", "Ошибки", "Протокол"])

    const list = report.getWorksheet("Ошибки")!
    expect((list.getRow(1).values as unknown[]).slice(1)).toEqual(["Лист", "Ячейка", "Важность", "Что не так", "Школа"])
    // A school form: its login and name (from the form's title) on every participant's row.
    expect((list.getRow(2).values as unknown[]).slice(1)).toEqual([
      "Протокол", "K2", "Ошибка", "Лист «Протокол», ячейка K2: 3 больше максимума задания 3 (2 б.).", 'edu223379, МКОУ "Школа"',
    ])
    expect((list.getRow(3).values as unknown[]).slice(1, 4)).toEqual(["Протокол", "X3", "Предупреждение"])
    expect((list.getRow(4).values as unknown[]).slice(1, 4)).toEqual(["Протокол", "Z3", "Предупреждение"])

    const copy = report.getWorksheet("Протокол")!
    expect(copy.getCell("G2").value).toBe(40001)
    expect(copy.getCell("K2").value).toBe(3)
    expect(fillOf(copy.getCell("K2"))).toBe("FFFFC7CE")
    expect(String(copy.getCell("K2").note)).toContain("больше максимума")
    expect(fillOf(copy.getCell("Z3"))).toBe("FFFFEB9C")
    expect(copy.getCell("G1").value).toBe("Код")
    // A user's text never turns into a formula.
    expect(copy.getCell("X3").value).toBe("=HYPERLINK(\"http://x\")")
    expect(copy.getCell("X3").formula).toBeUndefined()
    expect(copy.getCell("X3").numFmt).toBe("@")
  })

  it("never copies names", async () => {
    const original = await collectionForm({
      spec: math4,
      extraHeaders: ["ФИО"],
      rows: [
        { code: "Иванов Иван", variant: 1, scores: zeros(), journal: 4, extra: { "ФИО": "Петрова Анна" } },
        { code: 40002, variant: 1, scores: zeros(), journal: 4, extra: { "ФИО": "Сидоров Олег" } },
      ],
    })
    const parsed = await parseResults(original, { fileName: "2022/4/Математика.xlsx" })
    expect(parsed.problems.map((p) => [p.code, p.cell])).toEqual([["names-instead-of-codes", "G1"], ["names-column", "AB1"]])
    const report = await load(await buildProblemReport(original, parsed.problems, ru))
    const copy = report.getWorksheet("Протокол")!
    expect(copy.getCell("AB1").value).toBe("ФИО")
    expect([copy.getCell("AB2").value, copy.getCell("AB3").value, copy.getCell("G2").value]).toEqual([null, null, null])
    expect(copy.getCell("G3").value).toBe(40002)
    const texts: string[] = []
    report.eachSheet((sheet) => sheet.eachRow((row) => texts.push(JSON.stringify(row.values))))
    expect(texts.join()).not.toMatch(/Иванов|Петрова|Сидоров/u)
  })

  it("writes a formula's cached result, never the formula", () => {
    expect(safeCellValue({ formula: "SUM(A1:A2)", result: 5 })).toBe(5)
    expect(safeCellValue(-3)).toBe(-3)
  })

  it("keeps only problem rows and context for long sheets, at their original row numbers", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({ code: 40001 + i, variant: 1, scores: zeros(), journal: i === 40 ? "ж" : 4 }))
    const original = await collectionForm({ spec: math4, rows })
    const parsed = await parseResults(original, { fileName: "2022/4/Математика.xlsx" })
    expect(parsed.problems.map((p) => p.cell)).toEqual(["Z42"])
    const report = await load(await buildProblemReport(original, parsed.problems, ru, { fullCopyRows: 20, contextRows: 1, headRows: 1 }))
    const copy = report.getWorksheet("Протокол")!
    const kept: number[] = []
    copy.eachRow((row, number) => kept.push(number))
    expect(kept).toEqual([1, 41, 42, 43])
    expect(copy.getCell("G42").value).toBe(40041)
    expect(fillOf(copy.getCell("Z42"))).toBe("FFFFEB9C")
    // The copy prints like the lists: landscape, one page wide, the header row on every page.
    expect(copy.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, printTitlesRow: "1:1" })
  })

  it("still lists the problems of a file it cannot open, in English too", async () => {
    const problems = [problem("error", "file-xls", "")]
    const report = await load(await buildProblemReport(oldXls(), problems, strictTranslator("en")))
    expect(report.worksheets.map((sheet) => sheet.name)).toEqual(["Summary", "Errors"])
    // Both lists print landscape, one page wide, their header row repeated on every page.
    for (const sheet of report.worksheets) expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, printTitlesRow: "1:1" })
    expect((report.getWorksheet("Errors")!.getRow(2).values as unknown[]).slice(1, 5)).toEqual([
      "whole file", "", "Error", expect.stringContaining("old Excel file (.xls)"),
    ])
  })

  it("says a pattern once on the summary sheet — count, example cells, schools — and keeps every cell on the list", async () => {
    // A regional export: in two schools, 6 rows longer than the header (one column), and one score above the maximum.
    const rows = Array.from({ length: 8 }, (_, i) => ({
      login: i < 5 ? "sch220001" : "sch220002", code: String(40001 + i), variant: "1", scores: zeros().map(String), journal: "4",
      ...(i < 6 ? { trailing: ["1"], total: "0" } : {}),
    }))
    rows[7] = { ...rows[7]!, scores: zeros().map((v, index) => String(index === 0 ? 9 : v)) }
    const original = await export2021({ positions: 15, rows })
    const parsed = await parseResults(original, { fileName: "Проведение работы по математике, 4 класс. ВПР 2021.xlsx" })
    expect(parsed.problems.filter((found) => found.code === "row-longer-than-header")).toHaveLength(6)
    const report = await load(await buildProblemReport(original, parsed.problems, ru))
    expect(report.worksheets.map((sheet) => sheet.name)).toEqual(["Сводка", "Ошибки", "Sheet"])

    const summary = report.getWorksheet("Сводка")!
    expect((summary.getRow(1).values as unknown[]).slice(1)).toEqual(["Важность", "Сколько", "Что не так", "Лист", "Где (примеры)", "Школы"])
    const lines = [] as unknown[][]
    summary.eachRow((row, number) => void (number > 1 && lines.push((row.values as unknown[]).slice(1))))
    // Errors first; the pattern of six rows is one line with its count, five of its cells and both schools.
    expect(lines[0]).toEqual(["Ошибка", 1, expect.stringContaining("J9"), "Sheet", "J9", "sch220002"])
    const longer = lines.find((line) => String(line[2]).includes("длиннее"))!
    expect(longer).toEqual(["Предупреждение", 6, expect.stringContaining("Y2"), "Sheet", "Y2, Y3, Y4, Y5, Y6…", "sch220001; sch220002"])
    expect(lines).toHaveLength(new Set(parsed.problems.map((found) => `${found.severity}${found.code}${found.cell?.replace(/\d+/u, "")}`)).size)

    const list = report.getWorksheet("Ошибки")!
    expect(list.rowCount).toBe(1 + parsed.problems.length)
    const schoolsOnList = [] as unknown[]
    list.eachRow((row, number) => void (number > 1 && schoolsOnList.push(row.getCell(5).value)))
    expect(new Set(schoolsOnList)).toEqual(new Set(["sch220001", "sch220002"]))
  })
})
