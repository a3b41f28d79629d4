/**
 * At most N workbook parses at once in this process (issue 9 #8): the largest accepted file costs up to ~1.4 GB
 * while it is read, so three at once would need ~4 GB. The others wait in line, first come first served, and are
 * told their place each time it changes, so the bot can say it instead of staying silent. N is the setting
 * `MAX_PARALLEL_PARSES` (config.ts), set at start-up; 2 until then.
 */

export type PlaceInLine = (place: number) => void

interface Waiting {
  start(): void
  onPlace: PlaceInLine | undefined
}

export interface ParseQueue {
  /**
   * Runs `work` once a slot is free. `onPlace` hears the 1-based place in line while it waits, and 0 when its turn
   * comes; it is never called for work that did not wait.
   */
  run<T>(work: () => Promise<T>, onPlace?: PlaceInLine): Promise<T>
  /** Parses running now and waiting. */
  load(): { running: number; waiting: number; limit: number }
  setLimit(limit: number): void
}

export const DEFAULT_PARALLEL_PARSES = 2

export function createParseQueue(initialLimit: number = DEFAULT_PARALLEL_PARSES): ParseQueue {
  let limit = checked(initialLimit)
  let running = 0
  const line: Waiting[] = []

  const tellPlaces = (): void => line.forEach((waiting, index) => tell(waiting.onPlace, index + 1))

  const admit = (): void => {
    let moved = false
    while (running < limit && line.length > 0) {
      running++
      line.shift()!.start()
      moved = true
    }
    if (moved) tellPlaces()
  }

  return {
    async run<T>(work: () => Promise<T>, onPlace?: PlaceInLine): Promise<T> {
      if (running < limit && line.length === 0) running++
      else {
        await new Promise<void>((start) => {
          line.push({ start, onPlace })
          tell(onPlace, line.length)
        })
        tell(onPlace, 0)
      }
      try {
        return await work()
      } finally {
        running--
        admit()
      }
    },
    load: () => ({ running, waiting: line.length, limit }),
    setLimit(next: number): void {
      limit = checked(next)
      admit()
    },
  }
}

function tell(onPlace: PlaceInLine | undefined, place: number): void {
  try {
    onPlace?.(place)
  } catch {
    // A courtesy message that failed must not stop the line.
  }
}

function checked(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`the parse limit must be a whole number from 1, not ${limit}`)
  return limit
}

/** The process's one queue: every upload's streaming pass goes through it (workbooks/read.ts). */
export const parseQueue: ParseQueue = createParseQueue()
