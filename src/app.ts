import { createServer, type Server } from "node:http"
import { run, type RunnerHandle } from "@grammyjs/runner"
import { webhookCallback } from "grammy"
import type { Config } from "./config.ts"
import { openDatabase, type Database } from "./db/client.ts"
import type { Logger } from "./logger.ts"
import { createBot } from "./bot/index.ts"
import { publishCommands } from "./bot/commands.ts"
import { systemClock, type Clock } from "./services/deps.ts"
import { createServices } from "./services/index.ts"
import { startScheduler } from "./scheduler.ts"

export interface RunningApp {
  database: Database
  stop(): Promise<void>
}

/**
 * Start-up in order: database (migrated) → services → bot (polling | webhook) → scheduler (outbox).
 * stop() finishes in-flight updates before closing the database.
 */
export async function startApp(config: Config, logger: Logger, clock: Clock = systemClock): Promise<RunningApp> {
  const database = await openDatabase(config.DATABASE_URL)
  logger.info({ database: database.kind }, "database ready")
  const deps = { prisma: database.prisma, clock, logger }
  const services = createServices(
    deps,
    { adminIds: config.ADMIN_IDS, inviteTtlHours: config.INVITE_TTL_HOURS, defaultTimeZone: config.DEFAULT_TIME_ZONE },
  )
  const bot = createBot(services, {
    token: config.BOT_TOKEN,
    logger,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    botConfig: config.TELEGRAM_API_ROOT ? { client: { apiRoot: config.TELEGRAM_API_ROOT } } : undefined,
  })
  await bot.init()
  await publishCommands(bot.api)

  const scheduler = startScheduler(deps, bot.api, services.jobs)
  let runner: RunnerHandle | undefined
  let server: Server | undefined
  if (config.BOT_MODE === "polling") {
    await bot.api.deleteWebhook()
    runner = run(bot, { runner: { fetch: { timeout: 30 } } })
    logger.info({ bot: bot.botInfo.username }, "long polling started")
  } else {
    const handle = webhookCallback(bot, "http", { secretToken: config.WEBHOOK_SECRET })
    server = createServer((req, res) => {
      if (req.method !== "POST") return void res.writeHead(405).end()
      handle(req, res).catch((error) => logger.error({ err: error }, "webhook request failed"))
    })
    await new Promise<void>((resolve) => server!.listen(config.WEBHOOK_PORT, resolve))
    await bot.api.setWebhook(config.WEBHOOK_URL!, { secret_token: config.WEBHOOK_SECRET })
    logger.info({ port: config.WEBHOOK_PORT }, "webhook server started")
  }

  return {
    database,
    async stop() {
      if (runner?.isRunning()) await runner.stop()
      // The runner's concurrent sink does not wait for the updates it is handling: wait for them (at most 30 s),
      // or a conversation's state write after its last reply meets a closed database.
      for (let waited = 0; runner && runner.size() > 0 && waited < 30_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20))
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()))
      await scheduler.stop()
      await database.close()
      logger.info("stopped")
    },
  }
}
