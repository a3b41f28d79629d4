import { isDeepStrictEqual } from "node:util"
import type { InlineKeyboardMarkup, Message } from "grammy/types"
import { badRequest } from "../api-error.ts"
import { captionText, codePoints, messageText } from "../formatted-text.ts"
import { isInlineKeyboard, readReplyMarkup } from "../reply-markup.ts"
import type { StoredMessage } from "../world.ts"
import { textOptions, type MethodContext, type MethodHandler } from "./context.ts"

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"

/** The bot's own live message named by `chat_id` + `message_id` (inline messages are not emulated). */
function editableMessage(context: MethodContext): StoredMessage {
  if (!context.params.has("chat_id")) throw badRequest("message to edit not found")
  const chat = context.world.chatFor(context.params.chatId())
  context.world.assertCanWrite(chat)
  const stored = context.world.liveMessage(chat, context.params.requiredInteger("message_id"))
  if (!stored) throw badRequest("message to edit not found")
  if (!stored.fromBot || stored.service) throw badRequest("message can't be edited")
  return stored
}

/** Like Telegram, an edit without `reply_markup` removes the inline keyboard. */
function newKeyboard(context: MethodContext): InlineKeyboardMarkup | undefined {
  const markup = readReplyMarkup(context.params)
  if (markup !== undefined && !isInlineKeyboard(markup)) throw badRequest("inline keyboard expected")
  return markup === undefined || markup.inline_keyboard.length === 0 ? undefined : markup
}

function applyEdit(context: MethodContext, stored: StoredMessage, changes: Partial<Message>, removed: string[]): Message {
  const next = { ...stored.message } as Record<string, unknown>
  for (const field of removed) delete next[field]
  Object.assign(next, changes)
  if (isDeepStrictEqual(withoutEditDate(next), withoutEditDate(stored.message))) throw badRequest(NOT_MODIFIED)
  next["edit_date"] = context.world.now()
  stored.message = next as unknown as Message
  stored.replyMarkup = (next["reply_markup"] as InlineKeyboardMarkup | undefined) ?? undefined
  stored.editCount++
  context.world.changes.notify()
  return stored.message
}

function withoutEditDate(message: object): object {
  const { edit_date: _date, ...rest } = message as { edit_date?: number }
  return rest
}

const editMessageText: MethodHandler = (context) => {
  const text = messageText(context.params.string("text"), textOptions(context, "entities"))
  const stored = editableMessage(context)
  if (stored.message.text === undefined) throw badRequest("there is no text in the message to edit")
  const keyboard = newKeyboard(context)
  return applyEdit(
    context,
    stored,
    { text: text.text, ...(text.entities.length ? { entities: text.entities } : {}), ...(keyboard ? { reply_markup: keyboard } : {}) },
    ["entities", "reply_markup"],
  )
}

const editMessageCaption: MethodHandler = (context) => {
  const stored = editableMessage(context)
  if (stored.message.text !== undefined) throw badRequest("there is no caption in the message to edit")
  const caption = captionText(context.params.string("caption"), textOptions(context, "caption_entities"))
  const keyboard = newKeyboard(context)
  return applyEdit(
    context,
    stored,
    {
      ...(caption ? { caption: caption.text } : {}),
      ...(caption?.entities.length ? { caption_entities: caption.entities } : {}),
      ...(keyboard ? { reply_markup: keyboard } : {}),
    },
    ["caption", "caption_entities", "reply_markup"],
  )
}

const editMessageReplyMarkup: MethodHandler = (context) => {
  const stored = editableMessage(context)
  const keyboard = newKeyboard(context)
  return applyEdit(context, stored, keyboard ? { reply_markup: keyboard } : {}, ["reply_markup"])
}

const deleteMessage: MethodHandler = (context) => {
  const chat = context.world.chatFor(context.params.chatId())
  const stored = context.world.liveMessage(chat, context.params.requiredInteger("message_id"))
  if (!stored) throw badRequest("message to delete not found")
  stored.deleted = true
  context.world.changes.notify()
  return true
}

const answerCallbackQuery: MethodHandler = (context) => {
  const id = context.params.string("callback_query_id") ?? ""
  const record = context.world.callbackQueries.get(id)
  // A query can be answered once; Telegram treats a second answer like an expired one.
  if (!record || record.answer) {
    throw badRequest("query is too old and response timeout expired or query ID is invalid")
  }
  const text = context.params.string("text")
  if (text !== undefined && codePoints(text) > 200) throw badRequest("MESSAGE_TOO_LONG")
  record.answer = { text, showAlert: context.params.boolean("show_alert"), url: context.params.string("url") }
  context.world.changes.notify()
  return true
}

export const editingMethods: Record<string, MethodHandler> = {
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
  answerCallbackQuery,
}
