import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import { formatTaskHeader } from "../../../../src/domain/task-header.ts"
import { classifySheet, classifyWorkbook } from "../../../../src/services/intake/classify.ts"

const math4 = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!

/** Classification from the sheets' first rows (the whole pass is in read.test.ts). */
describe("classifying a workbook", () => {
  it("ranks the kinds: a result table wins over an outside-data sheet in the same workbook", () => {
    const preview = (rows: unknown[][]) => rows.map((values, index) => ({ number: index + 1, values: [undefined, ...values] }))
    const results = classifySheet("Протокол", preview([["Код", "Вариант", ...math4.tasks.map((task) => formatTaskHeader(task))], [40001, 1, 1, 0]]))
    const outside = classifySheet("Медалисты", preview([["Логин ОО", "Год", "ЕГЭ русский язык", "ЕГЭ математика"]]))
    expect([results.kind, outside.kind]).toEqual(["results", "outside-data"])
    expect(classifyWorkbook([outside, results]).kind).toBe("results")
    expect(classifyWorkbook([outside]).kind).toBe("outside-data")
    expect(classifyWorkbook([{ name: "x", kind: "other" }])).toEqual({ kind: "unknown", sheets: ["x"] })
  })
})
