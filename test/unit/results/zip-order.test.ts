import { createRequire } from "node:module"
import { describe, expect, it } from "vitest"
import { parseResults } from "../../../src/services/results/formats/parse.ts"
import { classRows, collectionForm } from "../../support/workbooks.ts"

// JSZip comes with exceljs (it reads workbooks with it); resolved through exceljs so the test needs no dependency of its own.
const JSZip = createRequire(createRequire(import.meta.url).resolve("exceljs"))("jszip") as {
  loadAsync(data: Buffer): Promise<{ files: Record<string, { name: string; dir: boolean; async(type: "nodebuffer"): Promise<Buffer> }> }>
  new (): { file(name: string, data: Buffer): void; generateAsync(options: { type: "nodebuffer"; compression: "DEFLATE" }): Promise<Buffer> }
}

/** The same workbook with its zip entries reordered: shared strings and relations first, the workbook part after the sheets. */
async function workbookPartLast(bytes: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes)
  const names = Object.keys(source.files).filter((name) => !source.files[name]!.dir)
  const first = ["xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml"].filter((name) => names.includes(name))
  const ordered = [...first, ...names.filter((name) => !first.includes(name) && name !== "xl/workbook.xml"), "xl/workbook.xml"]
  const target = new JSZip()
  for (const name of ordered) target.file(name, await source.files[name]!.async("nodebuffer"))
  return target.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })
}

describe("zip entry order", () => {
  it("reads a workbook whose xl/workbook.xml comes after its sheets (exceljs writes them so under load)", async () => {
    const bytes = await workbookPartLast(await collectionForm(classRows(6)))
    const parsed = await parseResults(bytes, { fileName: "2022/4/Математика.xlsx", schoolLogin: "edu223017" })
    expect(parsed.problems.filter((found) => found.severity === "error")).toEqual([])
    expect(parsed.stats.present).toBe(6)
  })
})
