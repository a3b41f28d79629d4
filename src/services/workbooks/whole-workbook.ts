/**
 * Why a workbook read whole must not be loaded. exceljs's `xlsx.load` (JSZip) inflates every part in memory, so a
 * zip bomb has to be refused before it: by the sizes and layout the zip declares (guard.ts), then by what its parts
 * actually inflate to (inflation.ts), as for an upload of results. The schedule, calendar, FAQ and re-check
 * workbooks are read this way; results stream through read.ts instead. null: load it.
 */
import { DEFAULT_LIMITS, guardWorkbook, type WorkbookLimits } from "./guard.ts"
import { checkInflation } from "./inflation.ts"
import type { Problem } from "./problem.ts"

export async function refusedWholeWorkbook(bytes: Buffer, limits: WorkbookLimits = DEFAULT_LIMITS): Promise<Problem | null> {
  return guardWorkbook(bytes, limits) ?? (await checkInflation(bytes, limits))
}
