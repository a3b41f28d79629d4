import { existsSync } from "node:fs"
import path from "node:path"
import { Api, GrammyError, HttpError } from "grammy"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createTelegramSender, toSendFailure } from "../../../src/bot/telegram-sender.ts"
import type { Database } from "../../../src/db/client.ts"
import { createDispatcher } from "../../../src/services/notifications/dispatcher.ts"
import { enqueueMany } from "../../../src/services/notifications/outbox.ts"
import { SendFailure } from "../../../src/services/notifications/sender.ts"
import { createTestDatabase } from "../../support/db.ts"
import { TestClock, depsFor, rowsByText } from "../services/notifications/helpers.ts"

const fakeTelegramDir = path.resolve(import.meta.dirname, "../../support/fake-telegram")

function telegramError(error_code: number, description: string, retry_after?: number): GrammyError {
  const parameters = retry_after === undefined ? {} : { retry_after }
  return new GrammyError(`Call to 'sendMessage' failed! (${error_code}: ${description})`, { ok: false, error_code, description, parameters }, "sendMessage", {})
}

describe("toSendFailure", () => {
  it("maps Telegram's answers to what the dispatcher does with them", () => {
    expect(toSendFailure(telegramError(429, "Too Many Requests: retry after 7", 7))).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 7 })
    expect(toSendFailure(telegramError(403, "Forbidden: bot was blocked by the user")).kind).toBe("blocked")
    expect(toSendFailure(telegramError(403, "Forbidden: user is deactivated")).kind).toBe("blocked")
    expect(toSendFailure(telegramError(400, "Bad Request: chat not found"))).toMatchObject({ kind: "bad_request", description: "400 Bad Request: chat not found" })
    expect(toSendFailure(telegramError(502, "Bad Gateway")).kind).toBe("transient")
    expect(toSendFailure(new HttpError("Network request for 'sendMessage' failed!", new Error("ECONNRESET"))).kind).toBe("transient")
    const own = new SendFailure("bad_request", "empty")
    expect(toSendFailure(own)).toBe(own)
  })
})

describe("createTelegramSender with grammY's Api", () => {
  it("sends text with an inline keyboard into a topic, and documents as multipart uploads", async () => {
    const calls: { method: string; payload: Record<string, unknown> }[] = []
    const api = new Api("123:fake")
    api.config.use(async (_prev, method, payload) => {
      calls.push({ method, payload: payload as Record<string, unknown> })
      return { ok: true, result: { message_id: 77 + calls.length } } as never
    })
    const sender = createTelegramSender(api)
    const first = await sender.send(-1001234567890n, {
      text: "<b>Сигнал</b>",
      parseMode: "HTML",
      threadId: 12,
      keyboard: [[{ text: "Открыть", callbackData: "a:1" }], [{ text: "ФИОКО", url: "https://fioco.ru" }]],
    })
    expect(first).toEqual({ messageId: 78 })
    expect(calls[0]).toEqual({
      method: "sendMessage",
      payload: {
        chat_id: -1001234567890,
        text: "<b>Сигнал</b>",
        parse_mode: "HTML",
        message_thread_id: 12,
        reply_markup: { inline_keyboard: [[{ text: "Открыть", callback_data: "a:1" }], [{ text: "ФИОКО", url: "https://fioco.ru" }]] },
      },
    })
    await sender.send(5n, { text: "Отчёт", document: { fileName: "отчёт.xlsx", base64: Buffer.from("xlsx").toString("base64") } })
    expect(calls[1]!.method).toBe("sendDocument")
    expect(calls[1]!.payload).toMatchObject({ chat_id: 5, caption: "Отчёт" })
    expect(calls[1]!.payload.document).toMatchObject({ filename: "отчёт.xlsx" })
    await sender.send(5n, { photo: { fileId: "AgADphoto" } })
    expect(calls[2]).toEqual({ method: "sendPhoto", payload: { chat_id: 5, photo: "AgADphoto" } })
  })
})

describe.skipIf(!existsSync(path.join(fakeTelegramDir, "index.ts")))("outbox through the fake Telegram server", () => {
  let db: Database
  beforeAll(async () => {
    db = await createTestDatabase("pglite")
  })
  afterAll(async () => {
    await db?.close()
  })

  it("delivers text, keyboards and documents, waits out a 429 and records a blocked user", async () => {
    const { FakeTelegram } = await import("../../support/fake-telegram/index.ts")
    const fake = await FakeTelegram.start()
    try {
      const anna = fake.user({ id: 1001, firstName: "Анна" })
      const boris = fake.user({ id: 1002, firstName: "Борис" })
      const vera = fake.user({ id: 1003, firstName: "Вера" })
      // Like Telegram, the fake lets a bot write only to users who started it.
      for (const user of [anna, boris, vera]) await user.sendText("/start")
      fake.blockBy(1003)
      fake.failNext("sendMessage", { code: 429, retryAfter: 3, chatId: 1001 })

      const clock = new TestClock()
      const deps = depsFor(db, clock)
      const bytes = Buffer.from("PK\u0003\u0004 not really a workbook", "latin1")
      await enqueueMany(deps, [
        { chatId: 1001, text: "Школа <b>№ 5</b>: признаки необъективности", parseMode: "HTML", keyboard: [[{ text: "Подробнее", callbackData: "sig:5" }]] },
        { chatId: 1002, text: "Отчёт за 2024 год", document: { fileName: "отчёт.xlsx", bytes } },
        { chatId: 1003, text: "Напоминание" },
      ])
      const api = new Api(fake.token, { apiRoot: fake.apiRoot })
      const dispatcher = createDispatcher(deps, createTelegramSender(api), { owner: "real", sleep: clock.sleep })

      expect(await dispatcher.tick()).toMatchObject({ sent: 1, retried: 1, blocked: 1 })
      clock.advance(3000)
      expect(await dispatcher.tick()).toMatchObject({ sent: 1 })

      const [alert] = await anna.waitForMessages(1)
      expect(alert!.text).toBe("Школа № 5: признаки необъективности")
      expect(alert!.buttons).toEqual(["Подробнее"])
      const [report] = await boris.waitForMessages(1)
      expect(report!.caption).toBe("Отчёт за 2024 год")
      expect(report!.document?.fileName).toBe("отчёт.xlsx")
      expect(report!.document?.bytes.equals(bytes)).toBe(true)

      const rows = await rowsByText(db)
      expect(rows.get("Напоминание")).toMatchObject({ status: "blocked" })
      expect(rows.get("Напоминание")!.lastError).toContain("blocked by the user")
      expect(rows.get("Отчёт за 2024 год")).toMatchObject({ status: "sent", messageId: report!.messageId })
      expect(fake.callsTo("sendMessage").filter((call) => String(call.params.chat_id) === "1001")).toHaveLength(2)
      expect(fake.internalErrors).toEqual([])
    } finally {
      await fake.stop()
    }
  })
})
