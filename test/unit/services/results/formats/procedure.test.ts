import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../../src/domain/procedures/index.ts"
import type { ProcedureSpec } from "../../../../../src/domain/results.ts"
import { parseResults } from "../../../../../src/services/results/formats/index.ts"
import { buildTemplate } from "../../../../../src/services/results/template.ts"
import { strictTranslator } from "../../../../support/fixtures/translator.ts"
import { collectionForm, export2021 } from "../../../../support/fixtures/workbooks.ts"

const math4 = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!
const geography11 = findSpec({ kind: "ВПР", year: 2022, subject: "География", grade: 11 })!
const zeros = (spec: ProcedureSpec) => spec.tasks.map(() => 0)
const brief = (problems: { severity: string; code: string; cell?: string; params: object }[]) =>
  problems.map((p) => [p.severity, p.code, p.cell ?? null, p.params])

describe("which procedure a file holds", () => {
  it("asks for what neither the file nor its name says, offering the specs that fit the header", async () => {
    const bytes = await collectionForm({ spec: geography11, rows: [{ code: 1001, variant: 1, scores: zeros(geography11), journal: 4 }] })
    const parsed = await parseResults(bytes, { fileName: "results.xlsx" })
    expect(parsed).toMatchObject({ status: "needs-input", layout: "B", missing: ["year", "grade"], spec: null, participants: [] })
    expect(parsed.procedure).toEqual({ kind: "ВПР", subject: "География" })
    expect(parsed.candidates.map((spec) => `${spec.subject} ${spec.grade} ${spec.year}`)).toEqual(["География 10 2022", "География 11 2022"])
    expect(parsed.stats).toMatchObject({ rows: 1, present: 1 })

    const answered = await parseResults(bytes, { procedure: { kind: "ВПР", year: 2022, subject: "География", grade: 11 } })
    expect(answered).toMatchObject({ status: "parsed", canImport: true, spec: { grade: 11 } })
  })

  it("layout C cannot tell the test by its positional header: the name or the user must", async () => {
    const bytes = await export2021({ positions: 15, rows: [{ code: "40001", variant: "1", scores: zeros(math4).map(String), journal: "4" }] })
    const parsed = await parseResults(bytes, { fileName: "export.xlsx" })
    expect(parsed).toMatchObject({ status: "needs-input", layout: "C", missing: ["year", "subject", "grade"], candidates: [] })
  })

  it("reports each difference between the header and the spec, and which test the header fits", async () => {
    const headers = math4.tasks.map((task) => `${task.label} (${task.max}б)`)
    headers[1] = "2 (2б)" // maximum differs
    headers[14] = "13 (2б)" // 12 replaced by 13
    const bytes = await collectionForm({ spec: math4, taskHeaders: headers, rows: [{ code: 40001, variant: 1, scores: zeros(math4), journal: 4 }] })
    const parsed = await parseResults(bytes, { fileName: "2022/4/Математика.xlsx" })
    expect(parsed.status).toBe("parsed")
    expect(parsed.canImport).toBe(false)
    expect(parsed.participants).toEqual([])
    expect(brief(parsed.problems)).toEqual([
      ["error", "header-task-missing", "I1", { task: "12", max: 2 }],
      ["error", "header-task-max", "J1", { task: "2", found: 2, expected: 1 }],
      ["error", "header-task-extra", "W1", { header: "13 (2б)" }],
    ])
  })

  it("when the header fits another test, says so", async () => {
    const bytes = await collectionForm({ spec: geography11, rows: [{ code: 1001, variant: 1, scores: zeros(geography11), journal: 4 }] })
    const parsed = await parseResults(bytes, { procedure: { kind: "ВПР", year: 2022, subject: "История", grade: 11 } })
    expect(parsed.problems.map((p) => p.code)).toContain("header-suggests-procedure")
    expect(parsed.problems.find((p) => p.code === "header-suggests-procedure")).toMatchObject({ severity: "warning", params: { subject: "География", year: "2022" } })
  })

  it("a 2021 export with a task column too many is refused by count", async () => {
    const bytes = await export2021({ positions: 16, rows: [{ code: "40001", variant: "1", journal: "4" }] })
    const parsed = await parseResults(bytes, { fileName: "Проведение работы по математике, 4 класс. ВПР 2021.xlsx" })
    expect(brief(parsed.problems)).toEqual([["error", "header-task-count", "J1", { found: 16, expected: 15 }]])
  })

  it("the user's choice must agree with what the file states inside (template meta)", async () => {
    const spec = findSpec({ kind: "ВПР", year: 2021, subject: "Математика", grade: 4 })!
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await buildTemplate(spec, strictTranslator("ru"), { rows: 5 })) as unknown as ArrayBuffer)
    workbook.getWorksheet("Результаты")!.getRow(2).values = ["edu223379", 40001, "А", 1, ...zeros(spec), 4]
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    const parsed = await parseResults(bytes, { procedure: { kind: "ВПР", year: 2022, subject: "Математика", grade: 4 } })
    expect(parsed.canImport).toBe(false)
    expect(brief(parsed.problems)).toEqual([["error", "procedure-conflict", null, { part: "year", file: "2021", given: "2022" }]])
  })

  it("uses the newest spec version and warns when the template was made with an older one", async () => {
    const spec = findSpec({ kind: "ВПР", year: 2021, subject: "Математика", grade: 4 })!
    const fixed: ProcedureSpec = { ...spec, version: 2, scale: { "3": 7, "4": 11, "5": 16 } }
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await buildTemplate(spec, strictTranslator("ru"), { rows: 5 })) as unknown as ArrayBuffer)
    workbook.getWorksheet("Результаты")!.getRow(2).values = ["edu223379", 40001, "А", 1, ...spec.tasks.map((t) => t.max), 4]
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    const withOld = await parseResults(bytes, { specs: [spec, fixed] })
    expect(withOld.spec?.version).toBe(1) // the version the template was made with is still known
    const onlyNew = await parseResults(bytes, { specs: [fixed] })
    expect(onlyNew.spec?.version).toBe(2)
    expect(brief(onlyNew.problems)).toEqual([["warning", "spec-version-outdated", null, { version: 1, current: 2 }]])
  })

  it("an invalid school login given by the caller is an error", async () => {
    const bytes = await collectionForm({ spec: math4, aggregated: false, rows: [{ code: 40001, variant: 1, scores: zeros(math4), journal: 4 }] })
    const parsed = await parseResults(bytes, { fileName: "2022/4/Математика.xlsx", schoolLogin: "школа 5" })
    expect(parsed.problems.map((p) => p.code)).toContain("school-login-option-invalid")
    expect(parsed.missing).toEqual(["school"])
  })

  it("reports progress while reading", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({ code: 40001 + i, variant: 1, scores: zeros(math4), journal: 4 }))
    const seen: number[] = []
    await parseResults(await collectionForm({ spec: math4, rows }), { fileName: "2022/4/Математика.xlsx", onProgress: (n) => seen.push(n) })
    expect(seen[0]).toBe(1000)
    expect(seen.at(-1)).toBeGreaterThan(1200)
  })
})
