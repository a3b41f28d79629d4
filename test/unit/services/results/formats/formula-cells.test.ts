import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../../src/domain/procedures/index.ts"
import { parseResults } from "../../../../../src/services/results/formats/index.ts"
import { collectionForm } from "../../../../support/fixtures/workbooks.ts"

const spec = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!

/** The form with K2 (task 1 of the first pupil) replaced by a formula, with or without its calculated value. */
async function withFormula(result: number | undefined): Promise<Buffer> {
  const bytes = await collectionForm({ spec, rows: [{ code: 40001, variant: 1, scores: [1, 0, 1] }, { code: 40002, variant: 1, scores: [1, 1, 1] }] })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as never)
  workbook.getWorksheet("Протокол")!.getCell("K2").value = result === undefined ? { formula: "0+1" } : { formula: "0+1", result }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe("formula cells (issue 9)", () => {
  it("reports a formula saved without its value instead of reading it silently as empty", async () => {
    const parsed = await parseResults(await withFormula(undefined), { fileName: "2022/Форма.xlsx" })
    expect(parsed.problems).toContainEqual(expect.objectContaining({ code: "formula-no-value", severity: "warning", sheet: "Протокол", cell: "K2" }))
  })

  it("takes a formula's calculated value without a word", async () => {
    const parsed = await parseResults(await withFormula(1), { fileName: "2022/Форма.xlsx" })
    expect(parsed.problems.map((found) => found.code)).not.toContain("formula-no-value")
    expect(parsed.participants[0]!.cells[0]).toBe(1)
  })
})
