import type { Config } from "../config.ts"
import { openDatabase, type Database } from "../db/client.ts"
import { DatabaseLockedError } from "../db/lock.ts"
import type { Logger } from "../logger.ts"
import { startApp, type RunningApp } from "../app.ts"
import { systemClock, type Clock } from "../services/deps.ts"
import { DEMO_FILES, seedDemo } from "./demo/index.ts"
import { PERSONAS, personaUser } from "./personas.ts"
import { FakeTelegram } from "./telegram/index.ts"
import { startWebChat, type WebChat } from "./web-chat/server.ts"

export interface Sandbox {
  /** The web chat's address, e.g. http://127.0.0.1:8300/ */
  url: string
  telegram: FakeTelegram
  app: RunningApp
  stop(): Promise<void>
}

export interface SandboxOptions {
  signal?: AbortSignal
  /** An open database instead of SANDBOX_DATABASE_URL (tests). */
  database?: Database
  clock?: Clock
}

const SANDBOX_TOKEN = "700000:SANDBOX-local-bot-api-emulator-token"

/**
 * `npm start` without BOT_TOKEN: the real bot against the built-in Bot API emulator, on its own embedded
 * database with demo data, and a web chat on 127.0.0.1 to talk to it as any of the demo personas.
 */
export async function startSandbox(config: Config, logger: Logger, options: SandboxOptions = {}): Promise<Sandbox> {
  const telegram = await FakeTelegram.start({
    token: SANDBOX_TOKEN,
    botUsername: "objektiv_sandbox_bot",
    botName: "Объектив (песочница)",
    // Telegram shows a bare & or > literally; the sandbox does the same instead of refusing the message.
    strictHtmlEscaping: false,
  })
  let app: RunningApp | undefined
  let chat: WebChat | undefined
  try {
    const admin = PERSONAS.find((persona) => persona.role === "admin")!
    const sandboxConfig: Config = {
      ...config,
      BOT_TOKEN: telegram.token,
      BOT_MODE: "polling",
      TELEGRAM_API_ROOT: telegram.apiRoot,
      ADMIN_IDS: [...config.ADMIN_IDS, BigInt(admin.telegramId)],
    }
    // Every persona is known to the emulator before the bot starts, so what the seeding sends them waits in their chat.
    for (const persona of PERSONAS) telegram.user(personaUser(persona))
    const database = options.database ?? (await openSandboxDatabase(config.SANDBOX_DATABASE_URL))
    app = await startApp(sandboxConfig, logger, options.clock ?? systemClock, { database, signal: options.signal })
    // The sandbox seeds as its own composition root: the same database, clock and logger the app's services use.
    await seedDemo({ prisma: database.prisma, clock: options.clock ?? systemClock, logger }, app.services, admin.telegramId)
    chat = await startWebChat({ telegram, files: DEMO_FILES, logger, port: config.SANDBOX_PORT, botName: `@${telegram.botInfo.username}` })
    logger.info({ url: chat.url }, `sandbox ready: open ${chat.url} in a browser (no Telegram token needed)`)
  } catch (error) {
    await app?.stop().catch(() => {})
    await telegram.stop()
    throw error
  }
  const running = app
  const web = chat
  return {
    url: web.url,
    telegram,
    app: running,
    async stop() {
      await web.stop()
      await running.stop()
      await telegram.stop()
    },
  }
}

/** The sandbox's data is only demo data: a damaged directory is named so it can simply be deleted. */
async function openSandboxDatabase(url: string): Promise<Database> {
  try {
    return await openDatabase(url)
  } catch (error) {
    if (error instanceof DatabaseLockedError) throw error
    const dir = new URL(url).searchParams.get("dir")
    const detail = error instanceof Error ? error.message : String(error)
    throw new Error(
      dir
        ? `The sandbox database in ${dir} could not be opened (${detail}). It holds demo data only: delete the folder and start again.`
        : `The sandbox database could not be opened: ${detail}`,
    )
  }
}
