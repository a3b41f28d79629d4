import type { Translate } from "../../i18n.ts"
import type { FaqProblem } from "../../services/hotline/faq.ts"
import { problemLines } from "../formatting/problems.ts"

/** One line per problem of a FAQ workbook: the row and the reason; file-level refusals in the intake's words. */
export function faqProblemLines(t: Translate, problems: readonly FaqProblem[]): string[] {
  return problems.map((problem) => {
    if (problem.code === "faq-file") return problemLines(t, [problem.problem])[0]!
    return `❌ ${problem.row !== null ? t("faq-problem-row", { row: problem.row }) + " " : ""}${t(`faq-problem-${problem.code.slice(4)}`)}`
  })
}
