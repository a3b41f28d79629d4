import { russianDate, weekday, yearOf, type LocalDate } from "../../domain/calendar/dates.ts"
import { CalendarYearMissing, type ProductionCalendar } from "../../domain/calendar/production-calendar.ts"
import { formatMinutes, parseRussianDate, parseTime } from "../../domain/deadlines/rules.ts"
import { vprWindow } from "../../domain/deadlines/windows.ts"
import { KNOWN_SUBJECTS, normaliseSubject } from "../../domain/procedures/subjects.ts"
import type { ProcedureKey, ProcedureKind } from "../../domain/results.ts"
import { parseSchoolLogin } from "../../domain/schools.ts"
import { cellText, integerOf } from "../workbooks/cell-value.ts"
import { rangeValidations } from "../workbooks/validations.ts"
import type { LocatedProblem } from "../workbooks/located-problem.ts"
import { newWorkbook, workbookBytes } from "../workbooks/new-workbook.ts"

/**
 * The schedule workbook the bot hands out: one row per school × procedure × date (the columns of ScheduledProcedure:
 * school, procedure, date, start, rooms), pre-filled with what is already scheduled and with a row for every school
 * that has nothing yet. Read back, every cell is checked and every problem names its cell; the reader stores nothing.
 */

export const SCHEDULE_SHEET = "Расписание"
export const SCHEDULE_FILE = "Расписание процедур.xlsx"
const SCHOOLS_SHEET = "Школы"
const GUIDE_SHEET = "Как заполнить"
export const SCHEDULE_KINDS: ProcedureKind[] = ["ВПР", "КДР"]
export const SCHEDULE_HEADERS = ["Логин школы", "Школа", "Процедура", "Предмет", "Класс", "Дата", "Начало", "Аудиторий", "Подтверждено школой"] as const
const MAX_ROWS = 5000

export interface TemplateRow {
  login: string
  name: string | null
  key?: ProcedureKey
  date?: LocalDate
  startMinutes?: number | null
  rooms?: number
  confirmed?: boolean
}

export async function buildScheduleWorkbook(rows: TemplateRow[], schools: { login: string; name: string | null }[]): Promise<Buffer> {
  const workbook = newWorkbook()
  const sheet = workbook.addWorksheet(SCHEDULE_SHEET, { views: [{ state: "frozen", ySplit: 1 }] })
  const header = sheet.addRow([...SCHEDULE_HEADERS])
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" }
  ;[14, 34, 11, 24, 8, 12, 9, 11, 12].forEach((width, index) => (sheet.getColumn(index + 1).width = width))
  for (const row of rows) {
    // Empty cells stay empty (null), not "" — a reader must see no value there.
    sheet.addRow([
      row.login,
      row.name || null,
      row.key?.kind ?? null,
      row.key?.subject ?? null,
      row.key?.grade ?? null,
      row.date ? russianDate(row.date) : null,
      row.startMinutes != null ? formatMinutes(row.startMinutes) : null,
      row.rooms ?? null,
      row.confirmed === undefined ? null : row.confirmed ? "да" : "нет",
    ])
  }
  const last = Math.max(rows.length + 1, 2) + 500
  const validations = rangeValidations(sheet)
  validations.add(`C2:C${last}`, { type: "list", allowBlank: true, formulae: [`"${SCHEDULE_KINDS.join(",")}"`] })
  validations.add(`D2:D${last}`, { type: "list", allowBlank: true, formulae: [`'${GUIDE_SHEET}'!$C$2:$C$${KNOWN_SUBJECTS.length + 1}`] })
  validations.add(`E2:E${last}`, { type: "whole", operator: "between", formulae: [1, 11], allowBlank: true })
  validations.add(`H2:H${last}`, { type: "whole", operator: "between", formulae: [1, 100], allowBlank: true })

  const list = workbook.addWorksheet(SCHOOLS_SHEET)
  list.addRow(["Логин школы", "Школа"]).font = { bold: true }
  list.getColumn(1).width = 14
  list.getColumn(2).width = 60
  for (const school of schools) list.addRow([school.login, school.name ?? ""])

  const guide = workbook.addWorksheet(GUIDE_SHEET)
  guide.getColumn(1).width = 100
  guide.getColumn(3).width = 24
  guide.getCell("C1").value = "Предметы"
  guide.getCell("C1").font = { bold: true }
  KNOWN_SUBJECTS.forEach((subject, index) => (guide.getCell(index + 2, 3).value = subject))
  ;[
    "Как заполнить расписание",
    "Одна строка — одна работа: школа, процедура (ВПР или КДР), предмет, класс и дата (ДД.ММ.ГГГГ).",
    "Начало (ЧЧ:ММ) и число аудиторий можно не указывать; аудиторий по умолчанию одна.",
    "Год процедуры — год даты. Даты ВПР должны лежать внутри федерального окна, выбранного Рособрнадзором.",
    "Работы не проводятся в воскресенье и в праздничные и перенесённые выходные дни (суббота допустима для шестидневки).",
    "Если одна работа идёт в школе два дня (разные классы), сделайте две строки с разными датами.",
    "Файл заменяет даты тех пар «школа — работа», которые в нём есть: убрали строку — дата удалена. Остальные даты не меняются.",
    "Столбцы «Школа» и «Подтверждено школой» бот не читает: они для справки.",
    "Отправьте файл боту командой /schedule. При ошибке бот назовёт ячейки и ничего не сохранит.",
  ].forEach((text, index) => {
    guide.getCell(index + 1, 1).value = text
    if (index === 0) guide.getCell(1, 1).font = { bold: true }
  })
  return await workbookBytes(workbook)
}

export interface ParsedScheduleRow {
  row: number
  login: string
  /** The six digits of the login: the school's key. */
  schoolKey: string
  key: ProcedureKey
  date: LocalDate
  startMinutes: number | null
  rooms: number
}

/**
 * Reads the schedule sheet. `schoolExists(login)` tells whether the bot knows the school; scope is the caller's
 * business. Returns the rows, or every problem found (nothing is half-read).
 */
export async function readScheduleWorkbook(
  bytes: Buffer,
  calendar: ProductionCalendar,
): Promise<{ rows: ParsedScheduleRow[] } | { problems: LocatedProblem[] }> {
  const workbook = newWorkbook()
  try {
    await workbook.xlsx.load(bytes as never)
  } catch {
    return { problems: [{ message: "intake-problem-file-unreadable" }] }
  }
  const sheet = workbook.getWorksheet(SCHEDULE_SHEET)
  if (!sheet) return { problems: [{ message: "schedule-no-sheet", params: { sheet: SCHEDULE_SHEET } }] }
  const problems: LocatedProblem[] = []
  const at = (column: string, row: number, message: string, params: Record<string, string | number> = {}) =>
    problems.push({ sheet: SCHEDULE_SHEET, cell: `${column}${row}`, message, params })
  const headers = SCHEDULE_HEADERS.map((_, index) => cellText(sheet.getCell(1, index + 1).value))
  if (headers[0] !== SCHEDULE_HEADERS[0] || headers[5] !== SCHEDULE_HEADERS[5]) return { problems: [{ sheet: SCHEDULE_SHEET, cell: "A1", message: "schedule-headers" }] }
  if (sheet.rowCount > MAX_ROWS) return { problems: [{ sheet: SCHEDULE_SHEET, message: "schedule-too-many-rows", params: { limit: MAX_ROWS } }] }

  const rows: ParsedScheduleRow[] = []
  const seen = new Map<string, number>()
  for (let row = 2; row <= sheet.rowCount; row++) {
    const cell = (column: number) => sheet.getCell(row, column).value
    const text = (column: number) => cellText(cell(column))
    const [loginText, kindText, subjectText, gradeText, dateText, startText, roomsText] = [text(1), text(3), text(4), text(5), text(6), text(7), text(8)]
    // A row with the school alone is the template's placeholder: nothing scheduled there yet.
    if (!kindText && !subjectText && !gradeText && !dateText && !startText && !roomsText) continue
    const before = problems.length
    const login = parseSchoolLogin(loginText)
    if (!login) at("A", row, "schedule-login", { value: loginText })
    const kind = SCHEDULE_KINDS.find((candidate) => candidate === kindText.toUpperCase())
    if (!kind) at("C", row, "schedule-kind", { value: kindText })
    const subject = normaliseSubject(subjectText)
    if (!subject) at("D", row, "schedule-subject", { value: subjectText })
    const grade = integerOf(cell(5))
    if (grade === null || grade < 1 || grade > 11) at("E", row, "schedule-grade", { value: gradeText })
    const date = parseRussianDate(dateText)
    if (!date) at("F", row, "schedule-date", { value: dateText })
    const startMinutes = startText ? parseTime(startText) : null
    if (startText && startMinutes === null) at("G", row, "schedule-start", { value: startText })
    const rooms = roomsText ? integerOf(cell(8)) : 1
    if (rooms === null || rooms < 1 || rooms > 100) at("H", row, "schedule-rooms", { value: roomsText })
    if (date) {
      const dayProblem = checkDay(date, calendar)
      if (dayProblem) at("F", row, dayProblem.message, dayProblem.params)
      const window = kind === "ВПР" ? vprWindow(yearOf(date)) : null
      if (window && (date < window.from || date > window.to)) at("F", row, "schedule-outside-window", { date: russianDate(date), from: russianDate(window.from), to: russianDate(window.to), year: String(yearOf(date)) })
    }
    if (problems.length > before) continue
    const key: ProcedureKey = { kind: kind!, year: yearOf(date!), subject: subject!, grade: grade! }
    const identity = `${login!.key}|${key.kind}|${key.subject}|${key.grade}|${date}`
    const earlier = seen.get(identity)
    if (earlier !== undefined) {
      at("A", row, "schedule-duplicate", { row: earlier })
      continue
    }
    seen.set(identity, row)
    rows.push({ row, login: login!.login, schoolKey: login!.key, key, date: date!, startMinutes, rooms: rooms! })
  }
  return problems.length > 0 ? { problems } : { rows }
}

/** A work is never on a Sunday or a holiday (S3); a Saturday is allowed for schools on a six-day week. */
export function checkDay(date: LocalDate, calendar: ProductionCalendar): { message: string; params: Record<string, string | number> } | null {
  try {
    if (calendar.isWorkingDay(date)) return null
    const year = calendar.data[String(yearOf(date))]!
    const holiday = year.holidays.includes(date) || year.extraDaysOff.includes(date)
    if (weekday(date) === 6 && !holiday) return null
    return { message: "schedule-day-off", params: { date: russianDate(date) } }
  } catch (error) {
    if (error instanceof CalendarYearMissing) return { message: "schedule-no-calendar", params: { year: String(error.year) } }
    throw error
  }
}
