import { describe, expect, it } from "vitest"
import { rankFaq } from "../../../../src/domain/hotline/faq-rank.ts"
import { isInternalNote, nextStatus, userReopenRefusal } from "../../../../src/domain/hotline/lifecycle.ts"
import { splitText } from "../../../../src/domain/hotline/split-text.ts"
import { median, monthStatistics } from "../../../../src/domain/hotline/stats.ts"

describe("splitText", () => {
  it("keeps a short text whole and cuts a long one at paragraph, line, then word boundaries", () => {
    expect(splitText("коротко")).toEqual(["коротко"])
    const paragraphs = `${"а".repeat(3000)}\n\n${"б".repeat(3000)}`
    expect(splitText(paragraphs)).toEqual(["а".repeat(3000), "б".repeat(3000)])
    const words = Array.from({ length: 1000 }, () => "слово").join(" ")
    const parts = splitText(words, 100)
    expect(parts.every((part) => part.length <= 100 && !part.startsWith(" ") && !part.endsWith(" "))).toBe(true)
    expect(parts.join(" ")).toBe(words)
  })

  it("cuts a word longer than a part, never inside a surrogate pair", () => {
    const emoji = "😀".repeat(10) // 20 UTF-16 units
    const parts = splitText(emoji, 7)
    expect(parts.every((part) => part.length <= 7)).toBe(true)
    expect(parts.join("")).toBe(emoji)
    expect(parts.every((part) => !/[\uD800-\uDBFF]$/.test(part))).toBe(true)
  })
})

describe("the ticket lifecycle", () => {
  it("moves new → in progress → answered → closed and back when the user writes or reopens", () => {
    expect(nextStatus("new", "take", true)).toBe("in_progress")
    expect(nextStatus("in_progress", "staff_reply", true)).toBe("answered")
    expect(nextStatus("answered", "user_message", true)).toBe("in_progress")
    expect(nextStatus("answered", "user_message", false)).toBe("new")
    expect(nextStatus("answered", "close", true)).toBe("closed")
    expect(nextStatus("closed", "user_message", true)).toBeNull()
    expect(nextStatus("closed", "staff_reply", true)).toBeNull()
    expect(nextStatus("closed", "reopen", false)).toBe("new")
    expect(nextStatus("new", "reopen", false)).toBeNull()
  })

  it("lets the user reopen once, within the window", () => {
    const closedAt = new Date("2027-03-01T00:00:00Z")
    const day = 86_400_000
    expect(userReopenRefusal({ status: "closed", closedAt, reopenCount: 0 }, new Date(closedAt.getTime() + 13 * day))).toBeNull()
    expect(userReopenRefusal({ status: "closed", closedAt, reopenCount: 0 }, new Date(closedAt.getTime() + 15 * day))).toBe("too_late")
    expect(userReopenRefusal({ status: "closed", closedAt, reopenCount: 1 }, closedAt)).toBe("already_reopened")
    expect(userReopenRefusal({ status: "answered", closedAt: null, reopenCount: 0 }, closedAt)).toBe("not_closed")
  })

  it("takes a message starting with «!» for an internal note", () => {
    expect(isInternalNote("! позвонить в школу")).toBe(true)
    expect(isInternalNote("  !важно")).toBe(true)
    expect(isInternalNote("Здравствуйте!")).toBe(false)
    expect(isInternalNote(null)).toBe(false)
  })
})

describe("rankFaq", () => {
  const faq = [
    { id: 1, question: ["когд", "будут", "известн", "результат", "впр"], answer: ["работ", "провер", "учител"] },
    { id: 2, question: ["скольк", "длит", "проверочн", "работ"], answer: ["урок", "минут", "впр"] },
    { id: 3, question: ["поч", "отметк", "впр", "журнал"], answer: ["работ", "четверт", "результат"] },
    { id: 4, question: ["кто", "наблюда", "впр"], answer: ["наблюдател", "школ", "работ"] },
    { id: 5, question: ["даты", "впр", "назнача"], answer: ["школ", "ден", "период"] },
    { id: 6, question: ["рейтинг", "школ", "впр"], answer: ["результат", "учител", "работ"] },
  ]

  it("ranks by rare words, twice in the question, and merges stems one of which begins the other", () => {
    expect(rankFaq(["извест", "результат"], faq)[0]!.id).toBe(1)
    expect(rankFaq(["наблюдател"], faq).map((hit) => hit.id)).toEqual([4])
    expect(rankFaq(["журнал", "отметк", "впр"], faq)[0]!.id).toBe(3)
  })

  it("ignores words in most entries, greetings, and a single rare word found only in an answer", () => {
    expect(rankFaq(["впр", "работ"], faq)).toEqual([])
    expect(rankFaq(["добр", "ден"], faq)).toEqual([])
    expect(rankFaq(["минут"], faq)).toEqual([])
    expect(rankFaq(["минут", "урок"], faq).map((hit) => hit.id)).toEqual([2])
    expect(rankFaq(["результат"], [])).toEqual([])
    // Marks and grades («поставили 2», «в 4 классе») say nothing about the topic.
    expect(rankFaq(["4", "2"], [...faq, { id: 7, question: ["предмет", "4", "класс"], answer: [] }])).toEqual([])
  })
})

describe("month statistics", () => {
  it("counts topics and ratings, and takes the median first answer over answered tickets", () => {
    expect(median([])).toBeNull()
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    const stats = monthStatistics(
      [
        { topic: "results", firstResponseMinutes: 60, rating: 5, escalated: false, closedBy: "user" },
        { topic: "results", firstResponseMinutes: 300, rating: null, escalated: true, closedBy: "auto" },
        { topic: "objectivity", firstResponseMinutes: null, rating: null, escalated: true, closedBy: null },
      ],
      4,
    )
    expect(stats).toEqual({
      tickets: 3,
      byTopic: { dates: 0, results: 2, objectivity: 1, other: 0 },
      answered: 2,
      medianFirstResponseMinutes: 180,
      ratings: [0, 0, 0, 0, 1],
      meanRating: 5,
      escalated: 2,
      autoClosed: 1,
      answeredByFaq: 4,
    })
  })
})
