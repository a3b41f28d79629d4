import { readFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"

describe("locales", () => {
  const keys = (language: string) =>
    readFileSync(path.resolve(import.meta.dirname, `../../../../locales/${language}/reports.ftl`), "utf8")
      .split("\n")
      .map((line) => /^([a-z][\w-]*) =/.exec(line)?.[1])
      .filter((key): key is string => key !== undefined)
      .sort()

  it("Russian and English have the same keys", () => {
    expect(keys("ru").length).toBeGreaterThan(60)
    expect(keys("en")).toEqual(keys("ru"))
  })

  it("sheet names fit Excel's 31 characters", () => {
    for (const language of ["ru", "en"]) {
      const text = readFileSync(path.resolve(import.meta.dirname, `../../../../locales/${language}/reports.ftl`), "utf8")
      for (const [, name] of text.matchAll(/^reports-sheet-[\w-]+ = (.+)$/gm)) expect(name!.length, name).toBeLessThanOrEqual(31)
    }
  })
})
