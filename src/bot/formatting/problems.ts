import type { Translate } from "../../i18n.ts"
import { describeGroup, groupProblems, type Problem, type ProblemGroup } from "../../services/workbooks/problem.ts"

/** Telegram refuses a message over 4096 characters; a margin for the head and the entities. */
export const MESSAGE_LIMIT = 4000
/** No line longer than this, whatever its words (a long sheet name, a long quoted label). */
const LINE_LIMIT = 400

/**
 * One line per kind of problem, errors before warnings: a problem repeated in many cells is said once, with how many
 * more cells have it and a few of them. Quoted cell content is capped (groupProblems).
 */
export function problemLines(t: Translate, problems: readonly Problem[]): string[] {
  return groupLines(t, groupProblems(problems))
}

/** Lines of patterns grouped already (over a whole file's problems, services/intake). */
export function groupLines(t: Translate, groups: readonly ProblemGroup[]): string[] {
  return groups.map((group) => groupLine(t, group))
}

function groupLine(t: Translate, group: ProblemGroup): string {
  return cut(`${group.first.severity === "error" ? "❌" : "⚠️"} ${describeGroup(group, t)}`, LINE_LIMIT)
}

/** The first problems' lines that fit `budget` characters (a message is at most 4096), and how many problems those cover. */
export function problemLinesWithin(t: Translate, groups: readonly ProblemGroup[], budget: number): { lines: string[]; shown: number } {
  const lines: string[] = []
  let length = 0
  let shown = 0
  for (const group of groups) {
    const line = groupLine(t, group)
    if (length + line.length + 1 > budget) break
    lines.push(line)
    length += line.length + 1
    shown += 1 + group.more
  }
  return { lines, shown }
}

/** The head and the lines as few messages as fit Telegram's limit, each line whole (a line is never split). */
export function splitMessages(head: string, lines: readonly string[], limit = MESSAGE_LIMIT): string[] {
  const messages: string[] = []
  let current = cut(head, limit)
  for (const line of lines) {
    const piece = cut(line, limit)
    if (current.length + 1 + piece.length > limit) {
      messages.push(current)
      current = piece
    } else current = current === "" ? piece : `${current}\n${piece}`
  }
  if (current !== "") messages.push(current)
  return messages
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`
}
