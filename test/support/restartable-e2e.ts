import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { Api } from "grammy"
import { startApp, type RunningApp } from "../../src/app.ts"
import { hotlineButtons } from "../../src/bot/hotline/buttons.ts"
import { telegramStaffChannel } from "../../src/bot/hotline/channel.ts"
import { loadConfig } from "../../src/config.ts"
import { createLogger, silentLogger } from "../../src/logger.ts"
import { createServices } from "../../src/services/index.ts"
import { createJobRunner } from "../../src/services/scheduling/jobs.ts"
import { ADMIN_ID } from "./e2e.ts"
import { FakeTelegram } from "./fake-telegram/index.ts"
import { TestClock } from "./services.ts"

/**
 * The whole application against the fake Bot API, like `startE2E`, but on a PGlite directory so that it can be
 * stopped and started again on the same database while the fake Telegram (its chats, topics, pending updates)
 * lives on — a restart in the middle of a dialog, a relay or a broadcast.
 */
export async function startRestartableE2E(options: { clock?: Date } = {}) {
  const fake = await FakeTelegram.start({ botUsername: "objektiv_test_bot", token: "123456:TEST-token-for-the-fake-bot-api", waitTimeoutMs: 30_000 })
  const clock = new TestClock(options.clock ?? new Date())
  const dir = mkdtempSync(path.join(tmpdir(), "objektiv-e2e-"))
  const config = loadConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_URL: `postgresql://pglite/?dir=${dir}`,
    ADMIN_IDS: String(ADMIN_ID),
    DEFAULT_TIME_ZONE: "Asia/Barnaul",
  })
  // E2E_LOG=debug (or info, error) shows the app's log while a test is being written.
  const logger = process.env.E2E_LOG ? createLogger(process.env.E2E_LOG) : silentLogger
  // The test runs the jobs itself (runJobs) when it has moved the clock. The app's own scheduler runs them once at
  // start and then not again: its 30 s real-time tick could otherwise take a job just before the test's runJobs and
  // leave it not due there (seen under load: a topic never re-created).
  const start = () => startApp(config, logger, clock, { schedulerTickMs: 24 * 3_600_000 })
  let app: RunningApp = await start()

  /**
   * Every job runs now, as the scheduler would run it when its time comes: the test moves the clock and says when.
   * The spacing between runs is reset first — how far the clock got while it flowed depends on the machine's speed
   * (under load a 10-second job was once not due yet, and a deleted topic was never re-created).
   */
  async function runJobs() {
    await app.database.prisma.jobLease.updateMany({ where: { leaseUntil: null }, data: { lastRunAt: null } })
    const deps = { prisma: app.database.prisma, clock, logger: silentLogger }
    const services = createServices(deps, { adminIds: [BigInt(ADMIN_ID)], inviteTtlHours: 72, defaultTimeZone: "Asia/Barnaul" })
    services.hotline.connect({ channel: telegramStaffChannel(new Api(fake.token, { apiRoot: fake.apiRoot })), buttons: hotlineButtons })
    return createJobRunner(deps, services.jobs, { owner: "test-jobs" }).runDue()
  }

  /**
   * Waits for `work` while the test clock moves on 3 s every 100 ms: the outbox paces group messages 3 s apart
   * (20 a minute) by this clock. Nothing is asserted about time; it only lets paced messages fall due.
   */
  async function flowing<T>(work: Promise<T>): Promise<T> {
    const timer = setInterval(() => clock.advance(3000), 100)
    try {
      return await work
    } finally {
      clearInterval(timer)
    }
  }

  /**
   * Polls a database condition (what the dispatcher has recorded) with the clock flowing, instead of waiting a fixed
   * while for it to happen: e.g. the outbox drained, or a failed send marked. Throws if it does not hold in `timeoutMs`.
   * `realTime`: the clock follows real time instead (`ticking`), where the test then looks at the sends' pace.
   */
  async function recorded(
    check: (prisma: RunningApp["database"]["prisma"]) => Promise<boolean>,
    what: string,
    options: { timeoutMs?: number; realTime?: boolean } = {},
  ): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 60_000
    const deadline = Date.now() + timeoutMs
    const polled = (async () => {
      while (!(await check(app.database.prisma))) {
        if (Date.now() > deadline) throw new Error(`not recorded in ${timeoutMs} ms: ${what}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    })()
    await (options.realTime ? ticking(polled) : flowing(polled))
  }

  /** Waits for `work` while the test clock follows real time (as in production: paced rows fall due as time passes). */
  async function ticking<T>(work: Promise<T>): Promise<T> {
    let last = Date.now()
    const timer = setInterval(() => {
      const now = Date.now()
      clock.advance(now - last)
      last = now
    }, 50)
    try {
      return await work
    } finally {
      clearInterval(timer)
    }
  }

  return {
    fake,
    clock,
    ticking,
    get prisma() {
      return app.database.prisma
    },
    runJobs,
    flowing,
    recorded,
    /** Stops the app (in-flight updates finish, the outbox stops after its tick) and starts it again on the same database. */
    async restart() {
      await app.stop()
      app = await start()
    },
    async stop() {
      await app.stop()
      await fake.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export type RestartableE2E = Awaited<ReturnType<typeof startRestartableE2E>>
