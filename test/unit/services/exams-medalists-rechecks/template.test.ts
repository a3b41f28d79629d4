import { readFileSync } from "node:fs"
import path from "node:path"
import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { PROCEDURE_SPECS } from "../../../../src/domain/procedures/index.ts"
import { parseOutsideWorkbook, type OutsideParseOptions } from "../../../../src/services/exams-medalists-rechecks/parse.ts"
import { buildOutsideTemplate } from "../../../../src/services/exams-medalists-rechecks/template.ts"
import { readWorkbook } from "../../../../src/services/intake/read.ts"
import { strictTranslator } from "../../../support/fixtures/translator.ts"

const options: OutsideParseOptions = { knownSchools: new Set(["223017", "223018", "223019"]), specs: PROCEDURE_SPECS, maxYear: 2027 }

describe("outside-data workbook: template and recognition", () => {
  const t = strictTranslator("ru", ["intake.ftl", "outside.ftl"])

  it("the template has the three sheets with their headers, an instruction, and the schools listed as text (never a formula)", async () => {
    const bytes = await buildOutsideTemplate(t, { maxYear: 2027, schools: [{ login: "edu223017", name: "=HYPERLINK(\"http://x\")" }, { login: "edu223018", name: null }] })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as never)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["ОГЭ и ЕГЭ", "Медалисты", "Перепроверка", "Инструкция", "Школы"])
    expect(workbook.getWorksheet("ОГЭ и ЕГЭ")!.getRow(1).values).toEqual([undefined, "Логин ОО", "Экзамен", "Год", "Предмет", "Участников", "Средний балл"])
    expect(workbook.getWorksheet("Перепроверка")!.getRow(1).values).toEqual([undefined, "Логин ОО", "Процедура", "Код участника", "Балл ОО", "Балл после перепроверки"])
    const named = workbook.getWorksheet("Школы")!.getCell("B2").value
    expect(named).toBe("=HYPERLINK(\"http://x\")")
    expect(workbook.getWorksheet("Школы")!.getCell("B2").numFmt).toBe("@")
    expect(workbook.getWorksheet("Инструкция")!.getCell("A6").value).toMatch(/ВПР\/2021\/Математика\/4/u)
  })

  it("the empty template is recognised as outside data by the intake, and refused as holding no data", async () => {
    const template = await buildOutsideTemplate(t, { maxYear: 2027 })
    const read = await readWorkbook(template, { specs: PROCEDURE_SPECS, knownSchools: new Set(), maxYear: 2027 }, { fileName: "Внешние данные.xlsx" })
    expect(read).toMatchObject({ kind: "outside-data", outside: { problems: [{ code: "outside-no-data" }] } })
    expect((await parseOutsideWorkbook(template, options)).problems.map((found) => found.code)).toEqual(["outside-no-data"])
  })

  it("a filled template reads back", async () => {
    const template = await buildOutsideTemplate(t, { maxYear: 2027, rows: 20 })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(template as never)
    workbook.getWorksheet("ОГЭ и ЕГЭ")!.getRow(2).values = ["edu223017", "ОГЭ", 2021, "Математика", 25, 14.5]
    workbook.getWorksheet("Перепроверка")!.getRow(2).values = ["edu223017", "ВПР/2021/Математика/4", 40001, 15, 12]
    const parsed = await parseOutsideWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), options)
    expect(parsed.problems).toEqual([])
    expect(parsed.data.exams).toHaveLength(1)
    expect(parsed.data.rechecks).toHaveLength(1)
  })
})

describe("outside-data texts", () => {
  it("ru and en outside.ftl define the same messages, and the English template builds with every text present", async () => {
    const keys = (language: string) =>
      [...readFileSync(path.resolve(import.meta.dirname, `../../../../locales/${language}/outside.ftl`), "utf8").matchAll(/^([A-Za-z][\w-]*) =/gmu)].map((m) => m[1]).sort()
    expect(keys("en")).toEqual(keys("ru"))
    const bytes = await buildOutsideTemplate(strictTranslator("en", ["intake.ftl", "outside.ftl"]), { maxYear: 2027, schools: [{ login: "edu223017", name: "Школа №1" }] })
    expect(bytes.length).toBeGreaterThan(1000)
  })
})
