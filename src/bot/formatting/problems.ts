import type { Translate } from "../../i18n.ts"
import { describeProblem, type Problem, type ProblemParams } from "../../services/workbooks/problem.ts"

/** Telegram refuses a message over 4096 characters; a margin for the head and the entities. */
export const MESSAGE_LIMIT = 4000
/** A cell's content quoted in a problem's words is cut here: a 40,000-character cell must not become the message. */
export const QUOTE_LIMIT = 60
/** No line longer than this, whatever its words (a long sheet name, a long quoted label). */
const LINE_LIMIT = 400
/** How many more cells of a repeated problem are named. */
const EXAMPLES = 3

/**
 * One line per kind of problem, errors before warnings: a problem repeated in many cells is said once, with how many
 * more cells have it and a few of them. Quoted cell content is capped.
 */
export function problemLines(t: Translate, problems: readonly Problem[]): string[] {
  const groups = new Map<string, Problem[]>()
  const ordered = [...problems.filter((p) => p.severity === "error"), ...problems.filter((p) => p.severity !== "error")]
  for (const found of ordered) {
    const key = `${found.severity}\u0000${found.code}`
    const group = groups.get(key)
    if (group) group.push(found)
    else groups.set(key, [found])
  }
  return [...groups.values()].map(([first, ...more]) => {
    let line = `${first!.severity === "error" ? "❌" : "⚠️"} ${describeProblem({ ...first!, params: cappedParams(first!.params) }, t)}`
    if (more.length > 0) {
      const cells = more.map(placeOf).filter((place) => place !== "").slice(0, EXAMPLES)
      const named = cells.join(", ") + (more.length > cells.length ? "…" : "")
      line += " " + (cells.length > 0 ? t("problems-also-in", { count: more.length, cells: named }) : t("problems-also", { count: more.length }))
    }
    return cut(line, LINE_LIMIT)
  })
}

/** The first problems' lines that fit `budget` characters (a message is at most 4096), and how many problems those cover. */
export function problemLinesWithin(t: Translate, problems: readonly Problem[], budget: number): { lines: string[]; shown: number } {
  const lines: string[] = []
  let length = 0
  let shown = 0
  const groups = problemLines(t, problems)
  const counts = groupSizes(problems)
  for (const [index, line] of groups.entries()) {
    if (length + line.length + 1 > budget) break
    lines.push(line)
    length += line.length + 1
    shown += counts[index]!
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

function groupSizes(problems: readonly Problem[]): number[] {
  const sizes = new Map<string, number>()
  const ordered = [...problems.filter((p) => p.severity === "error"), ...problems.filter((p) => p.severity !== "error")]
  for (const found of ordered) {
    const key = `${found.severity}\u0000${found.code}`
    sizes.set(key, (sizes.get(key) ?? 0) + 1)
  }
  return [...sizes.values()]
}

function placeOf(found: Problem): string {
  return found.cell ?? ""
}

function cappedParams(params: ProblemParams): ProblemParams {
  const result: ProblemParams = {}
  for (const [name, value] of Object.entries(params)) result[name] = typeof value === "string" ? cut(value, QUOTE_LIMIT) : value
  return result
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`
}
