import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import ExcelJS from "exceljs"
import { afterAll, describe, expect, it } from "vitest"
import { cliIn, cliOn } from "../support/cli.ts"
import { availableDatabases } from "../support/db.ts"
import { generateRegion } from "../support/generator/index.ts"
import { outsideWorkbook } from "../support/fixtures/outside.ts"
import { collectionForm, contextForm2021, type FixtureRow } from "../support/fixtures/workbooks.ts"
import { adminSuite } from "../support/services.ts"
import { MATH_4_2022 } from "../support/workbooks.ts"

const folder = mkdtempSync(path.join(tmpdir(), "objektiv-cli-"))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** A FIS OKO regional form (layout B) of twelve generated schools. */
async function regionFile(where = "Математика.xlsx", seed = 11): Promise<string> {
  const region = generateRegion({ seed, spec: MATH_4_2022, schools: 12, manipulatedShare: 0.25 })
  const rows: FixtureRow[] = region.results.schools.flatMap((school) =>
    school.participants.map((p) => ({
      login: `edu${school.schoolKey}`,
      code: p.code,
      variant: p.absent ? "отсутствовал" : (p.variant ?? 1),
      scores: p.absent ? [] : p.cells.map((cell) => (cell === -1 ? "X" : Math.max(0, cell))),
      className: p.absent ? null : "А",
      sex: p.absent ? null : "ж",
      journal: p.absent ? null : (p.journalMark ?? null),
    })),
  )
  const file = path.join(folder, where)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, await collectionForm({ spec: MATH_4_2022, rows }))
  return file
}

describe.each(availableDatabases())("command line on %s", (kind) => {
  const suite = adminSuite(kind)
  const cli = cliOn(() => suite.services)

  it("analyses a file to JSON with every sign per school, imports it, and writes an XLSX report from the database", async () => {
    const file = await regionFile()
    const analysed = await cli("analyze", file, "--procedure", "ВПР/2022/Математика/4", "--json")
    expect(analysed.code, analysed.err).toBe(0)
    const json = JSON.parse(analysed.out)
    expect(json.version).toBe(1)
    expect(json.schools).toHaveLength(12)
    const school = json.schools[0]
    expect(school.login).toMatch(/^edu\d{6}$/)
    expect(Object.keys(school.signs).sort()).toEqual(["S1", "S1-", "S10", "S11", "S12", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9"].sort())
    expect(school.signs.S8).toMatchObject({ status: "abstained", reason: "no_data" })
    expect(["none", "attention", "risk"]).toContain(school.risk.level)

    const imported = await cli("import", file, "--procedure", "ВПР/2022/Математика/4", "--yes")
    expect(imported.code, imported.out + imported.err).toBe(0)
    expect(imported.out).toMatch(/Загружено: ВПР 2022 · Математика · 4 класс\. Школ: 12/)

    const report = path.join(folder, `report-${kind}.xlsx`)
    const fromDatabase = await cli("analyze", "ВПР/2022/Математика/4", "--out", report, "--preset", "fioko2019")
    expect(fromDatabase.code, fromDatabase.err).toBe(0)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(report)
    expect(workbook.worksheets[0]!.name).toBe("Сводка")
    // The bot's municipal workbook: the risk cases' sheet too.
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain("Случаи")
  })

  it("reads year and grade from the folders of the path, as FIS OKO exports name them (issue 17)", async () => {
    const file = await regionFile(path.join(`deep-${kind}`, "fisoko", "2022", "4", "Математика.xlsx"), 12)
    const imported = await cli("import", file, "--yes")
    expect(imported.code, imported.out + imported.err).toBe(0)
    expect(imported.out).toMatch(/Загружено: ВПР 2022 · Математика · 4 класс\. Школ: 12/)

    const flat = await regionFile(path.join(`flat-${kind}`, "Математика.xlsx"), 13)
    const undetermined = await cli("import", flat, "--yes")
    expect(undetermined.code).toBe(64)
    expect(undetermined.err).toContain("Не удалось определить: год. Укажите --procedure и/или --school.")
  })

  it("outside data: writes the empty template, and imports a filled workbook (refusing one with errors, naming the cell)", async () => {
    const template = path.join(folder, `outside-template-${kind}.xlsx`)
    const written = await cli("template", "outside", "--out", template)
    expect(written.code, written.err).toBe(0)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(template)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["ОГЭ и ЕГЭ", "Медалисты", "Перепроверка", "Инструкция"])

    const directory = path.join(folder, "context.xlsx")
    writeFileSync(directory, await contextForm2021(["sch223017", "sch223018"]))
    const schools = await cli("schools", directory)
    expect(schools.code).toBe(0)
    // The form's year is a year, not a number with a thousands space («форма 2 021»).
    expect(schools.out).toContain("(форма 2021)")

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

  it("answers in English with --lang en, and refuses a language it does not have", async () => {
    const english = await cli("analyze", "ВПР/2022/Физкультура/4", "--lang", "en")
    expect(english.code).toBe(64)
    expect(english.err.trim()).toBe('I do not understand the procedure "ВПР/2022/Физкультура/4": it should be "kind/year/subject/grade", e.g. "ВПР/2021/Математика/4".')
    expect((await cli("help", "--lang", "en")).out).toContain("Language of the replies: --lang ru (the default) or --lang en.")
    const unknown = await cli("help", "--lang", "de")
    expect(unknown.code).toBe(64)
    expect(unknown.err.trim()).toBe("Неизвестный язык «de»: есть ru и en.")
  })
})

describe("command line as a process", () => {
  // The one spawned run: the exit code and the streams are what a shell sees.
  it("explains bad usage in one line on stderr, with exit code 64", () => {
    const result = cliIn(folder)("analyze", "ВПР/2022/Физкультура/4")
    expect(result.code).toBe(64)
    expect(result.out).toBe("")
    expect(result.err.trim()).toBe("Не понял процедуру «ВПР/2022/Физкультура/4»: нужно «вид/год/предмет/класс», например «ВПР/2021/Математика/4».")
  })
})
