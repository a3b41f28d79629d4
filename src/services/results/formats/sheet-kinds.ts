/**
 * What one sheet of a result file is, judged from its first rows (formats.md §1): a participant table of one of
 * the known layouts, the «Классы» sheet of the collection form, our template's meta sheet, or something else. The header row is found by content, not by index
 * (layout E has a title block above it).
 */
import { normaliseHeader, parseTaskHeader } from "../../../domain/task-header.ts"
import { normaliseSubject } from "../../../domain/procedures/subjects.ts"
import { cellText, integerOf } from "../../workbooks/cell-value.ts"
import { headerSet, mapColumns, type ColumnMap, type TableKind } from "./columns.ts"
import { isTemplateMetaRow, TEMPLATE_HEADERS } from "./template-meta.ts"
import type { PreviewRow } from "../../workbooks/stream.ts"
import { diagnoseHeaderRow, type HeaderNearMiss } from "./header-diagnosis.ts"

/** What the title block of a «Индивидуальные результаты» report says (layout E). */
export interface ReportMeta {
  year?: number
  subject?: string
  grade?: number
  login?: string
  schoolName?: string
}

export type SheetPlan =
  | { kind: "table"; table: TableKind; columns: ColumnMap; aggregated: boolean; report: ReportMeta | null }
  | { kind: "classes"; headerRow: number }
  | { kind: "template-meta" }
  /** `nearMiss`: a row that looks like a participant header but did not match (issue 11 #6). */
  | { kind: "other"; nearMiss?: HeaderNearMiss }

function hasTaskHeader(values: readonly unknown[]): boolean {
  for (let column = 1; column < values.length; column++) {
    if (typeof values[column] === "string" && parseTaskHeader(values[column] as string)) return true
  }
  return false
}

function hasVariant(headers: Set<string>): boolean {
  for (const header of headers) if (header.startsWith("вариант")) return true
  return false
}

function tableKindOf(headers: Set<string>, values: readonly unknown[]): TableKind | null {
  if (headers.has(normaliseHeader(TEMPLATE_HEADERS.login)) && headers.has("код") && hasVariant(headers)) return "template"
  if (headers.has("код участника") && headers.has("первичный балл")) return "individual-report"
  if (headers.has("логин школы") && headers.has("код обучающегося")) return "export-2021"
  if (headers.has("user") && headers.has("code") && headers.has("a-1-grade")) return "export-2020"
  if (headers.has("код") && hasVariant(headers) && hasTaskHeader(values)) return "protocol"
  return null
}

export function recogniseSheet(preview: readonly PreviewRow[]): SheetPlan {
  const first = preview[0]
  if (first && isTemplateMetaRow(first.values)) return { kind: "template-meta" }
  let nearMiss: HeaderNearMiss | null = null
  for (let index = 0; index < preview.length; index++) {
    const row = preview[index]!
    const headers = headerSet(row.values)
    if (headers.size === 0) continue
    const table = tableKindOf(headers, row.values)
    if (table) {
      const above = preview.slice(0, index)
      const levelRow = above.at(-1)
      const columns = mapColumns(table, row.values, row.number, table === "individual-report" ? levelRow?.values : undefined)
      return {
        kind: "table",
        table,
        columns,
        aggregated: table === "protocol" && headers.has("пользователь"),
        report: table === "individual-report" ? readReportMeta(above) : null,
      }
    }
    for (const header of headers) {
      if (header.startsWith("буква (цифра) класса")) return { kind: "classes", headerRow: row.number }
    }
    nearMiss ??= diagnoseHeaderRow(row.values, row.number)
  }
  return nearMiss ? { kind: "other", nearMiss } : { kind: "other" }
}

const TITLE = /ВПР\s+(\d{4})\s+(.+?)\s+(\d{1,2})\s*класс/iu
const SCHOOL_IN_ROW = /^(.*?)\s*\(\s*((?:edu|sch|ksh|spo)\d{6})\s*\)/iu

/** The title block of layout E: `ВПР 2026 Русский язык 4 класс`, `Предмет | …`, `<ОО> (edu…) | Кол-во участников: N`. */
function readReportMeta(rows: readonly PreviewRow[]): ReportMeta {
  const meta: ReportMeta = {}
  for (const row of rows) {
    for (let column = 1; column < Math.min(row.values.length, 9); column++) {
      const text = cellText(row.values[column])
      if (text === "") continue
      const title = TITLE.exec(text)
      if (title && meta.year === undefined) {
        meta.year = Number(title[1])
        meta.subject = normaliseSubject(title[2] ?? "") ?? title[2]?.trim()
        meta.grade = Number(title[3])
      }
      const school = SCHOOL_IN_ROW.exec(text)
      if (school && meta.login === undefined) {
        meta.login = school[2]!.toLowerCase()
        if (school[1]) meta.schoolName = school[1].trim()
      }
    }
    const label = normaliseHeader(cellText(row.values[1]))
    if (label.startsWith("предмет")) {
      const subject = cellText(row.values[2])
      if (subject) meta.subject = normaliseSubject(subject) ?? subject
    } else if (label.startsWith("класс")) {
      const grade = integerOf(row.values[2])
      if (grade !== null) meta.grade = grade
    }
  }
  return meta
}
