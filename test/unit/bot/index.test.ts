import { Writable } from "node:stream"
import type { UserFromGetMe } from "grammy/types"
import pino from "pino"
import { describe, expect, it } from "vitest"
import { createBot } from "../../../src/bot/index.ts"
import type { Services } from "../../../src/services/index.ts"

const BOT_INFO = { id: 1, is_bot: true, first_name: "Объектив", username: "objektiv_test_bot" } as UserFromGetMe

/** Services that fail at the first thing every update needs: who is writing. */
const failing = {
  access: {
    resolveActor: async () => {
      throw new Error("database unavailable")
    },
  },
  storage: { keyValue: () => ({ read: async () => undefined, write: async () => {}, delete: async () => {} }) },
  hotline: { connect: () => {} },
} as unknown as Services

describe("the bot's wiring", () => {
  it("logs a failure before any feature with the update's own logger, and apologises from the locales", async () => {
    const lines: Record<string, unknown>[] = []
    const logger = pino({ level: "info" }, new Writable({ write: (chunk, _encoding, done) => done(void lines.push(JSON.parse(String(chunk)))) }))
    const bot = createBot(failing, { token: "1:test", logger, rateLimitPerMinute: 30, botConfig: { botInfo: BOT_INFO } })
    const sent: { method: string; payload: Record<string, unknown> }[] = []
    bot.api.config.use(async (_previous, method, payload) => {
      sent.push({ method, payload: payload as Record<string, unknown> })
      return { ok: true, result: true } as never
    })
    const from = { id: 7001, is_bot: false, first_name: "Пётр" }
    // As the runner does: an update that fails outside the features' error boundary goes to bot.catch.
    await bot.handleUpdate({ update_id: 42, message: { message_id: 1, date: 0, chat: { id: 7001, type: "private", first_name: "Пётр" }, from, text: "/start" } }).catch(bot.errorHandler)

    const failure = lines.find((line) => line.msg === "update failed")
    expect(failure).toMatchObject({ update: 42, user: 7001, err: { message: "database unavailable" } })
    expect(sent).toEqual([{ method: "sendMessage", payload: expect.objectContaining({ chat_id: 7001, text: "Извините, что-то пошло не так. Мы уже разбираемся; попробуйте ещё раз чуть позже." }) }])
  })
})
