/** Shared helpers of the benches: where the real data is, timing, peak memory, a throw-away PostgreSQL schema. */
import { createTestDatabase } from "../test/support/db.ts"
import { fork } from "node:child_process"
import { existsSync } from "node:fs"
import path from "node:path"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { Worker } from "node:worker_threads"
import { testDatabaseUrl } from "../src/config.ts"
import type { Database } from "../src/db/client.ts"

/** `<repo>/../shared/data`: the real FIS OKO exports live next to the checkout, not in it. */
export const DATA_DIR = path.resolve(import.meta.dirname, "../../shared/data")
export const DATA_2021 = path.join(DATA_DIR, "fisoko/2021")
export const NO_DATA = "skipped: ../shared/data not found"
export const NO_POSTGRES = "PostgreSQL: skipped (set TEST_DATABASE_URL)"

export function hasData(): boolean {
  return existsSync(DATA_2021)
}

export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await run()
  return { value, ms: performance.now() - started }
}

export function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`
}

export function mb(bytes: number): string {
  const megabytes = bytes / (1024 * 1024)
  // A workbook of a few hundred kilobytes is not "0 MB".
  return `${megabytes.toFixed(megabytes < 10 ? 1 : 0)} MB`
}

/** Aligned "label  value  value …" rows. */
export function row(label: string, ...cells: string[]): void {
  console.log(`  ${label.padEnd(44)} ${cells.map((cell) => cell.padStart(12)).join(" ")}`)
}

/**
 * A full garbage collection, so an "idle" RSS is not inflated by garbage from the previous step. tsx gives no way
 * to pass --expose-gc, so the flag is set at run time and `gc` taken from a fresh context, where V8 installs it.
 */
export function collectGarbage(): void {
  setFlagsFromString("--expose-gc")
  const gc = runInNewContext("gc") as () => void
  gc()
}

export interface MemoryUse {
  /** RSS after a full GC before the step, and the highest RSS seen while it ran, in bytes. */
  idle: number
  peak: number
}

/**
 * Runs `step` while a worker thread samples the process RSS every `everyMs`: a timer on the main thread would not
 * fire while synchronous parsing or validation holds the event loop, exactly when memory peaks. The worker is
 * running before the idle figure is taken, so its own few MB are not counted as the step's.
 */
export async function withPeakRss<T>(step: () => Promise<T>, everyMs = 20): Promise<{ value: T; memory: MemoryUse }> {
  const peak = new Float64Array(new SharedArrayBuffer(8))
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads")
     const peak = new Float64Array(workerData.buffer)
     setInterval(() => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) peak[0] = rss }, workerData.everyMs)`,
    { eval: true, workerData: { buffer: peak.buffer, everyMs } },
  )
  await new Promise((resolve) => worker.once("online", resolve))
  try {
    collectGarbage()
    const idle = process.memoryUsage.rss()
    peak[0] = idle
    const value = await step()
    return { value, memory: { idle, peak: Math.max(peak[0] ?? 0, process.memoryUsage.rss()) } }
  } finally {
    await worker.terminate()
  }
}

/** A fresh, migrated schema `bench_<random>` on the TEST_DATABASE_URL server, dropped on close; null without one. */
export async function openBenchPostgres(): Promise<Database | null> {
  return testDatabaseUrl() ? createTestDatabase("postgres", "bench") : null
}

/**
 * Runs `file` (a bench module) in a fresh Node process with the same tsx loader and returns the one message it sends
 * with `process.send`. Memory figures need it: freed memory stays in the process (allocator, V8, PGlite's WASM
 * heap), so a step measured after others looks smaller than it is.
 */
export function runInChild<T>(file: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(file, args, { env: process.env })
    let answer: { value: T } | undefined
    child.once("message", (message) => (answer = { value: message as T }))
    child.once("error", reject)
    child.once("exit", (code) => (answer ? resolve(answer.value) : reject(new Error(`${path.basename(file)} ${args.join(" ")} exited with ${code} and no answer`))))
  })
}
