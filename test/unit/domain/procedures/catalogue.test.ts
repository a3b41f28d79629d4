import { describe, expect, it } from "vitest"
import {
  compareTaskHeaders, findSpec, INCOMPLETE_SPECS, latestVersions, PROCEDURE_SPECS, specMatchingHeaders,
} from "../../../../src/domain/procedures/index.ts"
import type { ProcedureSpec } from "../../../../src/domain/results.ts"
import { parseTaskHeader, parseTaskLabel } from "../../../../src/domain/task-header.ts"

const MATH4_2022_HEADERS = ["1 (1б)", "2 (1б)", "3 (2б)", "4 (1б)", "5(1) (1б)", "5(2) (1б)", "6(1) (1б)", "6(2) (1б)", "7 (1б)", "8 (2б)", "9(1) (1б)", "9(2) (1б)", "10 (2б)", "11 (2б)", "12 (2б)"]
const headers = (texts: string[]) => texts.map((text) => parseTaskHeader(text)!)

describe("the shipped spec catalogue (formats.md §8.3)", () => {
  it("ships every spec with tasks: 9 of 2021, 21 of 2022, 2 of 2026, all version 1", () => {
    const byYear = (year: number) => PROCEDURE_SPECS.filter((spec) => spec.year === year).length
    expect([byYear(2021), byYear(2022), byYear(2026)]).toEqual([9, 21, 2])
    expect(PROCEDURE_SPECS.every((spec) => spec.version === 1 && spec.kind === "ВПР")).toBe(true)
    expect(INCOMPLETE_SPECS.map((spec) => `${spec.subject} ${spec.grade} ${spec.year}`)).toEqual(["Русский язык 7 2021"])
  })

  it.each(PROCEDURE_SPECS.map((spec) => [`${spec.subject} ${spec.grade} ${spec.year}`, spec] as const))("%s is consistent", (_, spec) => {
    expect(spec.tasks.reduce((sum, task) => sum + task.max, 0)).toBe(spec.maxTotal)
    expect(new Set(spec.tasks.map((task) => task.label)).size).toBe(spec.tasks.length)
    for (const task of spec.tasks) expect(parseTaskLabel(task.label)).toBe(task.label)
    if (spec.scale) {
      expect(spec.scale["3"]).toBeLessThan(spec.scale["4"])
      expect(spec.scale["4"]).toBeLessThan(spec.scale["5"])
      expect(spec.scale["5"]).toBeLessThanOrEqual(spec.maxTotal)
    }
  })

  it("keeps the published figures: Математика 4 2021 and Русский язык 4 2026", () => {
    const math = findSpec({ kind: "ВПР", year: 2021, subject: "Математика", grade: 4 })!
    expect(math.tasks.map((task) => task.label).join(" ")).toBe("1 2 3 4 5.1 5.2 6.1 6.2 7 8 9.1 9.2 10 11 12")
    expect(math.scale).toEqual({ "3": 6, "4": 10, "5": 15 })
    const russian = findSpec({ kind: "ВПР", year: 2026, subject: "русскому языку", grade: 4 })!
    expect(russian.maxTotal).toBe(24)
    expect(russian.tasks.filter((task) => task.level === "П").map((task) => task.label)).toEqual(["9", "10"])
  })
})

describe("findSpec", () => {
  const fixed: ProcedureSpec = { ...findSpec({ kind: "ВПР", year: 2022, subject: "История", grade: 5 })!, version: 2, scale: { "3": 4, "4": 8, "5": 12 } }
  const specs = [...PROCEDURE_SPECS, fixed]

  it("takes the highest version, or the one asked for", () => {
    expect(findSpec({ kind: "ВПР", year: 2022, subject: "История", grade: 5 }, specs)?.version).toBe(2)
    expect(findSpec({ kind: "ВПР", year: 2022, subject: "История", grade: 5 }, specs, 1)?.scale).toBeNull()
    expect(latestVersions(specs).filter((spec) => spec.subject === "История" && spec.grade === 5)).toEqual([fixed])
  })

  it("returns null for an unknown procedure or kind", () => {
    expect(findSpec({ kind: "ВПР", year: 2023, subject: "Математика", grade: 4 })).toBeNull()
    expect(findSpec({ kind: "КДР", year: 2021, subject: "Математика", grade: 4 })).toBeNull()
  })
})

describe("specMatchingHeaders", () => {
  it("identifies the test from its header set, newest year first", () => {
    const found = specMatchingHeaders(headers(MATH4_2022_HEADERS))
    expect(found.map((spec) => `${spec.subject} ${spec.grade} ${spec.year}`)).toEqual(["Математика 4 2022", "Математика 4 2021"])
    expect(specMatchingHeaders(headers(MATH4_2022_HEADERS), 2021)).toHaveLength(1)
  })

  it("finds every test sharing a structure (География 10 and 11)", () => {
    const geography = findSpec({ kind: "ВПР", year: 2022, subject: "География", grade: 11 })!
    const found = specMatchingHeaders(geography.tasks, 2022)
    expect(found.map((spec) => spec.grade)).toEqual([10, 11])
  })

  it("finds nothing when one maximum differs", () => {
    const changed = headers(MATH4_2022_HEADERS)
    changed[2] = { label: "3", max: 1 }
    expect(specMatchingHeaders(changed)).toEqual([])
  })
})

describe("compareTaskHeaders", () => {
  const spec = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!

  it("gives the column order when the headers fit, in any order", () => {
    const shuffled = headers(MATH4_2022_HEADERS).reverse()
    const result = compareTaskHeaders(shuffled, spec)
    expect(result.order).toEqual(spec.tasks.map((_, index) => spec.tasks.length - 1 - index))
  })

  it("lists missing, extra, different and repeated columns", () => {
    const found = headers(["1 (1б)", "2 (2б)", "3 (2б)", "13 (1б)", "3 (2б)"])
    const result = compareTaskHeaders(found, spec)
    expect(result.order).toBeNull()
    expect(result.maxDiffers).toEqual([{ index: 1, label: "2", found: 2, expected: 1 }])
    expect(result.extra).toEqual([{ index: 3, label: "13", max: 1 }])
    expect(result.duplicates).toEqual([{ index: 4, label: "3" }])
    expect(result.missing.map((task) => task.label)).toEqual(["4", "5.1", "5.2", "6.1", "6.2", "7", "8", "9.1", "9.2", "10", "11", "12"])
  })
})
