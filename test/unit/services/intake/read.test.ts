import { describe, expect, it } from "vitest"
import { findSpec, PROCEDURE_SPECS } from "../../../../src/domain/procedures/index.ts"
import { readWorkbook, type ReadContext } from "../../../../src/services/intake/read.ts"
import { buildSpecTemplate } from "../../../../src/services/specs/workbook.ts"
import { buildOutsideTemplate } from "../../../../src/services/exams-medalists-rechecks/template.ts"
import { outsideWorkbook } from "../../../support/fixtures/outside.ts"
import { strictTranslator } from "../../../support/fixtures/translator.ts"
import { collectionForm, contextForm2021, workbookOf } from "../../../support/fixtures/workbooks.ts"

const math4 = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!
const context: ReadContext = { specs: PROCEDURE_SPECS, knownSchools: new Set(["223017"]), maxYear: 2027 }

/** The one pass of the intake: each sheet classified from its first rows and read by its kind's reader. */
describe("reading an upload: the workbook's kind as a value", () => {
  it("reads a result file as results", async () => {
    const bytes = await collectionForm({ spec: math4, rows: [{ login: "edu223017", code: 40001, variant: 1, scores: math4.tasks.map(() => 0) }] })
    expect(await readWorkbook(bytes, context, { fileName: "Математика 4 класс ВПР 2022.xlsx" })).toMatchObject({
      kind: "results", results: { status: "parsed", layout: "B", procedure: { year: 2022, subject: "Математика", grade: 4 } },
    })
  })

  it("reads our outside-data workbook as outside data, checked against the directory, and the empty template as holding none", async () => {
    const filled = await outsideWorkbook({ exams: { rows: [["edu223017", "ОГЭ", 2021, "Математика", 20, 14], ["edu223099", "ОГЭ", 2021, "Математика", 20, 12]] } })
    const read = await readWorkbook(filled, context, { fileName: "внешние данные.xlsx" })
    expect(read).toMatchObject({ kind: "outside-data", outside: { data: { exams: [{ schoolKey: "223017" }] }, problems: [{ code: "outside-school-unknown", cell: "A3" }] } })
    const empty = await readWorkbook(await buildOutsideTemplate(strictTranslator("ru", ["intake.ftl", "outside.ftl"]), { maxYear: 2027 }), context, {})
    expect(empty).toMatchObject({ kind: "outside-data", outside: { problems: [{ code: "outside-no-data" }] } })
  })

  it("reads the FIS OKO context-data form as a context form, with its year and schools", async () => {
    const read = await readWorkbook(await contextForm2021(["sch220001", "sch220002"]), context, {})
    expect(read).toMatchObject({ kind: "context-form", form: 2021, directory: { form: 2021, schools: [{ login: "sch220001" }, { login: "sch220002" }] } })
  })

  it("reads a spec workbook as a spec, by its sheet name or by its labels", async () => {
    const tasks = [{ label: "1", max: 2, level: "Б" as const }, { label: "2", max: 3, level: "П" as const }]
    const named = await buildSpecTemplate({ kind: "КДР", year: 2026, subject: "Математика", grade: 4, tasks })
    expect(await readWorkbook(named, context, {})).toMatchObject({ kind: "spec", spec: { spec: { kind: "КДР", year: 2026, maxTotal: 5, tasks: [{ label: "1" }, { label: "2" }] } } })
    const renamed = await workbookOf({
      "Лист1": [["Вид процедуры", "ВПР"], ["Год", 2026], ["Предмет", "Математика"], ["Класс", 4], [], [], [], [], ["Задание", "Максимальный балл", "Уровень (Б, П, В)"], ["1", 2, "Б"]],
    })
    expect(await readWorkbook(renamed, context, {})).toMatchObject({ kind: "spec", spec: { spec: { year: 2026, maxTotal: 2 } } })
  })

  it("names the sheets of a workbook of no kind, and refuses what is not a workbook before reading it", async () => {
    expect(await readWorkbook(await workbookOf({ "Лист1": [["Фамилия", "Балл"], ["Иванов", 5]], "Итоги": [["x"]] }), context, {})).toEqual({ kind: "unknown", sheets: ["Лист1", "Итоги"] })
    expect(await readWorkbook(Buffer.from("Код;Балл\n40001;5\n"), context, {})).toMatchObject({ kind: "refused", problem: { code: "file-text" } })
  })
})
