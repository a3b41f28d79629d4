import { describe, expect, it } from "vitest"
import { groupLines, problemLines, problemLinesWithin, splitMessages } from "../../../src/bot/formatting/problems.ts"
import { digestProblems } from "../../../src/services/intake/kinds/results.ts"
import { createTranslator } from "../../../src/i18n.ts"
import { describeGroup, groupProblems, problem, QUOTE_LIMIT } from "../../../src/services/workbooks/problem.ts"

const t = createTranslator("ru")
const scoreInvalid = (row: number, value = "abc") => problem("error", "score-invalid", "Лист1", { value, task: "1" }, { column: 5, row })

describe("problem lines in chat", () => {
  it("puts errors before warnings and says a repeated problem once, with how many more and a few cells", () => {
    const lines = problemLines(t, [
      problem("warning", "variant-unusual", "Лист1", { value: 9 }, { column: 3, row: 2 }),
      ...[2, 3, 4, 5, 6].map((row) => scoreInvalid(row)),
      problem("error", "code-invalid", "Лист1", { value: "12a" }, { column: 1, row: 7 }),
    ])
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^❌ .*E2.*«abc».*\(и ещё в 4 местах: E3, E4, E5…\)$/)
    expect(lines[1]).toMatch(/^❌ .*A7/)
    expect(lines[2]).toMatch(/^⚠️ .*C2/)
  })

  it("caps a cell's quoted content", () => {
    const [line] = problemLines(t, [scoreInvalid(2, "Я".repeat(40_000))])
    expect(line!.length).toBeLessThan(400)
    expect(line).toContain(`«${"Я".repeat(QUOTE_LIMIT - 1)}…»`)
  })

  it("splits a long list into messages under Telegram's 4096, each line whole", () => {
    const lines = Array.from({ length: 60 }, (_, index) => `❌ ${"строка ".repeat(20)}${index}`)
    const messages = splitMessages("Найдено ошибок: 60.", lines)
    expect(messages.length).toBeGreaterThan(1)
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(4096)
    expect(messages.join("\n")).toBe(["Найдено ошибок: 60.", ...lines].join("\n"))
  })

  it("counts the problems a budgeted list covers, groups included", () => {
    const { lines, shown } = problemLinesWithin(t, groupProblems([...[2, 3, 4].map((row) => scoreInvalid(row)), problem("error", "code-invalid", "Лист1", { value: "x" }, { column: 1, row: 9 })]), 10_000)
    expect(lines).toHaveLength(2)
    expect(shown).toBe(4)
  })
})

describe("problem groups (chat and command line)", () => {
  it("groups one pattern by its column: the same code in another column or sheet is another line", () => {
    const groups = groupProblems([
      ...[2, 3, 4].map((row) => scoreInvalid(row)),
      problem("error", "score-invalid", "Лист1", { value: "x", task: "2" }, { column: 6, row: 2 }),
      problem("error", "score-invalid", "Лист2", { value: "x", task: "1" }, { column: 5, row: 2 }),
    ])
    expect(groups.map((group) => [group.first.sheet, group.first.cell, group.more])).toEqual([["Лист1", "E2", 2], ["Лист1", "F2", 0], ["Лист2", "E2", 0]])
  })

  it("counts a pattern over the whole file, not over the first problems the chat lists", () => {
    const digest = digestProblems([2, 3].map((row) => scoreInvalid(row)).concat(Array.from({ length: 27 }, (_, i) => problem("warning", "total-mismatch", "Лист1", { recorded: 1, computed: 0 }, { column: 9, row: 2 + i }))), 20)
    expect(digest.shown).toHaveLength(20)
    expect(digest.groups.map((group) => [group.first.code, 1 + group.more])).toEqual([["score-invalid", 2], ["total-mismatch", 27]])
    expect(groupLines(t, digest.groups)[1]).toContain("(и ещё в 26 местах: I3, I4, I5…)")
  })

  it("says a whole-row pattern once, with a few of its rows", () => {
    const longer = (row: number) => problem("warning", "row-longer-than-header", "Протокол", { extra: 1 }, { row })
    const [group] = groupProblems([7053, 7054, 7055, 7056, 7057].map(longer))
    expect(group!.rows).toEqual([7054, 7055, 7056])
    expect(describeGroup(group!, t)).toMatch(/\(и ещё в 4 строках: 7054, 7055, 7056…\)$/)
  })

  it("names the cells of a few repeats and says the rest by count", () => {
    const [group] = groupProblems([2, 3, 4, 5, 6, 7].map((row) => scoreInvalid(row)))
    expect(group!.more).toBe(5)
    expect(group!.cells).toEqual(["E3", "E4", "E5"])
    expect(describeGroup(group!, t)).toMatch(/\(и ещё в 5 местах: E3, E4, E5…\)$/)
  })
})

describe("the «Загружено» lines count the rows left out", () => {
  it("says them in the CLI line only when there are some, and in chat", () => {
    const base = { title: "ВПР 2022 · Математика · 4 класс", schools: 1, present: 5, absent: 0 }
    expect(t("cli-imported", { ...base, excluded: 0 })).toBe("Загружено: ВПР 2022 · Математика · 4 класс. Школ: 1, участников: 5, отсутствовали: 0.")
    expect(t("cli-imported", { ...base, excluded: 2 })).toBe("Загружено: ВПР 2022 · Математика · 4 класс. Школ: 1, участников: 5, отсутствовали: 0. Не загружено строк с ошибками: 2.")
    expect(t("upload-excluded", { count: 2 })).toContain("Не загружено строк с ошибками: 2.")
  })
})
