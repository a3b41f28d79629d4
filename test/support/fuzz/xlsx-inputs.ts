import ExcelJS from "exceljs"
import { Rng } from "../generator/index.ts"
import { handMadeZip, zipBomb } from "../fixtures/raw-files.ts"
import { classRows, collectionForm, MATH_4_2022 } from "../workbooks.ts"
import { formatTaskHeader } from "../../../src/domain/task-header.ts"

/** A hostile or broken input file and what it is, for failure messages. */
export interface FuzzInput {
  label: string
  fileName: string
  bytes: Buffer
}

/** Values of the wrong type for any column: text in numbers, formulas, dates, booleans, huge and odd values. */
const WRONG_VALUES: unknown[] = [
  "много", "-1", -5, 1e308, 3.7, "", " ", true, new Date("2022-04-15"), "=1+1", "+7(900)123", "@SUM(A1:A9)",
  "-2+3", "=HYPERLINK(\"http://evil.example\",\"нажми\")", "x".repeat(40_000), "\u0000\u0007", "NaN", "Infinity",
  { formula: "A1*2", result: 7 }, { richText: [{ text: "жирный" }] }, "отсутствовал", "5 баллов", "٣",
]

/**
 * Deterministic hostile inputs from a seed: random bytes, truncated and bit-flipped real workbooks, formulas and
 * wrong types in every column, a zip bomb, and a sheet of 1,000,000 rows.
 */
export async function fuzzInputs(seed: number, count: number, options: { hugeSheet?: boolean } = {}): Promise<FuzzInput[]> {
  const rng = new Rng(seed)
  const valid = await collectionForm(classRows(25))
  const inputs: FuzzInput[] = [
    { label: "a zip bomb", fileName: "bomb.xlsx", bytes: zipBomb() },
    { label: "an empty file", fileName: "empty.xlsx", bytes: Buffer.alloc(0) },
    { label: "formulas and wrong types in every column", fileName: "ВПР 2022 Математика 4 класс.xlsx", bytes: await wrongTypes(rng) },
  ]
  if (options.hugeSheet) inputs.push({ label: "a sheet of 1,000,000 rows", fileName: "huge.xlsx", bytes: millionRows() })
  for (let i = inputs.length; i < count; i++) {
    const kind = i % 4
    if (kind === 0) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(rng.next() * 4096) }, () => Math.floor(rng.next() * 256)))
      // Half of them look like a zip at first glance.
      if (rng.next() < 0.5) Buffer.from([0x50, 0x4b, 0x03, 0x04]).copy(bytes)
      inputs.push({ label: `random bytes #${i}`, fileName: "random.xlsx", bytes })
    } else if (kind === 1) {
      const cut = Math.floor(rng.next() * valid.length)
      inputs.push({ label: `a workbook truncated at ${cut} of ${valid.length} bytes`, fileName: "cut.xlsx", bytes: valid.subarray(0, cut) })
    } else if (kind === 2) {
      const bytes = Buffer.from(valid)
      const flips = 1 + Math.floor(rng.next() * 20)
      for (let f = 0; f < flips; f++) bytes[Math.floor(rng.next() * bytes.length)] = Math.floor(rng.next() * 256)
      inputs.push({ label: `a workbook with ${flips} random bytes changed (#${i})`, fileName: "flipped.xlsx", bytes })
    } else {
      inputs.push({ label: `formulas and wrong types #${i}`, fileName: "ВПР 2022 Математика 4 класс.xlsx", bytes: await wrongTypes(rng) })
    }
  }
  return inputs.slice(0, Math.max(count, options.hugeSheet ? 4 : 3))
}

/** A collection form whose every column holds a wrong value somewhere, formulas included. */
async function wrongTypes(rng: Rng): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const classes = workbook.addWorksheet("Классы")
  classes.addRow(['Буква (цифра) класса. Введите "нет" - если отсутствует', "Основной учебник по предмету"])
  classes.addRow(["А", "=1+1"])
  const protocol = workbook.addWorksheet("Протокол")
  const header = ["Код", "Вариант", ...MATH_4_2022.tasks.map((task) => formatTaskHeader(task)), "Наименование класса", "Пол", "Отметка за предыдущий триместр/ четверть/полугодие", "Итого баллов"]
  protocol.addRow(header)
  for (let row = 0; row < 30; row++) {
    const values: unknown[] = [40001 + row, 1, ...MATH_4_2022.tasks.map(() => 1), "4А", "м", 4, MATH_4_2022.tasks.length]
    const spoiled = Math.floor(rng.next() * values.length)
    values[spoiled] = WRONG_VALUES[Math.floor(rng.next() * WRONG_VALUES.length)]
    values[row % values.length] = WRONG_VALUES[(row * 7) % WRONG_VALUES.length]
    protocol.addRow(values as ExcelJS.CellValue[])
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A minimal valid XLSX whose one sheet has 1,000,000 rows (written by hand: exceljs would take minutes). */
function millionRows(): Buffer {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
  for (let r = 1; r <= 1_000_000; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r % 2 + 1}</v></c></row>`)
  parts.push("</sheetData></worksheet>")
  const ns = "http://schemas.openxmlformats.org"
  return handMadeZip([
    { name: "[Content_Types].xml", data: Buffer.from(`<?xml version="1.0"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`) },
    { name: "_rels/.rels", data: Buffer.from(`<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: "xl/workbook.xml", data: Buffer.from(`<?xml version="1.0"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Протокол" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(`<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.from(parts.join("")) },
  ])
}
