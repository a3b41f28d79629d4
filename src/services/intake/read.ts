/**
 * One streaming pass over an upload per step: every sheet is classified from its first rows and handed to the
 * reader of its kind, so the file is read once whatever it turns out to be, and no kind parses another's bytes.
 */
import type { ProcedureSpec } from "../../domain/results.ts"
import { createOutsideReader, type OutsideParse } from "../exams-medalists-rechecks/parse.ts"
import { createResultsReader } from "../results/formats/parse.ts"
import type { ParsedResults, ParseOptions } from "../results/formats/types.ts"
import { createContextFormReader, type ContextFormResult } from "../schools/context-form.ts"
import { createSpecReader, type SpecWorkbookResult } from "../specs/workbook.ts"
import { resolveLimits } from "../workbooks/guard.ts"
import type { Problem } from "../workbooks/problem.ts"
import { keepRows, type KeptSheets } from "../workbooks/kept-rows.ts"
import { readSheets } from "../workbooks/read.ts"
import { classifySheet, classifyWorkbook, type ClassifiedSheet } from "./classify.ts"

/** What every reader needs to know before the pass: the specs we hold, the school directory, this year. */
export interface ReadContext {
  specs: readonly ProcedureSpec[]
  knownSchools: ReadonlySet<string>
  maxYear: number
}

/** What a pass found; `kept` holds the rows of the sheets it read whole, for the problems workbook (kept-rows.ts). */
export type WorkbookRead = { kept?: KeptSheets } & (
  | { kind: "refused"; problem: Problem }
  | { kind: "unknown"; sheets: string[] }
  | { kind: "results"; results: ParsedResults; withInvalidRowsExcluded(): ParsedResults }
  | { kind: "outside-data"; outside: OutsideParse }
  | { kind: "context-form"; form: 2021 | 2022; directory: ContextFormResult }
  | { kind: "spec"; spec: SpecWorkbookResult }
)

export async function readWorkbook(
  bytes: Buffer,
  context: ReadContext,
  results: Omit<ParseOptions, "specs" | "onProgress" | "limits">,
  onProgress?: (rowsDone: number) => void,
  onQueued?: (place: number) => void,
): Promise<WorkbookRead> {
  const readers = createReaders(context, results)
  const sheets: ClassifiedSheet[] = []
  const keeper = keepRows((name, preview) => {
    const sheet = classifySheet(name, preview)
    sheets.push(sheet)
    const kind = sheet.kind === "results-part" ? "results" : sheet.kind
    return kind === "other" ? null : readers[kind].visit(name, preview)
  })
  const refusal = await readSheets(
    bytes,
    keeper.visit,
    { limits: resolveLimits(), ...(onProgress ? { onProgress } : {}), ...(onQueued ? { onQueued } : {}) },
  )
  if (refusal) return { kind: "refused", problem: refusal }
  const kept = keeper.kept()
  return kept && kept.size > 0 ? { ...finishRead(sheets, readers), kept } : finishRead(sheets, readers)
}

function createReaders(context: ReadContext, results: Omit<ParseOptions, "specs" | "onProgress" | "limits">) {
  return {
    results: createResultsReader({ ...results, specs: context.specs }),
    "outside-data": createOutsideReader({ knownSchools: context.knownSchools, specs: context.specs, maxYear: context.maxYear }),
    "context-form": createContextFormReader(),
    spec: createSpecReader({ anySheet: true }),
  }
}

function finishRead(sheets: ClassifiedSheet[], readers: ReturnType<typeof createReaders>): WorkbookRead {
  const classification = classifyWorkbook(sheets)
  switch (classification.kind) {
    case "results":
      return { kind: "results", results: readers.results.finish(), withInvalidRowsExcluded: () => readers.results.finish({ allowInvalidRows: "exclude" }) }
    case "outside-data":
      return { kind: "outside-data", outside: readers["outside-data"].finish() }
    case "context-form":
      return { kind: "context-form", form: classification.form, directory: readers["context-form"].finish() }
    case "spec":
      return { kind: "spec", spec: readers.spec.finish() }
    case "unknown":
      return { kind: "unknown", sheets: classification.sheets }
  }
}
