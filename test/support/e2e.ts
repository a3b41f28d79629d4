import { startApp, type RunningApp } from "../../src/app.ts"
import { loadConfig } from "../../src/config.ts"
import type { Database } from "../../src/db/client.ts"
import { silentLogger } from "../../src/logger.ts"
import { createTestDatabase } from "./db.ts"
import { FakeTelegram } from "./fake-telegram/index.ts"
import { TestClock } from "./services.ts"

export const ADMIN_ID = 900_001

/**
 * The whole application (database, services, real grammY bot on the runner, outbox dispatcher) started
 * exactly as main.ts starts it, against the local fake Bot API server and an in-memory PGlite (a test database:
 * emptied and reused by the next file once the app stops and closes it).
 */
export async function startE2E(options: { env?: Record<string, string>; database?: Database } = {}) {
  // A wait only lasts this long when the bot never answers: generous, so a busy machine never fails a test.
  const fake = await FakeTelegram.start({ botUsername: "objektiv_test_bot", token: "123456:TEST-token-for-the-fake-bot-api", waitTimeoutMs: 30_000 })
  const clock = new TestClock(new Date())
  const config = loadConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_URL: "postgresql://pglite/",
    ADMIN_IDS: String(ADMIN_ID),
    DEFAULT_TIME_ZONE: "Asia/Barnaul",
    ...options.env,
  })
  let app: RunningApp
  try {
    const database = options.database ?? (options.env?.["DATABASE_URL"] ? undefined : await createTestDatabase("pglite"))
    app = await startApp(config, silentLogger, clock, database ? { database } : {})
  } catch (error) {
    await fake.stop()
    throw error
  }
  return {
    fake,
    clock,
    app,
    prisma: app.database.prisma,
    async stop() {
      await app.stop()
      await fake.stop()
    },
  }
}

export type E2E = Awaited<ReturnType<typeof startE2E>>
