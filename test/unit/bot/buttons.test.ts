import { readFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { sourceFiles } from "../../support/import-graph.ts"

const root = path.resolve(import.meta.dirname, "../../..")

/** Hand-written callback data: a literal in a button or in a route, instead of a kind from callback-data.ts. */
const HAND_WRITTEN = [
  /\bcallbackQuery\(\s*\[?\s*["'`/]/, // a route by string or regex, or a list of them
  /\bwaitForCallbackQuery\(\s*["'`/]/,
  /\.text\(.*,\s*["'`][a-z][a-z0-9]*:[^"'`]*["'`]\s*\)/, // a button whose data is a literal `prefix:…`
]

export function handWrittenCallbackData(file: string, text: string): string[] {
  return text.split("\n").flatMap((line, index) => (HAND_WRITTEN.some((pattern) => pattern.test(line)) ? [`${file}:${index + 1}: ${line.trim()}`] : []))
}

describe("buttons", () => {
  it("carry typed callback data only (src/bot/callback-data.ts), never a hand-written string or regex", () => {
    const found = sourceFiles(root, "src/bot")
      .filter((file) => file !== "src/bot/callback-data.ts")
      .flatMap((file) => handWrittenCallbackData(file, readFileSync(path.join(root, file), "utf8")))
    expect(found).toEqual([])
  })

  it("the check catches a hand-written button and route", () => {
    expect(handWrittenCallbackData("x.ts", 'keyboard.text(ctx.t("ok"), "up:confirm")\nbot.callbackQuery(/^an:u:(\\d+)$/, h)')).toHaveLength(2)
  })
})
