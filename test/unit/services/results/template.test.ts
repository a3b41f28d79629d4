import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import { CELL_EMPTY, CELL_NO_ANSWER, CELL_NOT_TAUGHT, type ParticipantResult } from "../../../../src/domain/results.ts"
import { parseResults } from "../../../../src/services/results/formats/index.ts"
import { buildTemplate, variantChoices } from "../../../../src/services/results/template.ts"
import { strictTranslator } from "../../../support/fixtures/translator.ts"

const spec = findSpec({ kind: "ВПР", year: 2021, subject: "Русский язык", grade: 4 })!
const english = findSpec({ kind: "ВПР", year: 2022, subject: "Английский язык", grade: 11 })!

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}

describe("our results template", () => {
  it("has the fixed headers, no names column, input checks, a hidden meta sheet and an instruction", async () => {
    const workbook = await load(await buildTemplate(spec, strictTranslator("ru"), { rows: 20 }))
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ["Результаты", "visible"], ["Инструкция", "visible"], ["Процедура", "hidden"],
    ])
    const results = workbook.getWorksheet("Результаты")!
    const header = (results.getRow(1).values as unknown[]).slice(1)
    expect(header.slice(0, 4)).toEqual(["Логин ОО", "Код", "Класс", "Вариант"])
    expect(header.slice(4, 6)).toEqual(["1К1 (4б)", "1К2 (3б)"])
    expect(header.at(-1)).toBe("Отметка по журналу")
    expect(header).toHaveLength(4 + spec.tasks.length + 1)
    expect(header.some((text) => /фио|фамилия|имя/iu.test(String(text)))).toBe(false)
    expect(results.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
    expect(results.getCell("D2").dataValidation).toMatchObject({ type: "list", formulae: ['"1,2,отсутствовал"'] })
    expect(results.getCell("D21").dataValidation).toMatchObject({ type: "list" })
    expect(results.getCell("D22").dataValidation).toBeUndefined()
    expect(results.getCell("E5").dataValidation?.type).toBe("custom")
    expect(String(results.getCell("E5").dataValidation?.formulae?.[0])).toContain("E2<=4")
    expect(results.getCell("B3").dataValidation).toMatchObject({ type: "whole", operator: "greaterThan" })
    expect(results.getCell("Y2").dataValidation).toMatchObject({ type: "list", formulae: ['"2,3,4,5,нет отметки"'] })
    const instruction = workbook.getWorksheet("Инструкция")!
    expect(String(instruction.getCell("A1").value)).toBe("Шаблон результатов: ВПР 2021 · Русский язык · 4 класс")
    expect(String(instruction.getCell("A7").value)).toContain("максимум за работу: 38 б.")
  })

  it("offers variants 1–6 in grade-11 foreign languages", () => {
    expect(variantChoices(english)).toEqual([1, 2, 3, 4, 5, 6])
    expect(variantChoices(spec)).toEqual([1, 2])
  })

  it("round trip: build → fill → parse gives the same participants", async () => {
    const workbook = await load(await buildTemplate(spec, strictTranslator("en"), { rows: 10 }))
    const sheet = workbook.getWorksheet("Результаты")!
    const maxima = spec.tasks.map((task) => task.max)
    const mixed = maxima.map((max, i) => (i === 0 ? "X" : i === 1 ? "не пройд." : i === 2 ? null : Math.min(1, max)))
    sheet.getRow(2).values = ["edu223379", 40001, "А", 1, ...maxima, 5]
    sheet.getRow(3).values = ["edu223379", 40002, "4Б", 2, ...mixed, "нет отметки"]
    sheet.getRow(4).values = ["sch224258", 40001, "нет", "отсутствовал"]
    const parsed = await parseResults(Buffer.from(await workbook.xlsx.writeBuffer()))
    const expected: ParticipantResult[] = [
      { schoolKey: "223379", code: "40001", className: "А", variant: 1, absent: false, cells: maxima, total: 38, mark: 5, journalMark: 5, sex: null },
      {
        schoolKey: "223379", code: "40002", className: "Б", variant: 2, absent: false,
        cells: [CELL_NO_ANSWER, CELL_NOT_TAUGHT, CELL_EMPTY, ...maxima.slice(3).map(() => 1)], total: 17, mark: 3, journalMark: null, sex: null,
      },
      { schoolKey: "224258", code: "40001", className: null, variant: null, absent: true, cells: [], total: null, mark: null, journalMark: null, sex: null },
    ]
    expect(parsed).toMatchObject({ status: "parsed", layout: "T", canImport: true })
    expect(parsed.participants).toEqual(expected)
    expect(parsed.schools.map((school) => school.login)).toEqual(["edu223379", "sch224258"])
  })

  it("a single school may leave the login blank: the bot asks, or uses the sender's school", async () => {
    const workbook = await load(await buildTemplate(spec, strictTranslator("ru"), { rows: 5 }))
    workbook.getWorksheet("Результаты")!.getRow(2).values = [null, 40001, "А", 1, ...spec.tasks.map(() => 0), 3]
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    expect(await parseResults(bytes)).toMatchObject({ status: "needs-input", missing: ["school"], problems: [] })
    const parsed = await parseResults(bytes, { schoolLogin: "edu223379" })
    expect(parsed).toMatchObject({ status: "parsed", canImport: true, schools: [{ key: "223379", login: "edu223379" }] })
  })
})
