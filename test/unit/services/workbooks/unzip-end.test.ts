import { createRequire } from "node:module"
import { setTimeout as sleep } from "node:timers/promises"
import { describe, expect, it } from "vitest"
import { parseResults } from "../../../../src/services/results/formats/parse.ts"
import { holdUnzipEndUntilDrained } from "../../../../src/services/workbooks/unzip-end.ts"
import { classRows, collectionForm } from "../../../support/workbooks.ts"

// JSZip comes with exceljs (it reads workbooks with it); resolved through exceljs so the test needs no dependency of its own.
const JSZip = createRequire(createRequire(import.meta.url).resolve("exceljs"))("jszip") as {
  loadAsync(data: Buffer): Promise<{ files: Record<string, { name: string; dir: boolean; async(type: "nodebuffer"): Promise<Buffer> }> }>
  new (): { file(name: string, data: Buffer): void; generateAsync(options: { type: "nodebuffer"; compression: "DEFLATE" }): Promise<Buffer> }
}

// exceljs's own zip reading: unzipper's Parse and the loop helper its workbook reader iterates entries with.
const fromExceljs = createRequire(createRequire(import.meta.url).resolve("exceljs"))
const unzipper = fromExceljs("unzipper") as { Parse(options: { forceStream: boolean }): NodeJS.ReadWriteStream }
const iterateStream = fromExceljs("./lib/utils/iterate-stream.js") as (stream: unknown) => AsyncIterable<{ path: string; autodrain(): void }>

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

  it("loses no zip entry while the reader is busy with an earlier one (unzipper's early 'end', unzip-end.ts)", async () => {
    holdUnzipEndUntilDrained()
    const bytes = await collectionForm(classRows(6))
    const all = Object.keys((await JSZip.loadAsync(bytes)).files)
    const zip = unzipper.Parse({ forceStream: true })
    zip.end(bytes)
    const seen: string[] = []
    for await (const entry of iterateStream(zip)) {
      seen.push(entry.path)
      // exceljs parks a sheet that comes before the shared strings in a temp file: the zip is parsed to its end meanwhile.
      if (seen.length === 1) await sleep(50)
      entry.autodrain()
    }
    expect(seen.sort()).toEqual(all.sort())
  })
})
