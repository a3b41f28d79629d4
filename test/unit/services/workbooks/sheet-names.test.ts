import { existsSync } from "node:fs"
import { readFile } from "node:fs/promises"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import { parseResults } from "../../../../src/services/results/formats/index.ts"
import { DEFAULT_LIMITS } from "../../../../src/services/workbooks/guard.ts"
import { streamSheets } from "../../../../src/services/workbooks/stream.ts"
import { rewritePart } from "../../../support/fixtures/crafted-zips.ts"
import { collectionForm, workbookOf } from "../../../support/fixtures/workbooks.ts"

const spec = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!
const RELS = "xl/_rels/workbook.xml.rels"
const FISOKO_2021 = path.resolve(import.meta.dirname, "../../../../../shared/data/fisoko/2021")

async function sheetNames(bytes: Buffer): Promise<string[]> {
  const names: string[] = []
  await streamSheets(bytes, (sheet) => (names.push(sheet), null), { limits: DEFAULT_LIMITS })
  return names
}

/** The relation targets as openpyxl writes them (from the package root), or with a «./» prefix. */
const absoluteTargets = (xml: string): string => xml.replace(/Target="worksheets\//gu, 'Target="/xl/worksheets/')
const dottedTargets = (xml: string): string => xml.replace(/Target="worksheets\//gu, 'Target="./worksheets/')

describe("sheet names as the user sees them (issue 9 #7)", () => {
  it("reads the names of a workbook whose relations point at its sheets from the package root (openpyxl)", async () => {
    const single = rewritePart(await workbookOf({ Sheet: [["1"]] }), RELS, absoluteTargets)
    expect(await sheetNames(single)).toEqual(["Sheet"])
    const form = await collectionForm({ spec, rows: [{ code: 40001, variant: 1, scores: [1] }] })
    expect(await sheetNames(rewritePart(form, RELS, absoluteTargets))).toEqual(["Классы", "Протокол"])
    expect(await sheetNames(rewritePart(form, RELS, dottedTargets))).toEqual(["Классы", "Протокол"])
  })

  it("names «Протокол» in the problems of a re-saved form, not «Sheet2»", async () => {
    const form = await collectionForm({ spec, rows: [{ code: 40001, variant: 1, scores: [9] }] })
    const parsed = await parseResults(rewritePart(form, RELS, absoluteTargets), { fileName: "2022/Форма.xlsx" })
    const sheets = new Set(parsed.problems.map((found) => found.sheet))
    expect(parsed.problems.map((found) => found.code)).toContain("score-above-max")
    expect(sheets).toEqual(new Set(["Протокол"]))
  })

  it.skipIf(!existsSync(FISOKO_2021))("calls the sheet of the real 2021 Russian-language export «Sheet», as Excel shows it", async () => {
    const bytes = await readFile(path.join(FISOKO_2021, "Проведение работы по русскому языку, 4 класс. ВПР 2021.xlsx"))
    expect(await sheetNames(bytes)).toEqual(["Sheet"])
  })
})
