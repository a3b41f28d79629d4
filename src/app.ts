import { run, type RunnerHandle } from "@grammyjs/runner"
import type { UserFromGetMe } from "grammy/types"
import type { Config } from "./config.ts"
import { openDatabase, type Database } from "./db/client.ts"
import type { Logger } from "./logger.ts"
import { createBot } from "./bot/index.ts"
import { publishCommands } from "./bot/commands.ts"
import { systemClock, type Clock } from "./services/deps.ts"
import { createServices, type Services } from "./services/index.ts"
import { startScheduler, type Scheduler } from "./scheduler.ts"
import type { Job } from "./services/scheduling/jobs.ts"
import { connectToTelegram, type ConnectOptions } from "./telegram-startup.ts"
import { startHttpServer, type HttpServer } from "./http-server.ts"
import { parseQueue } from "./services/workbooks/parse-queue.ts"
import { STALE_READING_MS } from "./services/uploads/interrupted.ts"
import { loadChartLibrary } from "./services/reports/chart-render.ts"

export interface RunningApp {
  database: Database
  services: Services
  scheduler: Scheduler
  /** Webhook mode: the port the HTTP server listens on. */
  port: number | undefined
  /** Webhook mode: updates being handled now. */
  updatesInFlight(): number
  /** Drains: stops taking updates, finishes the ones in flight and the current outbox batch, closes the database. */
  stop(): Promise<void>
}

export interface StartOptions {
  /** An open database to use instead of opening DATABASE_URL (the sandbox, tests). Closed by stop() all the same. */
  database?: Database
  /** Aborts start-up (Ctrl-C while Telegram is unreachable). */
  signal?: AbortSignal
  /** How long start-up keeps trying to reach Telegram. */
  connect?: ConnectOptions
  /** Skip getMe (tests of several instances). */
  botInfo?: UserFromGetMe
  /** How often the scheduler looks for due jobs (default 30 s). */
  schedulerTickMs?: number
  /** Jobs run besides the services' own (tests of several instances). */
  extraJobs?: readonly Job[]
  /** Seconds auto-retry may wait on a 429 before giving the error to the handler. */
  maxRetryDelaySeconds?: number
}

/**
 * Start-up in order: database (migrated) → services → Telegram (getMe, retried with a log line per attempt) →
 * bot (polling | webhook with health and readiness) → scheduler (outbox, jobs).
 */
export async function startApp(
  config: Config,
  logger: Logger,
  clock: Clock = systemClock,
  options: StartOptions = {},
): Promise<RunningApp> {
  if (!config.BOT_TOKEN) throw new Error("startApp needs BOT_TOKEN; without one main.ts starts the sandbox")
  parseQueue.setLimit(config.MAX_PARALLEL_PARSES)
  const database = options.database ?? (await openDatabase(config.DATABASE_URL))
  logger.info({ database: database.kind }, "database ready")
  try {
    return await startOnDatabase(config, logger, clock, options, database, config.BOT_TOKEN)
  } catch (error) {
    await database.close().catch(() => {})
    throw error
  }
}

async function startOnDatabase(
  config: Config,
  logger: Logger,
  clock: Clock,
  options: StartOptions,
  database: Database,
  token: string,
): Promise<RunningApp> {
  const deps = { prisma: database.prisma, clock, logger }
  const services = createServices(
    deps,
    { adminIds: config.ADMIN_IDS, inviteTtlHours: config.INVITE_TTL_HOURS, defaultTimeZone: config.DEFAULT_TIME_ZONE },
  )
  // An embedded database has this process alone (its lock file): every upload still being read was cut by a crash.
  // A server may be shared by live instances: only parses overdue there (the job finds later ones).
  const startedBefore = database.kind === "pglite" ? undefined : new Date(clock.now().getTime() - STALE_READING_MS)
  const interrupted = await services.uploads.markInterrupted(startedBefore)
  if (interrupted > 0) logger.info({ uploads: interrupted }, "uploads cut by a crash marked interrupted; their senders will be told")
  const botInfo =
    options.botInfo ??
    (await connectToTelegram(token, config.TELEGRAM_API_ROOT, logger, { ...options.connect, signal: options.signal }))
  logger.info({ bot: botInfo.username }, "connected to Telegram")
  const bot = createBot(services, {
    token,
    logger,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    maxRetryDelaySeconds: options.maxRetryDelaySeconds,
    botConfig: { botInfo, ...(config.TELEGRAM_API_ROOT ? { client: { apiRoot: config.TELEGRAM_API_ROOT } } : {}) },
  })
  await bot.init()
  await publishCommands(bot.api)
  // Charts are drawn by the bot on every overview; ECharts is loaded lazily for the command line, eagerly here.
  loadChartLibrary()

  const scheduler = startScheduler(deps, bot.api, [...services.jobs, ...(options.extraJobs ?? [])], { tickMs: options.schedulerTickMs })
  let runner: RunnerHandle | undefined
  let server: HttpServer | undefined
  if (config.BOT_MODE === "polling") {
    await bot.api.deleteWebhook()
    runner = run(bot, { runner: { fetch: { timeout: 30 } } })
    logger.info({ bot: bot.botInfo.username }, "long polling started")
  } else {
    server = await startHttpServer({
      port: config.WEBHOOK_PORT,
      secretToken: config.WEBHOOK_SECRET!,
      handleUpdate: (update) => bot.handleUpdate(update),
      ready: async () => {
        await database.prisma.$queryRaw`SELECT 1`
      },
      logger,
    })
    await bot.api.setWebhook(config.WEBHOOK_URL!, { secret_token: config.WEBHOOK_SECRET })
    logger.info({ port: server.port, url: config.WEBHOOK_URL }, "webhook server started")
  }

  let stopping: Promise<void> | undefined
  return {
    database,
    services,
    scheduler,
    port: server?.port,
    updatesInFlight: () => server?.inFlight() ?? 0,
    stop() {
      stopping ??= (async () => {
        if (runner?.isRunning()) await runner.stop()
        // The runner's concurrent sink does not wait for the updates it is handling: wait for them (at most 30 s),
        // or a conversation's state write after its last reply meets a closed database.
        for (let waited = 0; runner && runner.size() > 0 && waited < 30_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20))
        if (server) await server.drain()
        await scheduler.stop()
        await database.close()
        logger.info("stopped")
      })()
      return stopping
    },
  }
}
