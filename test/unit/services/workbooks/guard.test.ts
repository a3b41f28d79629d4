import { describe, expect, it } from "vitest"
import { parseResults } from "../../../../src/services/results/formats/index.ts"
import { DEFAULT_LIMITS, guardWorkbook, readZipDirectory } from "../../../../src/services/workbooks/guard.ts"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import { csvText, encryptedXlsx, handMadeZip, highRatioZip, oldXls, zipBomb } from "../../../support/fixtures/raw-files.ts"
import { collectionForm, workbookOf } from "../../../support/fixtures/workbooks.ts"

const spec = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!

describe("workbook guard: refuse before parsing", () => {
  it.each([
    ["an old .xls", "file-xls", oldXls()],
    ["a password-protected workbook", "file-encrypted", encryptedXlsx()],
    ["a CSV file", "file-text", csvText()],
    ["random bytes", "file-not-xlsx", Buffer.from([0, 1, 2, 3, 0, 255, 7, 9])],
    ["a zip without a workbook", "file-not-xlsx", handMadeZip([{ name: "word/document.xml", data: Buffer.from("<w/>") }])],
    ["a zip bomb (declared size)", "file-zip-bomb", zipBomb()],
    ["a zip bomb (ratio over 100 on a big entry)", "file-zip-bomb", highRatioZip()],
  ])("%s → %s", async (_, code, bytes) => {
    expect(guardWorkbook(bytes)?.code).toBe(code)
    const parsed = await parseResults(bytes)
    expect(parsed.status).toBe("refused")
    expect(parsed.problems).toEqual([expect.objectContaining({ severity: "error", code, sheet: "" })])
  })

  it("refuses a file over the size limit, saying how big it is", () => {
    const refusal = guardWorkbook(Buffer.alloc(3 * 1024 * 1024, 1), { ...DEFAULT_LIMITS, maxBytes: 2 * 1024 * 1024 })
    expect(refusal).toMatchObject({ code: "file-too-large", params: { size: 3, limit: 2 } })
    expect(DEFAULT_LIMITS.maxBytes).toBe(20 * 1024 * 1024)
  })

  it("lets a real workbook through and reads its central directory", async () => {
    const bytes = await collectionForm({ spec, rows: [{ code: 40001, variant: 1, scores: [1] }] })
    expect(guardWorkbook(bytes)).toBeNull()
    const names = readZipDirectory(bytes)!.map((entry) => entry.name)
    expect(names).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]))
  })

  it("refuses too many sheets", async () => {
    const bytes = await workbookOf({ a: [["1"]], b: [["2"]], c: [["3"]] })
    expect(guardWorkbook(bytes, { ...DEFAULT_LIMITS, maxSheets: 2 })).toMatchObject({ code: "file-too-many-sheets", params: { sheets: 3, limit: 2 } })
  })

  it("refuses too many rows or columns while streaming, naming the sheet", async () => {
    const rows = Array.from({ length: 8 }, (_, i) => [{ code: 40001 + i, variant: 1, scores: [1] }][0]!)
    const bytes = await collectionForm({ spec, rows })
    const tooLong = await parseResults(bytes, { limits: { maxRows: 5 } })
    expect(tooLong.status).toBe("refused")
    expect(tooLong.problems[0]).toMatchObject({ code: "file-too-many-rows", sheet: "Протокол", params: { limit: 5 } })
    const tooWide = await parseResults(bytes, { limits: { maxColumns: 20 } })
    expect(tooWide.problems[0]).toMatchObject({ code: "file-too-many-columns", sheet: "Протокол", params: { columns: 27, limit: 20 } })
  })

  it("reports a workbook with damaged compressed data as unreadable", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ code: 40001 + i, variant: 1, scores: [1, 0, 2] }))
    const damaged = Buffer.from(await collectionForm({ spec, rows }))
    const sheet = readZipDirectory(damaged)!.find((entry) => entry.name === "xl/worksheets/sheet2.xml")!
    const at = damaged.indexOf(Buffer.from("xl/worksheets/sheet2.xml")) + 40
    damaged.fill(0xff, at, at + Math.min(400, sheet.compressedSize - 60))
    const parsed = await parseResults(damaged)
    expect(parsed.status).toBe("refused")
    expect(parsed.problems).toEqual([expect.objectContaining({ code: "file-unreadable", severity: "error" })])
  })
})
