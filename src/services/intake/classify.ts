/**
 * What a workbook is: results (a FIS OKO layout or our template), our outside-data workbook (ОГЭ/ЕГЭ, medalists,
 * re-checks), the FIS OKO context-data form, a procedure spec — or unknown. Each sheet is classified from its first
 * rows as the file streams by (each kind's own module recognises its sheets; this one only asks them in order),
 * then the workbook from its sheets. A value, not an error: the intake routes on it.
 */
import { outsideSheetOf } from "../exams-medalists-rechecks/layout.ts"
import { recogniseSheet } from "../results/formats/sheet-kinds.ts"
import { contextFormSheet } from "../schools/context-form.ts"
import { isSpecSheet } from "../specs/workbook.ts"
import type { PreviewRow } from "../workbooks/stream.ts"

export const WORKBOOK_KINDS = ["results", "outside-data", "context-form", "spec"] as const
export type WorkbookKind = (typeof WORKBOOK_KINDS)[number]

/** A sheet's kind; `results-part` is a sheet that only accompanies results (our template's «Процедура»). */
export type SheetKind = WorkbookKind | "results-part" | "other"

export interface ClassifiedSheet {
  name: string
  kind: SheetKind
  /** For a context-form sheet: the form's year (2021 starts with «логин», 2022 with «пользователь»). */
  form?: 2021 | 2022
}

export type Classification =
  | { kind: Exclude<WorkbookKind, "context-form">; sheets: string[] }
  | { kind: "context-form"; form: 2021 | 2022; sheets: string[] }
  | { kind: "unknown"; sheets: string[] }

export function classifySheet(name: string, preview: readonly PreviewRow[]): ClassifiedSheet {
  const results = recogniseSheet(preview).kind
  if (results === "table" || results === "classes") return { name, kind: "results" }
  if (results === "template-meta") return { name, kind: "results-part" }
  if (outsideSheetOf(name, preview)) return { name, kind: "outside-data" }
  const context = contextFormSheet(preview)
  if (context) return { name, kind: "context-form", form: context.form }
  if (isSpecSheet(name, preview)) return { name, kind: "spec" }
  return { name, kind: "other" }
}

/** The workbook's kind: the first of results, outside data, context form, spec that any of its sheets is. */
export function classifyWorkbook(sheets: readonly ClassifiedSheet[]): Classification {
  const names = sheets.map((sheet) => sheet.name)
  for (const kind of WORKBOOK_KINDS) {
    const first = sheets.find((sheet) => sheet.kind === kind)
    if (!first) continue
    return kind === "context-form" ? { kind, form: first.form!, sheets: names } : { kind, sheets: names }
  }
  return { kind: "unknown", sheets: names }
}
