import { botMethods } from "./bot.ts"
import { chatAdminMethods } from "./chat-admin.ts"
import type { MethodHandler } from "./context.ts"
import { editingMethods } from "./editing.ts"
import { forumMethods } from "./forum.ts"
import { sendingMethods } from "./sending.ts"

export type { MethodContext, MethodHandler } from "./context.ts"

/** Every emulated method, keyed by lower-case name: Telegram matches method names case-insensitively. */
export const METHODS: ReadonlyMap<string, MethodHandler> = new Map(
  Object.entries({ ...chatAdminMethods, ...botMethods, ...sendingMethods, ...editingMethods, ...forumMethods }).map(
    ([name, handler]) => [name.toLowerCase(), handler],
  ),
)
