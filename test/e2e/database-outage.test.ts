import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openDatabase } from "../../src/db/client.ts"
import { isDatabaseUnavailable } from "../../src/services/unavailable.ts"
import { ADMIN_ID, startE2E, type E2E } from "../support/e2e.ts"
import { DatabaseOutage } from "../support/fault/database-outage.ts"

const UNAVAILABLE = "Сервис временно недоступен, попробуйте через минуту."
const GENERIC = "Извините, что-то пошло не так"

/**
 * The database unreachable for 30 s under a running bot (by the test clock; Prisma sees what the PostgreSQL adapter
 * throws for a refused connection): the user is told to try again in a minute, not that something broke; when the
 * database is back the bot answers as before without a restart, and a message the outbox could not send meanwhile
 * goes out once.
 */
describe("the database unavailable for 30 s", () => {
  let e2e: E2E
  const outage = new DatabaseOutage()

  beforeAll(async () => {
    e2e = await startE2E({ database: await openDatabase("postgresql://pglite/", { wrapAdapter: outage.wrap }) })
  })
  afterAll(() => e2e?.stop())

  it("says «временно недоступен» meanwhile and recovers by itself", async () => {
    const admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
    await admin.sendText("/start")
    const [welcome] = await admin.waitForMessages(1)
    expect(welcome!.text).toContain("Здравствуйте, Ольга!")
    await admin.waitForMessages(admin.unread().length)

    const outboxText = "Напоминание, отложенное на 10 секунд"
    await e2e.app.services.outbox.enqueue({ chatId: ADMIN_ID, text: outboxText, dedupeKey: "outage:1", notBefore: new Date(e2e.clock.now().getTime() + 10_000) })
    const outboxSent = () => e2e.fake.callsTo("sendMessage").filter((call) => call.params.text === outboxText && call.outcome?.ok)

    outage.begin(e2e.clock, 30_000)
    await admin.sendText("/start")
    const [during] = await admin.waitForMessages(1)
    expect(during!.text).toContain(UNAVAILABLE)
    expect(during!.text).not.toContain(GENERIC)
    await admin.sendText("/help")
    const [again] = await admin.waitForMessages(1)
    expect(again!.text).toContain(UNAVAILABLE)

    // The reminder falls due while the database is still away: the dispatcher's tick fails, nothing is sent.
    e2e.clock.advance(15_000)
    const failedTick = await e2e.app.scheduler.dispatcher.tick().then(() => null, (error: unknown) => error)
    expect(isDatabaseUnavailable(failedTick)).toBe(true)
    expect(outboxSent()).toHaveLength(0)
    expect(outage.refused).toBeGreaterThan(0)

    // 31 s after it began the database is back: the same bot, not restarted, answers and sends.
    e2e.clock.advance(16_000)
    expect(outage.active()).toBe(false)
    await admin.sendText("/start")
    const [after] = await admin.waitForMessages(1)
    expect(after!.text).toContain("Здравствуйте, Ольга!")
    await e2e.app.scheduler.dispatcher.tick()
    await e2e.fake.waitUntil(() => outboxSent().length > 0)
    expect(outboxSent()).toHaveLength(1)
    expect(admin.messages().filter((message) => message.text?.includes(GENERIC))).toHaveLength(0)
  })
})
