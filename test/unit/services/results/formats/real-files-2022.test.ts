/**
 * Every 2022 collection form parses, with figures equal to a plain independent count and to
 * formats.md §9.1 (rows, schools, absent, present, mean recomputed total, total ≠ Σ tasks, max total).
 */
import path from "node:path"
import { describe, expect, it } from "vitest"
import { parseResults } from "../../../../../src/services/results/formats/index.ts"
import { parseTaskHeader } from "../../../../../src/domain/task-header.ts"
import { FISOKO, hasData, plainFigures } from "./real-data.ts"

/** formats.md §9.1: rows, schools, absent, present, mean recomputed, total ≠ Σ, max total. */
const TABLE: [string, number, number, number, number, number, number, number][] = [
  ["2022/4/Математика.xlsx", 53, 4, 1, 52, 9.865, 27, 20],
  ["2022/5/Биология.xlsx", 15, 2, 2, 13, 17.462, 0, 29],
  ["2022/5/История.xlsx", 1, 1, 0, 1, 11, 0, 15],
  ["2022/5/Математика.xlsx", 7, 1, 0, 7, 9.286, 0, 20],
  ["2022/5/Русский язык.xlsx", 3, 1, 0, 3, 37.333, 0, 45],
  ["2022/6/История.xlsx", 1, 1, 0, 1, 7, 0, 16],
  ["2022/6/Математика.xlsx", 40, 3, 2, 38, 7.816, 0, 16],
  ["2022/6/Русскому языку.xlsx", 19, 4, 1, 18, 36.111, 0, 51],
  ["2022/7/География.xlsx", 6, 1, 0, 6, 29.667, 0, 35],
  ["2022/7/Математика.xlsx", 10, 2, 0, 10, 12.6, 0, 19],
  ["2022/8/Математика.xlsx", 6, 1, 1, 5, 13, 0, 25],
  ["2022/8/Физика.xlsx", 19, 1, 0, 19, 9.053, 0, 18],
  ["2022/10/География.xlsx", 274, 27, 18, 256, 13.215, 99, 21],
  ["2022/11/Английский язык.xlsx", 1486, 111, 203, 1283, 19.055, 0, 32],
  ["2022/11/Биология.xlsx", 1884, 164, 169, 1715, 20.11, 745, 32],
  ["2022/11/География.xlsx", 2415, 198, 195, 2220, 14.799, 781, 21],
  ["2022/11/История.xlsx", 3279, 266, 319, 2960, 13.83, 740, 21],
  ["2022/11/Немецкий язык.xlsx", 342, 83, 34, 308, 19.042, 6, 32],
  ["2022/11/Физика.xlsx", 2214, 185, 213, 2001, 15.637, 546, 26],
  ["2022/11/Французский язык.xlsx", 8, 1, 5, 3, 21, 0, 32],
  ["2022/11/Химия.xlsx", 1570, 148, 154, 1416, 20.553, 367, 33],
]

/** Score cells above the column maximum (formats.md §2.5): errors that block the import by default. */
const ABOVE_MAX: Record<string, number> = { "2022/11/История.xlsx": 43, "2022/11/Английский язык.xlsx": 2 }

describe.skipIf(!hasData)("real 2022 collection forms (layout B)", () => {
  it.each(TABLE)("%s", async (relative, rows, schools, absent, present, meanRecomputed, differs, maxTotal) => {
    const file = path.join(FISOKO, relative)
    const [parsed, plain] = await Promise.all([parseResults(file, { fileName: relative }), plainFigures(file, "Протокол")])

    expect(plain).toMatchObject({ rows, schools, absent, present, totalDiffers: differs })
    expect(plain.meanRecomputed).toBeCloseTo(meanRecomputed, 2)
    expect(plain.taskHeaders.every((header) => parseTaskHeader(header) !== null)).toBe(true)
    expect(plain.taskHeaders.reduce((sum, header) => sum + parseTaskHeader(header)!.max, 0)).toBe(maxTotal)

    expect(parsed.status).toBe("parsed")
    expect(parsed.layout).toBe("B")
    expect(parsed.spec?.maxTotal).toBe(maxTotal)
    expect(parsed.stats).toEqual({ rows, present, absent, schools, schoolsWithPresent: plain.schoolsWithPresent })
    const presentRows = parsed.participants.filter((p) => !p.absent)
    expect(presentRows).toHaveLength(present)
    expect(presentRows.reduce((sum, p) => sum + p.total!, 0) / present).toBeCloseTo(plain.meanRecomputed, 9)

    const count = (code: string) => parsed.problems.filter((p) => p.code === code).length
    expect(count("total-mismatch") + count("total-missing")).toBe(differs)
    expect(count("score-above-max")).toBe(ABOVE_MAX[relative] ?? 0)
    expect(parsed.canImport).toBe(!(relative in ABOVE_MAX))
    expect(parsed.problems.filter((p) => p.severity === "error").every((p) => p.code === "score-above-max")).toBe(true)
  })

  it("История 11: excluding the 43 rows with a score above the maximum lets the rest import", async () => {
    const parsed = await parseResults(path.join(FISOKO, "2022/11/История.xlsx"), { fileName: "2022/11/История.xlsx", allowInvalidRows: "exclude" })
    expect(parsed.canImport).toBe(true)
    expect(parsed.excluded).toHaveLength(43)
    expect(parsed.participants).toHaveLength(3279 - 43)
    expect(new Set(parsed.excluded.map((row) => row.schoolKey)).size).toBe(19)
  })
})
