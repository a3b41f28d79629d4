import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { createTranslator } from "../../../../src/i18n.ts"
import type { PlanSpec } from "../../../../src/domain/risk/recheck-plan.ts"
import { buildWorksWorkbook, readReturnedWorkbook, RECHECK_SHEET, type WorkbookWork } from "../../../../src/services/risk/recheck-workbook.ts"

const t = createTranslator("ru")
const spec: PlanSpec = { tasks: [{ label: "1", max: 1 }, { label: "2", max: 2 }, { label: "3К1", max: 3 }], thresholds: [2, 4, 5] }
const works: WorkbookWork[] = [
  { schoolKey: "223017", schoolLogin: "edu223017", schoolId: 1, code: "40001", reason: "threshold", tasks: [0, 1, 2], total: 4 } as WorkbookWork,
  { schoolKey: "223017", schoolLogin: "edu223017", schoolId: 1, code: "40002", reason: "focus", tasks: [2], total: 3 } as WorkbookWork,
  { schoolKey: "223018", schoolLogin: "edu223018", schoolId: 2, code: "50001", reason: "sample", tasks: [0, 1, 2], total: 1 } as WorkbookWork,
]
const plan = { id: 12, title: "ВПР 2021 · Математика · 4 класс", createdOn: "15.03.2027", spec, works }

/** The plan's workbook with some cells written by "the commission" (A1 references on the re-check sheet). */
async function returned(cells: Record<string, string | number | null>, edit?: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await buildWorksWorkbook(plan, t)) as never)
  const sheet = workbook.getWorksheet(RECHECK_SHEET)!
  for (const [ref, value] of Object.entries(cells)) sheet.getCell(ref).value = value
  edit?.(sheet, workbook)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Header on row 5 (three title lines, the maxima), works from row 6; tasks in columns F, G, H. */
const FULL = { F6: 1, G6: 2, H6: 1, H7: 2, F8: 0, G8: 1, H8: 0 }

describe("the works list of a re-check", () => {
  it("lists every work with its school, code, reason and first score, the cells to fill in yellow", async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await buildWorksWorkbook(plan, t)) as never)
    const sheet = workbook.getWorksheet(RECHECK_SHEET)!
    expect(sheet.getCell("A1").value).toBe("Перепроверка работ: ВПР 2021 · Математика · 4 класс")
    expect(sheet.getRow(5).values).toEqual([undefined, "№", "Логин ОО", "Код участника", "Почему выбрана", "Первичный балл", "1", "2", "3К1"])
    expect(sheet.getCell("F4").value).toBe("макс. 1")
    expect(sheet.getRow(7).values).toEqual([undefined, 2, "edu223017", "40002", "выше региона в заданиях 3К1", 3])
    const fill = (ref: string) => (sheet.getCell(ref).fill as ExcelJS.FillPattern).fgColor?.argb
    expect(fill("H7")).toBe("FFFFEB9C") // the focus task: yellow
    expect(fill("F7")).toBe("FFEDEDED") // the others: grey
  })

  it("reads the commission's scores back; a grey cell left empty keeps the first score", async () => {
    const read = await readReturnedWorkbook(await returned(FULL), plan)
    expect(read).toEqual({
      ok: true,
      scores: [
        { schoolLogin: "edu223017", code: "40001", scores: new Map([[0, 1], [1, 2], [2, 1]]) },
        { schoolLogin: "edu223017", code: "40002", scores: new Map([[2, 2]]) },
        { schoolLogin: "edu223018", code: "50001", scores: new Map([[0, 0], [1, 1], [2, 0]]) },
      ],
    })
    // A work left wholly empty was not re-checked: it is simply not among the scores.
    const partial = await readReturnedWorkbook(await returned({ F6: 1, G6: 2, H6: 1 }), plan)
    expect(partial.ok && partial.scores.map((s) => s.code)).toEqual(["40001"])
  })

  it("refuses every bad input, naming the cell, and returns no scores at all then", async () => {
    const bad = await readReturnedWorkbook(
      await returned({ ...FULL, G6: 3, F8: "два", H7: null, F7: 1, B9: "edu999999", C9: "1", F9: 1, B10: "edu223018", C10: "59999", F10: 1, B11: "edu223017", C11: "40001", F11: 1, G11: 1, H11: 1, F12: -1 }),
      plan,
    )
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    const lines = bad.problems.map((p) => t(`risk-problem-${p.code}`, { ...p.params, cell: p.cell ?? "" }))
    expect(lines).toEqual([
      "Ячейка G6: балл 3 выше максимума 2 за задание 2.",
      "Ячейка H7: нет балла комиссии за задание 3К1 (работа 40002). Жёлтые ячейки начатой строки заполняются все.",
      "Ячейка F8: «два» — не балл за задание 1. Нужно целое число от 0.",
      "Ячейка B9: школа «edu999999» не входит в этот план перепроверки.",
      "Ячейка C10: работы с кодом «59999» школы edu223018 нет в плане.",
      "Ячейка C11: код 40001 встречается в файле второй раз.",
      "Ячейка B12: школа «—» не входит в этот план перепроверки.",
    ])
  })

  it("refuses another plan's file, a file without the sheet, changed columns, an empty list and a broken file", async () => {
    const other = await returned(FULL, (_, workbook) => {
      workbook.getWorksheet("plan")!.getCell("A1").value = 13
    })
    expect(await readReturnedWorkbook(other, plan)).toEqual({ ok: false, problems: [{ code: "other-plan", params: { plan: 12, other: "13" } }] })
    const renamed = await returned(FULL, (sheet) => {
      sheet.name = "Лист1"
    })
    expect(await readReturnedWorkbook(renamed, plan)).toMatchObject({ ok: false, problems: [{ code: "sheet-missing" }] })
    const columns = await returned(FULL, (sheet) => {
      sheet.getCell("G5").value = "2.1"
    })
    expect(await readReturnedWorkbook(columns, plan)).toMatchObject({ ok: false, problems: [{ code: "header", cell: "G5", params: { expected: "2" } }] })
    expect(await readReturnedWorkbook(await returned({}), plan)).toMatchObject({ ok: false, problems: [{ code: "nothing-filled" }] })
    // Not a workbook at all: refused before it is loaded, in the intake's words.
    expect(await readReturnedWorkbook(Buffer.from("not a workbook"), plan)).toMatchObject({ ok: false, problems: [{ code: "refused", message: "intake-problem-file-text" }] })
  })
})
