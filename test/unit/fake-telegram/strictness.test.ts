import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { Api, GrammyError, HttpError, InlineKeyboard } from "grammy"
import { FakeTelegram, type FakeUser } from "../../support/fake-telegram/index.ts"

let fake: FakeTelegram
let api: Api
let user: FakeUser

beforeEach(async () => {
  fake = await FakeTelegram.start()
  api = new Api(fake.token, { apiRoot: fake.apiRoot })
  user = fake.user({ id: 2001, firstName: "Дина" })
  await user.sendText("/start") // the bot may write only to users who wrote to it
})

afterEach(async () => {
  await fake.stop()
})

async function failureOf(call: Promise<unknown>): Promise<GrammyError> {
  const error = await call.then(() => undefined, (caught: unknown) => caught)
  if (!(error instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(error)}`)
  return error
}

describe("text and HTML", () => {
  it("rejects HTML with an unclosed tag like Telegram, and sends nothing", async () => {
    const error = await failureOf(api.sendMessage(user.id, "<b>Итоги", { parse_mode: "HTML" }))

    expect(error.error_code).toBe(400)
    expect(error.description).toBe(`Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`)
    expect(user.messages()).toEqual([])
  })

  it("stores the plain text and entities of valid HTML", async () => {
    const sent = await api.sendMessage(user.id, "<b>Школа №5</b> — <i>риск &lt;высокий&gt;</i>", { parse_mode: "HTML" })

    expect(sent.text).toBe("Школа №5 — риск <высокий>")
    expect(sent.entities).toEqual([
      { type: "bold", offset: 0, length: 8 },
      { type: "italic", offset: 11, length: 14 },
    ])
  })

  it("refuses a bare & that was not escaped (strict by default)", async () => {
    const error = await failureOf(api.sendMessage(user.id, "Школа «Знание & Сила»", { parse_mode: "HTML" }))
    expect(error.description).toMatch(/^Bad Request: can't parse entities: Character entity expected at byte offset 26/)
  })

  it("counts the 4096-character limit after entity parsing", async () => {
    await api.sendMessage(user.id, `<b>${"ж".repeat(4096)}</b>`, { parse_mode: "HTML" })
    const error = await failureOf(api.sendMessage(user.id, "ж".repeat(4097)))

    expect(error.description).toBe("Bad Request: message is too long")
    expect(user.messages()).toHaveLength(1)
  })

  it("refuses empty text, whitespace-only text and an over-long caption", async () => {
    expect((await failureOf(api.sendMessage(user.id, ""))).description).toBe("Bad Request: message text is empty")
    expect((await failureOf(api.sendMessage(user.id, "  \n "))).description).toBe("Bad Request: text must be non-empty")
    const caption = await failureOf(api.sendPhoto(user.id, "AgACAgIAAxkBAAIunknown", { caption: "я".repeat(1025) }))
    expect(caption.description).toBe("Bad Request: message caption is too long")
  })
})

describe("inline keyboards", () => {
  it("refuses callback_data over 64 bytes, counted in UTF-8", async () => {
    await api.sendMessage(user.id, "ok", { reply_markup: new InlineKeyboard().text("a", "д".repeat(32)) }) // 64 bytes
    const error = await failureOf(
      api.sendMessage(user.id, "too long", { reply_markup: new InlineKeyboard().text("b", `${"д".repeat(32)}x`) }),
    )
    expect(error.description).toBe("Bad Request: BUTTON_DATA_INVALID")
  })

  it("refuses a button without an action, as Telegram does", async () => {
    const markup = { inline_keyboard: [[{ text: "Пусто", callback_data: "" }]] }
    const error = await failureOf(api.sendMessage(user.id, "x", { reply_markup: markup }))
    expect(error.description).toBe(
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    )
  })
})

describe("errors", () => {
  it("injects a 429 that grammY surfaces with parameters.retry_after, once", async () => {
    fake.failNext("sendMessage", { code: 429, retryAfter: 3 })

    const error = await failureOf(api.sendMessage(user.id, "первая попытка"))
    const retried = await api.sendMessage(user.id, "вторая попытка")

    expect(error.error_code).toBe(429)
    expect(error.description).toBe("Too Many Requests: retry after 3")
    expect(error.parameters.retry_after).toBe(3)
    expect(retried.text).toBe("вторая попытка")
    expect(fake.callsTo("sendMessage").map((call) => call.outcome)).toEqual([
      { ok: false, code: 429, description: "Too Many Requests: retry after 3" },
      { ok: true },
    ])
  })

  it("can drop the connection instead of answering, as a network failure would", async () => {
    fake.failNext("sendMessage", { dropConnection: true })

    const error = await api.sendMessage(user.id, "x").catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(HttpError)
    expect(user.messages()).toEqual([])
  })

  it("limits an injected failure to the chat it names", async () => {
    const other = fake.user({ id: 2002, firstName: "Егор" })
    await other.sendText("привет")
    fake.failNext("sendMessage", { code: 403, chatId: other.id })

    await api.sendMessage(user.id, "доходит")
    const error = await failureOf(api.sendMessage(other.id, "не доходит"))

    expect(error.description).toBe("Forbidden: bot was blocked by the user")
    expect(user.messages().map((m) => m.text)).toEqual(["доходит"])
  })

  it("answers 403 for a user who blocked the bot, and tells the bot by my_chat_member", async () => {
    fake.blockBy(user.id)

    const error = await failureOf(api.sendMessage(user.id, "напоминание"))

    expect(error.error_code).toBe(403)
    expect(error.description).toBe("Forbidden: bot was blocked by the user")
    expect(fake.pendingUpdates().at(-1)?.my_chat_member?.new_chat_member.status).toBe("kicked")
  })

  it("refuses unknown chats and users who never wrote to the bot", async () => {
    fake.user({ id: 2003, firstName: "Жанна" })
    expect((await failureOf(api.sendMessage(999, "x"))).description).toBe("Bad Request: chat not found")
    expect((await failureOf(api.sendMessage(2003, "x"))).description).toBe(
      "Forbidden: bot can't initiate conversation with a user",
    )
  })

  it("refuses an edit that changes nothing and an edit of an unknown message", async () => {
    const sent = await api.sendMessage(user.id, "Статус: проверка")

    const same = await failureOf(api.editMessageText(user.id, sent.message_id, "Статус: проверка"))
    const unknown = await failureOf(api.editMessageText(user.id, 9999, "x"))

    expect(same.description).toMatch(/^Bad Request: message is not modified: specified new message content/)
    expect(unknown.description).toBe("Bad Request: message to edit not found")
  })

  it("answers 401 for a wrong token and 404 for an unknown method", async () => {
    const wrongToken = await fetch(`${fake.apiRoot}/bot1:wrong/getMe`)
    const unknownMethod = await fetch(`${fake.apiRoot}/bot${fake.token}/sendTelepathy`)

    expect(wrongToken.status).toBe(401)
    expect(await wrongToken.json()).toEqual({ ok: false, error_code: 401, description: "Unauthorized" })
    expect(unknownMethod.status).toBe(404)
    expect(await unknownMethod.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" })
  })
})

describe("long polling", () => {
  it("keeps updates until a later offset confirms them", async () => {
    const first = await api.getUpdates()
    const again = await api.getUpdates()
    const lastId = first.at(-1)?.update_id ?? 0
    const confirmed = await api.getUpdates({ offset: lastId + 1 })

    expect(first.map((update) => update.message?.text)).toEqual(["/start"])
    expect(again).toEqual(first)
    expect(confirmed).toEqual([])
  })

  it("ends a pending poll with 409 when another getUpdates arrives, as Telegram does", async () => {
    const [last] = await api.getUpdates({ offset: -1 })
    const offset = (last?.update_id ?? 0) + 1
    const first = failureOf(api.getUpdates({ offset, timeout: 30 }))
    await fake.waitUntil(() => fake.callsTo("getUpdates").length === 2)
    await api.getUpdates({ offset })

    const error = await first
    expect(error.error_code).toBe(409)
    expect(error.description).toBe(
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    )
  })

  it("ends a pending poll with no updates when the fake stops", async () => {
    const [last] = await api.getUpdates({ offset: -1 })
    const poll = fetch(`${fake.apiRoot}/bot${fake.token}/getUpdates?timeout=30&offset=${(last?.update_id ?? 0) + 1}`)
    await fake.waitUntil(() => fake.callsTo("getUpdates").length === 2)

    const started = Date.now()
    await fake.stop()
    const body = await (await poll).json()

    expect(body).toEqual({ ok: true, result: [] })
    // Released, not left to run out its 30 s: the bound is far from both (a busy machine is not a failure).
    expect(Date.now() - started).toBeLessThan(20_000)
  })
})
