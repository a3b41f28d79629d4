/**
 * Updates per second the whole app handles (grammY on the runner, PGlite in memory, every middleware) against the
 * fake Bot API over HTTP: 5,000 commands from 500 users are queued at once, and the clock runs until the bot has
 * sent 5,000 replies. The per-user rate limit (30 updates a minute by default) is lifted, else it would drop them.
 *
 *   npx tsx bench/bot.ts
 */
import { pathToFileURL } from "node:url"
import { startE2E, type E2E } from "../test/support/e2e.ts"
import type { FakeUser } from "../test/support/fake-telegram/index.ts"
import { ms, row } from "./support.ts"

const USERS = 500
const UPDATES = 5000
const FIRST_USER_ID = 700_000

export async function runBotBench(): Promise<void> {
  const e2e = await startE2E({ env: { RATE_LIMIT_PER_MINUTE: "100000" } })
  try {
    console.log(`RATE_LIMIT_PER_MINUTE=100000 (default 30 would drop most of the burst); ${USERS} users, PGlite in memory`)
    const users = Array.from({ length: USERS }, (_, i) => e2e.fake.user({ id: FIRST_USER_ID + i, firstName: `Ученик ${i}` }))
    row("run", "updates", "wall", "updates/s", "ms/update")
    // Each user's first update creates their User row: measured apart so the runs below see known users.
    await measure(e2e, users, "/help", USERS, "first contact: /help once per user")
    await measure(e2e, users, "/help", UPDATES, "/help (plain text reply)")
    await measure(e2e, users, "/start", UPDATES, "/start (welcome + menu keyboard)")
  } finally {
    await e2e.stop()
  }
}

async function measure(e2e: E2E, users: FakeUser[], command: string, count: number, label: string): Promise<void> {
  const replies = replyCounter(e2e)
  const target = replies.count() + count
  const started = performance.now()
  for (let i = 0; i < count; i++) await users[i % users.length]!.sendText(command)
  await e2e.fake.waitUntil(() => replies.count() >= target, { timeoutMs: 180_000, description: `${count} replies to ${command}` })
  const wall = performance.now() - started
  row(label, String(count), ms(wall), (count / (wall / 1000)).toFixed(0), (wall / count).toFixed(2))
  const failed = replies.failed()
  if (failed > 0) console.log(`  ${failed} sendMessage calls failed`)
}

/**
 * Counts sendMessage calls incrementally: `fake.callsTo()` filters every call so far, and the wait re-checks after
 * each API call — quadratic over a 10,000-call run, which would show up in the figure.
 */
function replyCounter(e2e: E2E) {
  let seen = 0
  let sent = 0
  const calls = e2e.fake.calls
  return {
    count(): number {
      for (; seen < calls.length; seen++) if (calls[seen]!.method.toLowerCase() === "sendmessage") sent++
      return sent
    },
    failed(): number {
      return calls.filter((call) => call.method.toLowerCase() === "sendmessage" && call.outcome?.ok === false).length
    },
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runBotBench()
