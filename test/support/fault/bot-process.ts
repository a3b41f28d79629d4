/**
 * The bot as a real process for the kill -9 tests: `node --import tsx test/support/fault/bot-process.ts` with
 * BOT_TOKEN, TELEGRAM_API_ROOT, DATABASE_URL (and the rest) in the environment. Prints "ready" once it polls.
 */
import { startApp } from "../../../src/app.ts"
import { loadConfig } from "../../../src/config.ts"
import { createLogger } from "../../../src/logger.ts"

const config = loadConfig(process.env)
const app = await startApp(config, createLogger("warn"), undefined, { connect: { attempts: 3 } })
process.stdout.write("ready\n")
process.once("SIGTERM", () => void app.stop().then(() => process.exit(0)))
