import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { parseResults } from "../../../../src/services/results/formats/parse.ts"
import { isFormulaWithoutValue, plainValue } from "../../../../src/services/workbooks/cell-value.ts"
import { DEFAULT_LIMITS } from "../../../../src/services/workbooks/guard.ts"
import { SheetRows } from "../../../../src/services/workbooks/sheet-rows.ts"
import { streamSheets } from "../../../../src/services/workbooks/stream.ts"
import { XmlDecoder } from "../../../../src/services/workbooks/xml-decoder.ts"
import { rebuildZip, rewritePart } from "../../../support/fixtures/crafted-zips.ts"
import { classRows, collectionForm } from "../../../support/workbooks.ts"

type Rows = Map<string, { number: number; values: unknown[] }[]>

async function readAll(bytes: Buffer, limits = DEFAULT_LIMITS): Promise<Rows> {
  const sheets: Rows = new Map()
  await streamSheets(bytes, (sheet) => {
    const rows: { number: number; values: unknown[] }[] = []
    sheets.set(sheet, rows)
    return { row: (values, number) => rows.push({ number, values: [...values] }) }
  }, { limits })
  return sheets
}

/** A one-sheet workbook whose sheet part is exactly `sheetData` (and `sharedStrings` when given). */
async function withSheetXml(sheetData: string, sharedStrings?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet("Лист").addRow(["x"])
  let bytes: Buffer = Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings: true } as never))
  bytes = rewritePart(bytes, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/u, sheetData))
  if (sharedStrings !== undefined) bytes = rewritePart(bytes, "xl/sharedStrings.xml", () => sharedStrings)
  return bytes
}

describe("the workbook reader gives the values exceljs gives", () => {
  it("reads every kind of cell as exceljs's own full reader does", async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet("Протокол")
    sheet.addRow([1, 2.5, -3, "текст", "  пробелы  ", true, false])
    // A saved "" and a boolean formula result are pinned in the next test: there the streaming reader's values are kept.
    sheet.addRow([{ formula: "1-1", result: 0 }, { formula: "A1*2", result: 2 }, { formula: "B1&\"!\"", result: "2.5!" }])
    sheet.addRow([{ formula: "A1+1" }, { richText: [{ text: "жирный", font: { bold: true } }, { text: " и обычный" }] }, { error: "#N/A" }])
    sheet.addRow([])
    sheet.addRow([null, null, "после пропуска", "<&>\"'"])
    for (const useSharedStrings of [true, false]) {
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings } as never))
      const full = new ExcelJS.Workbook()
      await full.xlsx.load(bytes as never)
      const expected: { number: number; plain: unknown[]; noValue: boolean[] }[] = []
      full.getWorksheet("Протокол")!.eachRow((row, number) => {
        // The full reader's `value` drops a formula's falsy result too (stream.ts's reason to read it from the cell).
        const values: unknown[] = []
        row.eachCell((cell) => void (values[Number(cell.col)] = cell.formula ? { formula: cell.formula, result: cell.result } : cell.value))
        expected.push({ number, plain: values.map(plainValue), noValue: values.map(isFormulaWithoutValue) })
      })
      const read = (await readAll(bytes)).get("Протокол")!.filter((row) => row.values.length > 0)
      expect(read.map((row) => ({ number: row.number, plain: [...row.values].map(plainValue), noValue: [...row.values].map(isFormulaWithoutValue) }))).toEqual(
        expected.map((row) => ({ ...row, plain: [...row.plain].map((value) => value ?? null), noValue: [...row.noValue].map(Boolean) })),
      )
    }
  })

  it("keeps a formula's saved 0, \"\" and false, and marks a formula saved without a value", async () => {
    const bytes = await withSheetXml(
      '<sheetData><row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="str"><f>""</f><v></v></c><c r="C1" t="b"><f>1=2</f><v>0</v></c><c r="D1"><f>A1+1</f></c></row></sheetData>',
    )
    const [row] = (await readAll(bytes)).get("Лист")!
    expect(row!.values.slice(1)).toEqual([{ formula: "1-1", result: 0 }, { formula: '""', result: "" }, { formula: "1=2", result: 0 }, { formula: "A1+1" }])
    expect(row!.values.slice(1).map(isFormulaWithoutValue)).toEqual([false, true, false, true])
  })

  it("reads shared strings (plain, rich, empty), inline strings, booleans, errors and references", async () => {
    const strings =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Иванов &amp; сын</t></si>' +
      '<si><r><rPr><b/></rPr><t>жир</t></r><r><t xml:space="preserve">ный</t></r></si><si><t/></si>' +
      "<si><t>строка\r\nвторая</t><rPh><t>фонетика</t></rPh></si></sst>"
    const bytes = await withSheetXml(
      '<sheetData><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c>' +
        '<c r="E2" t="inlineStr"><is><t>&#1083;&#x43E;г</t></is></c><c r="F2" t="inlineStr"><is><r><t>а</t></r><r><t>б</t></r></is></c>' +
        '<c r="G2" t="b"><v>1</v></c><c r="H2" t="e"><v>#DIV/0!</v></c><c r="I2" s="3"/><c r="J2"><v>1.5e3</v></c></row></sheetData>',
      strings,
    )
    const [row] = (await readAll(bytes)).get("Лист")!
    expect(row!.number).toBe(2)
    expect(row!.values.slice(1)).toEqual(["Иванов & сын", { richText: [{ text: "жир" }, { text: "ный" }] }, undefined, "строка\nвторая", "лог", "аб", true, { error: "#DIV/0!" }, undefined, 1500])
    expect(row!.values).toHaveLength(11)
  })

  it("reads a sheet written with a namespace prefix, rows and cells without their addresses", async () => {
    const bytes = await withSheetXml(
      '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row><x:c t="inlineStr"><x:is><x:t>код</x:t></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row>' +
        '<x:row r="5"/><x:row><x:c r="C6"><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row></x:sheetData>',
    )
    const rows = (await readAll(bytes)).get("Лист")!
    expect(rows.map((row) => [row.number, row.values.slice(1)])).toEqual([[1, ["код", 7]], [5, []], [6, [undefined, undefined, 1, 2]]])
  })

  it("reads cell tags written every way XML allows, and numbers the in-place path does not take, as the general path does", async () => {
    const strings = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>а</t></si><si><t>б</t></si></sst>'
    const cells = [
      '<c t="s" r="A1" s="2"><v>0</v></c>', // type before reference
      "<c r = \"B1\" t='s'><v>1</v></c>", // spaces around «=», single quotes
      '<c r="&#67;1"><v>3</v></c>', // a reference in the reference
      '<c r="D1" t="&#115;"><v>0</v></c>', // and in the type
      '<c r="E1"><v>-12</v></c><c r="F1"><v>0012</v></c><c r="G1"><v>1234567890123456789</v></c><c r="H1"><v> 7</v></c>',
      '<c r="I1" t="n"><v>2.5</v></c><c r="J1" t="d"><v>45000</v></c><c r="K1" t="s"><v>-1</v></c>',
      '<c r="L1" xml:space="preserve" t="str"><v>x</v></c><c r="M1" t="b"><v>1</v></c><c><v>5</v></c><c r="O1" t="s"><v>+1</v></c>',
    ]
    const bytes = await withSheetXml(`<sheetData><row r="1">${cells.join("")}</row></sheetData>`, strings)
    const [row] = (await readAll(bytes)).get("Лист")!
    expect(row!.values.slice(1)).toEqual(["а", "б", 3, "а", -12, 12, 1234567890123456789, 7, 2.5, 45000, undefined, "x", true, 5, "б"])
  })

  it("refuses a row past the limit and a cell past the column limit, naming the sheet", async () => {
    const wide = await withSheetXml('<sheetData><row r="1"><c r="ZZZZZZ1"><v>1</v></c></row></sheetData>')
    await expect(readAll(wide)).rejects.toMatchObject({ problem: { code: "file-too-many-columns", sheet: "Лист" } })
    const deep = await withSheetXml('<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="900"><c r="A900"><v>1</v></c></row></sheetData>')
    await expect(readAll(deep, { ...DEFAULT_LIMITS, maxRows: 899 })).rejects.toMatchObject({ problem: { code: "file-too-many-rows" } })
  })
})

describe("a sheet's XML in pieces", () => {
  const xml =
    '<worksheet><dimension ref="A1:C9"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&#1082;&#1086;&#1076;</t></is></c><c r="B1"><v>7</v></c></row>' +
    '<row r="2" spans="1:3"><c r="A2" t="s"><v>1</v></c><c r="C2"><f>A2+1</f><v>2</v></c></row><row r="3"/>\n<row r="4">\n  <c r="B4" t="b"><v>1</v></c>\n</row>' +
    '<row r="9"><c r="A9" t="str"><v>а&amp;б</v></c><c r="B9"><v>-0.5</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>'
  const read = (pieces: string[]) => {
    const rows: unknown[] = []
    const reader = new SheetRows(["ноль", "один"], (values, number, width) => rows.push([number, width, [...values]]))
    for (const piece of pieces.slice(0, -1)) reader.feed(piece)
    reader.end(pieces.at(-1))
    return rows
  }

  it("gives the same rows however the pieces are cut: through a tag, a row, a reference or «</sheetData>»", () => {
    const whole = read([xml])
    expect(whole).toEqual([
      [1, 2, [undefined, "код", 7]],
      [2, 3, [undefined, "один", undefined, { formula: "A2+1", result: 2 }]],
      [3, 0, []],
      [4, 2, [undefined, undefined, true]],
      [9, 2, [undefined, "а&б", -0.5]],
    ])
    for (let first = 0; first <= xml.length; first++) {
      for (const second of [first, first + 5, first + 60]) {
        const cut = Math.min(second, xml.length)
        expect(read([xml.slice(0, first), xml.slice(first, cut), xml.slice(cut)])).toEqual(whole)
      }
    }
  })
})

describe("sheets and zip order", () => {
  it("reads a workbook whose sheets come before its workbook part and shared strings, naming sheets in tab order", async () => {
    const bytes = rebuildZip(await collectionForm(classRows(6)), { sheetsFirst: true })
    expect([...(await readAll(bytes)).keys()]).toEqual(["Классы", "Протокол"])
    const parsed = await parseResults(bytes, { fileName: "2022/4/Математика.xlsx", schoolLogin: "edu223017" })
    expect(parsed.problems.filter((found) => found.severity === "error")).toEqual([])
    expect(parsed.stats.present).toBe(6)
  })
})

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

describe("reading multi-byte text", () => {
  it("decodes a character cut between any two chunks, and plain ASCII chunks around it", () => {
    const text = `<t>${"a".repeat(5)}Щука «ёж» — 😀</t>`
    const bytes = Buffer.from(text)
    for (let cut = 1; cut < bytes.length; cut++) {
      for (const second of [cut, Math.min(bytes.length, cut + 3)]) {
        const decoder = new XmlDecoder()
        const read = decoder.write(bytes.subarray(0, cut)) + decoder.write(bytes.subarray(cut, second)) + decoder.write(bytes.subarray(second)) + decoder.end()
        expect(read).toBe(text)
      }
    }
  })

  for (const useSharedStrings of [true, false]) {
    it(`reads 40,000 Cyrillic names exactly across the reader's 1 MB chunks (${useSharedStrings ? "shared" : "inline"} strings)`, async () => {
      const expected = names(40_000)
      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet("Сбор контекстных данных")
      for (const name of expected) sheet.addRow([name])
      const read = await readAll(Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings } as never)))
      expect([...read.keys()]).toEqual(["Сбор контекстных данных"])
      const got = read.get("Сбор контекстных данных")!.map((row) => String(row.values[1]))
      expect(got.filter((name) => name.includes("\uFFFD"))).toEqual([])
      expect(got).toEqual(expected)
    })
  }
})
