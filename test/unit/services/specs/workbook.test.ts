import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import { buildSpecTemplate, parseSpecWorkbook } from "../../../../src/services/specs/workbook.ts"
import { oldXls } from "../../../support/fixtures/raw-files.ts"
import { workbookOf } from "../../../support/fixtures/workbooks.ts"

async function edit(bytes: Buffer, change: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  change(workbook.getWorksheet("Спецификация")!)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe("spec workbook", () => {
  it("round trip: a shipped spec written out and read back is the same spec", async () => {
    const spec = findSpec({ kind: "ВПР", year: 2021, subject: "Математика", grade: 4 })!
    const result = await parseSpecWorkbook(await buildSpecTemplate(spec))
    const { version: _version, source: _source, ...rest } = spec
    expect(result).toEqual({ spec: { ...rest, source: "coordinator's spec workbook" } })
  })

  it("reads a coordinator's new spec typed loosely (labels, subject in the dative, no scale)", async () => {
    const bytes = await edit(await buildSpecTemplate(), (sheet) => {
      sheet.getCell("B2").value = 2026
      sheet.getCell("B3").value = "по математике"
      sheet.getCell("B4").value = "4"
      sheet.getRow(10).values = ["5(1)", 1, "б"]
      sheet.getRow(11).values = ["10K1", 2, null]
    })
    expect(await parseSpecWorkbook(bytes)).toEqual({
      spec: {
        kind: "ВПР", year: 2026, subject: "Математика", grade: 4, scale: null, maxTotal: 3, source: "coordinator's spec workbook",
        tasks: [{ label: "5.1", max: 1, level: "Б" }, { label: "10К1", max: 2, level: null }],
      },
    })
  })

  it("lists every mistake with its cell", async () => {
    const bytes = await edit(await buildSpecTemplate(), (sheet) => {
      sheet.getCell("B1").value = "ГИА"
      sheet.getCell("B2").value = "двадцать"
      sheet.getCell("B4").value = 12
      sheet.getCell("B5").value = 5
      sheet.getCell("B6").value = 4
      sheet.getCell("B7").value = 9
      sheet.getRow(10).values = ["1", 1, "Б"]
      sheet.getRow(11).values = ["1", 2, "Б"]
      sheet.getRow(12).values = ["задание", 1, null]
      sheet.getRow(13).values = ["3", 25, null]
      sheet.getRow(14).values = ["4", 1, "X"]
    })
    const result = await parseSpecWorkbook(bytes)
    expect("problems" in result && result.problems.map((p) => [p.code, p.sheet, p.cell, p.params])).toEqual([
      ["spec-kind-invalid", "Спецификация", "B1", { value: "ГИА" }],
      ["spec-year-invalid", "Спецификация", "B2", { value: "двадцать" }],
      ["spec-grade-invalid", "Спецификация", "B4", { value: "12" }],
      ["spec-field-missing", "Спецификация", "B3", { field: "subject" }],
      ["spec-label-duplicate", "Спецификация", "A11", { label: "1" }],
      ["spec-label-invalid", "Спецификация", "A12", { value: "задание" }],
      ["spec-max-invalid", "Спецификация", "B13", { task: "3", value: "25" }],
      ["spec-level-invalid", "Спецификация", "C14", { task: "4", value: "X" }],
      ["spec-scale-invalid", "Спецификация", "B5", { reason: "order", maxTotal: 3 }],
    ])
  })

  it("checks the scale against the maximum and for completeness", async () => {
    const base = await edit(await buildSpecTemplate({ year: 2026, subject: "Математика", grade: 4 }), (sheet) => {
      sheet.getRow(10).values = ["1", 2, "Б"]
      sheet.getRow(11).values = ["2", 2, "П"]
    })
    const aboveMax = await edit(base, (sheet) => {
      sheet.getCell("B5").value = 1
      sheet.getCell("B6").value = 2
      sheet.getCell("B7").value = 5
    })
    expect(await parseSpecWorkbook(aboveMax)).toMatchObject({ problems: [{ code: "spec-scale-invalid", cell: "B7", params: { reason: "above-max", maxTotal: 4 } }] })
    const partial = await edit(base, (sheet) => {
      sheet.getCell("B5").value = 1
    })
    expect(await parseSpecWorkbook(partial)).toMatchObject({ problems: [{ code: "spec-scale-invalid", params: { reason: "partial" } }] })
    const empty = await edit(await buildSpecTemplate({ year: 2026, subject: "Математика", grade: 4 }), () => {})
    expect(await parseSpecWorkbook(empty)).toMatchObject({ problems: [{ code: "spec-no-tasks", cell: "A9" }] })
  })

  it("refuses what is not a spec workbook", async () => {
    expect(await parseSpecWorkbook(oldXls())).toMatchObject({ problems: [{ code: "file-xls" }] })
    const other = await workbookOf({ "Лист1": [["x"]], "Лист2": [["y"]] })
    expect(await parseSpecWorkbook(other)).toMatchObject({ problems: [{ code: "spec-sheet-missing" }] })
  })
})
