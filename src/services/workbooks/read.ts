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
  // The bomb count inflates every part on zlib's threads while this pass reads on the main one (the pass keeps
  // within the same caps itself, zip-parts.ts): one pass of waiting instead of two, on the second core. A bomb's
  // refusal wins over whatever the pass made of the file.
  const counted = checkInflation(buffer, options.limits)
  let streamed: Problem | null = null
  let failure: unknown = undefined
  try {
    await streamSheets(buffer, visit, { limits: options.limits, ...(options.onProgress ? { onProgress: options.onProgress } : {}) })
  } catch (error) {
    if (error instanceof SinkFailure) failure = error
    else streamed = error instanceof LimitExceeded ? error.problem : problem("error", "file-unreadable", "", {})
  }
  const bomb = await counted
  if (bomb) return bomb
  if (failure) throw (failure as SinkFailure).original
  return streamed
}
