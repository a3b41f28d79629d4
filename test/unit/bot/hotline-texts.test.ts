/** Every text the hotline's code asks for exists (a missing one would show its id to a parent). */
import { readFileSync, readdirSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { TICKET_STATUSES, TICKET_TOPICS } from "../../../src/domain/hotline/lifecycle.ts"
import { LOCALES_DIR } from "../../../src/i18n.ts"

const ROOT = path.resolve(import.meta.dirname, "../../..")
const FILES = [
  ...["src/services/hotline", "src/services/parents", "src/bot/hotline"].flatMap((dir) => readdirSync(path.join(ROOT, dir)).map((file) => path.join(dir, file))),
  ...["hotline.ts", "hotline-staff.ts", "faq.ts", "parents.ts", "unknown.ts"].map((file) => `src/bot/features/${file}`),
  ...["ask.ts", "hotline-answer.ts", "faq-edit.ts", "subscribe.ts", "broadcast.ts", "school-grade-picker.ts"].map((file) => `src/bot/conversations/${file}`),
]

/** Ids built at run time from a family and the values it takes. */
const FAMILIES: Record<string, readonly string[]> = {
  "hotline-topic-": TICKET_TOPICS,
  "hotline-status-": TICKET_STATUSES,
  "hotline-staff-refused-": ["closed", "unchanged", "not_allowed", "not_found"],
  "hotline-reopen-": ["not_closed", "already_reopened", "too_late"],
  "hotline-history-": ["user", "staff", "note", "event"],
  "hotline-faq-": ["no_answer", "no_question"],
  "faq-problem-": ["question-missing", "answer-missing", "question-too-long", "answer-too-long", "id-unknown", "id-duplicate", "no-rows", "header-missing"],
  "faq-too_long-": ["question", "answer"],
  "faq-empty-": ["question", "answer"],
  "parents-bc-refused-": ["empty", "too_long", "bad_grade", "not_allowed", "not_found"],
}

function usedIds(): string[] {
  const ids = new Set<string>()
  for (const file of FILES) {
    const source = readFileSync(path.join(ROOT, file), "utf8")
    // The first argument of every t(…) call, conditionals included: t(ok ? "a" : "b", …).
    for (const call of source.matchAll(/\bt\(([^,()]*)[,)]/g)) {
      for (const id of call[1]!.matchAll(/"([a-z][a-z0-9_]*-[a-z0-9_-]+)"/g)) ids.add(id[1]!)
    }
  }
  for (const [family, values] of Object.entries(FAMILIES)) for (const value of values) ids.add(family + value)
  return [...ids].sort()
}

describe("hotline texts", () => {
  it("are found in the code (the scan works)", () => {
    const ids = usedIds()
    expect(ids).toContain("hotline-ticket-created-anonymous") // from a conditional
    expect(ids).toContain("hotline-relay-answer-footer")
    expect(ids.length).toBeGreaterThan(150)
  })

  it.each(["ru", "en"] as const)("are all defined in %s", (language) => {
    const defined = new Set(
      readdirSync(path.join(LOCALES_DIR, language)).flatMap((file) =>
        [...readFileSync(path.join(LOCALES_DIR, language, file), "utf8").matchAll(/^([a-z][\w-]*) =/gm)].map((match) => match[1]!),
      ),
    )
    expect(usedIds().filter((id) => !defined.has(id))).toEqual([])
  })
})
