import { DEFAULT_REOPEN_RULE, type ReopenRule } from "../../domain/hotline/lifecycle.ts"

/**
 * Service levels of the hotline (calendar.md §6.2: municipal-roadmap rules, configurable). Defaults: the first
 * answer within 4 working hours (`hotlineFirstResponse`), an answered ticket closes itself after 7 days of
 * silence, the user may reopen a closed ticket once within 14 days, the digest goes out at 09:00 local time.
 */
export interface HotlineSettings extends ReopenRule {
  firstResponseWorkingHours: number
  autoCloseDays: number
  /** Minutes after local midnight. */
  digestAtMinutes: number
}

export const DEFAULT_HOTLINE_SETTINGS: HotlineSettings = {
  ...DEFAULT_REOPEN_RULE,
  firstResponseWorkingHours: 4,
  autoCloseDays: 7,
  digestAtMinutes: 9 * 60,
}
