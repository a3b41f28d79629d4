/**
 * The long fuzz run of the result reader: `npm run fuzz -- --count 2000 --seed 7`. Each hostile input must settle
 * within --settle-seconds (default 30) with a status and translated problems. Prints every failure (with the seed
 * and index to reproduce it) and exits 1 if there was one. The test suite runs 24 inputs of a fixed seed.
 */
import { parseArgs } from "node:util"
import { createTranslator } from "../src/i18n.ts"
import { parseResults } from "../src/services/results/formats/index.ts"
import { describeProblem } from "../src/services/workbooks/problem.ts"
import { fuzzInputs } from "../test/support/fuzz/xlsx-inputs.ts"

const { values } = parseArgs({ options: { count: { type: "string", default: "500" }, seed: { type: "string", default: String(Date.now() % 1e9) }, "settle-seconds": { type: "string", default: "30" } } })
const count = Number(values.count)
const seed = Number(values.seed)
const settleMs = Number(values["settle-seconds"]) * 1000
const t = createTranslator("ru")
console.log(`fuzzing the result reader: ${count} inputs, seed ${seed}`)
const inputs = await fuzzInputs(seed, count, { hugeSheet: true })
const failures: string[] = []
const statuses = new Map<string, number>()
for (const [index, input] of inputs.entries()) {
  const where = `#${index} (${input.label}, seed ${seed})`
  try {
    let timer: NodeJS.Timeout | undefined
    const parsed = await Promise.race([
      parseResults(input.bytes, { fileName: input.fileName }),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`did not settle within ${settleMs / 1000} s`)), settleMs))),
    ]).finally(() => clearTimeout(timer))
    statuses.set(parsed.status, (statuses.get(parsed.status) ?? 0) + 1)
    const untranslated = parsed.problems.filter((found) => describeProblem(found, t).includes("intake-problem-"))
    if ((parsed.status === "refused" || parsed.status === "not-results") && parsed.problems.length === 0) failures.push(`${where}: ${parsed.status} without a reason`)
    if (untranslated.length > 0) failures.push(`${where}: untranslated ${untranslated.map((found) => found.code).join(", ")}`)
  } catch (error) {
    failures.push(`${where}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
console.log(`statuses: ${[...statuses].map(([status, n]) => `${status} ${n}`).join(", ")}`)
for (const failure of failures) console.log(`FAIL ${failure}`)
console.log(`${inputs.length - failures.length} passed, ${failures.length} failed`)
process.exit(failures.length > 0 ? 1 : 0)
