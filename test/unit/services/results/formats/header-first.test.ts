import { describe, expect, it } from "vitest"
import { parseResults } from "../../../../../src/services/results/formats/parse.ts"
import type { ParseOptions } from "../../../../../src/services/results/formats/types.ts"
import { collectionForm as formWith, export2021 } from "../../../../support/fixtures/workbooks.ts"
import { classRows, collectionForm, MATH_4_2022 } from "../../../../support/workbooks.ts"

/** Parses and says how many rows the pass read (the last progress report counts every row streamed). */
async function parsed(bytes: Buffer, options: ParseOptions) {
  let rowsRead = 0
  const result = await parseResults(bytes, { ...options, onProgress: (rows) => (rowsRead = rows) })
  return { result, rowsRead }
}

/** Refusals decided from the header, before the body (issue 9 #8, issue 17). */
describe("a result file settled by its header", () => {
  it("whose procedure cannot be told: asked after the header and a sample, not after the whole body", async () => {
    const bytes = await collectionForm(classRows(3000))
    const whole = await parsed(bytes, { fileName: "результаты.xlsx" })
    const early = await parsed(bytes, { fileName: "результаты.xlsx", headerFirst: "procedure" })
    expect(whole.rowsRead).toBeGreaterThan(3000)
    expect(early.rowsRead).toBeLessThan(300)
    // The same question, with the same candidates: only the reading stopped earlier.
    expect(early.result).toMatchObject({ status: "needs-input", decidedFromHeader: true, layout: "A", missing: ["year", "school"] })
    expect(early.result.missing).toEqual(whole.result.missing)
    expect(early.result.candidates.map((spec) => spec.year)).toEqual(whole.result.candidates.map((spec) => spec.year))
    expect(early.result.participants).toEqual([])
    expect(whole.result.decidedFromHeader).toBeUndefined()
  })

  it("whose spec we lack: refused from the header for a sender who cannot be proposed one; read whole for a proposal", async () => {
    const rows = classRows(3000).map((row) => ({ ...row, login: "sch223379" }))
    const bytes = await export2021({ positions: 12, rows })
    const fileName = "ВПР 2019 Математика 4 класс.xlsx"
    const refused = await parsed(bytes, { fileName, headerFirst: "procedure-and-spec" })
    expect(refused.rowsRead).toBeLessThan(300)
    expect(refused.result).toMatchObject({ status: "needs-spec", decidedFromHeader: true, procedure: { year: 2019, subject: "Математика", grade: 4 } })
    expect(refused.result.problems.map((found) => found.code)).toEqual(["spec-unknown"])
    expect(refused.result.basis).toBeUndefined()
    // A coordinator is proposed a spec from the scores seen: the body is read for them.
    const proposed = await parsed(bytes, { fileName, headerFirst: "procedure" })
    expect(proposed.rowsRead).toBeGreaterThan(3000)
    expect(proposed.result).toMatchObject({ status: "needs-spec", basis: { present: 3000 } })
    expect(proposed.result.decidedFromHeader).toBeUndefined()
  })

  it("still finds pupils' names in the rows it sampled (such a file is never kept)", async () => {
    const rows = classRows(600).map((row, index) => ({ ...row, extra: { "Обучающийся": `Иванов${"а".repeat(index % 3)} Пётр` } }))
    // A column whose header says nothing: the names are told from the cells sampled.
    const bytes = await formWith({ spec: MATH_4_2022, aggregated: false, extraHeaders: ["Обучающийся"], rows })
    const whole = await parsed(bytes, { fileName: "результаты.xlsx" })
    expect(whole.result.problems.map((found) => found.code)).toContain("names-column")
    const early = await parsed(bytes, { fileName: "результаты.xlsx", headerFirst: "procedure" })
    expect(early.rowsRead).toBeLessThan(300)
    expect(early.result.status).toBe("needs-input")
    expect(early.result.problems.map((found) => found.code)).toContain("names-column")
  })

  it("a file that reads on is read whole", async () => {
    const early = await parsed(await collectionForm(classRows(1500)), { fileName: "Математика 4 класс ВПР 2022.xlsx", schoolLogin: "edu223017", headerFirst: "procedure-and-spec" })
    expect(early.result).toMatchObject({ status: "parsed", stats: { rows: 1500 } })
    expect(early.result.participants).toHaveLength(1500)
  })
})
