import type { LocalDate } from "../calendar/dates.ts"

/**
 * The federal ВПР windows (calendar.md §5): each school chooses its dates inside the window (S1). Known for the
 * years below; for another year, or a КДР, dates are not checked against a window.
 */
export const VPR_WINDOWS: Record<number, { from: LocalDate; to: LocalDate; source: string }> = {
  2025: { from: "2025-04-11", to: "2025-05-16", source: "приказ Рособрнадзора от 13.05.2024 № 1008" },
  2026: { from: "2026-04-20", to: "2026-05-20", source: "сообщения Рособрнадзора, февраль–март 2026" },
}

export function vprWindow(year: number): { from: LocalDate; to: LocalDate } | null {
  return VPR_WINDOWS[year] ?? null
}
