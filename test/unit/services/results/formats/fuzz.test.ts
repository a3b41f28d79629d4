import { describe, expect, it } from "vitest"
import { createTranslator } from "../../../../../src/i18n.ts"
import { parseResults } from "../../../../../src/services/results/formats/index.ts"
import { describeProblem } from "../../../../../src/services/workbooks/problem.ts"
import { fuzzInputs } from "../../../../support/fuzz/xlsx-inputs.ts"

// Bounded here (a fixed seed, 24 inputs); `npm run fuzz -- --count 2000 --seed N` runs the long version.
const inputs = await fuzzInputs(20_260_512, 24, { hugeSheet: true })
const t = createTranslator("ru")

/**
 * KNOWN DEFECT, for issue 9 (the reader's robustness is built there): this workbook with a few bytes changed makes
 * parseResults return a promise that never settles (no CPU used: a stream inside the unzip/read path waits for an
 * end that never comes). In the bot the upload dialog would wait for ever. Reproduce:
 * `(await fuzzInputs(20_260_512, 24, { hugeSheet: true }))[14]`. Un-skip when fixed.
 */
const NEVER_SETTLES = new Set(["a workbook with 6 random bytes changed (#14)"])

describe("hostile result files never crash the reader and always get a clear answer", () => {
  for (const label of NEVER_SETTLES) it.skip(`KNOWN DEFECT (issue 9): ${label} — parseResults never settles`, () => {})

  it.each(inputs.filter((input) => !NEVER_SETTLES.has(input.label)).map((input) => [input.label, input] as const))("%s", async (_, input) => {
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
