/**
 * The callback data of the buttons under risk messages that the outbox sends. The bot declares the same kinds with
 * callbackData() in bot/features/risk.ts (a test checks that they unpack these); a service cannot import the bot.
 */
export type AlertAction = "details" | "recheck" | "observers" | "seen"

export const alertButtonData = (findingId: number, action: AlertAction): string => `rk:a:${findingId}:${action}`
/** The school coordinator's neutral «рекомендации по объективности» view. */
export const recommendationButtonData = (findingId: number): string => `rk:r:${findingId}`
/** The list of open cases (/risk). */
export const CASE_LIST_BUTTON_DATA = "rk:l"
