/**
 * Callback data of the buttons that schedule messages from the outbox carry; src/bot/features/schedule.ts declares
 * the same kinds with callbackData() and a test checks that both agree.
 */
export const SCHEDULE_BUTTONS = {
  confirmAll: (schoolId: number) => `sc:ca:${schoolId}`,
  open: "sc:o",
} as const
