import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import { parseFaqWorkbook } from "../../../../src/services/hotline/faq.ts"
import { readReturnedWorkbook } from "../../../../src/services/risk/recheck-workbook.ts"
import { guardWorkbook } from "../../../../src/services/workbooks/guard.ts"
import { guardProblem } from "../../../../src/services/workbooks/located-problem.ts"
import { refusedWholeWorkbook } from "../../../../src/services/workbooks/whole-workbook.ts"
import { deflateBomb, rebuildZip } from "../../../support/fixtures/crafted-zips.ts"
import { collectionForm } from "../../../support/fixtures/workbooks.ts"

const spec = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!

/** A small workbook whose shared strings, declared as small as their compressed bytes, inflate to 2 GB. */
async function bomb(): Promise<Buffer> {
  const form = await collectionForm({ spec, rows: [{ code: 40001, variant: 1, scores: [1, 0, 2] }] })
  return rebuildZip(form, { replace: { "xl/sharedStrings.xml": deflateBomb(2048) } })
}

describe("workbooks read whole (schedule, calendar, FAQ, re-check) refuse a zip bomb before exceljs loads them", () => {
  it("by what the parts inflate to, not only by what the zip declares", async () => {
    const bytes = await bomb()
    expect(guardWorkbook(bytes)).toBeNull()
    expect(await refusedWholeWorkbook(bytes)).toMatchObject({ code: "file-zip-bomb-inflated", params: { part: "xl/sharedStrings.xml" } })
    expect(await guardProblem(bytes)).toMatchObject({ message: "intake-problem-file-zip-bomb-inflated", params: { part: "xl/sharedStrings.xml" } })
    expect(await parseFaqWorkbook(bytes)).toEqual({ problems: [expect.objectContaining({ code: "faq-file", problem: expect.objectContaining({ code: "file-zip-bomb-inflated" }) })] })
    const returned = await readReturnedWorkbook(bytes, { id: 1, spec: { tasks: [] } as never, works: [] })
    expect(returned).toEqual({ ok: false, problems: [expect.objectContaining({ code: "refused", message: "intake-problem-file-zip-bomb-inflated" })] })
  })

  it("lets an ordinary workbook through", async () => {
    expect(await refusedWholeWorkbook(await collectionForm({ spec, rows: [{ code: 40001, variant: 1, scores: [1, 0, 2] }] }))).toBeNull()
  })
})
