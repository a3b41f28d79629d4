import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import { DEFAULT_LIMITS } from "../../../../src/services/workbooks/guard.ts"
import { createParseQueue, parseQueue } from "../../../../src/services/workbooks/parse-queue.ts"
import { readSheets } from "../../../../src/services/workbooks/read.ts"
import { collectionForm } from "../../../support/fixtures/workbooks.ts"

/** Work that runs until the test lets it finish. */
function blocked(): { work: () => Promise<string>; started: Promise<void>; finish(): void } {
  let finish!: () => void
  let markStarted!: () => void
  const started = new Promise<void>((resolve) => (markStarted = resolve))
  const done = new Promise<void>((resolve) => (finish = resolve))
  return {
    work: async () => {
      markStarted()
      await done
      return "done"
    },
    started,
    finish,
  }
}

/** Lets every settled promise run its continuations. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe("the parse queue (issue 9 #8)", () => {
  it("runs at most N at once, first come first served, telling each waiting one its place as it moves up", async () => {
    const queue = createParseQueue(2)
    const jobs = Array.from({ length: 5 }, blocked)
    const places: number[][] = jobs.map(() => [])
    const results = jobs.map((job, i) => queue.run(job.work, (place) => places[i]!.push(place)))
    await settle()
    expect(queue.load()).toEqual({ running: 2, waiting: 3, limit: 2 })
    expect(places).toEqual([[], [], [1], [2], [3]])

    jobs[1]!.finish()
    await settle()
    expect(queue.load()).toEqual({ running: 2, waiting: 2, limit: 2 })
    expect(places).toEqual([[], [], [1, 0], [2, 1], [3, 2]])

    jobs[0]!.finish()
    jobs[2]!.finish()
    await settle()
    expect(places).toEqual([[], [], [1, 0], [2, 1, 0], [3, 2, 1, 0]])
    jobs[3]!.finish()
    jobs[4]!.finish()
    expect(await Promise.all(results)).toEqual(["done", "done", "done", "done", "done"])
    expect(queue.load()).toEqual({ running: 0, waiting: 0, limit: 2 })
  })

  it("frees the slot when the work fails, and a raised limit admits the waiting at once", async () => {
    const queue = createParseQueue(1)
    const failing = queue.run(async () => {
      throw new Error("damaged")
    })
    const next = blocked()
    const waiting = queue.run(next.work)
    await expect(failing).rejects.toThrow("damaged")
    await next.started
    const third = blocked()
    const places: number[] = []
    void queue.run(third.work, (place) => places.push(place))
    await settle()
    expect(places).toEqual([1])
    queue.setLimit(2)
    await third.started
    expect(places).toEqual([1, 0])
    next.finish()
    third.finish()
    expect(await waiting).toBe("done")
    expect(() => queue.setLimit(0)).toThrow("whole number from 1")
  })

  it("holds a workbook's read while the process's slots are taken, and reads it once one is free", async () => {
    const spec = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!
    const bytes = await collectionForm({ spec, rows: [{ code: 40001, variant: 1, scores: [1] }] })
    const { limit } = parseQueue.load()
    const holders = Array.from({ length: limit }, blocked)
    const held = holders.map((holder) => parseQueue.run(holder.work))
    await Promise.all(holders.map((holder) => holder.started))

    const sheets: string[] = []
    const places: number[] = []
    const read = readSheets(bytes, (sheet) => (sheets.push(sheet), null), { limits: DEFAULT_LIMITS, onQueued: (place) => places.push(place) })
    await settle()
    expect(places).toEqual([1])
    expect(sheets).toEqual([])

    holders[0]!.finish()
    expect(await read).toBeNull()
    expect(places).toEqual([1, 0])
    expect(sheets).toEqual(["Классы", "Протокол"])
    holders.forEach((holder) => holder.finish())
    await Promise.all(held)
  })
})
