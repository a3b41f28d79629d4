import { russianDate, type LocalDate } from "../../domain/calendar/dates.ts"
import type { CalendarYear } from "../../domain/calendar/production-calendar.ts"
import { parseRussianDate } from "../../domain/deadlines/rules.ts"
import { cellText } from "../workbooks/cell-value.ts"
import { rangeValidations } from "../workbooks/validations.ts"
import type { LocatedProblem } from "../workbooks/located-problem.ts"
import { newWorkbook, workbookBytes } from "../workbooks/new-workbook.ts"

/**
 * Our workbook for one year of the production calendar: the year, its status and decree at the top, then one row per
 * special day (holiday, day off moved by the decree, working weekend, shortened day). An admin downloads the current
 * year, corrects it from the decree and sends it back; the rows are read into the shape of production-calendar.json
 * and checked by domain/calendar/check.ts.
 */

export const CALENDAR_SHEET = "Календарь"
const GUIDE_SHEET = "Как заполнить"
const HEADER_ROW = 7

/** «Вид дня» values and the list each feeds. */
const KINDS = {
  "праздник": "holidays",
  "выходной по переносу": "extraDaysOff",
  "рабочий выходной": "workingWeekends",
  "сокращённый день": "shortDays",
  "перенос без даты": "pendingTransfers",
} as const
type KindName = keyof typeof KINDS

const STATUS = { "окончательный": "final", "предварительный": "provisional" } as const

export async function buildCalendarWorkbook(year: number, data: CalendarYear | null): Promise<Buffer> {
  const workbook = newWorkbook()
  const sheet = workbook.addWorksheet(CALENDAR_SHEET, { views: [{ state: "frozen", ySplit: HEADER_ROW }] })
  sheet.getColumn(1).width = 16
  sheet.getColumn(2).width = 24
  sheet.getColumn(3).width = 16
  sheet.getColumn(4).width = 40
  sheet.getCell("A1").value = `Производственный календарь на ${year} год (пятидневная неделя)`
  sheet.getCell("A1").font = { bold: true, size: 13 }
  const head = [
    ["Год", year],
    ["Статус", data?.status === "final" ? "окончательный" : "предварительный"],
    ["Постановление", data?.decree || null],
    ["Примечание", data?.note || null],
  ] as [string, string | number | null][]
  head.forEach(([label, value], index) => {
    sheet.getCell(index + 2, 1).value = label
    sheet.getCell(index + 2, 1).font = { bold: true }
    sheet.getCell(index + 2, 2).value = value
  })
  sheet.getCell("B3").dataValidation = { type: "list", allowBlank: false, formulae: ['"окончательный,предварительный"'] }
  const header = sheet.getRow(HEADER_ROW)
  header.values = ["Дата", "Вид дня", "Перенесён с", "Основание"]
  header.font = { bold: true }

  const rows: [LocalDate | null, KindName, LocalDate | null, string][] = []
  const transferOf = new Map((data?.transfers ?? []).filter((item) => item.to).map((item) => [item.to!, item]))
  for (const date of data?.holidays ?? []) rows.push([date, "праздник", null, ""])
  for (const date of data?.extraDaysOff ?? []) rows.push([date, "выходной по переносу", transferOf.get(date)?.from ?? null, transferOf.get(date)?.basis ?? ""])
  for (const date of data?.workingWeekends ?? []) rows.push([date, "рабочий выходной", null, ""])
  for (const date of data?.shortDays ?? []) rows.push([date, "сокращённый день", null, ""])
  for (const item of data?.pendingTransfers ?? []) rows.push([null, "перенос без даты", item.from, item.basis])
  rows.sort((a, b) => (a[0] ?? "9999").localeCompare(b[0] ?? "9999"))
  rows.forEach(([date, kind, from, basis], index) => {
    // Empty cells stay empty (null), not "".
    sheet.getRow(HEADER_ROW + 1 + index).values = [date ? russianDate(date) : null, kind, from ? russianDate(from) : null, basis || null]
  })
  const last = HEADER_ROW + rows.length + 200
  rangeValidations(sheet).add(`B${HEADER_ROW + 1}:B${last}`, { type: "list", allowBlank: true, formulae: [`"${Object.keys(KINDS).join(",")}"`] })

  const guide = workbook.addWorksheet(GUIDE_SHEET)
  guide.getColumn(1).width = 110
  ;[
    "Как обновить год производственного календаря",
    "1. Возьмите постановление Правительства РФ «О переносе выходных дней в … году».",
    "2. На листе «Календарь» укажите год, статус («окончательный», когда постановление принято) и реквизиты постановления.",
    "3. Перечислите по одной строке на день, дата в виде ДД.ММ.ГГГГ:",
    "   • «праздник» — нерабочие праздничные дни по ст. 112 ТК РФ (1–8 января, 23 февраля, 8 марта, 1 и 9 мая, 12 июня, 4 ноября), все до одного;",
    "   • «выходной по переносу» — будний день, ставший выходным; в столбце «Перенесён с» — день, откуда перенесён выходной;",
    "   • «рабочий выходной» — суббота или воскресенье, ставшие рабочим днём;",
    "   • «сокращённый день» — предпраздничный рабочий день на час короче;",
    "   • «перенос без даты» — для предварительного года: выходной, который перенесут, когда выйдет постановление (дата в «Перенесён с»).",
    "4. Обычные субботы и воскресенья перечислять не нужно.",
    "5. Отправьте файл боту командой /calendar. Если в файле есть ошибки, бот назовёт ячейки и ничего не изменит.",
  ].forEach((text, index) => {
    guide.getCell(index + 1, 1).value = text
    if (index === 0) guide.getCell(1, 1).font = { bold: true }
  })
  return await workbookBytes(workbook)
}

export interface ReadCalendar {
  year: number | null
  data: Record<string, unknown>
  /** `holidays[3]` → `A12`: where each checked entry came from, to name the cell of a problem. */
  cells: Map<string, string>
}

/** Reads our workbook; problems of the cells themselves (a date that is no date, an unknown kind) are listed here. */
export async function readCalendarWorkbook(bytes: Buffer): Promise<{ read: ReadCalendar } | { problems: LocatedProblem[] }> {
  const workbook = newWorkbook()
  try {
    await workbook.xlsx.load(bytes as never)
  } catch {
    return { problems: [{ message: "intake-problem-file-unreadable" }] }
  }
  const sheet = workbook.getWorksheet(CALENDAR_SHEET)
  if (!sheet) return { problems: [{ message: "calendar-no-sheet", params: { sheet: CALENDAR_SHEET } }] }
  const problems: LocatedProblem[] = []
  const at = (cell: string, message: string, params: Record<string, string | number> = {}) => problems.push({ sheet: CALENDAR_SHEET, cell, message, params })

  const yearText = cellText(sheet.getCell("B2").value)
  const year = /^\d{4}$/u.test(yearText) ? Number(yearText) : null
  if (year === null) at("B2", "calendar-cell-year", { value: yearText })
  const statusText = cellText(sheet.getCell("B3").value).toLowerCase()
  const status = STATUS[statusText as keyof typeof STATUS]
  if (!status) at("B3", "calendar-cell-status", { value: statusText })

  const lists: Record<string, LocalDate[]> = { holidays: [], extraDaysOff: [], workingWeekends: [], shortDays: [] }
  const transfers: { from: LocalDate; to: LocalDate; basis: string }[] = []
  const pendingTransfers: { from: LocalDate; to: null; basis: string }[] = []
  const cells = new Map<string, string>()
  for (let row = HEADER_ROW + 1; row <= sheet.rowCount; row++) {
    const dateText = cellText(sheet.getCell(row, 1).value)
    const kindText = cellText(sheet.getCell(row, 2).value).toLowerCase().replace(/ё/gu, "е")
    const fromText = cellText(sheet.getCell(row, 3).value)
    const basis = cellText(sheet.getCell(row, 4).value)
    if (!dateText && !kindText && !fromText) continue
    const kind = (Object.keys(KINDS) as KindName[]).find((name) => name.replace(/ё/gu, "е") === kindText)
    if (!kind) {
      at(`B${row}`, "calendar-cell-kind", { value: kindText })
      continue
    }
    const list = KINDS[kind]
    const from = fromText ? parseRussianDate(fromText) : null
    if (fromText && !from) at(`C${row}`, "calendar-cell-date", { value: fromText })
    if (list === "pendingTransfers") {
      if (!from) at(`C${row}`, "calendar-cell-from-needed")
      else {
        cells.set(`pendingTransfers[${pendingTransfers.length}]`, `C${row}`)
        pendingTransfers.push({ from, to: null, basis: basis || "decree" })
      }
      continue
    }
    const date = parseRussianDate(dateText)
    if (!date) {
      at(`A${row}`, "calendar-cell-date", { value: dateText })
      continue
    }
    cells.set(`${list}[${lists[list]!.length}]`, `A${row}`)
    lists[list]!.push(date)
    if (list === "extraDaysOff" && from) {
      cells.set(`transfers[${transfers.length}]`, `C${row}`)
      transfers.push({ from, to: date, basis: basis || "decree" })
    }
  }
  if (problems.length > 0) return { problems }
  const data: Record<string, unknown> = {
    status,
    decree: cellText(sheet.getCell("B4").value) || null,
    note: cellText(sheet.getCell("B5").value) || undefined,
    ...lists,
    transfers,
    pendingTransfers,
  }
  return { read: { year, data, cells } }
}
