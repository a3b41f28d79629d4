/**
 * One guarded streaming pass over a workbook, shared by every kind of workbook: the guard's refusal, a limit
 * crossed while streaming and a file exceljs cannot read all come back as the one problem that refuses it.
 */
import { guardWorkbook, LimitExceeded, type WorkbookLimits } from "./guard.ts"
import { checkInflation } from "./inflation.ts"
import { parseQueue, type PlaceInLine } from "./parse-queue.ts"
import { problem, type Problem } from "./problem.ts"
import { streamSheets, type SheetVisitor } from "./stream.ts"

/** An error raised by our own row handling: a bug to surface, not a damaged file. */
export class SinkFailure extends Error {
  constructor(readonly original: unknown) {
    super("row handling failed")
  }
}

/** Runs `work`, turning anything it throws into a SinkFailure (so the pass rethrows it instead of calling the file damaged). */
export function ownWork<T>(work: () => T): T {
  try {
    return work()
  } catch (error) {
    throw new SinkFailure(error)
  }
}

export interface ReadOptions {
  limits: WorkbookLimits
  onProgress?: (rowsDone: number) => void
  /** Hears the place in line while other parses take every slot (parse-queue.ts). */
  onQueued?: PlaceInLine
}

/**
 * The problem that refuses the workbook, or null once every sheet has been shown to `visit`. The whole pass — the
 * inflation count included — takes one of the process's parse slots.
 */
export function readSheets(buffer: Buffer, visit: SheetVisitor, options: ReadOptions): Promise<Problem | null> {
  return parseQueue.run(() => readNow(buffer, visit, options), options.onQueued)
}

async function readNow(buffer: Buffer, visit: SheetVisitor, options: ReadOptions): Promise<Problem | null> {
  const refusal = guardWorkbook(buffer, options.limits)
  if (refusal) return refusal
  const bomb = await checkInflation(buffer, options.limits)
  if (bomb) return bomb
  try {
    await streamSheets(buffer, visit, { limits: options.limits, ...(options.onProgress ? { onProgress: options.onProgress } : {}) })
    return null
  } catch (error) {
    if (error instanceof SinkFailure) throw error.original
    if (error instanceof LimitExceeded) return error.problem
    return problem("error", "file-unreadable", "", {})
  }
}
