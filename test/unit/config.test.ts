import { describe, expect, it } from "vitest"
import { loadConfig } from "../../src/config.ts"

const TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ"

describe("loadConfig", () => {
  it("applies the defaults: polling, embedded PGlite, Moscow time", () => {
    const config = loadConfig({ BOT_TOKEN: TOKEN })
    expect(config.BOT_MODE).toBe("polling")
    expect(config.DATABASE_URL).toBe("postgresql://pglite/?dir=./data/pglite")
    expect(config.DEFAULT_TIME_ZONE).toBe("Europe/Moscow")
    expect(config.ADMIN_IDS).toEqual([])
  })

  it("needs no token: without one npm start opens the sandbox", () => {
    const config = loadConfig({})
    expect(config.BOT_TOKEN).toBeUndefined()
    expect(config.SANDBOX_DATABASE_URL).toBe("postgresql://pglite/?dir=./data/sandbox")
  })

  it("parses admin ids as bigints", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, ADMIN_IDS: "1, 9007199254740993" }).ADMIN_IDS).toEqual([1n, 9007199254740993n])
  })

  it.each([
    [{ BOT_MODE: "webhook" }, /^Configuration error: BOT_TOKEN is not set/],
    [{ BOT_TOKEN: "nonsense" }, /^Configuration error: BOT_TOKEN expected the token/],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook" }, "Configuration error: WEBHOOK_URL required when BOT_MODE=webhook"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/hook" }, "Configuration error: WEBHOOK_SECRET required when BOT_MODE=webhook"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "smoke-signals" }, /^Configuration error: BOT_MODE /],
    [{ BOT_TOKEN: TOKEN, DATABASE_URL: "mysql://x" }, /^Configuration error: DATABASE_URL expected postgresql/],
    [{ BOT_TOKEN: TOKEN, ADMIN_IDS: "12,abc" }, /^Configuration error: ADMIN_IDS /],
    [{ BOT_TOKEN: TOKEN, DEFAULT_TIME_ZONE: "Mars/Base" }, /^Configuration error: DEFAULT_TIME_ZONE /],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_PORT: "99999" }, /^Configuration error: WEBHOOK_PORT /],
  ])("stops with one line naming the variable: %o", (env, message) => {
    expect(() => loadConfig(env as Record<string, string>)).toThrow(message)
  })
})
