/**
 * Hardening (issue 9): what hostile or merely huge files cost before they are refused or read.
 * - crafted zip bombs (declared sizes patched to the compressed ones, so only what actually inflates can tell):
 *   time from the bytes to the refusal and peak − idle RSS;
 * - the largest file the guard accepts (a 2021-style regional export just under the 20 MB limit: 180,000 rows, generated):
 *   one parse, then three at once through the parse queue (MAX_PARALLEL_PARSES 2, the default) and with no queue
 *   (limit 3): wall time and peak − idle RSS, each in a fresh child process (freed memory stays in a process);
 *   and the time to the answer for a file whose procedure cannot be told, or whose spec we lack: the whole body read
 *   (as before), and decided from the header (`headerFirst`).
 *
 *   npx tsx bench/hardening.ts
 */
import { readFile, rm, stat } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { pathToFileURL } from "node:url"
import ExcelJS from "exceljs"
import { findSpec } from "../src/domain/procedures/index.ts"
import { parseResults } from "../src/services/results/formats/parse.ts"
import type { ParseOptions } from "../src/services/results/formats/types.ts"
import { parseQueue } from "../src/services/workbooks/parse-queue.ts"
import { deflateBomb, rebuildZip } from "../test/support/fixtures/crafted-zips.ts"
import { collectionForm } from "../test/support/fixtures/workbooks.ts"
import { mb, ms, row, runInChild, timed, withPeakRss, type MemoryUse } from "./support.ts"

const spec = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!

async function bombs(): Promise<void> {
  const form = await collectionForm({ spec, rows: [{ code: 40001, variant: 1, scores: [1, 0, 2] }] })
  const cases: { label: string; bytes: Buffer }[] = [
    { label: "shared strings → 2 GB", bytes: rebuildZip(form, { replace: { "xl/sharedStrings.xml": deflateBomb(2048) } }) },
    { label: "sheet → 4 GB, local header only", bytes: rebuildZip(form, { extra: [{ name: "xl/worksheets/sheet9.xml", compressed: deflateBomb(4096), localOnly: true }] }) },
    { label: "50 parts × 40 MB", bytes: rebuildZip(form, { extra: Array.from({ length: 50 }, (_, i) => ({ name: `xl/media/p${i}.bin`, compressed: deflateBomb(40) })) }) },
  ]
  for (const { label, bytes } of cases) {
    const { value, memory } = await withPeakRss(() => timed(() => parseResults(bytes)))
    const code = value.value.problems[0]?.code ?? value.value.status
    row(`bomb: ${label}`, `${mb(bytes.length)} file`, `refused in ${ms(value.ms)}`, `peak − idle RSS ${mb(memory.peak - memory.idle)}`, code)
  }
}

const LARGEST_NAME = "Проведение работы по математике, 4 класс. ВПР 2021.xlsx"
const LARGEST_ROWS = 180_000
const CHILD_FLAG = "--hardening-child"

/** A 2021-style regional export (layout C, every cell text) of `rows` rows, written by exceljs's streaming writer. */
async function writeLargestExport(file: string, rows: number): Promise<void> {
  const math4 = findSpec({ kind: "ВПР", year: 2021, subject: "Математика", grade: 4 })!
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false })
  const sheet = writer.addWorksheet("Sheet")
  const positions = math4.tasks.length
  sheet.addRow([
    "логин школы", "регион", "номер обучающегося", "код обучающегося", "отметка за предыдущую четверть/триместр", "пол",
    "класс", "вариант", "всего баллов", ...Array.from({ length: positions }, (_, i) => `балл за ${i + 1}`), "Учебник", "Др.уч. автор", "Др.уч. название",
  ]).commit()
  for (let i = 0; i < rows; i++) {
    const scores = math4.tasks.map((task, t) => ((i + t) % 3 === 0 ? 0 : Math.min(task.max, 1 + ((i * t) % task.max))))
    const school = 220001 + Math.floor(i / 60)
    sheet.addRow([
      `sch${school}`, "Алтайский край", String(i + 1), String(40001 + (i % 60)), String(3 + (i % 3)), i % 2 ? "м" : "ж",
      `4${"АБВГ"[i % 4]}`, String(1 + (i % 2)), String(scores.reduce((sum, score) => sum + score, 0)), ...scores.map(String),
      "Моро М.И.,Бантова М.А.,Бельтюкова Г.В. и др. Математика (в 2 частях) 4 класс",
    ]).commit()
  }
  sheet.commit()
  await writer.commit()
}

interface ChildRun {
  ms: number
  memory: MemoryUse
  statuses: string[]
  waited: number
}

/** How the file is read: as named, or under a name that tells no procedure / one we hold no spec for, whole or header-first. */
const READS = {
  named: { fileName: LARGEST_NAME },
  "no procedure, whole": { fileName: "выгрузка.xlsx" },
  "no procedure, header-first": { fileName: "выгрузка.xlsx", headerFirst: "procedure" },
  "no spec, whole": { fileName: "Проведение работы по математике, 4 класс. ВПР 2019.xlsx" },
  "no spec, header-first": { fileName: "Проведение работы по математике, 4 класс. ВПР 2019.xlsx", headerFirst: "procedure-and-spec" },
} as const satisfies Record<string, ParseOptions>

/** In a child: `parses` parses of the file at once through the queue with `limit` slots. */
async function childRun(file: string, parses: number, limit: number, read: keyof typeof READS): Promise<ChildRun> {
  parseQueue.setLimit(limit)
  const bytes = await readFile(file)
  let waited = 0
  const { value, memory } = await withPeakRss(() =>
    timed(async () => {
      const all = Promise.all(Array.from({ length: parses }, () => parseResults(bytes, { ...READS[read], allowInvalidRows: "exclude" })))
      await new Promise((resolve) => setImmediate(resolve))
      waited = parseQueue.load().waiting
      return all
    }),
  )
  return { ms: value.ms, memory, statuses: value.value.map((parsed) => `${parsed.status} ${parsed.participants.length}`), waited }
}

/** Runs `work` on the largest accepted file, written for it and removed after. */
async function withLargest(work: (file: string) => Promise<void>): Promise<void> {
  const file = path.join(tmpdir(), `objektiv-bench-largest-${process.pid}.xlsx`)
  try {
    const written = await timed(() => writeLargestExport(file, LARGEST_ROWS))
    const size = (await stat(file)).size
    row("largest accepted file (generated)", `${LARGEST_ROWS} rows`, `${(size / 2 ** 20).toFixed(1)} MB`, `written in ${ms(written.ms)}`)
    await work(file)
  } finally {
    await rm(file, { force: true })
  }
}

async function largest(file: string): Promise<void> {
  for (const [parses, limit, label] of [[1, 2, "one parse"], [3, 2, "three at once, queue of 2"], [3, 3, "three at once, no queue (3 slots)"]] as const) {
    const run = await runInChild<ChildRun>(import.meta.filename, [CHILD_FLAG, file, String(parses), String(limit), "named"])
    row(`largest: ${label}`, ms(run.ms), `peak − idle RSS ${mb(run.memory.peak - run.memory.idle)}`, `${run.waited} waited`, run.statuses.join(", "))
  }
}

async function headerFirst(file: string): Promise<void> {
  // Refusals decided from the header (issue 9 #8, issue 17): the time to the answer before (whole) and after (header-first).
  for (const read of ["no procedure, whole", "no procedure, header-first", "no spec, whole", "no spec, header-first"] as const) {
    const run = await runInChild<ChildRun>(import.meta.filename, [CHILD_FLAG, file, "1", "2", read])
    row(`largest, ${read}`, `answered in ${ms(run.ms)}`, `peak − idle RSS ${mb(run.memory.peak - run.memory.idle)}`, run.statuses.join(", "))
  }
}

export async function runHardeningBench(): Promise<void> {
  await bombs()
  await withLargest(async (file) => {
    await largest(file)
    await headerFirst(file)
  })
}

/** Only the refusals decided from the header, on the largest file (`npm run bench -- header-first`). */
export const runHeaderFirstBench = (): Promise<void> => withLargest(headerFirst)

if (process.argv[2] === CHILD_FLAG) {
  const [file, parses, limit, read] = process.argv.slice(3)
  process.send!(await childRun(file!, Number(parses), Number(limit), read as keyof typeof READS))
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runHardeningBench()
}
