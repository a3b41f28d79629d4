import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../../src/domain/procedures/index.ts"
import { CELL_NO_ANSWER, CELL_NOT_TAUGHT, type ProcedureSpec } from "../../../../../src/domain/results.ts"
import { detectLayout, parseResults } from "../../../../../src/services/results/formats/index.ts"
import { describeProblem } from "../../../../../src/services/workbooks/problem.ts"
import { buildTemplate } from "../../../../../src/services/results/template.ts"
import { strictTranslator } from "../../../../support/fixtures/translator.ts"
import { collectionForm, contextForm2021, export2020, export2021, individualReport, workbookOf } from "../../../../support/fixtures/workbooks.ts"

const math4 = findSpec({ kind: "ВПР", year: 2021, subject: "Математика", grade: 4 })!
const math4of2022 = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!
const russian4of2026 = findSpec({ kind: "ВПР", year: 2026, subject: "Русский язык", grade: 4 })!
const full = (spec: ProcedureSpec) => spec.tasks.map((task) => task.max)
const zeros = (spec: ProcedureSpec) => spec.tasks.map(() => 0)

describe("layout detection and reading", () => {
  it("B: the aggregated collection form; subject and grade from the header set, year from the name", async () => {
    const bytes = await collectionForm({
      spec: math4of2022,
      rows: [
        { login: "edu223379", code: 40001, variant: "отсутствовал" },
        { login: "edu223379", code: 40002, variant: "2", scores: ["1", "X", ...zeros(math4of2022).slice(2)], className: "4А", sex: "ж", journal: "4" },
        { login: "edu224258", code: 40001, variant: 1, scores: full(math4of2022), className: 4, sex: "м", journal: 5 },
      ],
    })
    const parsed = await parseResults(bytes, { fileName: "2022/Форма.xlsx" })
    expect(parsed).toMatchObject({ status: "parsed", layout: "B", canImport: true, procedure: { kind: "ВПР", year: 2022, subject: "Математика", grade: 4 } })
    expect(parsed.spec?.year).toBe(2022)
    expect(parsed.stats).toEqual({ rows: 3, present: 2, absent: 1, schools: 2, schoolsWithPresent: 2 })
    expect(parsed.schools).toEqual([
      { key: "223379", login: "edu223379", name: 'МКОУ "Школа"', municipality: "Красногорский муниципальный район", municipalityCode: "reg22_m019" },
      { key: "224258", login: "edu224258", name: 'МКОУ "Школа"', municipality: "Красногорский муниципальный район", municipalityCode: "reg22_m019" },
    ])
    const [absent, partial, best] = parsed.participants
    expect(absent).toMatchObject({ code: "40001", absent: true, cells: [], total: null, mark: null })
    expect(partial).toMatchObject({ schoolKey: "223379", code: "40002", variant: 2, className: "А", sex: "f", journalMark: 4, total: 1, mark: 2 })
    expect(partial!.cells.slice(0, 3)).toEqual([1, CELL_NO_ANSWER, 0])
    expect(best).toMatchObject({ schoolKey: "224258", className: null, total: 20, mark: 5, journalMark: 5, sex: "m" })
  })

  it("task columns in another order are put in spec order", async () => {
    const reversed = [...math4of2022.tasks].reverse()
    const bytes = await collectionForm({
      spec: math4of2022,
      taskHeaders: reversed.map((task) => `${task.label} (${task.max}б)`),
      rows: [{ code: 40001, variant: 1, scores: reversed.map((task) => (task.label === "3" ? 2 : task.label === "12" ? "X" : 0)), journal: 4 }],
    })
    const parsed = await parseResults(bytes, { fileName: "2022/4/Математика.xlsx" })
    expect(parsed.canImport).toBe(true)
    expect(parsed.participants[0]!.cells).toEqual(math4of2022.tasks.map((task) => (task.label === "3" ? 2 : task.label === "12" ? CELL_NO_ANSWER : 0)))
  })

  it("A: the school's own form has no login column; the school comes from the options or is asked for", async () => {
    const bytes = await collectionForm({ spec: math4, aggregated: false, rows: [{ code: 40001, variant: 1, scores: full(math4) }] })
    const asked = await parseResults(bytes, { fileName: "Проведение работы по математике, 4 класс. ВПР 2021.xlsx" })
    expect(asked).toMatchObject({ status: "needs-input", layout: "A", missing: ["school"], participants: [] })
    expect(asked.stats.rows).toBe(1)
    const parsed = await parseResults(bytes, { fileName: "x.xlsx", schoolLogin: "sch223379", procedure: { kind: "ВПР", year: 2021, subject: "Математика", grade: 4 } })
    expect(parsed).toMatchObject({ status: "parsed", layout: "A", canImport: true })
    expect(parsed.participants[0]).toMatchObject({ schoolKey: "223379", total: 20 })
  })

  it("C: the 2021 export, positional scores, every cell text", async () => {
    const bytes = await export2021({
      positions: 15,
      rows: [
        { code: "40001", variant: "1", scores: ["1", "1", "2", "x", "Х", "не пройд.", ...zeros(math4).slice(6).map(String)], journal: "5", sex: "Ж", className: "a" },
        { code: "40002", variant: "отсутствовал" },
      ],
    })
    const parsed = await parseResults(bytes, { fileName: "Проведение работы по математике, 4 класс. ВПР 2021.xlsx" })
    expect(parsed).toMatchObject({ status: "parsed", layout: "C", procedure: { year: 2021, subject: "Математика", grade: 4 } })
    expect(parsed.schools).toEqual([{ key: "223379", login: "sch223379", municipality: "город Барнаул" }])
    expect(parsed.participants[0]).toMatchObject({ total: 4, mark: 2, sex: "f", className: "А", journalMark: 5 })
    expect(parsed.participants[0]!.cells.slice(0, 6)).toEqual([1, 1, 2, CELL_NO_ANSWER, CELL_NO_ANSWER, CELL_NOT_TAUGHT])
    expect(parsed.participants[1]).toMatchObject({ absent: true })
  })

  it("D: the 2020 export, `a-k-grade` up to `Учебник`, two variant columns, municipality from the group tag", async () => {
    const custom: ProcedureSpec = { ...math4, year: 2020, source: "test" }
    const bytes = await export2020({
      positions: 15,
      rows: [
        { code: 50001, variant: "отсутствовал", variant2: 2, scores: full(math4) },
        { code: 50002, variant: "отсутствовал" },
        { code: 50003, variant: 1, scores: zeros(math4), journal: "нет отметки" },
      ],
    })
    const noSpec = await parseResults(bytes, { fileName: "2020/4/Математика.xlsx" })
    expect(noSpec).toMatchObject({ status: "needs-spec", layout: "D", procedure: { year: 2020, grade: 4, subject: "Математика" } })
    expect(noSpec.problems).toEqual([expect.objectContaining({ code: "spec-unknown", severity: "error" })])
    const parsed = await parseResults(bytes, { fileName: "2020/4/Математика.xlsx", specs: [custom] })
    expect(parsed).toMatchObject({ status: "parsed", layout: "D", stats: { rows: 3, present: 2, absent: 1 } })
    expect(parsed.schools[0]).toMatchObject({ login: "sch223379", municipalityCode: "reg22_m004" })
    expect(parsed.participants.map((p) => [p.code, p.absent, p.variant, p.total])).toEqual([
      ["50001", false, 2, 20], ["50002", true, null, null], ["50003", false, 1, 0],
    ])
  })

  it("E: «Индивидуальные результаты» with its title block, heading rows and the VPR mark", async () => {
    const bytes = await individualReport({
      spec: russian4of2026,
      title: "ВПР 2026 Русский язык 4 класс",
      rows: [
        { code: 40001, variant: 1, className: "4Б", scores: full(russian4of2026), mark: 5, journal: 5 },
        { code: 40002, variant: 2, className: "4Б", scores: zeros(russian4of2026), mark: 2, journal: 3 },
        { code: 40003, variant: null, className: "4Б" },
      ],
    })
    const parsed = await parseResults(bytes)
    expect(parsed).toMatchObject({ status: "parsed", layout: "E", canImport: true, procedure: { kind: "ВПР", year: 2026, subject: "Русский язык", grade: 4 } })
    expect(parsed.stats).toEqual({ rows: 3, present: 2, absent: 1, schools: 1, schoolsWithPresent: 1 })
    expect(parsed.participants.map((p) => [p.code, p.total, p.mark, p.className])).toEqual([
      ["40001", 24, 5, "Б"], ["40002", 0, 2, "Б"], ["40003", null, null, "Б"],
    ])
  })

  it("T: our template names the procedure itself", async () => {
    const template = await buildTemplate(math4, strictTranslator("ru"), { rows: 10 })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(template as unknown as ArrayBuffer)
    workbook.getWorksheet("Результаты")!.getRow(2).values = ["edu223379", 40001, "Б", 1, ...full(math4), 4]
    const parsed = await parseResults(Buffer.from(await workbook.xlsx.writeBuffer()), { fileName: "whatever.xlsx" })
    expect(parsed).toMatchObject({ status: "parsed", layout: "T", canImport: true, procedure: { year: 2021, subject: "Математика", grade: 4 } })
    expect(parsed.participants[0]).toMatchObject({ total: 20, journalMark: 4 })
  })

  it("says a context-data form is not a result file (the intake reads it as the directory: test/unit/services/intake/read.test.ts)", async () => {
    const parsed = await parseResults(await contextForm2021(["sch220001", "sch220002"]))
    expect(parsed.status).toBe("not-results")
    expect(parsed.participants).toEqual([])
  })

  it("explains an empty collection form: «Протокол» without participants, or only «Классы»", async () => {
    const empty = await parseResults(await collectionForm({ spec: math4of2022, rows: [], classes: ["А", "Б"] }))
    expect(empty.status).toBe("not-results")
    expect(empty.problems).toEqual([expect.objectContaining({ code: "layout-empty-form", params: { form: "collection", classes: 2 } })])
    const classesOnly = await parseResults(await collectionForm({ spec: math4of2022, rows: [], classes: ["А"], withProtocol: false }))
    expect(classesOnly.problems[0]).toMatchObject({ code: "layout-empty-form", params: { form: "collection", classes: 1 } })
    const emptyTemplate = await parseResults(await buildTemplate(math4, strictTranslator("ru"), { rows: 5 }))
    expect(emptyTemplate.problems[0]).toMatchObject({ code: "layout-empty-form", params: { form: "template" } })
  })

  it("names the header cells it could not match — «Код участника», «Задание 1» — instead of calling the form empty (issue 11 #6)", async () => {
    const rows = Array.from({ length: 27 }, (_, index) => ({ code: 40001 + index, variant: 1, className: "А", scores: full(math4of2022) }))
    const taskHeaders = math4of2022.tasks.map((_, index) => `Задание ${index + 1}`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await collectionForm({ spec: math4of2022, rows, taskHeaders })) as unknown as ArrayBuffer)
    const header = workbook.getWorksheet("Протокол")!.getRow(1)
    let codeColumn = 0
    header.eachCell((cell, column) => { if (cell.value === "Код") codeColumn = column })
    header.getCell(codeColumn).value = "Код участника"
    const parsed = await parseResults(Buffer.from(await workbook.xlsx.writeBuffer()))

    expect(parsed.status).toBe("not-results")
    expect(parsed.problems.map((found) => found.code)).not.toContain("layout-empty-form")
    const code = `${String.fromCharCode(64 + codeColumn)}1`
    const firstTask = `${String.fromCharCode(64 + codeColumn + 2)}1`
    const lastTask = `${String.fromCharCode(64 + codeColumn + 1 + taskHeaders.length)}1`
    expect(parsed.problems).toEqual([
      expect.objectContaining({ code: "layout-header-unmatched", sheet: "Протокол", row: 1 }),
      expect.objectContaining({ code: "header-code-unmatched", cell: code, params: { text: "Код участника" } }),
      expect.objectContaining({ code: "header-tasks-unmatched", cell: firstTask, params: { text: "Задание 1", count: taskHeaders.length, last: lastTask } }),
    ])
    const words = parsed.problems.map((found) => describeProblem(found, strictTranslator("ru"))).join("\n")
    expect(words).toContain(`Ячейка ${code}: «Код участника» — здесь должен быть заголовок «Код»`)
    expect(words).toContain(`Ячейки ${firstTask}–${lastTask}: заголовки заданий вроде «Задание 1»`)
    expect(words).not.toContain("пустая форма")
  })

  it("a form whose header lacks «Вариант» says the column is missing", async () => {
    const parsed = await parseResults(await workbookOf({ "Протокол": [["Код ученика", "Зад. 1", "Зад. 2"], [40001, 1, 0]] }))
    expect(parsed.problems.map((found) => [found.code, found.cell ?? found.params["header"]])).toEqual([
      ["layout-header-unmatched", undefined], ["header-code-unmatched", "A1"], ["header-tasks-unmatched", "B1"], ["header-column-missing", "variant"],
    ])
  })

  it("names the sheets of an unknown workbook", async () => {
    const parsed = await parseResults(await workbookOf({ "Лист1": [["Фамилия", "Балл"], ["Иванов", 5]], "Итоги": [["x"]] }))
    expect(parsed.status).toBe("not-results")
    expect(parsed.problems).toEqual([expect.objectContaining({ code: "layout-unknown", params: { sheets: "Лист1, Итоги" } })])
  })

  it("detectLayout works on a workbook loaded in memory", async () => {
    const load = async (bytes: Buffer) => {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
      return detectLayout(workbook)
    }
    expect(await load(await collectionForm({ spec: math4, rows: [{ code: 1, variant: 1 }] }))).toMatchObject({ kind: "results", layout: "B" })
    expect(await load(await collectionForm({ spec: math4, aggregated: false, rows: [{ code: 1, variant: 1 }] }))).toMatchObject({ kind: "results", layout: "A" })
    expect(await load(await export2021({ positions: 15, rows: [{ code: "40001", variant: "1" }] }))).toMatchObject({ layout: "C" })
    expect(await load(await collectionForm({ spec: math4, rows: [] }))).toMatchObject({ kind: "empty-form" })
    expect(await load(await contextForm2021(["sch220001"]))).toMatchObject({ kind: "unknown" })
  })
})
