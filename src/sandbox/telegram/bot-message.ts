import type { InlineKeyboardButton, Message, MessageEntity } from "grammy/types"
import type { ReplyMarkup } from "./reply-markup.ts"
import type { StoredMessage } from "./world.ts"

export interface MessageFile {
  readonly fileId: string
  readonly fileName: string | undefined
  readonly mimeType: string | undefined
  /** The bytes the bot uploaded (photos are kept as uploaded, not recompressed to JPEG). */
  readonly bytes: Buffer
}

/**
 * A live view of a message the bot sent, for assertions: always the current state (edits applied). Text and
 * caption are the plain text after entity parsing; the Bot API object is in `raw`.
 */
export class BotMessage {
  constructor(private readonly stored: StoredMessage) {}

  get raw(): Message {
    return this.stored.message
  }

  get messageId(): number {
    return this.stored.message.message_id
  }

  get chatId(): number {
    return this.stored.message.chat.id
  }

  get threadId(): number | undefined {
    return this.stored.message.is_topic_message ? this.stored.message.message_thread_id : undefined
  }

  /** The Bot API method that produced it: sendMessage, sendDocument, copyMessage, … */
  get method(): string {
    return this.stored.method
  }

  get text(): string | undefined {
    return this.stored.message.text
  }

  get caption(): string | undefined {
    return this.stored.message.caption
  }

  /** Entities of the text, or of the caption. */
  get entities(): MessageEntity[] {
    return this.stored.message.entities ?? this.stored.message.caption_entities ?? []
  }

  /** The markup as sent, reply keyboards included. */
  get replyMarkup(): ReplyMarkup | undefined {
    return this.stored.replyMarkup
  }

  get inlineKeyboard(): InlineKeyboardButton[][] | undefined {
    return this.stored.message.reply_markup?.inline_keyboard
  }

  /** Texts of the inline buttons, row by row flattened. */
  get buttons(): string[] {
    return (this.inlineKeyboard ?? []).flat().map((button) => button.text)
  }

  get document(): MessageFile | undefined {
    const file = this.stored.document
    return file && { fileId: file.fileId, fileName: file.fileName, mimeType: file.mimeType, bytes: file.bytes }
  }

  get photo(): (MessageFile & { width: number; height: number }) | undefined {
    const file = this.stored.photo
    const largest = this.stored.message.photo?.at(-1)
    if (!file || !largest) return undefined
    return { fileId: largest.file_id, fileName: undefined, mimeType: undefined, bytes: file.bytes, width: largest.width, height: largest.height }
  }

  get edited(): boolean {
    return this.stored.editCount > 0
  }

  get editCount(): number {
    return this.stored.editCount
  }

  get deleted(): boolean {
    return this.stored.deleted
  }

  /** What the chat shows: text or caption, with `[button]` lines; handy in failure messages. */
  toString(): string {
    const body = this.text ?? this.caption ?? (this.document ? `<document ${this.document.fileName}>` : "<media>")
    const buttons = this.buttons.length > 0 ? ` [${this.buttons.join("] [")}]` : ""
    return `#${this.messageId}${this.deleted ? " (deleted)" : ""}: ${body}${buttons}`
  }
}
