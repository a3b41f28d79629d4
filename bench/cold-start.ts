/**
 * A cold start of the bot as its own process (the kill -9 tests start it five times): the TypeScript source through
 * tsx, as those tests did, next to the bundle they start now (test/support/fault/bundle.ts). From spawn to "ready"
 * (polling) on an existing, migrated PGlite directory; CPU is the child's own, so a busy machine shows in wall time only.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { openDatabase } from "../src/db/client.ts"
import { FakeTelegram } from "../test/support/fake-telegram/index.ts"
import { bundleBotProcess } from "../test/support/fault/bundle.ts"
import { cpuSeconds, killHard, spawnBot, type BotCommand } from "../test/support/fault/spawn.ts"
import { ms, row, timed } from "./support.ts"

const TOKEN = "123456:TEST-token-for-the-cold-start-bench"
const RUNS = 3

export async function runColdStartBench(): Promise<void> {
  const fake = await FakeTelegram.start({ token: TOKEN })
  const dir = mkdtempSync(path.join(tmpdir(), "objektiv-cold-"))
  const env = { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: `postgresql://pglite/?dir=${dir}` }
  try {
    await (await openDatabase(env.DATABASE_URL)).close()
    const built = await timed(() => bundleBotProcess())
    row("bundle built (once per test file)", ms(built.ms))
    row("start", ...Array.from({ length: RUNS }, (_, n) => `run ${n + 1}: wall / CPU`))
    const commands: [string, BotCommand][] = [
      ["node --import tsx bot-process.ts (before)", "tsx"],
      ["node bot-process.mjs, the bundle (now)", { bundle: built.value }],
    ]
    for (const [label, command] of commands) {
      const cells: string[] = []
      for (let run = 0; run < RUNS; run++) {
        const { value: child, ms: wall } = await timed(() => spawnBot(command, env))
        const cpu = cpuSeconds(child)
        await killHard(child)
        cells.push(`${ms(wall)} / ${cpu === undefined ? "?" : ms(cpu * 1000)}`)
      }
      row(label, ...cells)
    }
  } finally {
    await fake.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
