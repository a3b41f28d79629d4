/** Every message exists in Russian and in English: a missing one would show its id to the reader. */
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { LOCALES_DIR } from "../../src/i18n.ts"

function messageIds(language: string, file: string): string[] {
  const text = readFileSync(path.join(LOCALES_DIR, language, file), "utf8")
  return [...text.matchAll(/^(-?[A-Za-z][\w-]*) =/gm)].map((m) => m[1] as string).sort()
}

describe("locales", () => {
  const files = readdirSync(path.join(LOCALES_DIR, "ru")).filter((f) => f.endsWith(".ftl")).sort()

  it("has the same files in ru and en", () => {
    expect(readdirSync(path.join(LOCALES_DIR, "en")).filter((f) => f.endsWith(".ftl")).sort()).toEqual(files)
  })

  it.each(files)("%s defines the same messages in ru and en", (file) => {
    expect(messageIds("en", file)).toEqual(messageIds("ru", file))
  })
})
