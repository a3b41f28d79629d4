import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import type { Database } from "../../../../src/db/client.ts"
import { enqueue, enqueueMany, isBlocked } from "../../../../src/services/notifications/outbox.ts"
import { InvalidOutboxMessage, type OutboxPayload } from "../../../../src/services/notifications/payload.ts"
import { availableDatabases, createTestDatabase, truncateAll } from "../../../support/db.ts"
import { FakeSender, T0, TestClock, depsFor } from "./helpers.ts"
import { createDispatcher } from "../../../../src/services/notifications/dispatcher.ts"
import { SendFailure } from "../../../../src/services/notifications/sender.ts"

describe.each(availableDatabases())("outbox enqueue on %s", (kind) => {
  let db: Database
  let clock: TestClock
  beforeAll(async () => {
    db = await createTestDatabase(kind)
  })
  afterAll(async () => {
    await db?.close()
  })
  beforeEach(async () => {
    await truncateAll(db)
    clock = new TestClock()
  })

  it("stores text, keyboard, topic and a document's bytes, due now", async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255])
    const { id, created } = await enqueue(depsFor(db, clock), {
      chatId: "-1001234567890",
      text: "<b>Отчёт</b> готов",
      parseMode: "HTML",
      threadId: 7,
      keyboard: [[{ text: "Открыть", callbackData: "r:1:open" }, { text: "Сайт", url: "https://fioco.ru" }]],
      document: { fileName: "отчёт.xlsx", bytes },
    })
    expect(created).toBe(true)
    const row = await db.prisma.outbox.findUniqueOrThrow({ where: { id } })
    expect(row.chatId).toBe(-1001234567890n)
    expect(row.status).toBe("pending")
    expect(row.notBefore.getTime()).toBe(T0)
    const payload = row.payload as OutboxPayload
    expect(payload.text).toBe("<b>Отчёт</b> готов")
    expect(payload.threadId).toBe(7)
    expect(payload.keyboard?.[0]).toHaveLength(2)
    expect(payload.document).toEqual({ fileName: "отчёт.xlsx", base64: bytes.toString("base64") })
  })

  it("treats a repeated dedupe key as a no-op returning the first row", async () => {
    const deps = depsFor(db, clock)
    const first = await enqueue(deps, { chatId: 1, text: "first", dedupeKey: "alert:42" })
    const again = await enqueue(deps, { chatId: 1, text: "second", dedupeKey: "alert:42" })
    expect(again).toEqual({ id: first.id, created: false })
    const rows = await db.prisma.outbox.findMany()
    expect(rows).toHaveLength(1)
    expect((rows[0]!.payload as OutboxPayload).text).toBe("first")
  })

  it("enqueues a batch in input order, mapping duplicates inside and outside the batch", async () => {
    const deps = depsFor(db, clock)
    const existing = await enqueue(deps, { chatId: 5, text: "old", dedupeKey: "k1" })
    const results = await enqueueMany(deps, [
      { chatId: 1, text: "a" },
      { chatId: 2, text: "b", dedupeKey: "k1" },
      { chatId: 3, text: "c", dedupeKey: "k2" },
      { chatId: 4, text: "d" },
      { chatId: 6, text: "e", dedupeKey: "k2" },
      { chatId: 7, text: "f", notBefore: new Date(T0 + 60_000) },
    ])
    expect(results.map((r) => r.created)).toEqual([true, false, true, true, false, true])
    expect(results[1]!.id).toBe(existing.id)
    expect(results[4]!.id).toBe(results[2]!.id)
    const rows = await db.prisma.outbox.findMany({ where: { id: { in: results.map((r) => r.id) } } })
    const textById = new Map(rows.map((row) => [row.id, (row.payload as OutboxPayload).text]))
    expect(results.map((r) => textById.get(r.id))).toEqual(["a", "old", "c", "d", "c", "f"])
    expect(rows.find((row) => row.id === results[5]!.id)!.notBefore.getTime()).toBe(T0 + 60_000)
  })

  it("rejects a message Telegram would refuse, writing nothing of the batch", async () => {
    const deps = depsFor(db, clock)
    const tooLongData = "ж".repeat(33) // 66 bytes
    await expect(
      enqueueMany(deps, [{ chatId: 1, text: "fine" }, { chatId: 1, text: "x", keyboard: [[{ text: "b", callbackData: tooLongData }]] }]),
    ).rejects.toMatchObject({ code: "callback_data_too_long" })
    await expect(enqueue(deps, { chatId: 1 })).rejects.toBeInstanceOf(InvalidOutboxMessage)
    await expect(enqueue(deps, { chatId: 1, text: "x".repeat(4097) })).rejects.toMatchObject({ code: "text_too_long" })
    await expect(enqueue(deps, { chatId: "abc", text: "x" })).rejects.toMatchObject({ code: "bad_chat_id" })
    // Tags do not count towards the limit: 4096 visible characters in bold are fine.
    await enqueue(deps, { chatId: 1, text: `<b>${"x".repeat(4095)}&lt;</b>`, parseMode: "HTML" })
    expect(await db.prisma.outbox.count()).toBe(1)
  })

  it("isBlocked follows the chat's latest delivery outcome", async () => {
    const deps = depsFor(db, clock)
    const sender = new FakeSender(clock)
    const dispatcher = createDispatcher(deps, sender, { owner: "A", sleep: clock.sleep })
    await enqueue(deps, { chatId: 9, text: "hello" })
    await dispatcher.tick()
    expect(await isBlocked(deps, 9)).toBe(false)

    sender.failNext("bye", new SendFailure("blocked", "403 Forbidden: bot was blocked by the user"))
    await enqueue(deps, { chatId: 9, text: "bye" })
    clock.advance(5000)
    await dispatcher.tick()
    expect(await isBlocked(deps, 9n)).toBe(true)
    expect(await isBlocked(deps, 10)).toBe(false)

    await enqueue(deps, { chatId: 9, text: "welcome back" })
    clock.advance(5000)
    await dispatcher.tick()
    expect(await isBlocked(deps, "9")).toBe(false)
  })
})
