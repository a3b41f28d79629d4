import { afterEach, describe, expect, it } from "vitest"
import { Bot, InlineKeyboard, InputFile } from "grammy"
import { FakeTelegram, startPolling, type RunningBot } from "../../support/fake-telegram/index.ts"

/** Each test starts a fresh fake and a real grammY bot (botInfo unset, so getMe is called) and stops both. */
let fake: FakeTelegram | undefined
let running: RunningBot | undefined

afterEach(async () => {
  await running?.stop()
  await fake?.stop()
  running = undefined
  fake = undefined
})

async function setUp(install: (bot: Bot) => void): Promise<{ fake: FakeTelegram; bot: Bot }> {
  fake = await FakeTelegram.start()
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } })
  install(bot)
  running = await startPolling(bot)
  return { fake, bot }
}

describe("fake Telegram with a real grammY bot", () => {
  it("delivers a text update by long polling and records the bot's reply", async () => {
    const { fake } = await setUp((bot) => {
      bot.command("start", (ctx) => ctx.reply(`Здравствуйте, ${ctx.from?.first_name}! Код: ${ctx.match}`))
    })
    const anna = fake.user({ id: 1001, firstName: "Анна" })

    const sent = await anna.sendText("/start abc")
    const [reply] = await anna.waitForMessages(1)

    expect(sent.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }])
    expect(reply?.text).toBe("Здравствуйте, Анна! Код: abc")
    expect(reply?.raw.from?.is_bot).toBe(true)
    expect(reply?.raw.chat.id).toBe(1001)
    expect(reply?.messageId).toBeGreaterThan(sent.message_id)
    expect(fake.callsTo("getMe")).toHaveLength(1)
    expect(running?.errors).toEqual([])
  })

  it("round-trips an inline button: callback query, answer and edit", async () => {
    const { fake } = await setUp((bot) => {
      bot.command("vote", (ctx) =>
        ctx.reply("Подтвердите", { reply_markup: new InlineKeyboard().text("Да", "vote:yes").text("Нет", "vote:no") }),
      )
      bot.callbackQuery(/^vote:(.+)$/, async (ctx) => {
        await ctx.answerCallbackQuery({ text: "Принято" })
        await ctx.editMessageText(`Ваш ответ: ${ctx.match[1]}`)
      })
    })
    const boris = fake.user({ id: 1002, firstName: "Борис" })

    await boris.sendText("/vote")
    const [question] = await boris.waitForMessages(1)
    expect(question?.buttons).toEqual(["Да", "Нет"])
    const query = await boris.clickButton(question!, "Да")
    const answer = await boris.waitForCallbackAnswer(query)
    await fake.waitUntil(() => question!.edited, { description: "the question to be edited" })

    expect(query.data).toBe("vote:yes")
    expect(answer.text).toBe("Принято")
    expect(question?.text).toBe("Ваш ответ: yes")
    expect(question?.inlineKeyboard).toBeUndefined() // an edit without reply_markup removes the keyboard
  })

  it("lets the bot download a user's document via getFile and the file URL", async () => {
    const bytes = Buffer.from("PK\u0003\u0004 fake xlsx content ✓", "utf8")
    let downloaded: Buffer | undefined
    let status = 0
    const { fake } = await setUp((bot) => {
      bot.on("message:document", async (ctx) => {
        const file = await ctx.getFile()
        const response = await fetch(`${fake!.apiRoot}/file/bot${bot.token}/${file.file_path}`)
        status = response.status
        downloaded = Buffer.from(await response.arrayBuffer())
        await ctx.reply(`Получен файл ${ctx.message.document.file_name} (${file.file_size} байт)`)
      })
    })
    const vera = fake.user({ id: 1003, firstName: "Вера" })

    const sent = await vera.sendDocument({ fileName: "Результаты ВПР.xlsx", bytes })
    const [reply] = await vera.waitForMessages(1)

    expect(status).toBe(200)
    expect(downloaded?.equals(bytes)).toBe(true)
    expect(sent.document?.mime_type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    expect(reply?.text).toBe(`Получен файл Результаты ВПР.xlsx (${bytes.length} байт)`)
    const missing = await fetch(`${fake.apiRoot}/file/bot${fake.token}/documents/nothing.xlsx`)
    expect(missing.status).toBe(404)
  })

  it("receives an uploaded InputFile with a Cyrillic name intact", async () => {
    const report = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256))
    const { fake } = await setUp((bot) => {
      bot.command("report", (ctx) =>
        ctx.replyWithDocument(new InputFile(report, "Отчёт по школам; итог.xlsx"), {
          caption: "<b>Готово</b>: 3 школы",
          parse_mode: "HTML",
          reply_markup: new InlineKeyboard().text("Ещё", "more"),
        }),
      )
    })
    const galina = fake.user({ id: 1004, firstName: "Галина" })

    await galina.sendText("/report")
    const [message] = await galina.waitForMessages(1)

    expect(message?.method).toBe("sendDocument")
    expect(message?.document?.fileName).toBe("Отчёт по школам; итог.xlsx")
    expect(message?.document?.bytes.equals(report)).toBe(true)
    expect(message?.caption).toBe("Готово: 3 школы")
    expect(message?.entities).toEqual([{ type: "bold", offset: 0, length: 6 }])
    expect(message?.buttons).toEqual(["Ещё"])
  })

  it("ends a pending long poll promptly when bot.stop() aborts it", async () => {
    fake = await FakeTelegram.start()
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } })
    running = await startPolling(bot, { timeoutSeconds: 30 })
    await fake.waitUntil(() => fake!.callsTo("getUpdates").length > 0)

    const started = Date.now()
    await running.stop()

    // Released, not left to run out its 30 s: the bound is far from both (a busy machine is not a failure).
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(bot.isRunning()).toBe(false)
    // Server side too: the aborted 30-second poll was released, not left waiting.
    await fake.waitUntil(() => fake!.callsTo("getUpdates").every((call) => call.outcome !== undefined), { timeoutMs: 20_000 })
  })
})
