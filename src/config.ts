import { existsSync } from "node:fs"
import { z } from "zod"

/** Every setting the app reads, validated once. Nothing else reads process.env. */
const schema = z
  .object({
    /** Without it `npm start` opens the sandbox: a local Bot API emulator with a web chat and demo data. */
    BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, "expected the token BotFather gave, like 123456:ABC-…").optional(),
    BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
    WEBHOOK_URL: z.url().optional(),
    WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "16–256 characters of A–Z, a–z, 0–9, _ and -")
      .optional(),
    WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "expected postgresql://… (postgresql://pglite/?dir=./data/pglite for the embedded database)")
      .default("postgresql://pglite/?dir=./data/pglite"),
    ADMIN_IDS: z
      .string()
      .regex(/^\s*(\d+\s*(,\s*\d+\s*)*)?$/, "expected Telegram user ids separated by commas")
      .default("")
      .transform((text) => text.split(",").map((id) => id.trim()).filter(Boolean).map(BigInt)),
    DEFAULT_TIME_ZONE: z
      .string()
      .default("Europe/Moscow")
      .refine(isTimeZone, "expected an IANA time zone such as Europe/Moscow or Asia/Barnaul"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    TELEGRAM_API_ROOT: z.url().optional(),
    /** Updates per user per minute before the bot asks them to slow down. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    INVITE_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(72),
    /** Workbooks read at once; the others wait in line, told their place (the largest accepted file takes ~1.4 GB). */
    MAX_PARALLEL_PARSES: z.coerce.number().int().min(1).max(16).default(2),
    /** The sandbox's web chat (no BOT_TOKEN): port on 127.0.0.1 and its own embedded database. */
    SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(8300),
    SANDBOX_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "expected postgresql://…")
      .default("postgresql://pglite/?dir=./data/sandbox"),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== "webhook") return
    if (!env.BOT_TOKEN) ctx.addIssue({ code: "custom", path: ["BOT_TOKEN"], message: "is not set (the sandbox runs in polling mode only)" })
    if (!env.WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "required when BOT_MODE=webhook" })
    if (!env.WEBHOOK_SECRET) ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "required when BOT_MODE=webhook" })
  })

export type Config = z.output<typeof schema>

export class ConfigError extends Error {}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** Validates the environment; the first problem becomes one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = readEnvironment()): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""))
  const parsed = schema.safeParse(cleaned)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const variable = String(issue.path[0] ?? "environment")
  const detail = issue.code === "invalid_type" && cleaned[variable] === undefined ? "is not set" : issue.message
  throw new ConfigError(`Configuration error: ${variable} ${detail}`)
}

/** process.env, with a `.env` file in the working directory filling what is not set. */
export function readEnvironment(): Record<string, string | undefined> {
  if (existsSync(".env")) process.loadEnvFile(".env")
  return process.env
}

/** The database URL alone, for the command line (which needs no bot token). */
export function databaseUrl(env: Record<string, string | undefined> = readEnvironment()): string {
  const url = env.DATABASE_URL || "postgresql://pglite/?dir=./data/pglite"
  if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError("Configuration error: DATABASE_URL expected postgresql://…")
  return url
}

/** The one place tests and tools learn where a throwaway test database may live. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined
}
