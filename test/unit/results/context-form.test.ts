import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { parseContextForm } from "../../../src/services/results/context-form.ts"
import { csvText } from "../../support/fixtures/raw-files.ts"
import { contextForm2021, workbookOf } from "../../support/fixtures/workbooks.ts"

const data = path.resolve(import.meta.dirname, "../../../../shared/data/fisoko")

describe("context-data form", () => {
  it("reads the answers the analysis needs and nothing personal", async () => {
    const result = await parseContextForm(await contextForm2021(["sch220001", "sch220002"]))
    expect(result).toEqual({
      form: 2021,
      problems: [],
      schools: [
        { key: "220001", login: "sch220001", name: 'МБОУ "Лицей № 2"', isLyceumOrGymnasium: true, settlementType: 2, settlementSize: 6, isSpecial: false, isEvening: false, isBoarding: false, pupils: 400 },
        { key: "220002", login: "sch220002", name: 'МБОУ "СОШ № 2"', isLyceumOrGymnasium: false, settlementType: 2, settlementSize: 6, isSpecial: false, isEvening: true, isBoarding: false, pupils: 401 },
      ],
    })
    expect(JSON.stringify(result)).not.toContain("Иванова")
  })

  it("says when a workbook is not a context form", async () => {
    expect(await parseContextForm(await workbookOf({ "Лист1": [["Код", "Вариант"], [1, 1]] }))).toMatchObject({ problems: [{ code: "context-form-unknown" }] })
    expect(await parseContextForm(csvText())).toMatchObject({ problems: [{ code: "file-text" }] })
  })
})

describe.skipIf(!existsSync(data))("real context forms (formats.md §9.3)", () => {
  it("2021: 733 logins, one sheet, location answers 1–4", async () => {
    const result = await parseContextForm(readFileSync(path.join(data, "2021/Сбор контекстных данных об ОО и участниках ВПР 2021.xlsx")))
    expect(result.form).toBe(2021)
    expect(result.schools).toHaveLength(733)
    expect(new Set(result.schools.map((s) => s.login)).size).toBe(733)
    expect(result.schools.filter((s) => s.settlementType === 4)).toHaveLength(472)
    expect(result.schools.filter((s) => s.isBoarding)).toHaveLength(32)
    // Seven schools (colleges) left the pupil count empty.
    expect(result.schools.filter((s) => s.pupils === undefined)).toHaveLength(7)
    expect(result.schools.find((s) => s.login === "sch226048")?.isLyceumOrGymnasium).toBe(false) // «профессиональный лицей»
  })

  it("2022: 678 logins across both sheets, options written `1) …`", async () => {
    const result = await parseContextForm(readFileSync(path.join(data, "2022/Сбор контекстных данных об ОО (2022).xlsx")))
    expect(result.form).toBe(2022)
    expect(result.schools).toHaveLength(678)
    expect(result.schools.filter((s) => s.settlementType === 1)).toHaveLength(14)
    expect(result.schools.filter((s) => s.settlementSize === 1)).toHaveLength(225)
    expect(result.schools.filter((s) => s.isSpecial === true)).toHaveLength(43)
    expect(result.schools.every((s) => s.pupils !== undefined)).toBe(true)
    expect(result.schools.every((s) => s.isEvening === undefined)).toBe(true)
  })

  it("reads every school name exactly as the whole-file reader sees it (no letter split across chunks)", async () => {
    for (const file of ["2021/Сбор контекстных данных об ОО и участниках ВПР 2021.xlsx", "2022/Сбор контекстных данных об ОО (2022).xlsx"]) {
      const bytes = readFileSync(path.join(data, file))
      const names = (await parseContextForm(bytes)).schools.flatMap((school) => (school.name ? [school.name] : []))
      const whole = new ExcelJS.Workbook()
      await whole.xlsx.load(bytes as never)
      const cells = new Set<string>()
      whole.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.add(String(cell.text)))))
      const cellText = [...cells].join("\n")
      expect(names.length, file).toBeGreaterThan(600)
      expect(names.filter((name) => name.includes("\uFFFD") || !cellText.includes(name)), file).toEqual([])
    }
  })
})
