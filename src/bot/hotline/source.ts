import type { Message } from "grammy/types"
import type { SourceMessage } from "../../services/hotline/types.ts"

/** What the hotline keeps of a Telegram message (JSON-safe: it passes through conversations). */
export function sourceOf(message: Message): SourceMessage {
  const media: SourceMessage["media"] = message.photo ? "photo" : message.document ? "document" : message.text !== undefined ? "text" : "other"
  return { chatId: String(message.chat.id), messageId: message.message_id, text: message.text ?? message.caption ?? null, media }
}

/** Messages the hotline relays: text, photos and documents (stickers, voice and the like are refused politely). */
export function isRelayable(message: Message): boolean {
  return (message.text !== undefined && !message.text.startsWith("/")) || message.photo !== undefined || message.document !== undefined
}
