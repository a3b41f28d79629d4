/**
 * How a school's level moves between two analyses, and which moves people hear about (issue 13): entering the
 * re-check list or the risk zone is announced, leaving the risk zone is announced once as good news, the rest
 * (an unchanged finding, a school that merely dropped off the re-check list) is silent.
 */
export type RiskLevel = "none" | "attention" | "risk"

export const RISK_LEVELS: readonly RiskLevel[] = ["none", "attention", "risk"]

const ORDER: Record<RiskLevel, number> = { none: 0, attention: 1, risk: 2 }

export function isRiskLevel(value: string): value is RiskLevel {
  return value === "none" || value === "attention" || value === "risk"
}

export type LevelChange = "raised" | "lowered" | "unchanged"

export function levelChange(previous: RiskLevel, current: RiskLevel): LevelChange {
  const delta = ORDER[current] - ORDER[previous]
  return delta > 0 ? "raised" : delta < 0 ? "lowered" : "unchanged"
}

/** What a change is worth telling: an alert (up), good news (out of the risk zone), or nothing. */
export type Announcement = "alert" | "good_news" | null

export function announcementOf(previous: RiskLevel, current: RiskLevel): Announcement {
  const change = levelChange(previous, current)
  if (change === "raised") return "alert"
  if (change === "lowered" && previous === "risk") return "good_news"
  return null
}
