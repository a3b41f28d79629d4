/**
 * Imports every result workbook under ../shared/data (or the folder given) through the command line's own path —
 * `runCli(["import", file, "--yes", "--exclude-invalid"])` — into one fresh embedded database, and prints a line per
 * file: exit code, seconds, the memory the process peaked at so far, and what the command answered last. Context-data
 * forms go first (they fill the school directory the results are checked against). Not part of `npm test`: it reads
 * the real files and takes minutes.
 *
 *   npx tsx scripts/import-all-exports.ts [folder] [--accept-spec] [--keep-db dir]
 */
import { mkdtemp, readdir, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { runCli, type CliIo } from "../src/cli.ts"
import { openServices, type OpenServices } from "../src/services/open.ts"

const args = process.argv.slice(2)
const flags = new Set(args.filter((arg) => arg.startsWith("--")))
const keepAt = args.indexOf("--keep-db")
const root = path.resolve(args.find((arg, index) => !arg.startsWith("--") && index !== keepAt + 1) ?? path.join(import.meta.dirname, "../../shared/data"))

async function workbooksUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".xlsx")).map((entry) => path.join(entry.parentPath, entry.name))
}

const isContextForm = (file: string) => /контекстн/iu.test(path.basename(file))
const files = (await workbooksUnder(root)).sort((a, b) => Number(isContextForm(b)) - Number(isContextForm(a)) || a.localeCompare(b, "ru"))
if (files.length === 0) {
  console.log(`no workbooks under ${root}`)
  process.exit(0)
}

const dbDir = keepAt >= 0 ? path.resolve(args[keepAt + 1]!) : await mkdtemp(path.join(tmpdir(), "import-all-"))
let peakRss = process.memoryUsage().rss
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100)
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

const openedAt = performance.now()
const opened: OpenServices = await openServices(`postgresql://pglite/?dir=${dbDir}`)
console.log(`database opened in ${((performance.now() - openedAt) / 1000).toFixed(1)} s (${dbDir}), rss ${mb(process.memoryUsage().rss)}`)

const extra = flags.has("--accept-spec") ? ["--accept-spec"] : []
const totals = { ok: 0, failed: 0 }
const started = performance.now()
for (const file of files) {
  const lines: string[] = []
  const io: CliIo = { out: (line) => void lines.push(line), err: () => {}, openServices: async () => ({ services: opened.services, close: async () => {} }) }
  const t0 = performance.now()
  const code = await runCli(["import", file, "--yes", "--exclude-invalid", ...extra], io)
  const seconds = ((performance.now() - t0) / 1000).toFixed(1)
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  if (code === 0) totals.ok++
  else totals.failed++
  const answer = lines.filter((line) => line.trim() !== "").slice(code === 0 ? -1 : -3).join(" ⏎ ")
  console.log(`${code === 0 ? "ok  " : `E${code} `} ${seconds.padStart(6)} s  peak ${mb(peakRss).padStart(7)}  ${path.relative(root, file)}  — ${answer}`)
}
clearInterval(sample)
await opened.close()
if (keepAt < 0) await rm(dbDir, { recursive: true, force: true })
console.log(`${totals.ok} imported, ${totals.failed} not, in ${((performance.now() - started) / 1000).toFixed(0)} s; peak rss ${mb(peakRss)}`)
