import { GrammyError, HttpError, InputFile, type Api } from "grammy"
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types"
import { fileContent, type InlineKeyboard, type OutboxPayload, type StoredFile } from "../services/notifications/payload.ts"
import { SendFailure, type MessageSender } from "../services/notifications/sender.ts"

/**
 * The outbox dispatcher's way to Telegram. Give it an Api WITHOUT auto-retry (or with a small maxDelaySeconds):
 * the dispatcher honours 429s itself, per chat, without blocking its other sends, and auto-retry sleeping
 * inside send() would stall the whole batch while the lease runs down.
 */
export function createTelegramSender(api: Api): MessageSender {
  return {
    async send(chatId, payload) {
      try {
        const message = await sendPayload(api, telegramChatId(chatId), payload)
        return { messageId: message.message_id }
      } catch (error) {
        throw toSendFailure(error)
      }
    },
  }
}

function sendPayload(api: Api, chatId: number | string, payload: OutboxPayload) {
  const common = {
    ...(payload.parseMode ? { parse_mode: payload.parseMode } : {}),
    ...(payload.keyboard ? { reply_markup: inlineKeyboard(payload.keyboard) } : {}),
    ...(payload.threadId !== undefined ? { message_thread_id: payload.threadId } : {}),
  }
  const caption = payload.text ? { caption: payload.text } : {}
  if (payload.copy) return api.copyMessage(chatId, telegramChatId(BigInt(payload.copy.fromChatId)), payload.copy.messageId, common)
  if (payload.document) return api.sendDocument(chatId, inputFile(payload.document), { ...common, ...caption })
  if (payload.photo) return api.sendPhoto(chatId, inputFile(payload.photo), { ...common, ...caption })
  if (!payload.text) throw new SendFailure("bad_request", "outbox payload has neither text nor a file")
  return api.sendMessage(chatId, payload.text, common)
}

/** Telegram chat ids fit in 52 bits, so a number is exact; anything larger would be a bug, sent as text. */
function telegramChatId(chatId: bigint): number | string {
  const asNumber = Number(chatId)
  return Number.isSafeInteger(asNumber) ? asNumber : chatId.toString()
}

function inputFile(file: StoredFile): InputFile | string {
  const content = fileContent(file)
  return "fileId" in content ? content.fileId : new InputFile(content.bytes, content.fileName)
}

function inlineKeyboard(rows: InlineKeyboard): InlineKeyboardMarkup {
  return {
    inline_keyboard: rows.map((row) =>
      row.map((button): InlineKeyboardButton =>
        "url" in button ? { text: button.text, url: button.url } : { text: button.text, callback_data: button.callbackData },
      ),
    ),
  }
}

/**
 * Telegram's error codes → what the dispatcher should do. 403 covers "blocked by the user", "user is deactivated",
 * "bot was kicked" and "can't initiate conversation": none gets better by retrying.
 */
export function toSendFailure(error: unknown): SendFailure {
  if (error instanceof SendFailure) return error
  if (error instanceof GrammyError) {
    const description = `${error.error_code} ${error.description}`
    if (error.error_code === 429) return SendFailure.rateLimited(error.parameters.retry_after ?? 1, description)
    if (error.error_code === 403) return new SendFailure("blocked", description)
    if (error.error_code === 400) return new SendFailure("bad_request", description)
    return new SendFailure("transient", description)
  }
  if (error instanceof HttpError) return new SendFailure("transient", `network: ${error.message}`)
  return new SendFailure("transient", error instanceof Error ? error.message : String(error))
}
