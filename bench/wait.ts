/**
 * The wait a coordinator sees: the whole app (grammY on the runner, PGlite in memory, the outbox) against the fake
 * Bot API, an administrator sends the 2021 RU-4 regional export as a document and answers every question at once,
 * as fast as a bot could: from the document sent (its last byte is in the fake's file store) to the overview with its
 * chart and the municipal XLSX in the chat. Each step is timed from the tap to the bot's answer, so the total is
 * the bot's time alone (no human thinking). Next to it the bare exceljs streaming read of the same file.
 *
 * Cold is compared with cold and warm with warm. Each of WAIT_PROCESSES fresh processes (default 3) reads the file
 * bare first (cold), runs the dialog on a freshly started app (cold: a bot just started), then the dialog again on
 * fresh apps WAIT_RUNS − 1 times (default 2; warm: a bot that has served uploads before), with PostgreSQL too when
 * TEST_DATABASE_URL is set, and the bare read again (warm). Figures are medians over processes and runs: on a shared
 * 2-core machine a single read varies by half.
 *
 *   npx tsx bench/wait.ts            WAIT_PROCESSES=5 WAIT_RUNS=4 npx tsx bench/wait.ts
 */
import { readFile } from "node:fs/promises"
import path from "node:path"
import { pathToFileURL } from "node:url"
import ExcelJS from "exceljs"
import type { BotMessage } from "../test/support/fake-telegram/index.ts"
import { ADMIN_ID, startE2E, type E2E } from "../test/support/e2e.ts"
import { testDatabaseUrl } from "../src/config.ts"
import type { Database } from "../src/db/client.ts"
import { createTestDatabase } from "../test/support/db.ts"
import { DATA_2021, hasData, mb, ms, NO_DATA, NO_POSTGRES, row, runInChild, timed } from "./support.ts"

const FILE = "Проведение работы по русскому языку, 4 класс. ВПР 2021.xlsx"
const STEP_TIMEOUT_MS = 600_000
const PROCESSES = Math.max(1, Number(process.env["WAIT_PROCESSES"] ?? 3))
const RUNS = Math.max(2, Number(process.env["WAIT_RUNS"] ?? 3))
const CHILD_FLAG = "--wait-child"

type Step = { label: string; ms: number }

/** What one process measured. */
interface WaitProcess {
  rows: number
  coldRead: number
  warmReads: number[]
  /** The dialogs on PGlite, the first cold. */
  dialogs: Step[][]
  /** The dialogs on PostgreSQL (all warm), when there is one. */
  onServer: Step[][]
}

export async function runWaitBench(): Promise<void> {
  if (!hasData()) return void console.log(NO_DATA)
  const file = path.join(DATA_2021, FILE)
  const runs: WaitProcess[] = []
  for (let index = 0; index < PROCESSES; index++) runs.push(await runInChild<WaitProcess>(import.meta.filename, [CHILD_FLAG, file]))
  const size = (await readFile(file)).length
  console.log(`file: ${FILE} (${mb(size)}, ${runs[0]!.rows} rows); the app with PGlite in memory, fake Bot API over HTTP`)
  console.log(`${PROCESSES} processes × (a cold dialog + ${RUNS - 1} warm${testDatabaseUrl() ? ` + ${RUNS - 1} on PostgreSQL` : ""}); medians`)
  const cold = runs.map((run) => run.dialogs[0]!)
  const warm = runs.flatMap((run) => run.dialogs.slice(1))
  const onServer = runs.flatMap((run) => run.onServer)
  const stepMedian = (dialogs: Step[][], index: number) => (dialogs.length > 0 ? ms(median(dialogs.map((steps) => steps[index]!.ms))) : "")
  row("step", "cold", "warm", ...(onServer.length > 0 ? ["PostgreSQL"] : []))
  cold[0]!.forEach((step, index) => row(step.label, stepMedian(cold, index), stepMedian(warm, index), stepMedian(onServer, index)))
  const waits = { cold: median(cold.map(total)), warm: median(warm.map(total)), server: onServer.length > 0 ? median(onServer.map(total)) : NaN }
  const reads = { cold: median(runs.map((run) => run.coldRead)), warm: median(runs.flatMap((run) => run.warmReads)) }
  row("the wait: document sent → overview, chart and XLSX", ms(waits.cold), ms(waits.warm), ...(onServer.length > 0 ? [ms(waits.server)] : []))
  row("bare exceljs streaming read", ms(reads.cold), ms(reads.warm))
  const ratio = (wait: number, read: number) => `${(wait / read).toFixed(2)}×`
  row("the wait / bare read (target ≤ 2×)", ratio(waits.cold, reads.cold), ratio(waits.warm, reads.warm), ...(onServer.length > 0 ? [ratio(waits.server, reads.warm)] : []))
  console.log("  each process: wait cold / bare read cold = ratio; warm waits; warm reads")
  for (const run of runs) {
    const coldWait = total(run.dialogs[0]!)
    console.log(`    ${ms(coldWait)} / ${ms(run.coldRead)} = ${ratio(coldWait, run.coldRead)}; ${run.dialogs.slice(1).map((steps) => ms(total(steps))).join(" ")}; ${run.warmReads.map(ms).join(" ")}`)
  }
  if (onServer.length === 0) console.log(`  ${NO_POSTGRES}`)
}

async function waitProcess(file: string): Promise<WaitProcess> {
  const bytes = await readFile(file)
  const coldRead = await timed(() => bareRead(file))
  const dialogs = await dialogsOn(RUNS, bytes, () => createTestDatabase("pglite"))
  const onServer = testDatabaseUrl() ? await dialogsOn(RUNS - 1, bytes, () => createTestDatabase("postgres", "wait")) : []
  const warmReads: number[] = []
  for (let run = 1; run < RUNS; run++) warmReads.push((await timed(() => bareRead(file))).ms)
  return { rows: coldRead.value, coldRead: coldRead.ms, warmReads, dialogs, onServer }
}

async function dialogsOn(runs: number, bytes: Buffer, open: () => Promise<Database>): Promise<Step[][]> {
  const dialogs: Step[][] = []
  for (let run = 0; run < runs; run++) {
    const e2e = await startE2E({ database: await open() })
    try {
      dialogs.push(await coordinatorDialog(e2e, bytes))
    } finally {
      await e2e.stop()
    }
  }
  return dialogs
}

const total = (steps: readonly Step[]) => steps.reduce((sum, step) => sum + step.ms, 0)

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * The administrator's dialog: the file, «Загрузить без строк с ошибками» (the export has 12 cells above a task's
 * maximum), «✅ Загрузить», «📊 Посмотреть анализ» (text and chart), «📄 Отчёт XLSX». Fails loudly when the bot asks
 * anything else, so a changed dialog is seen rather than timed wrongly.
 */
async function coordinatorDialog(e2e: E2E, bytes: Buffer): Promise<Step[]> {
  const admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
  await admin.sendText("/start")
  await admin.waitForMessages(1)
  const steps: Step[] = []
  const step = async (label: string, act: () => Promise<unknown>, done: (message: BotMessage) => boolean): Promise<BotMessage> => {
    const seen = admin.messages().length
    const started = performance.now()
    await act()
    await e2e.fake.waitUntil(() => admin.messages().slice(seen).some(done), { timeoutMs: STEP_TIMEOUT_MS, description: label })
    steps.push({ label, ms: performance.now() - started })
    return admin.messages().slice(seen).find(done)!
  }
  const withButton = (text: string) => (message: BotMessage) => message.buttons.includes(text)
  const first = admin.messages().length
  const exclude = await step("file read, problems listed (→ question)", () => admin.sendDocument({ fileName: FILE, bytes }), withButton("Загрузить без строк с ошибками"))
  const confirm = await step("«без строк с ошибками» → «Загрузить?»", () => admin.clickButton(exclude, "Загрузить без строк с ошибками"), withButton("✅ Загрузить"))
  const stored = await step("«✅ Загрузить» → stored and analysed", () => admin.clickButton(confirm, "✅ Загрузить"), withButton("📊 Посмотреть анализ"))
  const overview = await step("«📊 Посмотреть анализ» → overview text", () => admin.clickButton(stored, "📊 Посмотреть анализ"), withButton("📄 Отчёт XLSX"))
  await step("  … and its chart", async () => {}, (message) => message.photo !== undefined)
  await step("«📄 Отчёт XLSX» → the municipal XLSX", () => admin.clickButton(overview, "📄 Отчёт XLSX"), (message) => message.document !== undefined && message.document.fileName?.endsWith(".xlsx") === true)
  unexpected(admin.messages().slice(first))
  return steps
}

/** A button the dialog did not take (other than the overview's drill-down «login · level») means an unexpected question. */
function unexpected(messages: BotMessage[]): void {
  const known = new Set(["Загрузить без строк с ошибками", "✖️ Отменить", "✅ Загрузить", "📊 Посмотреть анализ", "📄 Отчёт XLSX"])
  const other = messages.flatMap((message) => message.buttons).filter((button) => !known.has(button) && !button.includes("·"))
  if (other.length > 0) console.log(`  note: buttons not taken: ${other.join(", ")}`)
}

async function bareRead(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", worksheets: "emit" })
  let rows = 0
  for await (const sheet of reader) for await (const _ of sheet) rows++
  return rows
}

if (process.argv[2] === CHILD_FLAG) process.send!(await waitProcess(process.argv[3]!))
else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runWaitBench()
