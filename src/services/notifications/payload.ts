/**
 * What an outbox row carries (the `payload` JSON column) and how a caller's message becomes one.
 * Limits are Telegram's (notes/telegram.md): checked here, at enqueue time, because a message that Telegram
 * would refuse with a 400 must fail loudly in the caller, not silently as a `failed` row hours later.
 */

export type InlineButton = { text: string; callbackData: string } | { text: string; url: string }
/** Rows of buttons. */
export type InlineKeyboard = InlineButton[][]

/** A file as stored: its bytes in base64 (kept simple: the payload is one JSON value), or a Telegram file_id to resend. */
export type StoredFile = { fileName: string; base64: string } | { fileId: string }
/** A file as given by a caller. */
export type OutgoingFile = { fileName: string; bytes: Buffer } | { fileId: string }

export interface OutboxPayload {
  /** Message text, or the caption when a document or photo is attached. */
  text?: string
  parseMode?: "HTML"
  keyboard?: InlineKeyboard
  /** Forum topic (message_thread_id). */
  threadId?: number
  document?: StoredFile
  photo?: StoredFile
  /** Copy of a message the bot can see (copyMessage: the copy shows no sender), e.g. a hotline relay of a photo. */
  copy?: CopiedMessage
}

/** A message to copy: its chat (as a decimal string: chat ids may exceed what JSON numbers keep exactly) and id. */
export interface CopiedMessage {
  fromChatId: string
  messageId: number
}

export type ChatIdInput = bigint | number | string

export interface OutboxMessage {
  chatId: ChatIdInput
  text?: string
  parseMode?: "HTML"
  keyboard?: InlineKeyboard
  threadId?: number
  document?: OutgoingFile
  photo?: OutgoingFile
  copy?: CopiedMessage
  /** Enqueueing the same key again is a no-op: lets a planner run twice without sending twice. */
  dedupeKey?: string
  /** Not sent before this moment (default: now). */
  notBefore?: Date
}

export const TELEGRAM_LIMITS = {
  textLength: 4096,
  captionLength: 1024,
  callbackDataBytes: 64,
  documentBytes: 50 * 1024 * 1024,
  photoBytes: 10 * 1024 * 1024,
} as const

export class InvalidOutboxMessage extends Error {
  constructor(
    readonly code:
      | "empty"
      | "text_too_long"
      | "caption_too_long"
      | "both_document_and_photo"
      | "copy_with_content"
      | "bad_button"
      | "callback_data_too_long"
      | "file_too_large"
      | "bad_chat_id",
    detail: string,
  ) {
    super(`Outbox message rejected (${code}): ${detail}`)
    this.name = "InvalidOutboxMessage"
  }
}

export function toChatId(chatId: ChatIdInput): bigint {
  if (typeof chatId === "bigint") return chatId
  if (typeof chatId === "number" && Number.isSafeInteger(chatId)) return BigInt(chatId)
  if (typeof chatId === "string" && /^-?\d{1,19}$/.test(chatId)) return BigInt(chatId)
  throw new InvalidOutboxMessage("bad_chat_id", `expected an integer chat id, got ${String(chatId)}`)
}

/** Validates a caller's message and turns it into the stored payload. */
export function toPayload(message: OutboxMessage): OutboxPayload {
  const { text, parseMode, keyboard, threadId, document, photo, copy } = message
  if (document && photo) throw new InvalidOutboxMessage("both_document_and_photo", "send them as two messages")
  if (copy && (document || photo || text)) throw new InvalidOutboxMessage("copy_with_content", "a copy carries the original's content only")
  if (copy && (!/^-?\d{1,19}$/.test(copy.fromChatId) || !Number.isSafeInteger(copy.messageId))) {
    throw new InvalidOutboxMessage("bad_chat_id", `cannot copy message ${copy.messageId} of chat ${copy.fromChatId}`)
  }
  const attachment = document ?? photo
  if (!attachment && !text && !copy) throw new InvalidOutboxMessage("empty", "a message needs text, a document or a photo")
  if (text) checkTextLength(text, parseMode, attachment ? "caption" : "text")
  if (keyboard) checkKeyboard(keyboard)
  if (document) checkFileSize(document, TELEGRAM_LIMITS.documentBytes)
  if (photo) checkFileSize(photo, TELEGRAM_LIMITS.photoBytes)

  const payload: OutboxPayload = {}
  if (text) payload.text = text
  if (parseMode) payload.parseMode = parseMode
  if (keyboard) payload.keyboard = keyboard
  if (threadId !== undefined) payload.threadId = threadId
  if (document) payload.document = storeFile(document)
  if (photo) payload.photo = storeFile(photo)
  if (copy) payload.copy = { fromChatId: copy.fromChatId, messageId: copy.messageId }
  return payload
}

/** The bytes of a stored file, or its file_id. */
export function fileContent(file: StoredFile): { fileName: string; bytes: Buffer } | { fileId: string } {
  return "fileId" in file ? { fileId: file.fileId } : { fileName: file.fileName, bytes: Buffer.from(file.base64, "base64") }
}

function storeFile(file: OutgoingFile): StoredFile {
  return "fileId" in file ? { fileId: file.fileId } : { fileName: file.fileName, base64: file.bytes.toString("base64") }
}

function checkTextLength(text: string, parseMode: "HTML" | undefined, kind: "text" | "caption"): void {
  const limit = kind === "text" ? TELEGRAM_LIMITS.textLength : TELEGRAM_LIMITS.captionLength
  const length = parseMode === "HTML" ? visibleHtmlLength(text) : text.length
  if (length > limit) {
    throw new InvalidOutboxMessage(kind === "text" ? "text_too_long" : "caption_too_long", `${length} > ${limit} characters`)
  }
}

/**
 * Telegram counts the limit after entity parsing, in UTF-16 code units (what String#length counts):
 * tags do not count and an entity such as &lt; is one character.
 */
export function visibleHtmlLength(html: string): number {
  return html.replace(/<[^>]*>/g, "").replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, "_").length
}

function checkKeyboard(keyboard: InlineKeyboard): void {
  for (const row of keyboard) {
    for (const button of row) {
      const hasData = "callbackData" in button
      const hasUrl = "url" in button
      if (!button.text || hasData === hasUrl) {
        throw new InvalidOutboxMessage("bad_button", `a button needs text and exactly one of callbackData or url: ${JSON.stringify(button)}`)
      }
      if (hasData) {
        const bytes = Buffer.byteLength(button.callbackData, "utf8")
        if (bytes < 1 || bytes > TELEGRAM_LIMITS.callbackDataBytes) {
          throw new InvalidOutboxMessage("callback_data_too_long", `"${button.callbackData}" is ${bytes} bytes (1–64 allowed)`)
        }
      }
    }
  }
}

function checkFileSize(file: OutgoingFile, limit: number): void {
  if ("bytes" in file && file.bytes.length > limit) {
    throw new InvalidOutboxMessage("file_too_large", `${file.fileName}: ${file.bytes.length} bytes > ${limit}`)
  }
}
