// Pure parts of the outbox (no database): pacing, backoff, payload limits.
import { describe, expect, it } from "vitest"
import { retryDelaySeconds } from "../../../../src/services/notifications/backoff.ts"
import { Pacer, planSends } from "../../../../src/services/notifications/pacer.ts"
import { toPayload, visibleHtmlLength, fileContent } from "../../../../src/services/notifications/payload.ts"

const rules = { perSecond: 25, perChatIntervalMs: 1000, chatBurst: 3, groupPerMinute: 20 }

/** Books `count` sends to a chat as early as allowed, returning their times. */
function book(pacer: Pacer, chatId: bigint, count: number, fromMs = 0): number[] {
  return Array.from({ length: count }, () => {
    const at = pacer.earliest(chatId, fromMs)
    pacer.reserve(chatId, at)
    return at
  })
}

describe("Pacer", () => {
  it("lets a chat have a burst of 3, then one a second, spaced 40 ms overall at 25/s", () => {
    expect(book(new Pacer(rules), 1n, 6)).toEqual([0, 40, 80, 1000, 2000, 3000])
  })

  it("keeps groups to 20 a minute", () => {
    const times = book(new Pacer(rules), -100n, 21)
    expect(times.slice(0, 3)).toEqual([0, 3000, 6000])
    expect(times[20]).toBe(60_000) // the 21st message waits a full minute
  })

  it("keeps the overall rate at perSecond across chats", () => {
    const pacer = new Pacer(rules)
    const times = Array.from({ length: 50 }, (_, i) => book(pacer, BigInt(i + 1), 1)[0]!)
    expect(times.at(-1)).toBe(49 * 40)
    expect(times.filter((t) => t < 1000)).toHaveLength(25)
  })

  it("treats a zero interval as no limit", () => {
    const pacer = new Pacer({ perSecond: 0, perChatIntervalMs: 0, chatBurst: 1, groupPerMinute: 0 })
    expect(book(pacer, -5n, 100).every((t) => t === 0)).toBe(true)
  })

  it("honours pauses for one chat and for everyone, and forgets them once over", () => {
    const pacer = new Pacer(rules)
    pacer.pauseChat(1n, 5000)
    expect(pacer.earliest(1n, 0)).toBe(5000)
    expect(pacer.earliest(2n, 0)).toBe(0)
    expect(pacer.anotherChatPaused(1n, 0)).toBe(false)
    expect(pacer.anotherChatPaused(2n, 0)).toBe(true)
    pacer.pauseAll(8000)
    expect(pacer.globalPause(0)).toBe(8000)
    expect(pacer.earliest(2n, 0)).toBe(8000)
    pacer.prune(9000)
    expect(pacer.chatPause(1n, 9000)).toBeNull()
    expect(pacer.globalPause(9000)).toBeNull()
    expect(pacer.earliest(1n, 9000)).toBe(9000)
  })

  it("spaces real starts by the overall interval, and drops what was booked before the clock was set back", () => {
    const pacer = new Pacer(rules)
    const hour = 3_600_000
    book(pacer, -7n, 3, hour) // a group: 3 s apart
    pacer.started(hour)
    expect(pacer.startSlot(0 + hour)).toBe(hour + 40)
    // The clock is set back an hour: the bookings are not waited for.
    pacer.prune(0)
    expect(pacer.earliest(-7n, 0)).toBe(0)
    expect(pacer.startSlot(0)).toBe(0)
  })
})

describe("planSends", () => {
  it("sends the earliest-possible message next, keeps each chat in order, and defers past the horizon", () => {
    const items = [
      ...[1, 2, 3, 4, 5].map((n) => ({ chatId: 1n, name: `a${n}` })),
      { chatId: 2n, name: "b1" },
    ]
    const pacer = new Pacer({ ...rules, perSecond: 1000 })
    const { now, later } = planSends(pacer, items, 0, 1500)
    expect(now.map((p) => [p.item.name, p.atMs])).toEqual([["a1", 0], ["a2", 1], ["a3", 2], ["b1", 3], ["a4", 1000]])
    // a5 could go at 2000; nothing else was waiting, so its estimate is exact.
    expect(later.map((p) => [p.item.name, p.atMs])).toEqual([["a5", 2000]])
  })

  it("spreads deferred messages of one chat by its spacing", () => {
    const pacer = new Pacer(rules)
    const items = ["g1", "g2", "g3", "g4"].map((name) => ({ chatId: -7n, name }))
    const { now, later } = planSends(pacer, items, 0, 2000)
    expect(now.map((p) => p.item.name)).toEqual(["g1"])
    expect(later.map((p) => p.atMs)).toEqual([3000, 6000, 9000])
  })
})

describe("retryDelaySeconds", () => {
  it("doubles per attempt with equal jitter and stops at 10 minutes", () => {
    expect(retryDelaySeconds(1, () => 0)).toBe(1)
    expect(retryDelaySeconds(1, () => 0.999)).toBeCloseTo(2, 2)
    expect(retryDelaySeconds(3, () => 0.5)).toBe(6)
    expect(retryDelaySeconds(12, () => 0)).toBe(300)
    expect(retryDelaySeconds(30, () => 1)).toBe(600)
  })
})

describe("payload", () => {
  it("counts HTML text as Telegram does, after tags and entities", () => {
    expect(visibleHtmlLength("<b>a&lt;b</b> <a href=\"https://x.ru\">ссылка</a> &#128512;")).toBe("a<b ссылка _".length)
  })

  it("round-trips file bytes through base64 and keeps file ids as they are", () => {
    const bytes = Buffer.from("PK\u0003\u0004 xlsx", "latin1")
    const payload = toPayload({ chatId: 1, text: "caption", document: { fileName: "a.xlsx", bytes } })
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload)
    expect(fileContent(payload.document!)).toEqual({ fileName: "a.xlsx", bytes })
    expect(toPayload({ chatId: 1, photo: { fileId: "AgAD" } }).photo).toEqual({ fileId: "AgAD" })
  })

  it("limits captions to 1024 characters and refuses a document together with a photo", () => {
    const file = { fileName: "a.png", bytes: Buffer.alloc(10) }
    expect(() => toPayload({ chatId: 1, text: "x".repeat(1025), photo: file })).toThrow(/caption_too_long/)
    expect(() => toPayload({ chatId: 1, document: file, photo: file })).toThrow(/both_document_and_photo/)
    expect(() => toPayload({ chatId: 1, text: "x", keyboard: [[{ text: "b" } as never]] })).toThrow(/bad_button/)
  })
})
