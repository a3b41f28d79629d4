import type { Translate } from "../../i18n.ts"
import { describeProblem, type Problem } from "../../services/results/validation/problem.ts"

/** One line per problem, marked by severity; the text names the sheet, the cell and the reason. */
export function problemLines(t: Translate, problems: readonly Problem[]): string[] {
  return problems.map((found) => `${found.severity === "error" ? "❌" : "⚠️"} ${describeProblem(found, t)}`)
}
