/**
 * The wait a coordinator sees: the whole app (grammY on the runner, PGlite in memory, the outbox) against the fake
 * Bot API, an administrator sends the 2021 RU-4 regional export as a document and answers every question at once,
 * as fast as a bot could: from the document sent (its last byte is in the fake's file store) to the overview with its
 * chart and the municipal XLSX in the chat. Each step is timed from the tap to the bot's answer, so the total is
 * the bot's time alone (no human thinking). Next to it the bare exceljs streaming read of the same file, cold (first
 * in this process, before the app starts) and warm (after). Target: the wait ≤ 2× the bare read.
 *
 *   npx tsx bench/wait.ts
 */
import { readFile } from "node:fs/promises"
import path from "node:path"
import { pathToFileURL } from "node:url"
import ExcelJS from "exceljs"
import type { BotMessage } from "../test/support/fake-telegram/index.ts"
import { ADMIN_ID, startE2E, type E2E } from "../test/support/e2e.ts"
import { DATA_2021, hasData, mb, ms, NO_DATA, row, timed } from "./support.ts"

const FILE = "Проведение работы по русскому языку, 4 класс. ВПР 2021.xlsx"
const STEP_TIMEOUT_MS = 600_000

export async function runWaitBench(): Promise<void> {
  if (!hasData()) return void console.log(NO_DATA)
  const file = path.join(DATA_2021, FILE)
  const bytes = await readFile(file)
  const cold = await timed(() => bareRead(file))
  console.log(`file: ${FILE} (${mb(bytes.length)}, ${cold.value} rows); the app with PGlite in memory, fake Bot API over HTTP`)
  const e2e = await startE2E()
  let steps: { label: string; ms: number }[]
  try {
    steps = await coordinatorDialog(e2e, bytes)
  } finally {
    await e2e.stop()
  }
  const warm = await timed(() => bareRead(file))
  row("step", "time")
  for (const step of steps) row(step.label, ms(step.ms))
  const total = steps.reduce((sum, step) => sum + step.ms, 0)
  row("the wait: document sent → overview, chart and XLSX", ms(total))
  row("bare exceljs streaming read, cold / warm", ms(cold.ms), ms(warm.ms))
  row("the wait / bare read (target ≤ 2×)", `${(total / cold.ms).toFixed(2)}× cold`, `${(total / warm.ms).toFixed(2)}× warm`)
}

/**
 * The administrator's dialog: the file, «Загрузить без строк с ошибками» (the export has 12 cells above a task's
 * maximum), «✅ Загрузить», «📊 Посмотреть анализ» (text and chart), «📄 Отчёт XLSX». Fails loudly when the bot asks
 * anything else, so a changed dialog is seen rather than timed wrongly.
 */
async function coordinatorDialog(e2e: E2E, bytes: Buffer): Promise<{ label: string; ms: number }[]> {
  const admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
  await admin.sendText("/start")
  await admin.waitForMessages(1)
  const steps: { label: string; ms: number }[] = []
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runWaitBench()
