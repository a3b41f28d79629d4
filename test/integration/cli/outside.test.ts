import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import ExcelJS from "exceljs"
import { afterAll, describe, expect, it } from "vitest"
import { cliOn } from "../../support/cli.ts"
import { availableDatabases } from "../../support/db.ts"
import { outsideWorkbook } from "../../support/fixtures/outside.ts"
import { contextForm2021 } from "../../support/fixtures/workbooks.ts"
import { adminSuite } from "../../support/services.ts"

const folder = mkdtempSync(path.join(tmpdir(), "objektiv-cli-outside-"))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe.each(availableDatabases())("command line: outside data on %s", (kind) => {
  const suite = adminSuite(kind)
  const cli = cliOn(() => suite.services)

  it("writes the empty template, and imports a filled workbook (refusing one with errors, naming the cell)", async () => {
    const template = path.join(folder, `outside-template-${kind}.xlsx`)
    const written = await cli("template", "outside", "--out", template)
    expect(written.code, written.err).toBe(0)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(template)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["ОГЭ и ЕГЭ", "Медалисты", "Перепроверка", "Инструкция"])

    const directory = path.join(folder, "context.xlsx")
    writeFileSync(directory, await contextForm2021(["sch223017", "sch223018"]))
    expect((await cli("schools", directory)).code).toBe(0)

    const broken = path.join(folder, "broken.xlsx")
    writeFileSync(broken, await outsideWorkbook({ exams: { rows: [["edu223017", "ОГЭ", 2021, "Математика", 20, 14], ["edu223099", "ОГЭ", 2021, "Математика", 20, 12]] } }))
    const refused = await cli("import", broken)
    expect(refused.code, refused.err).toBe(2)
    expect(refused.out).toContain("ошибка: Лист «ОГЭ и ЕГЭ», ячейка A3: школы с логином edu223099 нет в справочнике.")
    expect(refused.out).toContain("Внешние данные не загружены: есть ошибки.")

    const good = path.join(folder, "good.xlsx")
    writeFileSync(good, await outsideWorkbook({
      exams: { rows: [["edu223017", "ОГЭ", 2021, "Математика", 20, 14], ["edu223018", "ОГЭ", 2021, "Математика", 20, 12]] },
      medalists: { rows: [["sch223017", 2021, null, 85, 72]] },
    }))
    const imported = await cli("import", good)
    expect(imported.code, imported.out + imported.err).toBe(0)
    expect(imported.out).toContain("Внешние данные загружены: ОГЭ и ЕГЭ — строк 2, медалистов 1, перепроверенных работ 0. Школ: 2.")
  })
})
