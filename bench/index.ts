/**
 * `npm run bench [-- <filter>]`: every bench in sequence, each in its own try/catch so one failure does not hide
 * the others. A filter runs only the sections whose name contains it (`npm run bench -- import`).
 * Benches print figures; they assert nothing.
 */
import { runAnalysisBench } from "./analysis.ts"
import { runBotBench } from "./bot.ts"
import { runColdStartBench } from "./cold-start.ts"
import { runDeadlinesBench } from "./deadlines.ts"
import { runDetectionBench } from "./detection.ts"
import { runGrowthBench } from "./growth.ts"
import { runImportBench } from "./import.ts"
import { runObserversBench } from "./observers.ts"
import { runOutboxBench } from "./outbox.ts"
import { runHotlineBench } from "./hotline.ts"
import { runHardeningBench, runHeaderFirstBench } from "./hardening.ts"
import { runReportsBench } from "./reports.ts"
import { runPgliteOpenBench } from "./pglite-open.ts"
import { ms } from "./support.ts"
import { runWaitBench } from "./wait.ts"

const SECTIONS: { name: string; title: string; run: () => Promise<void> }[] = [
  { name: "bot", title: "bot: updates per second against the fake Bot API", run: runBotBench },
  { name: "import", title: "import: parse + validate + store the 2021 RU-4 regional export", run: runImportBench },
  { name: "analysis", title: "analysis: a whole region (four 2021 procedures)", run: runAnalysisBench },
  { name: "reports", title: "reports: the municipal XLSX and overview chart for a whole region (2021 RU-4)", run: runReportsBench },
  { name: "growth", title: "growth: import, analysis and the municipal XLSX at 1×, 4× and 16× a region", run: () => runGrowthBench() },
  { name: "wait", title: "wait: a coordinator's regional export → overview, chart and XLSX in the chat, next to the bare read", run: runWaitBench },
  { name: "pglite", title: "pglite: opening the embedded database as the CLI does (new directory, reopen)", run: runPgliteOpenBench },
  { name: "cold-start", title: "cold-start: the bot as its own process (kill -9 tests), tsx vs the bundle", run: runColdStartBench },
  { name: "outbox", title: "outbox: enqueue and dispatch", run: runOutboxBench },
  { name: "deadlines", title: "deadlines: schedule and reminder planners at a region's size", run: runDeadlinesBench },
  { name: "hotline", title: "hotline: tickets, FAQ search, an announcement to 20,000 parents", run: runHotlineBench },
  { name: "detection", title: "detection: recall and false alarms on generated regions", run: runDetectionBench },
  { name: "hardening", title: "hardening: crafted zip bombs refused, the largest accepted file, parses at once", run: runHardeningBench },
  { name: "header-first", title: "header-first: the largest file refused for no procedure / no spec, body read whole vs decided from the header", run: runHeaderFirstBench },
  { name: "observers", title: "observers: assignment for a region (2,000 applicants, 600 schools × 4 procedures × 2 days)", run: runObserversBench },
]

const filter = process.argv[2]?.toLowerCase()
const chosen = SECTIONS.filter((section) => !filter || section.name.includes(filter))
if (chosen.length === 0) {
  console.error(`no bench matches "${filter}"; sections: ${SECTIONS.map((section) => section.name).join(", ")}`)
  process.exitCode = 2
}

const started = performance.now()
let failures = 0
for (const section of chosen) {
  console.log(`\n=== ${section.title} ===`)
  const sectionStarted = performance.now()
  try {
    await section.run()
  } catch (error) {
    failures++
    console.log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  }
  console.log(`--- ${section.name} took ${ms(performance.now() - sectionStarted)}`)
}
console.log(`\n${chosen.length} section(s) in ${ms(performance.now() - started)}${failures > 0 ? `, ${failures} failed` : ""}`)
if (failures > 0) process.exitCode = 1
