import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { createTranslator } from "../../../../src/i18n.ts"
import { schoolRow } from "../../../../src/services/reports/shares-and-ranks.ts"
import type { SchoolReport } from "../../../../src/services/reports/model.ts"
import { wrappedLines } from "../../../../src/services/reports/sheet-table.ts"
import { buildMunicipalReport, buildSchoolReport } from "../../../../src/services/reports/xlsx.ts"
import { MAX_SCORE, overviewOf, schoolReport, TASKS } from "./fixtures.ts"

const t = createTranslator("ru")
const MALICIOUS = '=HYPERLINK("http://x","y")'

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  return workbook
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name)
  if (!found) throw new Error(`no sheet ${name}; have ${workbook.worksheets.map((w) => w.name).join(", ")}`)
  return found
}

/** The header row is the one the frozen pane sits under. */
function headerRow(ws: ExcelJS.Worksheet): number {
  const view = ws.views[0] as { state?: string; ySplit?: number }
  expect(view.state).toBe("frozen")
  return view.ySplit!
}

function headers(ws: ExcelJS.Worksheet): string[] {
  const row = ws.getRow(headerRow(ws))
  return Array.from({ length: row.cellCount }, (_, i) => String(row.getCell(i + 1).value ?? ""))
}

/** Finds the data row whose first cell is `label`. */
function rowOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = headerRow(ws) + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r)
  throw new Error(`no row ${label} in ${ws.name}`)
}

function everyCell(workbook: ExcelJS.Workbook, visit: (cell: ExcelJS.Cell, where: string) => void): void {
  for (const ws of workbook.worksheets) ws.eachRow((row) => row.eachCell((cell) => visit(cell, `${ws.name}!${cell.address}`)))
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined
  return fill?.type === "pattern" ? fill.fgColor?.argb : undefined
}

describe("school workbook", async () => {
  const report: SchoolReport = schoolReport("edu223379", { name: MALICIOUS, pushed: true, ability: 0.75 })
  report.groups[2]!.name = "+4А" // a class name from an upload, also formula-like
  const workbook = await read(await buildSchoolReport(report, t))

  it("has the FIS OKO sheets in order", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Статистика по отметкам",
      "Сравнение с отметками журнала",
      "Распределение первичных баллов",
      "Выполнение заданий",
      "Признаки необъективности",
      "Варианты",
    ])
  })

  it("writes no formula anywhere and keeps formula-like text as text", () => {
    let cells = 0
    everyCell(workbook, (cell, where) => {
      cells++
      expect(cell.formula, where).toBeUndefined()
      expect(cell.type, where).not.toBe(ExcelJS.ValueType.Formula)
    })
    expect(cells).toBeGreaterThan(300)
    const marks = sheet(workbook, "Статистика по отметкам")
    const school = rowOf(marks, MALICIOUS)
    expect(school.getCell(1).type).toBe(ExcelJS.ValueType.String)
    expect(school.getCell(1).numFmt).toBe("@") // the «Text» format: shown as typed, stays text when edited
    expect(marks.getCell("A3").value).toBe(`Школа: edu223379 · ${MALICIOUS}`) // safe: does not start with "="
    expect(rowOf(marks, "+4А").getCell(2).value).toBe(report.groups[2]!.present)
  })

  it("statistics of marks: headers, formats, shares from counts, mean coloured against the group", () => {
    const ws = sheet(workbook, "Статистика по отметкам")
    expect(headers(ws)).toEqual([
      "Группы участников",
      "Кол-во участников",
      "Отсутствовали",
      "2",
      "3",
      "4",
      "5",
      "Средний балл",
      "ДИ среднего: от",
      "ДИ среднего: до",
    ])
    expect(ws.getCell("A1").value).toBe("Статистика по отметкам")
    expect(ws.autoFilter).toBeTruthy()
    const stats = schoolRow(report)
    const row = rowOf(ws, MALICIOUS)
    const total = Object.values(stats.marks!).reduce((a, b) => a + b, 0)
    expect(row.getCell(2).value).toBe(50)
    expect(row.getCell(7).value).toBeCloseTo(stats.marks!["5"] / total, 12)
    expect(row.getCell(7).numFmt).toBe("0.0%")
    expect(row.getCell(8).value).toBeCloseTo(stats.mean!, 12)
    expect(row.getCell(8).numFmt).toBe("0.00")
    // The pushed, stronger school lies above the region: green.
    expect(stats.meanInterval!.low).toBeGreaterThan(report.groups[0]!.meanInterval!.high)
    expect(fillOf(row.getCell(8))).toBe("FFC6EFCE")
    expect(fillOf(rowOf(ws, "Алтайский край").getCell(8))).toBeUndefined()
  })

  it("journal comparison: counts and shares of the three shifts", () => {
    const ws = sheet(workbook, "Сравнение с отметками журнала")
    expect(ws.getCell("A1").value).toBe("Сравнение отметок с отметками по журналу")
    expect(headers(ws)[2]).toBe("Понизили (Отм. < Отм. по журналу), чел.")
    const journal = schoolRow(report).journal!
    const total = journal.lowered + journal.confirmed + journal.raised
    const row = rowOf(ws, MALICIOUS)
    expect(row.getCell(2).value).toBe(total)
    expect(row.getCell(7).value).toBe(journal.raised)
    expect(row.getCell(8).value).toBeCloseTo(journal.raised / total, 12)
  })

  it("score distribution: a column per score, thresholds marked above the headers", () => {
    const ws = sheet(workbook, "Распределение первичных баллов")
    const header = headerRow(ws)
    expect(headers(ws).slice(2)).toEqual(Array.from({ length: MAX_SCORE + 1 }, (_, s) => String(s)))
    // The note row above the headers names the mark whose minimum the score is (column = score + 3).
    expect(ws.getRow(header - 1).getCell(24 + 3).value).toBe("«4»")
    expect(fillOf(ws.getRow(header).getCell(24 + 3))).toBe("FFDDEBF7")
    const counts = schoolRow(report).scoreCounts!
    const row = rowOf(ws, MALICIOUS)
    expect(row.getCell(24 + 3).value).toBeCloseTo(counts[24]! / 50, 12)
    expect(row.getCell(23 + 3).value).toBe(0)
    expect((ws.views[0] as { xSplit?: number }).xSplit).toBe(2)
  })

  it("task completion: level and maximum above each task, green/red only where intervals part", () => {
    const ws = sheet(workbook, "Выполнение заданий")
    const header = headerRow(ws)
    expect(headers(ws).slice(2)).toEqual(TASKS.map((task) => task.label))
    expect(ws.getRow(header - 1).getCell(3).value).toBe("Б, макс. 4")
    expect(ws.getRow(header - 1).getCell(3 + 13).value).toBe("В, макс. 2")
    const school = schoolRow(report)
    const region = report.groups[0]!
    const row = rowOf(ws, MALICIOUS)
    TASKS.forEach((_, k) => {
      const cell = row.getCell(3 + k)
      expect(cell.value).toBeCloseTo(school.completion![k]!, 12)
      expect(cell.numFmt).toBe("0.0%")
      const mine = school.completionIntervals![k]!
      const theirs = region.completionIntervals![k]!
      const expected = mine.low > theirs.high ? "FFC6EFCE" : mine.high < theirs.low ? "FFFFC7CE" : undefined
      expect(fillOf(cell), `task ${TASKS[k]!.label}`).toBe(expected)
    })
    // The fixture has at least one task of each kind, so both colours are exercised.
    const fills = TASKS.map((_, k) => fillOf(row.getCell(3 + k)))
    expect(fills).toContain("FFC6EFCE")
    expect(fills).toContain(undefined)
  })

  it("signs: translated verdicts, fills by status, the risk line and the caution", () => {
    const ws = sheet(workbook, "Признаки необъективности")
    expect(headers(ws)).toEqual(["Признак", "Описание", "Вывод", "Сила", "Пояснение", "Данные"])
    const lines = Array.from({ length: headerRow(ws) - 1 }, (_, i) => ws.getCell(i + 1, 1).value)
    expect(lines).toContain("Уровень риска: зона риска")
    const s4 = rowOf(ws, "S4")
    expect([s4.getCell(3).value, s4.getCell(4).value]).toEqual(["есть", "сильный"])
    expect(fillOf(s4.getCell(3))).toBe("FFFFC7CE")
    expect(fillOf(rowOf(ws, "S1").getCell(3))).toBe("FFFFEB9C")
    expect(rowOf(ws, "S8").getCell(3).value).toBe("не оценивался")
    expect(rowOf(ws, "S6").getCell(4).value).toBeNull()
    const last = ws.getCell(ws.rowCount, 1).value
    expect(String(last)).toMatch(/^Признак — повод/)
  })

  it("variants are sorted by number", () => {
    const ws = sheet(workbook, "Варианты")
    const first = headerRow(ws) + 1
    expect([ws.getCell(first, 1).value, ws.getCell(first + 1, 1).value]).toEqual([1, 2])
  })

  it("leaves out tables without data and the signs sheet when there are no signs", async () => {
    const bare: SchoolReport = {
      ...schoolReport("edu223380"),
      signs: [],
      variants: [],
      groups: schoolReport("edu223380").groups.map((g) => ({ ...g, journal: null })),
    }
    const names = (await read(await buildSchoolReport(bare, t))).worksheets.map((w) => w.name)
    expect(names).toEqual(["Статистика по отметкам", "Распределение первичных баллов", "Выполнение заданий"])
  })

  it("speaks English with the English translator", async () => {
    const english = await read(await buildSchoolReport(report, createTranslator("en")))
    expect(english.worksheets.map((w) => w.name)).toContain("Marks vs journal")
    expect(headers(sheet(english, "Marks"))[0]).toBe("Participant groups")
  })
})

describe("municipal workbook", async () => {
  const names = ["МБОУ «СОШ № 1»", MALICIOUS, "-гимназия", "@лицей"]
  const reports = names.map((name, i) => schoolReport(`edu22301${i}`, { name, seed: 100 + i * 17, pushed: i === 2 }))
  const overview = overviewOf(reports, ["none", "attention", "risk", "none"])
  const workbook = await read(await buildMunicipalReport(overview, reports, t))

  it("starts with a summary: one row per school, its name, rounded figures, signs by title, counts as in the chat", () => {
    expect(workbook.worksheets[0]!.name).toBe("Сводка")
    const ws = sheet(workbook, "Сводка")
    expect(headers(ws)).toEqual(["№", "Школа", "Кол-во участников", "Средний балл", "Уровень", "Выявленные признаки"])
    const first = headerRow(ws) + 1
    const rows = [0, 1, 2, 3].map((i) => ws.getRow(first + i))
    expect(rows.map((r) => r.getCell(2).value)).toEqual(["-гимназия (edu223012)", `${MALICIOUS} (edu223011)`, "МБОУ «СОШ № 1» (edu223010)", "@лицей (edu223013)"])
    // Formula-looking names are kept as typed and written in the «Text» format, so they never become formulas.
    expect([0, 1, 3].map((i) => rows[i]!.getCell(2).numFmt)).toEqual(["@", "@", "@"])
    expect(rows.map((r) => r.getCell(5).value)).toEqual(["зона риска", "требует внимания", "не требует действий", "не требует действий"])
    expect(rows[0]!.getCell(6).value).toBe("Пики на границах отметок\nЗавышенный средний балл")
    expect(rows[0]!.getCell(4).numFmt).toBe("0.0")
    const mean = rows[0]!.getCell(4).value as number
    expect(Math.round(mean * 10)).toBe(mean * 10)
    expect(ws.rowCount).toBeGreaterThanOrEqual(first + 3)
    const lines = Array.from({ length: headerRow(ws) - 1 }, (_, i) => String(ws.getCell(i + 1, 1).value))
    expect(lines).toContain("Индекс объективности: 50,0 % — доля школ без признаков необъективности (2 из 4 оценённых)")
    expect(lines).toContain("Школ в зоне риска: 1; требуют внимания: 1; не требуют действий: 2; не оценивались: 0")
    expect(ws.autoFilter).toBeDefined()
  })

  it("then the ranked risks, the FIS OKO tables and the signs found", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Сводка",
      "Риски",
      "Статистика по отметкам",
      "Сравнение с отметками журнала",
      "Распределение первичных баллов",
      "Выполнение заданий",
      "Признаки необъективности",
    ])
    const ws = sheet(workbook, "Риски")
    expect(headers(ws)).toEqual(["№", "Логин", "Школа", "Кол-во участников", "Средний балл", "ДИ среднего: от", "ДИ среднего: до", "Уровень", "Признаки", "Причины"])
    const first = headerRow(ws) + 1
    const ranked = [0, 1, 2, 3].map((i) => ws.getRow(first + i))
    expect(ranked.map((r) => r.getCell(2).value)).toEqual(["edu223012", "edu223011", "edu223010", "edu223013"])
    expect(ranked.map((r) => r.getCell(8).value)).toEqual(["зона риска", "требует внимания", "не требует действий", "не требует действий"])
    expect(ranked.map((r) => fillOf(r.getCell(8)))).toEqual(["FFFFC7CE", "FFFFEB9C", "FFC6EFCE", "FFC6EFCE"])
    expect(ranked[0]!.getCell(3).value).toBe("-гимназия")
    expect(ranked[1]!.getCell(3).value).toBe(MALICIOUS)
    expect(ranked[0]!.getCell(10).value).toBe("Пики на границах отметок\nЗавышенный средний балл")
    // Two lines of reasons: the row is two lines high, since LibreOffice does not fit it on opening.
    expect(ranked[0]!.height).toBe(30)
    expect(ranked[2]!.height).toBeUndefined()
    expect(ranked[0]!.getCell(5).numFmt).toBe("0.00")
    const lines = Array.from({ length: headerRow(ws) - 1 }, (_, i) => String(ws.getCell(i + 1, 1).value))
    expect(lines).toContain("Индекс объективности: 50,0 % — доля школ без признаков необъективности (2 из 4 оценённых)")
  })

  it("prints one page wide, landscape, with the header repeated; a wrapped header gets the height of its lines", () => {
    for (const ws of workbook.worksheets) {
      expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 })
      expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow(ws)}:${headerRow(ws)}`)
    }
    // «Кол-во участников с отметкой по журналу» in a column 16 wide: four lines.
    const journal = sheet(workbook, "Сравнение с отметками журнала")
    expect(journal.getRow(headerRow(journal)).height).toBe(60)
  })

  it("group tables: the reference row, then one row per school in the order of risk", () => {
    const ws = sheet(workbook, "Статистика по отметкам")
    const first = headerRow(ws) + 1
    const labels = [0, 1, 2, 3, 4].map((i) => ws.getCell(first + i, 1).value)
    expect(labels).toEqual([
      "Алтайский край",
      "edu223012 · -гимназия",
      `edu223011 · ${MALICIOUS}`,
      "edu223010 · МБОУ «СОШ № 1»",
      "edu223013 · @лицей",
    ])
  })

  it("signs carry the school; nothing is a formula", () => {
    const ws = sheet(workbook, "Признаки необъективности")
    expect(headers(ws).slice(0, 3)).toEqual(["Логин", "Школа", "Признак"])
    // Only the signs found: the fixture's schools have 1 fired sign each but the «none» ones.
    const fired = reports.flatMap((report) => (report.signs ?? []).filter((sign) => sign.status === "fired"))
    const rows = Array.from({ length: ws.rowCount - headerRow(ws) }, (_, i) => ws.getRow(headerRow(ws) + 1 + i)).filter((row) => /^edu/.test(String(row.getCell(1).value)))
    expect(rows).toHaveLength(fired.length)
    expect(rows.every((row) => row.getCell(5).value === "есть")).toBe(true)
    everyCell(workbook, (cell, where) => {
      expect(cell.formula, where).toBeUndefined()
      // Formula-looking text stays text by its «Text» format (no visible apostrophe).
      if (typeof cell.value === "string" && /^[=+\-@\t\r]/.test(cell.value)) expect(cell.numFmt, where).toBe("@")
    })
  })

  it("leaves out the «Школа» column when no school has a name (a regional export brings logins only)", async () => {
    const bare = ["edu1", "edu2"].map((login, i) => schoolReport(login, { seed: 300 + i }))
    const book = await read(await buildMunicipalReport(overviewOf(bare, ["risk", "none"]), bare, t))
    expect(headers(sheet(book, "Риски"))).not.toContain("Школа")
    expect(headers(sheet(book, "Признаки необъективности")).slice(0, 2)).toEqual(["Логин", "Признак"])
    const summary = sheet(book, "Сводка")
    expect(summary.getCell(headerRow(summary) + 1, 2).value).toBe("edu1")
  })

  it("refuses reports of different procedures", async () => {
    const other = { ...schoolReport("edu223099"), maxScore: 20 }
    await expect(buildMunicipalReport(overview, [...reports, other], t)).rejects.toThrow(/another procedure/)
  })
})

describe("wrapped lines", () => {
  it("wraps greedily by words, keeps explicit line breaks and breaks a word longer than the column", () => {
    expect(wrappedLines("Кол-во участников с отметкой по журналу", 16)).toBe(4)
    expect(wrappedLines("Средний балл", 13)).toBe(1)
    expect(wrappedLines("одна\nдве", 40)).toBe(2)
    expect(wrappedLines("x".repeat(30), 11)).toBe(3)
    expect(wrappedLines("", 10)).toBe(1)
  })
})
