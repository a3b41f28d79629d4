import { afterEach, describe, expect, it } from "vitest"
import { Bot } from "grammy"
import { autoRetry } from "@grammyjs/auto-retry"
import { run, type RunnerHandle } from "@grammyjs/runner"
import { FakeTelegram, startPolling, type RunningBot } from "../../support/fake-telegram/index.ts"

/** The fake with the pieces the real bot uses around grammY: the runner and auto-retry. */
let fake: FakeTelegram | undefined
let runner: RunnerHandle | undefined
let polling: RunningBot | undefined

afterEach(async () => {
  if (runner?.isRunning()) await runner.stop()
  await polling?.stop()
  await fake?.stop()
  runner = undefined
  polling = undefined
  fake = undefined
})

describe("fake Telegram with grammY plugins", () => {
  it("serves @grammyjs/runner long polling, which stops promptly", async () => {
    fake = await FakeTelegram.start()
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } })
    bot.on("message:text", (ctx) => ctx.reply(`Эхо: ${ctx.message.text}`))
    await bot.init()
    runner = run(bot, { runner: { fetch: { timeout: 30 } } })
    const user = fake.user({ id: 4001, firstName: "Кира" })

    await user.sendText("проверка")
    const [echo] = await user.waitForMessages(1)
    await fake.waitUntil(() => fake!.callsTo("getUpdates").some((call) => call.outcome === undefined))
    const started = Date.now()
    await runner.stop()

    expect(echo?.text).toBe("Эхо: проверка")
    // Released, not left to run out its 30 s: the bound is far from both (a busy machine is not a failure).
    expect(Date.now() - started).toBeLessThan(20_000)
  })

  it("lets auto-retry honour an injected retry_after", async () => {
    fake = await FakeTelegram.start()
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo })
    bot.api.config.use(autoRetry({ maxDelaySeconds: 2, rethrowHttpErrors: true }))
    bot.on("message:text", (ctx) => ctx.reply("Принято"))
    polling = await startPolling(bot)
    const user = fake.user({ id: 4002, firstName: "Лев" })
    fake.failNext("sendMessage", { code: 429, retryAfter: 1 })

    await user.sendText("файл загружен?")
    const [reply] = await user.waitForMessages(1, { timeoutMs: 20_000 })
    const attempts = fake.callsTo("sendMessage")

    expect(reply?.text).toBe("Принято")
    expect(attempts.map((call) => call.outcome?.ok)).toEqual([false, true])
    expect(attempts[1]!.at.getTime() - attempts[0]!.at.getTime()).toBeGreaterThanOrEqual(900)
    expect(fake.callsTo("getMe")).toHaveLength(0) // botInfo was given
  })
})
