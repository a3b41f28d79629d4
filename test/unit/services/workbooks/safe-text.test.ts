import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { newWorkbook } from "../../../../src/services/workbooks/new-workbook.ts"
import { looksLikeFormula, safeSheetName } from "../../../../src/services/workbooks/safe-text.ts"

const FORMULA_LIKE = ["=1+1", "+7 (385) 000", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x","y")']

describe("text that looks like a formula stays text, with no visible apostrophe (issue 9)", () => {
  it.each(FORMULA_LIKE)("recognises %j", (text) => {
    expect(looksLikeFormula(text)).toBe(true)
  })
  it.each(["МБОУ СОШ № 1", "4А", "", " =1", "−2", "'quoted"])("leaves %j alone", (text) => {
    expect(looksLikeFormula(text)).toBe(false)
  })

  it("writes every such string cell of a workbook made by newWorkbook, plain or rich text, in the «Text» format, and no other cell", async () => {
    const workbook = newWorkbook()
    const sheet = workbook.addWorksheet("Лист")
    FORMULA_LIKE.forEach((text, i) => (sheet.getCell(i + 1, 1).value = text))
    sheet.getCell(1, 2).value = { richText: [{ text: "=" }, { text: "A1", font: { bold: true } }] }
    sheet.getCell(2, 2).value = "МБОУ СОШ № 1"
    sheet.getCell(3, 2).value = -2
    sheet.getCell(4, 2).value = { formula: "1+1", result: 2 }
    const bold = sheet.getCell(5, 2)
    bold.value = "-гимназия"
    bold.font = { bold: true }
    const back = new ExcelJS.Workbook()
    await back.xlsx.load((await workbook.xlsx.writeBuffer()) as never)
    const read = back.getWorksheet("Лист")!
    FORMULA_LIKE.forEach((text, i) => {
      // XML reads a carriage return back as a line feed; the point here is the format.
      expect(read.getCell(i + 1, 1).value).toBe(text.replace("\r", "\n"))
      expect(read.getCell(i + 1, 1).numFmt).toBe("@")
      expect(read.getCell(i + 1, 1).type).toBe(ExcelJS.ValueType.String)
    })
    expect(read.getCell(1, 2).numFmt).toBe("@")
    expect([read.getCell(2, 2).numFmt, read.getCell(3, 2).numFmt]).toEqual([undefined, undefined])
    expect(read.getCell(4, 2).formula).toBe("1+1") // our own formulas are not touched
    expect(read.getCell(5, 2).numFmt).toBe("@")
    expect(read.getCell(5, 2).font?.bold).toBe(true)
  })

  it("every workbook the application makes comes from newWorkbook, the one place the hook is installed", () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? (entry.name === "generated" ? [] : sources(path.join(dir, entry.name))) : entry.name.endsWith(".ts") ? [path.join(dir, entry.name)] : [],
      )
    const makers = sources("src").filter((file) => /new\s+(ExcelJS\.)?Workbook\s*\(|stream\.xlsx\.WorkbookWriter/u.test(readFileSync(file, "utf8")))
    expect(makers).toEqual([path.join("src", "services", "workbooks", "new-workbook.ts")])
  })

  it("makes sheet names Excel accepts", () => {
    expect(safeSheetName("Сравнение отметок с отметками по журналу")).toHaveLength(31)
    expect(safeSheetName("a/b:c*d?[e]")).toBe("a b c d  e")
    expect(safeSheetName("'x'")).toBe("x")
  })
})
