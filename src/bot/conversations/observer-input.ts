import type { Conversation } from "@grammyjs/conversations"
import type { BotContext, ConversationContext } from "../context.ts"

export type Conv = Conversation<BotContext, ConversationContext>

/**
 * Waits until an update `accept` takes (its value is returned). Meanwhile a button of another message — an offer,
 * an application — goes on to its own handler and the dialog keeps waiting; a command ends the dialog and runs;
 * anything else gets `remind`.
 */
export async function waitForInput<T>(
  conversation: Conv,
  accept: (ctx: ConversationContext) => T | undefined,
  remind: (ctx: ConversationContext) => Promise<unknown>,
): Promise<{ value: T; ctx: ConversationContext }> {
  for (;;) {
    const update = await conversation.wait()
    const value = accept(update)
    if (value !== undefined) {
      if (update.callbackQuery) await update.answerCallbackQuery().catch(() => {})
      return { value, ctx: update }
    }
    if (update.callbackQuery) await conversation.skip({ next: true })
    if (update.message?.text?.startsWith("/")) await conversation.halt({ next: true })
    await remind(update)
  }
}

/** The text of a message, trimmed; undefined for anything else (and for commands). */
export function textOf(ctx: ConversationContext): string | undefined {
  const text = ctx.message?.text?.trim()
  return text && !text.startsWith("/") ? text : undefined
}

/** The data of a tapped button of this kind; undefined for anything else. */
export function tapped<T>(ctx: ConversationContext, unpack: (data: string) => T | null): T | undefined {
  const data = ctx.callbackQuery?.data
  if (!data) return undefined
  return unpack(data) ?? undefined
}
