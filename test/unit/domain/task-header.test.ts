import { describe, expect, it } from "vitest"
import { canonicalTaskLabel, formatTaskHeader, normaliseHeader, parseTaskHeader, parseTaskLabel, TASK_HEADER } from "../../../src/domain/task-header.ts"

/** Every distinct kind of task header of the 2022 files (formats.md §8.2), trailing spaces included. */
const REAL_HEADERS: [string, string, number][] = [
  ["1 (1б)", "1", 1], ["5(1) (1б)", "5.1", 1], ["1.2 (2б)", "1.2", 2], ["10К1 (1б)", "10К1", 1],
  ["4.2 (2б) ", "4.2", 2], ["11 (1б) ", "11", 1], ["5(1б)", "5", 1], ["16 (1) (1б)", "16.1", 1],
  ["17К1 (2б)", "17К1", 2], ["1К1 (4б)", "1К1", 4], ["14(2) (2б)", "14.2", 2],
]

describe("task headers (formats.md §7.1)", () => {
  it.each(REAL_HEADERS)("reads %j as task %s with maximum %i", (text, label, max) => {
    expect(parseTaskHeader(text)).toEqual({ label, max })
  })

  it("accepts the third-party spellings with Latin K and lower-case k", () => {
    expect(parseTaskHeader("1K1 (2б)")).toEqual({ label: "1К1", max: 2 })
    expect(parseTaskHeader("11.3 k1 (2б)")).toEqual({ label: "11.3К1", max: 2 })
  })

  it.each(["Вариант", "Итого баллов", "Код", "12", "1 (1)", "Наименование класса", "балл за 3"])("rejects %j", (text) => {
    expect(TASK_HEADER.test(text)).toBe(false)
    expect(parseTaskHeader(text)).toBeNull()
  })

  it("canonicalises labels as the spec catalogue writes them", () => {
    expect(canonicalTaskLabel("5(1)")).toBe("5.1")
    expect(canonicalTaskLabel("16 (1)")).toBe("16.1")
    expect(canonicalTaskLabel("4,2")).toBe("4.2")
    expect(canonicalTaskLabel("1k1")).toBe("1К1")
  })

  it("reads typed labels and refuses what is not one", () => {
    expect(parseTaskLabel(" 5(2) ")).toBe("5.2")
    expect(parseTaskLabel("10K2")).toBe("10К2")
    expect(parseTaskLabel("задание 5")).toBeNull()
    expect(parseTaskLabel("")).toBeNull()
  })

  it("writes headers that parse back", () => {
    expect(parseTaskHeader(formatTaskHeader({ label: "9.1", max: 1 }))).toEqual({ label: "9.1", max: 1 })
  })

  it("normalises header whitespace, tabs and case", () => {
    expect(normaliseHeader("2.\tСОКРАЩЕННОЕ  наименование\u00a0ОО ")).toBe("2. сокращенное наименование оо")
    expect(normaliseHeader("Отметка за предыдущий триместр/ четверть/полугодие")).toBe("отметка за предыдущий триместр/ четверть/полугодие")
  })
})
