/**
 * Callback data of the buttons the deadline messages carry. The outbox stores them as strings, so they are built
 * here, outside the bot; src/bot/features/deadlines.ts declares the same kinds with callbackData() to route the
 * taps, and a test checks that both agree.
 */
export const DEADLINE_BUTTONS = {
  done: (deadlineId: number) => `dl:d:${deadlineId}`,
  mute: (kind: string) => `dl:m:${kind}`,
  /** Opens the coordinators' board of every school's items. */
  board: "dl:b",
  reportUpload: (requestId: number) => `rp:u:${requestId}`,
} as const
