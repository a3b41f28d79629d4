import type { ChildProcess } from "node:child_process"
import { cpSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { startApp, type RunningApp } from "../../src/app.ts"
import { loadConfig, type Config } from "../../src/config.ts"
import { openDatabase, type Database } from "../../src/db/client.ts"
import { silentLogger } from "../../src/logger.ts"
import { FakeTelegram, type BotMessage, type FakeUser } from "../support/fake-telegram/index.ts"
import { bundleBotProcess } from "../support/fault/bundle.ts"
import { killHard, spawnBot as spawnProcess } from "../support/fault/spawn.ts"
import { ShiftedClock, TestClock } from "../support/services.ts"
import { classRows, collectionForm } from "../support/workbooks.ts"
import { storedParticipants } from "../support/stored-participants.ts"

const TOKEN = "123456:TEST-token-for-the-kill-9-tests"
const TEACHER = 9601

/** Every stored result set holds all its participants: nothing of an import is half there. */
async function expectWholeImports(db: Database): Promise<number> {
  const sets = await db.prisma.resultSet.findMany({ select: { id: true, present: true, absent: true } })
  for (const set of sets) expect(await storedParticipants(db.prisma, { id: set.id })).toHaveLength(set.present + set.absent)
  return sets.length
}

describe("kill -9 of the bot, then a restart", () => {
  // The process boundary is the point of these tests: the bot runs in its own process, killed with SIGKILL.
  // It starts from a bundle built once here (a cold start through tsx costs ~3–4 s more CPU each time); even so a
  // start costs ~5 s of CPU, so the two conversation cases share one process and one kill.
  let bundle: string
  const spawnBot = (env: Record<string, string>) => spawnProcess({ bundle }, env)
  // Every case starts from a copy of one seeded directory (the teacher of one school): a copy costs milliseconds,
  // opening a new PGlite directory to seed it ~2.5 s of CPU.
  let seeded: string
  beforeAll(async () => {
    bundle = await bundleBotProcess()
    seeded = mkdtempSync(path.join(tmpdir(), "objektiv-kill-seed-"))
    const db = await openDatabase(`postgresql://pglite/?dir=${seeded}`)
    const school = await db.prisma.school.create({ data: { key: "223017", login: "edu223017" } })
    const teacher = await db.prisma.user.create({ data: { telegramId: BigInt(TEACHER), firstName: "Пётр" } })
    await db.prisma.roleGrant.create({ data: { userId: teacher.id, role: "teacher", schoolId: school.id } })
    await db.close()
  }, 120_000)
  afterAll(() => rmSync(seeded, { recursive: true, force: true }))

  let fake: FakeTelegram
  let dir: string
  let config: Config
  let bot: ChildProcess | undefined

  /** A fake Telegram and a fresh copy of the seeded directory for one kill. */
  async function begin() {
    fake = await FakeTelegram.start({ token: TOKEN })
    dir = mkdtempSync(path.join(tmpdir(), "objektiv-kill-"))
    cpSync(seeded, dir, { recursive: true })
    config = loadConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: `postgresql://pglite/?dir=${dir}`, DEFAULT_TIME_ZONE: "Asia/Barnaul" })
  }

  async function end() {
    if (bot && bot.exitCode === null && bot.signalCode === null) await killHard(bot)
    await fake?.stop()
    rmSync(dir, { recursive: true, force: true })
  }

  describe("one kill per case", () => {
    beforeEach(begin, 120_000)
    afterEach(end)

    it("during an import: no half import, and the file can be sent again", { timeout: 400_000 }, async () => {
      bot = await spawnBot({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: config.DATABASE_URL })
      const teacher = fake.user({ id: TEACHER, firstName: "Пётр" })
      const bytes = await collectionForm(classRows(600))
      await teacher.sendDocument({ fileName: "Математика 4 класс ВПР 2022.xlsx", bytes })
      // The file has been read; storing it is what happens next. Kill the process there.
      await fake.waitUntil(() => teacher.messages().some((m) => m.text?.startsWith("Файл прочитан")), { timeoutMs: 300_000 })
      await killHard(bot)

      const db = await openDatabase(config.DATABASE_URL) // the embedded database opens after a hard kill
      await expectWholeImports(db)
      const app = await startApp(config, silentLogger, new TestClock(new Date()), { database: db, botInfo: fake.botInfo })
      try {
        await teacher.waitForMessages(teacher.unread().length)
        await teacher.sendDocument({ fileName: "Математика 4 класс ВПР 2022.xlsx", bytes })
        await fake.waitUntil(() => teacher.unread().some((m) => m.text?.startsWith("Готово, результаты сохранены")), { timeoutMs: 300_000 })
        expect(await expectWholeImports(db)).toBeGreaterThan(0)
      } finally {
        await app.stop()
      }
    })

    it("during the read of a file: at the restart the upload is marked interrupted and its sender told to send it again", { timeout: 400_000 }, async () => {
      bot = await spawnBot({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: config.DATABASE_URL })
      const teacher = fake.user({ id: TEACHER, firstName: "Пётр" })
      // The first progress line (at 1,000 rows) says the parse is running; 59,000 rows more keep it running at the kill.
      await teacher.sendDocument({ fileName: "Математика 4 класс ВПР 2022.xlsx", bytes: await collectionForm(classRows(60_000)) })
      await fake.waitUntil(() => fake.callsTo("editMessageText").some((call) => String(call.params.text).includes("обработано строк")), { timeoutMs: 300_000 })
      await killHard(bot)

      const app = await startApp(config, silentLogger, new TestClock(new Date()), { botInfo: fake.botInfo })
      try {
        await fake.waitUntil(() => teacher.messages().some((m) => m.text?.startsWith("Файл «Математика 4 класс ВПР 2022.xlsx» не загружен")), { timeoutMs: 120_000 })
        expect((await app.database.prisma.upload.findMany({ select: { status: true } })).map((upload) => upload.status)).toEqual(["interrupted"])
        expect(teacher.messages().filter((m) => m.text?.includes("не загружен"))).toHaveLength(1)
      } finally {
        await app.stop()
      }
    })

    it("during a dispatch batch: every message arrives after the restart, none twice but the one in flight", { timeout: 400_000 }, async () => {
      const users = Array.from({ length: 40 }, (_, n) => fake.user({ id: 9700 + n, firstName: `Получатель ${n}` }))
      for (const user of users) await user.sendText("привет")
      // Planned before the bot starts (an embedded database is open in one process at a time).
      const now = new Date()
      const before = await openDatabase(config.DATABASE_URL)
      const { createServices } = await import("../../src/services/index.ts")
      const services = createServices({ prisma: before.prisma, clock: new TestClock(now), logger: silentLogger }, { adminIds: [], inviteTtlHours: 72, defaultTimeZone: "Asia/Barnaul" })
      await services.outbox.enqueueMany(users.map((user, n) => ({ chatId: user.id, text: `Сообщение ${n}`, dedupeKey: `kill:${n}` })))
      await before.close()

      bot = await spawnBot({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: config.DATABASE_URL })
      const sent = () => fake.callsTo("sendMessage").filter((call) => String(call.params.text).startsWith("Сообщение"))
      await fake.waitUntil(() => sent().length >= 10, { timeoutMs: 300_000 })
      await killHard(bot)
      const atKill = sent().length

      // After the restart the dead holder's leases run out (the clock moves past them) and the rest is sent.
      const clock = new ShiftedClock(5 * 60_000)
      const app = await startApp(config, silentLogger, clock, { botInfo: fake.botInfo })
      try {
        await fake.waitUntil(() => new Set(sent().filter((call) => call.outcome?.ok).map((call) => call.params.text)).size === users.length, { timeoutMs: 300_000 })
        await app.scheduler.dispatcher.stop()
        const texts = sent().filter((call) => call.outcome?.ok).map((call) => String(call.params.text))
        expect(new Set(texts).size).toBe(users.length) // nothing lost
        // At least once: a message Telegram accepted just before the kill, but not yet marked sent, goes again.
        expect(texts.length - users.length).toBeLessThanOrEqual(4) // at most the sends in flight (dispatcher concurrency 4)
        expect(atKill).toBeLessThan(users.length)
      } finally {
        await app.stop()
      }
    })
  })

  // One process, two dialogs, one kill: a parent whose dialog is stored waiting for a button, and a parent killed on
  // the step right after a tap (its state may or may not be stored yet). Each is checked after the same restart.
  describe("during two conversations at once", () => {
    let app: RunningApp
    let tapped: { parent: FakeUser; topics: BotMessage }
    let waiting: { parent: FakeUser; topics: BotMessage }

    beforeAll(async () => {
      await begin()
      bot = await spawnBot({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: config.DATABASE_URL })

      const olga = fake.user({ id: 9651, firstName: "Ольга" })
      await olga.sendText("/ask")
      const [olgaTopics] = await olga.waitForMessages(1, { timeoutMs: 120_000 })
      // A text instead of a tap: its reminder proves the dialog is stored, waiting for the topic.
      await olga.sendText("а можно без кнопок?")
      const [before] = await olga.waitForMessages(1, { timeoutMs: 120_000 })
      expect(before!.text).toBe("Пожалуйста, выберите вариант кнопкой. Чтобы выйти, нажмите /cancel.\n\nО чём ваш вопрос? Выберите тему:")
      expect(before!.buttons).toEqual(olgaTopics!.buttons)
      waiting = { parent: olga, topics: olgaTopics! }

      const anna = fake.user({ id: 9650, firstName: "Анна" })
      await anna.sendText("/ask")
      const [annaTopics] = await anna.waitForMessages(1, { timeoutMs: 120_000 })
      expect(annaTopics!.text).toBe("О чём ваш вопрос? Выберите тему:")
      await anna.clickButton(annaTopics!, "Результаты")
      const [askQuestion] = await anna.waitForMessages(1, { timeoutMs: 120_000 })
      expect(askQuestion!.text).toContain("Напишите ваш вопрос одним сообщением")
      tapped = { parent: anna, topics: annaTopics! }
      // Killed while Anna's dialog waits for the question: her tap's step may or may not be stored yet.
      await killHard(bot)

      app = await startApp(config, silentLogger, new TestClock(new Date()), { botInfo: fake.botInfo })
    }, 400_000)

    afterAll(async () => {
      await app?.stop()
      await end()
    })

    it("during a conversation: after the restart the dialog goes on, or is back one step with a way out, with no error", { timeout: 400_000 }, async () => {
      const { parent, topics } = tapped
      const question = "Когда будут известны результаты ВПР по математике в 4 классе?"
      await parent.sendText(question)
      let [reply] = await parent.waitForMessages(1)
      if (reply!.text?.startsWith("Пожалуйста, выберите вариант кнопкой.")) {
        // The tap's step was not stored before the kill: the dialog is back at the topic question, whose buttons
        // were already removed with the tap. The reminder brings the question back with its buttons.
        expect(topics.buttons).toEqual([])
        expect(reply!.text).toContain("О чём ваш вопрос? Выберите тему:")
        await parent.clickButton(reply!, "Результаты")
        expect((await parent.waitForMessages(1))[0]!.text).toContain("Напишите ваш вопрос одним сообщением")
        await parent.sendText(question)
        ;[reply] = await parent.waitForMessages(1)
      }
      expect(reply!.text).toBe("Возможно, ответ на ваш вопрос уже есть:")
      await fake.waitUntil(() => parent.messages().some((message) => message.text === "Это отвечает на ваш вопрос?"))
      expect(parent.messages().filter((message) => message.text?.startsWith("Извините, что-то пошло не так"))).toHaveLength(0)
    })

    it("during a conversation waiting for a button: the reminder after the restart brings the question back with its buttons", { timeout: 400_000 }, async () => {
      const { parent, topics } = waiting
      await parent.sendText("алло?")
      const [reminder] = await parent.waitForMessages(1)
      expect(reminder!.text).toContain("О чём ваш вопрос? Выберите тему:")
      expect(reminder!.buttons).toContain("Результаты")
      await parent.clickButton(reminder!, "Результаты")
      expect((await parent.waitForMessages(1))[0]!.text).toContain("Напишите ваш вопрос одним сообщением")
      // The question's other keyboards are gone: an old one cannot answer twice.
      expect(parent.messages().find((message) => message.messageId === topics.messageId)!.buttons).toEqual([])
      expect(parent.messages().filter((message) => message.text?.startsWith("Извините, что-то пошло не так"))).toHaveLength(0)
    })
  })
})
