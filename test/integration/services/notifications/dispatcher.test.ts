import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import type { Database } from "../../../../src/db/client.ts"
import { createDispatcher, type DispatcherOptions } from "../../../../src/services/notifications/dispatcher.ts"
import { enqueue, enqueueMany } from "../../../../src/services/notifications/outbox.ts"
import { SendFailure } from "../../../../src/services/notifications/sender.ts"
import { claimDue } from "../../../../src/services/notifications/store.ts"
import { availableDatabases, createTestDatabase, truncateAll } from "../../../support/db.ts"
import { FakeSender, T0, TestClock, depsFor, rowsByText } from "./helpers.ts"

describe.each(availableDatabases())("outbox dispatcher on %s", (kind) => {
  let db: Database
  let clock: TestClock
  let sender: FakeSender
  beforeAll(async () => {
    db = await createTestDatabase(kind)
  })
  afterAll(async () => {
    await db?.close()
  })
  beforeEach(async () => {
    await truncateAll(db)
    clock = new TestClock()
    sender = new FakeSender(clock)
  })

  const deps = () => depsFor(db, clock)
  const dispatcher = (options: Partial<DispatcherOptions> = {}, using = sender) =>
    createDispatcher(deps(), using, { owner: "A", sleep: clock.sleep, random: () => 0.5, ...options })

  it("sends due messages once, records the message id, and waits for notBefore", async () => {
    await enqueue(deps(), { chatId: 1, text: "now" })
    await enqueue(deps(), { chatId: 2, text: "later", notBefore: new Date(T0 + 30_000) })
    const a = dispatcher()
    expect(await a.tick()).toMatchObject({ claimed: 1, sent: 1, retried: 0, blocked: 0, failed: 0 })
    expect(await a.tick()).toMatchObject({ claimed: 0, sent: 0 })
    clock.advance(30_000)
    expect(await a.tick()).toMatchObject({ sent: 1 })
    expect(sender.calls.map((call) => call.payload.text)).toEqual(["now", "later"])
    const row = (await rowsByText(db)).get("now")!
    expect(row).toMatchObject({ status: "sent", messageId: 1000, leaseOwner: null, leaseUntil: null, attempts: 0 })
    expect(row.sentAt?.getTime()).toBe(T0)
  })

  it("waits out a 429's retry_after without counting an attempt, then sends once", async () => {
    await enqueue(deps(), { chatId: 1, text: "hi" })
    sender.failNext("hi", SendFailure.rateLimited(5))
    const a = dispatcher()
    expect(await a.tick()).toMatchObject({ retried: 1, sent: 0 })
    const waiting = (await rowsByText(db)).get("hi")!
    expect(waiting).toMatchObject({ status: "pending", attempts: 0, leaseOwner: null })
    expect(waiting.notBefore.getTime()).toBe(T0 + 5000)
    clock.advance(4000)
    expect(await a.tick()).toMatchObject({ claimed: 0 })
    clock.advance(1000)
    expect(await a.tick()).toMatchObject({ sent: 1 })
    expect(sender.attempts).toHaveLength(2)
    expect(sender.calls).toHaveLength(1)
  })

  it("holds back the rest of a rate-limited chat, not other chats; two limited chats pause everything", async () => {
    await enqueueMany(deps(), [
      { chatId: 1, text: "1a" },
      { chatId: 1, text: "1b" },
      { chatId: 2, text: "2a" },
      { chatId: 3, text: "3a" },
    ])
    sender.failNext("1a", SendFailure.rateLimited(10))
    const a = dispatcher({ concurrency: 1 })
    expect(await a.tick()).toMatchObject({ retried: 1, deferred: 1, sent: 2 })
    expect(sender.calls.map((call) => call.payload.text)).toEqual(["2a", "3a"])
    const rows = await rowsByText(db)
    expect(rows.get("1b")!.notBefore.getTime()).toBeGreaterThanOrEqual(T0 + 10_000)

    // Chat 1 is still paused when chat 4 gets a 429 too: the bot as a whole is over its budget.
    await enqueueMany(deps(), [{ chatId: 4, text: "4a" }, { chatId: 5, text: "5a" }])
    sender.failNext("4a", SendFailure.rateLimited(20))
    clock.advance(1000)
    expect(await a.tick()).toMatchObject({ retried: 1 })
    clock.advance(1000)
    expect(await a.tick()).toMatchObject({ claimed: 0 }) // globally paused: claims nothing
    clock.advance(20_000)
    await a.tick()
    clock.advance(5000)
    await a.tick()
    expect(sender.calls.map((call) => call.payload.text).sort()).toEqual(["1a", "1b", "2a", "3a", "4a", "5a"])
  })

  it("records a 403 as blocked, never retries it, and skips the chat's other messages", async () => {
    await enqueueMany(deps(), [
      { chatId: 1, text: "a" },
      { chatId: 1, text: "b" },
      { chatId: 2, text: "c" },
    ])
    sender.failNext("a", new SendFailure("blocked", "403 Forbidden: bot was blocked by the user"))
    const a = dispatcher({ concurrency: 1 })
    expect(await a.tick()).toMatchObject({ blocked: 2, sent: 1 })
    clock.advance(3600_000)
    expect(await a.tick()).toMatchObject({ claimed: 0 })
    expect(sender.attempts.map((call) => call.payload.text)).toEqual(["a", "c"])
    const rows = await rowsByText(db)
    expect(rows.get("a")).toMatchObject({ status: "blocked", lastError: "blocked: 403 Forbidden: bot was blocked by the user" })
    expect(rows.get("b")!.status).toBe("blocked")
  })

  it("fails a 400 at once with Telegram's description", async () => {
    await enqueue(deps(), { chatId: 1, text: "bad" })
    sender.failNext("bad", new SendFailure("bad_request", "400 Bad Request: chat not found"))
    const a = dispatcher()
    expect(await a.tick()).toMatchObject({ failed: 1 })
    clock.advance(3600_000)
    expect(await a.tick()).toMatchObject({ claimed: 0 })
    const row = (await rowsByText(db)).get("bad")!
    expect(row).toMatchObject({ status: "failed", attempts: 1 })
    expect(row.lastError).toContain("chat not found")
  })

  it("retries transient failures with exponential backoff, then succeeds", async () => {
    await enqueue(deps(), { chatId: 1, text: "flaky" })
    sender.failNext("flaky", new SendFailure("transient", "502 Bad Gateway"), new Error("socket hang up"))
    const a = dispatcher()
    expect(await a.tick()).toMatchObject({ retried: 1 })
    let row = (await rowsByText(db)).get("flaky")!
    // attempt 1: 2 s base, equal jitter with random 0.5 → 1.5 s
    expect(row).toMatchObject({ attempts: 1, status: "pending", lastError: "transient: 502 Bad Gateway" })
    expect(row.notBefore.getTime()).toBe(T0 + 1500)
    clock.advance(1500)
    expect(await a.tick()).toMatchObject({ retried: 1 })
    row = (await rowsByText(db)).get("flaky")!
    expect(row.attempts).toBe(2)
    expect(row.notBefore.getTime()).toBe(T0 + 1500 + 3000) // 4 s base → 3 s
    clock.advance(2999)
    expect(await a.tick()).toMatchObject({ claimed: 0 })
    clock.advance(1)
    expect(await a.tick()).toMatchObject({ sent: 1 })
    expect((await rowsByText(db)).get("flaky")).toMatchObject({ status: "sent", attempts: 2, lastError: null })
  })

  it("gives up after maxAttempts transient failures", async () => {
    await enqueue(deps(), { chatId: 1, text: "down" })
    const outage = new SendFailure("transient", "network: ECONNRESET")
    sender.failNext("down", outage, outage, outage, outage)
    const a = dispatcher({ maxAttempts: 3 })
    const outcomes = []
    for (let i = 0; i < 5; i++) {
      outcomes.push(await a.tick())
      clock.advance(600_000)
    }
    expect(outcomes.map((o) => [o.retried, o.failed])).toEqual([[1, 0], [1, 0], [0, 1], [0, 0], [0, 0]])
    expect(sender.attempts).toHaveLength(3)
    expect((await rowsByText(db)).get("down")).toMatchObject({ status: "failed", attempts: 3 })
  })

  it("re-sends exactly once after a dispatcher dies between claim and send", async () => {
    await enqueueMany(deps(), [{ chatId: 1, text: "x" }, { chatId: 2, text: "y" }])
    // A claims both rows and dies before sending.
    const claimed = await claimDue(db.prisma, { owner: "A", now: clock.now(), leaseSeconds: 60, limit: 25 })
    expect(claimed).toHaveLength(2)
    const b = dispatcher({ owner: "B" })
    expect(await b.tick()).toMatchObject({ claimed: 0 }) // the lease still protects the rows
    clock.advance(60_000)
    expect(await b.tick()).toMatchObject({ claimed: 2, sent: 2 })
    expect(await b.tick()).toMatchObject({ claimed: 0 })
    expect(sender.calls.map((call) => call.payload.text).sort()).toEqual(["x", "y"])
  })

  it("lets a stalled dispatcher's late result not overwrite the one that took over", async () => {
    await enqueue(deps(), { chatId: 1, text: "z" })
    const stalled = new FakeSender(clock, { firstMessageId: 5000 })
    stalled.hold()
    const aTick = dispatcher({ owner: "A" }, stalled).tick()
    while (stalled.heldCount === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    clock.advance(61_000)
    const b = dispatcher({ owner: "B" })
    expect(await b.tick()).toMatchObject({ sent: 1 })
    stalled.releaseAll()
    await aTick
    const row = (await rowsByText(db)).get("z")!
    expect(row).toMatchObject({ status: "sent", messageId: 1000, leaseOwner: null })
    expect(sender.calls).toHaveLength(1)
  })

  it("never sends a row twice with two dispatchers working the same table", async () => {
    const messages = Array.from({ length: 100 }, (_, i) => ({ chatId: 1 + (i % 40), text: `m${i}` }))
    await enqueueMany(deps(), messages)
    const shared = new FakeSender(clock, { yieldEachSend: true })
    const fast = { perSecond: 100_000, perChatIntervalMs: 0, batchSize: 10, concurrency: 3 }
    const a = dispatcher({ owner: "A", ...fast }, shared)
    const b = dispatcher({ owner: "B", ...fast }, shared)
    const drain = async (d: ReturnType<typeof dispatcher>) => {
      let sent = 0
      for (;;) {
        const result = await d.tick()
        sent += result.sent
        if (result.claimed === 0) return sent
      }
    }
    // On PostgreSQL the two run on separate pool connections; PGlite's single connection interleaves them.
    const [sentByA, sentByB] = await Promise.all([drain(a), drain(b)])
    expect(sentByA + sentByB).toBe(100)
    expect(sentByA).toBeGreaterThan(0)
    expect(sentByB).toBeGreaterThan(0)
    const texts = shared.calls.map((call) => call.payload.text)
    expect(new Set(texts).size).toBe(100)
    expect(texts).toHaveLength(100)
    expect(await db.prisma.outbox.count({ where: { status: "sent" } })).toBe(100)
  })

  it("paces each chat (burst, then 1 s apart) and groups (3 s apart) without holding up other chats", async () => {
    await enqueueMany(deps(), [
      ...["p1", "p2", "p3", "p4", "p5"].map((text) => ({ chatId: 1, text })),
      ...["g1", "g2", "g3"].map((text) => ({ chatId: -100, text })),
      { chatId: 2, text: "q1" },
    ])
    const a = dispatcher({ perSecond: 1000, holdMs: 10_000 })
    expect(await a.tick()).toMatchObject({ sent: 9, deferred: 0 })
    // Send times are lower bounds here: the test clock jumps ahead with each pacing sleep while earlier
    // sends are still being recorded (the burst timing itself is checked in pacer.test.ts).
    const at = (text: string) => sender.calls.find((call) => call.payload.text === text)!.atMs - T0
    const order = sender.calls.map((call) => call.payload.text!)
    expect(sender.textsTo(1n)).toEqual(["p1", "p2", "p3", "p4", "p5"])
    expect(order.indexOf("q1")).toBeLessThan(order.indexOf("p4")) // chat 2 does not queue behind chat 1
    expect(at("p4") - at("p1")).toBeGreaterThanOrEqual(1000)
    expect(at("p5") - at("p4")).toBeGreaterThanOrEqual(1000)
    expect(at("g2") - at("g1")).toBeGreaterThanOrEqual(3000)
    expect(at("g3") - at("g2")).toBeGreaterThanOrEqual(3000)
  })

  it("after a stall goes on at its pace instead of sending the overdue slots at once", async () => {
    await enqueueMany(deps(), Array.from({ length: 25 }, (_, index) => ({ chatId: index + 1, text: `m${index + 1}` })))
    // The first pacing sleep oversleeps by a second, as when the event loop was blocked by other work.
    let stalled = false
    const stallingSleep = async (ms: number) => {
      clock.advance(ms + (stalled ? 0 : 1000))
      stalled = true
    }
    const a = dispatcher({ perSecond: 25, sleep: stallingSleep })
    expect(await a.tick()).toMatchObject({ sent: 25 })
    const starts = sender.calls.map((call) => call.atMs)
    const gaps = starts.slice(1).map((at, index) => at - starts[index]!)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(40)
    // What is recorded as sent is when each send started.
    const rows = await rowsByText(db)
    expect(sender.calls.map((call) => rows.get(call.payload.text!)!.sentAt?.getTime())).toEqual(starts)
  })

  it("leaves a chat to the dispatcher that holds rows of it, so one chat's messages keep their order", async () => {
    await enqueueMany(deps(), [{ chatId: 1, text: "part 1" }, { chatId: 1, text: "part 2" }, { chatId: 2, text: "other" }])
    expect((await claimDue(db.prisma, { owner: "B", now: new Date(T0), leaseSeconds: 60, limit: 1 })).map((row) => row.chatId)).toEqual([1n])
    expect(await dispatcher().tick()).toMatchObject({ claimed: 1, sent: 1 })
    expect(sender.calls.map((call) => call.payload.text)).toEqual(["other"])
    expect((await rowsByText(db)).get("part 2")).toMatchObject({ status: "pending", leaseOwner: null })
  })

  it("sends one message at a time per chat, so a slow send cannot be overtaken, while other chats go on", async () => {
    await enqueueMany(deps(), [
      ...["p1", "p2", "p3"].map((text) => ({ chatId: 1, text })),
      { chatId: 2, text: "q1" },
    ])
    const order: string[] = []
    const slowFirst = {
      async send(_chatId: bigint, payload: { text?: string }) {
        await new Promise((resolve) => setTimeout(resolve, payload.text === "p1" ? 40 : 1))
        order.push(payload.text ?? "")
        return { messageId: order.length }
      },
    }
    const a = dispatcher({ perSecond: 1e6, perChatIntervalMs: 0, concurrency: 4 }, slowFirst as never)
    expect(await a.tick()).toMatchObject({ sent: 4 })
    expect(order.filter((text) => text.startsWith("p"))).toEqual(["p1", "p2", "p3"])
    expect(order.indexOf("q1")).toBeLessThan(order.indexOf("p1"))
  })

  it("puts back what cannot go within holdMs, due when its chat may send again", async () => {
    await enqueueMany(deps(), ["g1", "g2", "g3"].map((text) => ({ chatId: -100, text })))
    const a = dispatcher() // holdMs 2 s, 20 a minute per group
    expect(await a.tick()).toMatchObject({ sent: 1, deferred: 2 })
    const rows = await rowsByText(db)
    expect(rows.get("g2")).toMatchObject({ leaseOwner: null, attempts: 0 })
    expect(rows.get("g2")!.notBefore.getTime()).toBe(T0 + 3000)
    expect(rows.get("g3")!.notBefore.getTime()).toBe(T0 + 6000)
    clock.advance(3000)
    expect(await a.tick()).toMatchObject({ sent: 1 })
    clock.advance(3000)
    expect(await a.tick()).toMatchObject({ sent: 1 })
    expect(sender.textsTo(-100n)).toEqual(["g1", "g2", "g3"])
  })

  it("runs in the background and stops only after the current tick has finished", async () => {
    const slow = new FakeSender(clock)
    const a = createDispatcher(deps(), slow, { owner: "loop", idleMs: 5 })
    a.start()
    await enqueue(deps(), { chatId: 1, text: "one" })
    for (let i = 0; i < 3000 && slow.calls.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(slow.calls).toHaveLength(1)

    slow.hold()
    await enqueue(deps(), { chatId: 2, text: "two" })
    while (slow.heldCount === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    let stopped = false
    const stopping = a.stop().then(() => (stopped = true))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(stopped).toBe(false) // still waiting for the send in flight
    slow.releaseAll()
    await stopping
    expect((await rowsByText(db)).get("two")!.status).toBe("sent")

    await enqueue(deps(), { chatId: 3, text: "three" })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(slow.calls.map((call) => call.payload.text)).toEqual(["one", "two"])
  })
})
