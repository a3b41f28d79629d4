import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { findSpec, PROCEDURE_SPECS } from "../../../../src/domain/procedures/index.ts"
import { readWorkbook } from "../../../../src/services/intake/read.ts"
import { keepRows, keptCovers } from "../../../../src/services/workbooks/kept-rows.ts"
import { buildProblemReport } from "../../../../src/services/workbooks/problems-xlsx.ts"
import { streamSheets } from "../../../../src/services/workbooks/stream.ts"
import { strictTranslator } from "../../../support/fixtures/translator.ts"
import { collectionForm, workbookOf } from "../../../support/fixtures/workbooks.ts"

const math4 = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!
const zeros = () => math4.tasks.map(() => 0)
const ru = strictTranslator("ru")
const limits = { maxRows: 1000, maxColumns: 100 }

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}

/** Every sheet's cells as text: value, fill and note — what the user sees. */
async function cellsOf(bytes: Buffer): Promise<string[]> {
  const seen: string[] = []
  ;(await load(bytes)).eachSheet((sheet) =>
    sheet.eachRow((row, number) => row.eachCell((cell, column) => seen.push(`${sheet.name}!${number}:${column}=${JSON.stringify([cell.value, cell.fill, cell.note])}`))))
  return seen
}

/** The rows of a pass kept for the problems workbook (issue 12: no second read of the whole file). */
describe("rows kept from the pass for the problems workbook", () => {
  it("keeps every row of the sheets read whole, none of a sheet skipped, nothing past the limit", async () => {
    const bytes = await workbookOf({ "Данные": [["a"], [1], [2]], "Прочее": [["x"], ["y"]] })
    const keeper = keepRows((sheet) => (sheet === "Данные" ? { row() {} } : null))
    await streamSheets(bytes, keeper.visit, { limits, previewRows: 1 })
    const kept = keeper.kept()!
    expect([...kept.keys()]).toEqual(["Данные"])
    expect(kept.get("Данные")!.map((row) => [row.number, row.values[1]])).toEqual([[1, "a"], [2, 1], [3, 2]])
    expect(keptCovers(kept, ["Данные"])).toBe(true)
    expect(keptCovers(kept, ["Данные", "Прочее"])).toBe(false)

    const small = keepRows(() => ({ row() {} }), 4)
    await streamSheets(bytes, small.visit, { limits, previewRows: 1 })
    expect(small.kept()).toBeNull()
    expect(keptCovers(small.kept(), [])).toBe(false)
  })

  it("does not keep a sheet whose reader stopped before its end (a refusal from the header)", async () => {
    const bytes = await workbookOf({ "Данные": [["a"], [1], [2], [3]] })
    let rows = 0
    const keeper = keepRows(() => ({ row: () => void rows++, done: () => rows >= 2 }))
    await streamSheets(bytes, keeper.visit, { limits, previewRows: 1 })
    expect(rows).toBe(2)
    expect(keeper.kept()!.size).toBe(0)
  })

  it("builds from the kept rows the same workbook as from the file's bytes", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      login: "edu223017", code: 40001 + i, variant: 1, scores: zeros().map((v, task) => (i === 7 && task === 2 ? 3 : v)), journal: i === 20 ? "ж" : 4,
      ...(i === 3 ? { className: "=HYPERLINK(\"http://x\")" } : {}),
    }))
    const original = await collectionForm({ spec: math4, rows })
    const read = await readWorkbook(original, { specs: PROCEDURE_SPECS, knownSchools: new Set(["223017"]), maxYear: 2027 }, { fileName: "Математика 4 класс ВПР 2022.xlsx" })
    if (read.kind !== "results") throw new Error(`read as ${read.kind}`)
    const problems = read.results.problems
    expect(problems.map((found) => found.cell)).toEqual(expect.arrayContaining(["K9", "Z22"]))
    expect(keptCovers(read.kept ?? null, problems.map((found) => found.sheet))).toBe(true)
    for (const options of [{}, { fullCopyRows: 10, contextRows: 1, headRows: 1 }]) {
      const fromKept = await cellsOf(await buildProblemReport(read.kept!, problems, ru, options))
      expect(fromKept).toEqual(await cellsOf(await buildProblemReport(original, problems, ru, options)))
      expect(fromKept.some((cell) => cell.startsWith("Протокол!9:11="))).toBe(true)
    }
  })
})
