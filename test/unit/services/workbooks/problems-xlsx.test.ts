import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import { parseResults } from "../../../../src/services/results/formats/index.ts"
import { buildProblemReport, safeCellValue } from "../../../../src/services/workbooks/problems-xlsx.ts"
import { problem } from "../../../../src/services/workbooks/problem.ts"
import { strictTranslator } from "../../../support/fixtures/translator.ts"
import { oldXls } from "../../../support/fixtures/raw-files.ts"
import { collectionForm } from "../../../support/fixtures/workbooks.ts"

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
    expect(report.worksheets.map((sheet) => sheet.name)).toEqual(["Ошибки", "Протокол"])

    const list = report.getWorksheet("Ошибки")!
    expect((list.getRow(1).values as unknown[]).slice(1)).toEqual(["Лист", "Ячейка", "Важность", "Что не так"])
    expect((list.getRow(2).values as unknown[]).slice(1)).toEqual([
      "Протокол", "K2", "Ошибка", "Лист «Протокол», ячейка K2: 3 больше максимума задания 3 (2 б.).",
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
  })

  it("still lists the problems of a file it cannot open, in English too", async () => {
    const problems = [problem("error", "file-xls", "")]
    const report = await load(await buildProblemReport(oldXls(), problems, strictTranslator("en")))
    expect(report.worksheets.map((sheet) => sheet.name)).toEqual(["Errors"])
    expect((report.getWorksheet("Errors")!.getRow(2).values as unknown[]).slice(1)).toEqual([
      "whole file", "", "Error", expect.stringContaining("old Excel file (.xls)"),
    ])
  })
})
