/**
 * The FIS OKO context-data forms «Сбор контекстных данных об ОО …» (formats.md §6): one row per school
 * with self-reported answers. 2021: one sheet, first header `логин`; 2022: two sheets starting with the six
 * aggregator columns, question headers numbered with tabs (`2.\tСОКРАЩЕННОЕ …`), options `1) …` instead
 * of `1. …`. Columns are found by question text; the head-of-school columns (name, phone, e-mail) are
 * personal data and are never read.
 */
import { parseSchoolLogin } from "../../domain/schools.ts"
import { normaliseHeader } from "../../domain/task-header.ts"
import { cellText, integerOf } from "../workbooks/cell-value.ts"
import { resolveLimits } from "../workbooks/guard.ts"
import { problem, type Problem } from "../workbooks/problem.ts"
import { readSheets } from "../workbooks/read.ts"
import type { PreviewRow, SheetVisitor } from "../workbooks/stream.ts"

export interface SchoolContextRow {
  key: string
  login: string
  name?: string
  /** 1 capital of the region … 4 rural settlement (the option number of «Где расположена …»). */
  settlementType?: number
  /** 1 under 1 thousand … 8 over 680 thousand people. */
  settlementSize?: number
  isSpecial?: boolean
  isEvening?: boolean
  isBoarding?: boolean
  /** From the school's name (лицей, гимназия; not a vocational лицей): the forms do not ask [inferred]. */
  isLyceumOrGymnasium?: boolean
  pupils?: number
}

export interface ContextFormResult {
  form: 2021 | 2022 | null
  schools: SchoolContextRow[]
  problems: Problem[]
}

type ContextField =
  | "login" | "shortName" | "pipedName" | "fullName" | "settlementType" | "settlementSize"
  | "isSpecial" | "isEvening" | "isBoarding" | "pupils"

/** Question texts (normalised, question number removed) by their beginning. */
const QUESTIONS: readonly (readonly [prefix: string, field: ContextField])[] = [
  ["название оо", "shortName"],
  ["сокращенное наименование оо", "shortName"],
  ["полное наименование оо", "fullName"],
  ["где расположена", "settlementType"],
  ["каков размер населенного пункта", "settlementSize"],
  ["оо является специальной (коррекционной)", "isSpecial"],
  // 2022 asks instead whether the school is a separate organisation for adapted programmes (special school).
  ["оо является отдельной организацией, осуществляющей образовательную деятельность по аоп", "isSpecial"],
  ["оо является вечерней", "isEvening"],
  ["оо является школой-интернатом", "isBoarding"],
  ["укажите количество обучающихся в оо", "pupils"],
]

function fieldOf(header: string): ContextField | null {
  if (header === "логин" || header === "пользователь") return "login"
  if (header === "школа") return "pipedName"
  const question = header.replace(/^\d{1,2}(?:\.\d{1,2})*[.)]?\s*/u, "")
  return QUESTIONS.find(([prefix]) => question.startsWith(prefix))?.[1] ?? null
}

/** The option number of an answer: `4. Населенный пункт …` (2021), `4) …` (2022). */
function optionNumber(value: unknown): number | undefined {
  const match = /^\s*(\d{1,2})\s*[.)]/u.exec(cellText(value))
  return match ? Number(match[1]) : undefined
}

function yesNo(value: unknown): boolean | undefined {
  const text = cellText(value).toLowerCase()
  if (text === "да") return true
  if (text === "нет") return false
  return undefined
}

function columnsOf(header: readonly unknown[]): Map<ContextField, number> {
  const columns = new Map<ContextField, number>()
  for (let column = 1; column < header.length; column++) {
    const field = fieldOf(normaliseHeader(cellText(header[column])))
    if (field && !columns.has(field)) columns.set(field, column)
  }
  return columns
}

function readRow(values: readonly unknown[], columns: Map<ContextField, number>, into: SchoolContextRow): void {
  const get = (field: ContextField): unknown => {
    const column = columns.get(field)
    return column === undefined ? undefined : values[column]
  }
  const shortName = cellText(get("shortName"))
  const piped = cellText(get("pipedName"))
  const name = shortName || (piped.includes("|") ? piped.slice(piped.indexOf("|") + 1).trim() : piped)
  if (name && !into.name) into.name = name
  const names = `${name} ${cellText(get("fullName"))}`.toLowerCase()
  if (columns.has("shortName") || columns.has("pipedName") || columns.has("fullName")) {
    // A vocational «профессиональный лицей» is not the academic lyceum the analysis groups by.
    const academic = /лице[йя]|гимнази/u.test(names) && !/профессиональн/u.test(names)
    into.isLyceumOrGymnasium = into.isLyceumOrGymnasium === true || academic
  }
  const settlementType = optionNumber(get("settlementType"))
  if (settlementType !== undefined) into.settlementType = settlementType
  const settlementSize = optionNumber(get("settlementSize"))
  if (settlementSize !== undefined) into.settlementSize = settlementSize
  for (const field of ["isSpecial", "isEvening", "isBoarding"] as const) {
    const answer = yesNo(get(field))
    if (answer !== undefined) into[field] = answer
  }
  const pupils = integerOf(get("pupils"))
  if (pupils !== null && pupils >= 0) into.pupils = pupils
}

/** Numbered or question-mark headers: the context forms ask questions (`14. Где расположена …?`). */
function questionCount(values: readonly unknown[]): number {
  let count = 0
  for (let column = 1; column < values.length; column++) {
    const header = normaliseHeader(cellText(values[column]))
    if (header.endsWith("?") || /^\d{1,2}(\.\d{1,2})*[.)] /u.test(header)) count++
  }
  return count
}

/**
 * Whether a sheet belongs to a context-data form, from its first rows: a row starting with «логин» (2021) or
 * «пользователь» (2022) followed by at least three questions. The form's year, or null for none.
 */
export function contextFormSheet(preview: readonly PreviewRow[]): { form: 2021 | 2022 } | null {
  for (const row of preview) {
    const first = normaliseHeader(cellText(row.values[1]))
    if ((first === "логин" || first === "пользователь") && questionCount(row.values) >= 3) return { form: first === "логин" ? 2021 : 2022 }
  }
  return null
}

/** Takes the sheets of a context-data form during one streaming pass, then lists its schools. */
export interface ContextFormReader {
  visit: SheetVisitor
  finish(): ContextFormResult
}

export function createContextFormReader(): ContextFormReader {
  const schools = new Map<string, SchoolContextRow>()
  let form: ContextFormResult["form"] = null
  return {
    visit(_sheet, preview) {
      const header = preview[0]
      if (!header) return null
      const columns = columnsOf(header.values)
      const loginColumn = columns.get("login")
      if (loginColumn === undefined || columns.size < 2) return null
      form ??= normaliseHeader(cellText(header.values[loginColumn])) === "логин" ? 2021 : 2022
      return {
        row(values, number) {
          if (number <= header.number) return
          const login = parseSchoolLogin(cellText(values[loginColumn]))
          if (!login) return
          // Keyed by the whole login: the six digits alone collide between prefixes in the real forms
          // (ksh220002 is a boarding school, spo220002 a college).
          let school = schools.get(login.login)
          if (!school) schools.set(login.login, (school = { key: login.key, login: login.login }))
          readRow(values, columns, school)
        },
      }
    },
    finish() {
      if (schools.size === 0) return { form: null, schools: [], problems: [problem("error", "context-form-unknown", "", {})] }
      return { form, schools: [...schools.values()], problems: [] }
    },
  }
}

export async function parseContextForm(input: Buffer): Promise<ContextFormResult> {
  const reader = createContextFormReader()
  const refusal = await readSheets(input, reader.visit, { limits: resolveLimits() })
  if (refusal) return { form: null, schools: [], problems: [refusal] }
  return reader.finish()
}
