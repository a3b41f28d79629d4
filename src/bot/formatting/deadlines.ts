import type { BoardGroup, DeadlineLine, GroupItem } from "../../services/deadlines/views.ts"

type Translate = (key: string, params?: Record<string, string | number>) => string

/** Telegram's limit is 4096 characters: lists stop well before it and say how many were left out. */
const TEXT_BUDGET = 3800

function within(lines: string[], more: (count: number) => string): string {
  const out: string[] = []
  let length = 0
  for (const [index, line] of lines.entries()) {
    if (length + line.length + 1 > TEXT_BUDGET) {
      out.push(more(lines.length - index))
      break
    }
    out.push(line)
    length += line.length + 1
  }
  return out.join("\n")
}

export function mineText(t: Translate, lines: DeadlineLine[]): string {
  if (lines.length === 0) return t("deadlines-none")
  const notes = [...new Set(lines.map((line) => line.provisional).filter((note): note is string => note !== null))]
  const body = lines.map((line, index) =>
    t(line.overdue ? "deadlines-line-overdue" : "deadlines-line", { number: index + 1, due: line.due, title: line.title, school: line.school, kind: line.kindLabel }),
  )
  return within([t("deadlines-title"), ...body, ...notes.map((note) => `\n${note}`)], (count) => t("deadlines-more", { count }))
}

export function boardText(t: Translate, groups: BoardGroup[]): string {
  if (groups.length === 0) return t("deadlines-board-empty")
  const body = groups.slice(0, 30).map((group, index) =>
    t(group.schools > 0 ? "deadlines-board-line" : "deadlines-board-line-own", {
      number: index + 1, title: group.title, due: group.due, done: group.done, pending: group.pending, overdue: group.overdue,
    }),
  )
  if (groups.length > 30) body.push(t("deadlines-more", { count: groups.length - 30 }))
  return within([t("deadlines-board-title"), ...body, "", t("deadlines-board-hint")], (count) => t("deadlines-more", { count }))
}

const MARK: Record<GroupItem["status"], string> = { done: "✅", pending: "⏳", overdue: "⚠️" }

export function groupText(t: Translate, group: { title: string; due: string; items: GroupItem[] }): string {
  const lines = group.items.map((item) => `${MARK[item.status]}${item.school || ` — ${t("deadlines-municipality")}`}`)
  return within([t("deadlines-group-title", { title: group.title, due: group.due }), ...lines], (count) => t("deadlines-more", { count }))
}
