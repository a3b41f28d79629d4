import { describe, expect, it } from "vitest"
import { createTranslator } from "../../../../../src/i18n.ts"
import { parseResults } from "../../../../../src/services/results/formats/index.ts"
import { describeProblem } from "../../../../../src/services/workbooks/problem.ts"
import { fuzzInputs } from "../../../../support/fuzz/xlsx-inputs.ts"

// Bounded here (a fixed seed, 24 inputs); `npm run fuzz -- --count 2000 --seed N` runs the long version.
const inputs = await fuzzInputs(20_260_512, 24, { hugeSheet: true })
const t = createTranslator("ru")

describe("hostile result files never crash the reader and always get a clear answer", () => {
  it.each(inputs.map((input) => [input.label, input] as const))("%s", async (_, input) => {
    const parsed = await parseResults(input.bytes, { fileName: input.fileName })
    expect(["parsed", "needs-input", "needs-spec", "not-results", "refused"]).toContain(parsed.status)
    // Refused or not results: the user is told why. Any status: every problem reads as a sentence, not a key.
    if (parsed.status === "refused" || parsed.status === "not-results") expect(parsed.problems.length).toBeGreaterThan(0)
    for (const found of parsed.problems) {
      const text = describeProblem(found, t)
      expect(text.length, `problem ${found.code}`).toBeGreaterThan(15)
      expect(text).not.toContain("intake-problem-")
    }
  })
})
