import type { Translate } from "../../i18n.ts"
import { describeProblem, type Problem } from "../../services/workbooks/problem.ts"

/** One line per problem, marked by severity; the text names the sheet, the cell and the reason. */
export function problemLines(t: Translate, problems: readonly Problem[]): string[] {
  return problems.map((found) => `${found.severity === "error" ? "❌" : "⚠️"} ${describeProblem(found, t)}`)
}

/** The first problems' lines that fit `budget` characters (a message is at most 4096), and how many those are. */
export function problemLinesWithin(t: Translate, problems: readonly Problem[], budget: number): { lines: string[]; shown: number } {
  const lines: string[] = []
  let length = 0
  for (const line of problemLines(t, problems)) {
    if (length + line.length + 1 > budget) break
    lines.push(line)
    length += line.length + 1
  }
  return { lines, shown: lines.length }
}
