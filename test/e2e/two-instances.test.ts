import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { startApp, type RunningApp } from "../../src/app.ts"
import { loadConfig, type Config } from "../../src/config.ts"
import { silentLogger } from "../../src/logger.ts"
import type { Job } from "../../src/services/scheduling/jobs.ts"
import { availableDatabases, createSharedTestDatabase } from "../support/db.ts"
import { FakeTelegram } from "../support/fake-telegram/index.ts"
import { ShiftedClock } from "../support/services.ts"

const SECRET = "two-instances-secret-0123456789"

/**
 * Two bot instances on one database behind one webhook URL, as docs/deployment.md sets them up: an update may
 * reach either, the outbox sends every message once, and a scheduled job runs once however often both look.
 */
describe.each(availableDatabases())("two instances on one %s database", (kind) => {
  let fake: FakeTelegram
  let shared: Awaited<ReturnType<typeof createSharedTestDatabase>>
  const apps: RunningApp[] = []
  // Real time from 15 March 2027, 03:00 UTC: a frozen clock would make the outbox pacer wait for ever-later sends.
  const clock = new ShiftedClock(Date.parse("2027-03-15T03:00:00Z") - Date.now())
  const jobRuns: string[] = []
  let releaseJob: () => void = () => {}

  beforeAll(async () => {
    fake = await FakeTelegram.start({ token: "123456:TEST-token-for-two-instances-test" })
    shared = await createSharedTestDatabase(kind, 2)
    const config: Config = {
      ...loadConfig({
        BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://bot.example.org/telegram",
        WEBHOOK_SECRET: SECRET,
        DEFAULT_TIME_ZONE: "Asia/Barnaul",
      }),
      WEBHOOK_PORT: 0, // each instance its own free port
    }
    for (const [index, database] of shared.handles.entries()) {
      // The job holds its lease until released, so both instances look for it many times while it runs.
      const job: Job = {
        name: "two-instances.report",
        everyMs: 24 * 3600_000,
        run: async () => {
          jobRuns.push(`instance ${index}`)
          await new Promise<void>((resolve) => (releaseJob = resolve))
        },
      }
      apps.push(await startApp(config, silentLogger, clock, { database, botInfo: fake.botInfo, schedulerTickMs: 10, extraJobs: [job] }))
    }
  }, 120_000)

  afterAll(async () => {
    releaseJob()
    for (const app of apps) await app.stop()
    await shared?.close()
    await fake?.stop()
  })

  const post = (app: RunningApp, update: unknown) =>
    fetch(`http://127.0.0.1:${app.port}/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify(update),
    })

  it("answers updates whichever instance receives them, and reports both ready", async () => {
    for (const app of apps) {
      expect(await (await fetch(`http://127.0.0.1:${app.port}/healthz`)).json()).toEqual({ status: "ok" })
      expect((await fetch(`http://127.0.0.1:${app.port}/readyz`)).status).toBe(200)
    }
    const users = [1, 2, 3, 4].map((n) => fake.user({ id: 7100 + n, firstName: `Пользователь ${n}` }))
    for (const [index, user] of users.entries()) {
      await user.sendText("/help")
      const update = fake.pendingUpdates().at(-1)!
      expect((await post(apps[index % 2]!, update)).status).toBe(200)
    }
    for (const user of users) expect((await user.waitForMessages(1, { timeoutMs: 60_000 }))[0]!.text).toContain("Что я умею")
  })

  it("sends every outbox message exactly once with both dispatchers running", async () => {
    const users = Array.from({ length: 30 }, (_, n) => fake.user({ id: 7200 + n, firstName: `Получатель ${n}` }))
    for (const user of users) await user.sendText("привет") // a user who wrote first may be written to
    await apps[0]!.services.outbox.enqueueMany(
      users.map((user, n) => ({ chatId: user.id, text: `Напоминание ${n}`, dedupeKey: `two-instances:${n}` })),
    )
    const delivered = () => fake.callsTo("sendMessage").filter((call) => String(call.params.text).startsWith("Напоминание") && call.outcome?.ok)
    await fake.waitUntil(() => delivered().length >= users.length, { timeoutMs: 120_000, description: "30 reminders" })
    await Promise.all(apps.map((app) => app.scheduler.dispatcher.stop())) // finish the current batches, then count
    const texts = delivered().map((call) => String(call.params.text))
    expect(texts).toHaveLength(users.length)
    expect(new Set(texts).size).toBe(users.length)
    for (const app of apps) app.scheduler.dispatcher.start()
  })

  it("runs a scheduled job in one instance while both keep looking for due jobs", { timeout: 240_000 }, async () => {
    await vi.waitFor(() => expect(jobRuns).toHaveLength(1), { timeout: 60_000, interval: 20 })
    // The instance running the job waits for it; the other keeps looking and finds it held.
    const ticks = () => apps.reduce((sum, app) => sum + app.scheduler.ticks(), 0)
    const before = ticks()
    await vi.waitFor(() => expect(ticks()).toBeGreaterThan(before + 5), { timeout: 60_000, interval: 20 })
    expect(jobRuns).toHaveLength(1)
    releaseJob()
    const after = apps.map((app) => app.scheduler.ticks())
    await vi.waitFor(() => apps.forEach((app, i) => expect(app.scheduler.ticks()).toBeGreaterThan(after[i]! + 3)), { timeout: 60_000, interval: 20 })
    expect(jobRuns).toHaveLength(1) // not due again for a day of the test clock
  })

  it("drains on stop: an update in flight finishes, then the port closes", { timeout: 120_000 }, async () => {
    const [draining] = apps
    const user = fake.user({ id: 7300, firstName: "Последний" })
    await user.sendText("/help")
    // The reply meets a 429: auto-retry waits 3 s, so the update is still in flight when the instance stops.
    fake.failNext("sendMessage", { code: 429, retryAfter: 3, chatId: user.id })
    const answered = post(draining!, fake.pendingUpdates().at(-1)!)
    await vi.waitFor(() => expect(draining!.updatesInFlight()).toBe(1), { timeout: 60_000, interval: 5 })
    const stopping = draining!.stop()
    expect((await answered).status).toBe(200)
    await stopping
    expect((await user.waitForMessages(1, { timeoutMs: 60_000 }))[0]!.text).toContain("Что я умею")
    await expect(fetch(`http://127.0.0.1:${draining!.port}/readyz`)).rejects.toThrow() // closed: the proxy sends to the other
    apps.shift()
  })
})
