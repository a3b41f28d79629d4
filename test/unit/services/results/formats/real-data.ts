/**
 * Figures of the real FIS OKO files computed the plain way, for the real-file tests: a bare exceljs loop
 * and a few lines of arithmetic, sharing no code with the parser (formats.md §9 definitions).
 */
import { existsSync } from "node:fs"
import path from "node:path"
import ExcelJS from "exceljs"

export const FISOKO = path.resolve(import.meta.dirname, "../../../../../../shared/data/fisoko")
export const hasData = existsSync(FISOKO)

export interface PlainFigures {
  rows: number
  absent: number
  present: number
  schools: number
  schoolsWithPresent: number
  /** Mean of the recorded totals over present rows where it is a number. */
  meanRecorded: number
  withTotal: number
  /** Mean over present rows of the sum of the task cells, anything not digits counting 0. */
  meanRecomputed: number
  /** Present rows whose recorded total (or its absence) differs from the sum. */
  totalDiffers: number
  /** Present rows: recorded total (null when not a number) and journal mark text. */
  recorded: { total: number | null; journal: string }[]
  taskHeaders: string[]
}

const text = (value: unknown): string => (value === null || value === undefined ? "" : String(value).trim())
const digits = (value: unknown): number | null => (/^\d+$/u.test(text(value)) ? Number(text(value)) : null)

/**
 * `sheetName`: «Протокол» for 2022, null for the single sheet of the 2021 exports.
 * Task columns: 2022 — between `Вариант` and `Наименование класса`; 2021 — `балл за k`.
 */
export async function plainFigures(file: string, sheetName: string | null): Promise<PlainFigures> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", worksheets: "emit" })
  const figures: PlainFigures = {
    rows: 0, absent: 0, present: 0, schools: 0, schoolsWithPresent: 0, meanRecorded: 0, withTotal: 0,
    meanRecomputed: 0, totalDiffers: 0, recorded: [], taskHeaders: [],
  }
  const schools = new Set<string>()
  const withPresent = new Set<string>()
  let recordedSum = 0
  let recomputedSum = 0
  for await (const sheet of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name?: string }>) {
    if (sheetName !== null && sheet.name !== sheetName) {
      for await (const _ of sheet) void _
      continue
    }
    let header: string[] = []
    let tasks: number[] = []
    let login = 0, variant = 0, total = 0, journal = 0
    for await (const row of sheet) {
      const values = row.values as unknown[]
      if (row.number === 1) {
        header = Array.from(values, text)
        const find = (name: string) => header.findIndex((h) => h.toLowerCase() === name)
        login = sheetName === null ? find("логин школы") : find("пользователь")
        variant = sheetName === null ? find("вариант") : find("вариант")
        total = sheetName === null ? find("всего баллов") : find("итого баллов")
        journal = header.findIndex((h) => h.toLowerCase().startsWith("отметка за предыдущ"))
        if (sheetName === null) {
          tasks = header.flatMap((h, i) => (/^балл за \d+$/u.test(h) ? [i] : []))
        } else {
          const end = find("наименование класса")
          tasks = Array.from({ length: end - variant - 1 }, (_, i) => variant + 1 + i)
        }
        figures.taskHeaders = tasks.map((i) => String(values[i]))
        continue
      }
      if (values.every((value) => text(value) === "")) continue
      figures.rows++
      schools.add(text(values[login]))
      if (text(values[variant]).toLowerCase().startsWith("отсут")) {
        figures.absent++
        continue
      }
      figures.present++
      withPresent.add(text(values[login]))
      const sum = tasks.reduce((s, i) => s + (digits(values[i]) ?? 0), 0)
      recomputedSum += sum
      const recorded = digits(values[total])
      if (recorded !== null) {
        recordedSum += recorded
        figures.withTotal++
      }
      if (recorded !== sum) figures.totalDiffers++
      figures.recorded.push({ total: recorded, journal: text(values[journal]) })
    }
  }
  figures.schools = schools.size
  figures.schoolsWithPresent = withPresent.size
  figures.meanRecorded = recordedSum / figures.withTotal
  figures.meanRecomputed = recomputedSum / figures.present
  return figures
}
