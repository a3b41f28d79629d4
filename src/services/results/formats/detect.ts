/**
 * Which layout a workbook is, from what its sheets are (formats.md §1, in its order, with our template first):
 * T, A/B (collection form), C (2021 export), D (2020 export), E («Индивидуальные результаты»); or an empty
 * collection form sent by mistake, or no result layout at all. (Which kind of workbook a file is — results, outside
 * data, the context-data form, a spec — is decided before this, by services/intake/classify.ts.)
 */
import type ExcelJS from "exceljs"
import type { TableKind } from "./columns.ts"
import { PREVIEW_ROWS, type PreviewRow } from "../../workbooks/stream.ts"
import { recogniseSheet, type SheetPlan } from "./sheet-kinds.ts"
import type { Layout } from "./types.ts"
import type { HeaderNearMiss } from "./header-diagnosis.ts"

export interface SheetOutline {
  name: string
  plan: SheetPlan
}

export type Detection =
  | { kind: "results"; layout: Layout; tableKind: TableKind }
  | { kind: "empty-form"; form: "collection" | "template" | "export"; classes: number }
  | { kind: "header-unmatched"; sheet: string; nearMiss: HeaderNearMiss }
  | { kind: "unknown"; sheets: string[] }

const PRIORITY: readonly TableKind[] = ["template", "protocol", "export-2021", "export-2020", "individual-report"]

function layoutOf(kind: TableKind, aggregated: boolean): Layout {
  switch (kind) {
    case "template": return "T"
    case "protocol": return aggregated ? "B" : "A"
    case "export-2021": return "C"
    case "export-2020": return "D"
    case "individual-report": return "E"
  }
}

/**
 * Decide from the sheets' plans and the counts read: participant rows in the chosen tables and data rows
 * of «Классы». A result layout with no participant rows is the empty form sent instead of results.
 */
export function decideLayout(sheets: readonly SheetOutline[], participantRows: (kind: TableKind) => number, classRows: number): Detection {
  for (const kind of PRIORITY) {
    const tables = sheets.filter((s) => s.plan.kind === "table" && s.plan.table === kind)
    if (tables.length === 0) continue
    if (participantRows(kind) === 0) {
      const form = kind === "template" ? "template" : kind === "protocol" ? "collection" : "export"
      return { kind: "empty-form", form, classes: classRows }
    }
    const aggregated = tables.some((s) => s.plan.kind === "table" && s.plan.aggregated)
    return { kind: "results", layout: layoutOf(kind, aggregated), tableKind: kind }
  }
  // A participant header that fell short explains the file better than "empty" or "unknown" would.
  for (const sheet of sheets) {
    if (sheet.plan.kind === "other" && sheet.plan.nearMiss) return { kind: "header-unmatched", sheet: sheet.name, nearMiss: sheet.plan.nearMiss }
  }
  if (sheets.some((s) => s.plan.kind === "classes")) return { kind: "empty-form", form: "collection", classes: classRows }
  return { kind: "unknown", sheets: sheets.map((s) => s.name) }
}

function hasValue(values: readonly unknown[]): boolean {
  return values.some((value) => value !== null && value !== undefined && value !== "")
}

/**
 * Detect the layout of a workbook loaded in memory (exceljs `Workbook`), for callers that already hold one.
 * `parseResults` does the same while streaming.
 */
export function detectLayout(workbook: ExcelJS.Workbook): Detection {
  const sheets: SheetOutline[] = []
  const rowsByKind = new Map<TableKind, number>()
  let classRows = 0
  for (const worksheet of workbook.worksheets) {
    const all: PreviewRow[] = []
    worksheet.eachRow((row, number) => all.push({ number, values: row.values as unknown[] }))
    const plan = recogniseSheet(all.slice(0, PREVIEW_ROWS))
    sheets.push({ name: worksheet.name, plan })
    if (plan.kind === "table") {
      const codeColumn = plan.columns.fields.code ?? 0
      const count = all.filter((row) => row.number > plan.columns.headerRow && hasValue([row.values[codeColumn]])).length
      rowsByKind.set(plan.table, (rowsByKind.get(plan.table) ?? 0) + count)
    } else if (plan.kind === "classes") {
      classRows += all.filter((row) => row.number > plan.headerRow && hasValue(row.values)).length
    }
  }
  return decideLayout(sheets, (kind) => rowsByKind.get(kind) ?? 0, classRows)
}
