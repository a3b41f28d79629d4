import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { streamSheets } from "../../../../../src/services/results/formats/stream.ts"

/**
 * Multi-byte text across every chunk boundary: thousands of Cyrillic names of changing length push each boundary the
 * inflater cuts through some two-byte letter. Read back exactly, in shared strings, inline strings and sheet names.
 */
function names(count: number): string[] {
  const letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ№«»—"
  return Array.from({ length: count }, (_, index) => {
    const length = 5 + ((index * 7) % 23)
    let text = ""
    for (let k = 0; k < length; k++) text += letters[(index * 31 + k * 17) % letters.length]
    return `МБОУ "${text}" №${index}`
  })
}

async function readAll(bytes: Buffer): Promise<Map<string, string[]>> {
  const sheets = new Map<string, string[]>()
  await streamSheets(bytes, (sheet) => {
    const cells: string[] = []
    sheets.set(sheet, cells)
    return { row: (values) => cells.push(String(values[1] ?? "")) }
  }, { limits: { maxRows: 100_000, maxColumns: 100 } })
  return sheets
}

describe("reading multi-byte text", () => {
  it("reads every Cyrillic name exactly, whatever chunk it falls across", async () => {
    const expected = names(6000)
    const workbook = new ExcelJS.Workbook()
    const shared = workbook.addWorksheet("Сбор контекстных данных")
    for (const name of expected) shared.addRow([name])
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings: true } as never))
    const read = await readAll(buffer)
    expect([...read.keys()]).toEqual(["Сбор контекстных данных"])
    const got = read.get("Сбор контекстных данных")!
    expect(got.filter((name) => name.includes("\uFFFD"))).toEqual([])
    expect(got).toEqual(expected)
  })

  it("reads inline strings (no shared-strings part) exactly too", async () => {
    const expected = names(6000)
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet("Протокол")
    for (const name of expected) sheet.addRow([name])
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings: false } as never))
    expect((await readAll(buffer)).get("Протокол")).toEqual(expected)
  })
})
