/**
 * Reads the school counts back from what a coordinator actually receives — the overview text, the chart's caption and
 * the municipal workbook's «Сводка» sheet — so an e2e test can hold them against each other (issue 11 item 8).
 */
import ExcelJS from "exceljs"

export interface ReadCounts {
  schools: number
  risk: number
  attention: number
  none: number
  unassessed: number
  /** «76,6 %» as written, or null when the index is not given. */
  index: string | null
  /** «(459 из 599 оценённых)» after the index: schools without signs, of those assessed. */
  withoutSigns: number | null
  assessed: number | null
  /** «Среди не требующих действий у 52 школ признаки есть…», 0 when not said. */
  signsOffList: number
}

function numberAfter(text: string, pattern: RegExp, where: string): number {
  const match = pattern.exec(text)
  if (!match) throw new Error(`${where}: ${pattern} not found in:\n${text}`)
  return Number(match[1])
}

function indexOf(text: string): Pick<ReadCounts, "index" | "withoutSigns" | "assessed" | "signsOffList"> {
  const index = /Индекс объективности: (\d+,\d %) — доля школ без признаков необъективности \((\d+) из (\d+) оценённых\)/u.exec(text)
  const offList = /Среди не требующих действий у (\d+) школ/u.exec(text)
  return {
    index: index?.[1] ?? null,
    withoutSigns: index ? Number(index[2]) : null,
    assessed: index ? Number(index[3]) : null,
    signsOffList: offList ? Number(offList[1]) : 0,
  }
}

/** The chat overview: «…: школ — 11, участников — 949.», «Индекс объективности: 76,6 %», «Зона риска — 1, …». */
export function countsOfOverviewText(text: string): ReadCounts {
  const at = "overview text"
  return {
    schools: numberAfter(text, /школ — (\d+), участников/u, at),
    risk: numberAfter(text, /Зона риска — (\d+)/u, at),
    attention: numberAfter(text, /требуют внимания — (\d+)/u, at),
    none: numberAfter(text, /не требуют действий — (\d+)/u, at),
    unassessed: numberAfter(text, /не оценивались — (\d+)/u, at),
    ...indexOf(text),
  }
}

/** The chart's caption: «…показаны 8 из 8; всего школ — 11» (flagged schools), or «показаны 20 из 635 школ…». */
export function countsOfChartCaption(caption: string): { flagged: number | null; schools: number } {
  const flagged = /показаны \d+ из (\d+); всего школ — (\d+)/u.exec(caption)
  if (flagged) return { flagged: Number(flagged[1]), schools: Number(flagged[2]) }
  return { flagged: null, schools: numberAfter(caption, /показаны \d+ из (\d+) школ/u, "chart caption") }
}

/**
 * The «Сводка» sheet: its title lines (index and levels) and, separately, its table — one row per school with the
 * level in the «Уровень риска» column — so the lines are checked against the rows they summarise.
 */
export async function countsOfSummarySheet(bytes: Buffer): Promise<{ lines: ReadCounts; rows: ReadCounts }> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet("Сводка")
  if (!sheet) throw new Error(`no «Сводка» sheet among ${workbook.worksheets.map((s) => s.name).join(", ")}`)
  const texts: string[] = []
  let header = 0
  let levelColumn = 0
  sheet.eachRow((row, number) => {
    const first = String(row.getCell(1).value ?? "")
    if (first === "№" || first.startsWith("№")) {
      header = number
      row.eachCell((cell, column) => {
        if (String(cell.value).startsWith("Уровень")) levelColumn = column
      })
    }
    if (header === 0) texts.push(first)
  })
  if (header === 0 || levelColumn === 0) throw new Error("«Сводка»: no header row with «Уровень»")
  const levels = new Map<string, number>()
  for (let number = header + 1; number <= sheet.rowCount; number++) {
    const rank = sheet.getRow(number).getCell(1).value
    if (typeof rank !== "number") continue
    const level = String(sheet.getRow(number).getCell(levelColumn).value)
    levels.set(level, (levels.get(level) ?? 0) + 1)
  }
  const title = texts.join("\n")
  const at = "«Сводка» title"
  return {
    lines: {
      schools: numberAfter(title, /в зоне риска: (\d+)/u, at) + numberAfter(title, /требуют внимания: (\d+)/u, at) + numberAfter(title, /не требуют действий: (\d+)/u, at) + numberAfter(title, /не оценивались: (\d+)/u, at),
      risk: numberAfter(title, /в зоне риска: (\d+)/u, at),
      attention: numberAfter(title, /требуют внимания: (\d+)/u, at),
      none: numberAfter(title, /не требуют действий: (\d+)/u, at),
      unassessed: numberAfter(title, /не оценивались: (\d+)/u, at),
      ...indexOf(title),
    },
    rows: {
      schools: [...levels.values()].reduce((sum, count) => sum + count, 0),
      risk: levels.get("зона риска") ?? 0,
      attention: levels.get("требует внимания") ?? 0,
      none: levels.get("не требует действий") ?? 0,
      unassessed: levels.get("не оценивалась") ?? 0,
      index: null,
      withoutSigns: null,
      assessed: null,
      signsOffList: 0,
    },
  }
}

export interface SchoolCounts {
  present: number
  absent: number
  /** Whole percents of «2», «3», «4», «5». */
  marks: number[]
  /** Whole percents: confirmed, lowered, raised. */
  journal: number[] | null
  /** Signs of bias (the low-results companion «S1-» is not one) and how many were assessed. */
  signs: { total: number; assessed: number }
}

/** A teacher's summary: «Участников: 27 (отсутствовали: 0)», «Отметки: «2» — 7 %, …», «Из 12 признаков оценено 3». */
export function countsOfSchoolText(text: string): SchoolCounts {
  const at = "school summary"
  const marks = /Отметки: «2» — (\d+) %, «3» — (\d+) %, «4» — (\d+) %, «5» — (\d+) %/u.exec(text)
  if (!marks) throw new Error(`${at}: no marks in:\n${text}`)
  const journal = /подтвердили — (\d+) %, понизили — (\d+) %, повысили — (\d+) %/u.exec(text)
  const some = /Из (\d+) признаков оценено (\d+)/u.exec(text)
  if (!some) throw new Error(`${at}: the summary does not say how many signs were assessed:\n${text}`)
  return {
    present: numberAfter(text, /Участников: (\d+)/u, at),
    absent: numberAfter(text, /отсутствовали: (\d+)/u, at),
    marks: marks.slice(1).map(Number),
    journal: journal ? journal.slice(1).map(Number) : null,
    signs: { total: Number(some[1]), assessed: Number(some[2]) },
  }
}

/** The same figures from a school's workbook: the school's row of «Статистика по отметкам» and «Сравнение с отметками журнала», and «Признаки необъективности». */
export async function countsOfSchoolWorkbook(bytes: Buffer, login: string): Promise<SchoolCounts> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const schoolRow = (name: string): ExcelJS.CellValue[] => {
    const sheet = workbook.getWorksheet(name)
    if (!sheet) throw new Error(`no «${name}» sheet`)
    let found: ExcelJS.CellValue[] | undefined
    sheet.eachRow((row) => {
      if (String(row.getCell(1).value ?? "").startsWith(login)) found = (row.values as ExcelJS.CellValue[]).slice(1)
    })
    if (!found) throw new Error(`«${name}»: no row of ${login}`)
    return found
  }
  const percent = (value: ExcelJS.CellValue) => Math.round(100 * Number(value))
  const marks = schoolRow("Статистика по отметкам")
  const journal = workbook.getWorksheet("Сравнение с отметками журнала") ? schoolRow("Сравнение с отметками журнала") : null
  const statuses: string[] = []
  workbook.getWorksheet("Признаки необъективности")?.eachRow((row) => {
    const id = String(row.getCell(1).value ?? "")
    if (/^S\d+$/u.test(id)) statuses.push(String(row.getCell(3).value))
  })
  return {
    present: Number(marks[1]),
    absent: Number(marks[2]),
    marks: marks.slice(3, 7).map(percent),
    // Columns after the group: with a journal mark, lowered, lowered %, confirmed, confirmed %, raised, raised %.
    journal: journal ? [percent(journal[5]), percent(journal[3]), percent(journal[7])] : null,
    signs: { total: statuses.length, assessed: statuses.filter((status) => status !== "не оценивался").length },
  }
}
