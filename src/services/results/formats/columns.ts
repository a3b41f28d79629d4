/**
 * Column maps: which column of a participant table holds what. Columns are located by header text,
 * never by position (formats.md §2.3, §7.2); the 2021/2020 exports number their task columns instead.
 */
import type { TaskLevel } from "../../../domain/results.ts"
import { normaliseHeader, parseTaskHeader } from "../../../domain/task-header.ts"
import { isNameHeader } from "../../workbooks/person-names.ts"
import { cellText } from "../../workbooks/cell-value.ts"

export type Field =
  | "login" | "schoolName" | "municipality" | "groups" | "code" | "variant" | "className" | "sex"
  | "journal" | "total" | "vprMark" | "textbook" | "ignored"

export type TableKind = "protocol" | "template" | "individual-report" | "export-2021" | "export-2020"

export interface TaskColumn {
  column: number
  /** Header text as written. */
  header: string
  /** Canonical label from the header; null for positional columns (`балл за 3`, `a-3-grade`). */
  label: string | null
  max: number | null
  /** Level from the Б/П row above the header (layout E), when present. */
  level: TaskLevel | null
}

export interface ColumnMap {
  headerRow: number
  fields: Partial<Record<Exclude<Field, "variant" | "ignored">, number>>
  /** Variant columns: one, or two for two-part works (`var-1`/`var-2`, `Вариант (часть 1/2)`). */
  variants: number[]
  tasks: TaskColumn[]
  /** Columns whose header announces names (ФИО, Фамилия …). */
  nameColumns: { column: number; header: string }[]
  /** known[column] is true for every column the map accounts for; the others are checked for names. */
  known: boolean[]
  /** Header text of every column, as written. */
  headers: string[]
}

const PROTOCOL_FIELDS: Readonly<Record<string, Field>> = {
  "пользователь": "login", "логин оо": "login", "оо": "login",
  "школа": "schoolName", "название оо": "schoolName",
  "муниципалитет": "municipality",
  "код": "code", "код участника": "code",
  "наименование класса": "className", "класс": "className",
  "пол": "sex",
  "итого баллов": "total", "первичный балл": "total",
  "отметка по журналу": "journal",
  "отметка": "vprMark",
  "код региона": "ignored", "регион": "ignored", "дата загрузки": "ignored", "№": "ignored", "№ п/п": "ignored",
}

const EXPORT_2021_FIELDS: Readonly<Record<string, Field>> = {
  "логин школы": "login",
  // Despite its header this column holds the municipality (formats.md §3).
  "регион": "municipality",
  "номер обучающегося": "ignored",
  "код обучающегося": "code",
  "пол": "sex",
  "класс": "className",
  "вариант": "variant",
  "всего баллов": "total",
  "учебник": "textbook",
  "др.уч. автор": "ignored",
  "др.уч. название": "ignored",
}

const EXPORT_2020_FIELDS: Readonly<Record<string, Field>> = {
  "groups": "groups", "user": "login", "id": "ignored", "code": "code", "otc": "journal", "gender": "sex",
  "klass": "className", "var-1": "variant", "var-2": "variant", "sum": "total", "учебник": "textbook",
}

function fieldOf(kind: TableKind, header: string): Field | null {
  if (kind === "export-2021") {
    if (header.startsWith("отметка за предыдущ")) return "journal"
    return EXPORT_2021_FIELDS[header] ?? null
  }
  if (kind === "export-2020") return EXPORT_2020_FIELDS[header] ?? null
  const exact = PROTOCOL_FIELDS[header]
  if (exact) return exact
  if (header.startsWith("отметка за предыдущ")) return "journal"
  if (header.startsWith("вариант")) return "variant"
  // `Класс № (список формируется из листа "Классы")` in the school-side form (formats.md §2.4).
  if (header.startsWith("класс")) return "className"
  return null
}

const POSITIONAL_2021 = /^балл за (\d{1,2})$/u
const POSITIONAL_2020 = /^a-(\d{1,2})-grade$/u

/** Build the column map of a participant table from its header row (values as exceljs gives them, 1-based). */
export function mapColumns(kind: TableKind, header: readonly unknown[], headerRow: number, levelRow?: readonly unknown[]): ColumnMap {
  const map: ColumnMap = { headerRow, fields: {}, variants: [], tasks: [], nameColumns: [], known: [], headers: [] }
  let afterTextbook = false
  for (let column = 1; column < header.length; column++) {
    const text = cellText(header[column])
    const normalised = normaliseHeader(text)
    map.headers[column] = text
    if (afterTextbook) {
      // C/D: the columns after `Учебник` hold textbook text, or spilled scores of longer rows.
      map.known[column] = true
      continue
    }
    if (normalised === "") continue
    const field = fieldOf(kind, normalised)
    if (field === "variant") {
      map.variants.push(column)
    } else if (field === "ignored") {
      // known, nothing to read
    } else if (field) {
      if (map.fields[field] === undefined) map.fields[field] = column
      if (field === "textbook") afterTextbook = true
    } else if (kind === "export-2021" || kind === "export-2020") {
      const positional = (kind === "export-2021" ? POSITIONAL_2021 : POSITIONAL_2020).exec(normalised)
      if (!positional) {
        if (isNameHeader(normalised)) map.nameColumns.push({ column, header: text })
        continue
      }
      map.tasks.push({ column, header: text, label: null, max: null, level: null })
    } else {
      const task = parseTaskHeader(text)
      if (task) {
        map.tasks.push({ column, header: text, label: task.label, max: task.max, level: levelOf(levelRow?.[column]) })
      } else if (isNameHeader(normalised)) {
        map.nameColumns.push({ column, header: text })
        continue
      } else {
        continue
      }
    }
    map.known[column] = true
  }
  return map
}

function levelOf(value: unknown): TaskLevel | null {
  const text = cellText(value).toUpperCase()
  return text === "Б" || text === "П" || text === "В" ? text : null
}

/** Normalised texts of a row's cells, for recognising headers. */
export function headerSet(values: readonly unknown[]): Set<string> {
  const set = new Set<string>()
  for (let column = 1; column < values.length; column++) {
    const text = normaliseHeader(cellText(values[column]))
    if (text !== "") set.add(text)
  }
  return set
}
