import type {
  ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove,
} from "grammy/types"
import { badRequest } from "./api-error.ts"
import type { Params } from "./params.ts"

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply

const MAX_CALLBACK_DATA_BYTES = 64
const MAX_INLINE_BUTTONS = 100
const INLINE_ACTIONS = [
  "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
] as const

/** Reads and validates `reply_markup` with Telegram's error texts; `undefined` when absent. */
export function readReplyMarkup(params: Params): ReplyMarkup | undefined {
  const value = params.json("reply_markup", "can't parse reply keyboard markup JSON object")
  if (value === undefined) return undefined
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest("can't parse reply keyboard markup JSON object")
  }
  const markup = value as Record<string, unknown>
  if ("inline_keyboard" in markup) return { inline_keyboard: inlineKeyboard(markup["inline_keyboard"]) }
  if ("keyboard" in markup) return replyKeyboard(markup)
  if ("remove_keyboard" in markup) {
    if (typeof markup["remove_keyboard"] !== "boolean") throw badRequest('field "remove_keyboard" must be of type Boolean')
    return markup as unknown as ReplyKeyboardRemove
  }
  if ("force_reply" in markup) {
    if (typeof markup["force_reply"] !== "boolean") throw badRequest('field "force_reply" must be of type Boolean')
    return markup as unknown as ForceReply
  }
  throw badRequest("can't find reply keyboard in reply_markup")
}

export function isInlineKeyboard(markup: ReplyMarkup | undefined): markup is InlineKeyboardMarkup {
  return markup !== undefined && "inline_keyboard" in markup
}

function rowsOf(value: unknown, field: string): unknown[][] {
  if (!Array.isArray(value)) throw badRequest(`field "${field}" must be of type Array`)
  return value.map((row) => {
    if (!Array.isArray(row)) throw badRequest(`field "${field}" must be an Array of Arrays`)
    return row as unknown[]
  })
}

function inlineKeyboard(value: unknown): InlineKeyboardButton[][] {
  const rows = rowsOf(value, "inline_keyboard")
  if (rows.flat().length > MAX_INLINE_BUTTONS) throw badRequest("REPLY_MARKUP_TOO_LONG")
  return rows.map((row) => row.map(inlineButton))
}

function inlineButton(value: unknown): InlineKeyboardButton {
  const fail = (reason: string) => badRequest(`can't parse inline keyboard button: ${reason}`)
  if (typeof value !== "object" || value === null) throw fail("InlineKeyboardButton must be an Object")
  const button = value as Record<string, unknown>
  if (!("text" in button)) throw fail(`Can't find field "text"`)
  if (typeof button["text"] !== "string") throw fail(`Field "text" must be of type String`)
  const actions = INLINE_ACTIONS.filter((action) => button[action] !== undefined && button[action] !== null)
  const data = button["callback_data"]
  if (typeof data === "string" && data !== "" && Buffer.byteLength(data, "utf8") > MAX_CALLBACK_DATA_BYTES) {
    throw badRequest("BUTTON_DATA_INVALID")
  }
  // Real Telegram: a button whose only "action" is an empty callback_data is a text button, refused like one.
  if (actions.length === 0 || (actions.length === 1 && data === "")) {
    throw fail("Text buttons are unallowed in the inline keyboard")
  }
  if (data !== undefined && typeof data !== "string") throw fail(`Field "callback_data" must be of type String`)
  if (button["url"] !== undefined) checkButtonUrl(String(button["url"]))
  if (button["callback_game"] !== undefined || button["pay"] !== undefined) throw badRequest("BUTTON_TYPE_INVALID")
  return button as unknown as InlineKeyboardButton
}

function checkButtonUrl(url: string): void {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  const invalid = (why: string) => badRequest(`inline keyboard button URL '${url}' is invalid: ${why}`)
  if (scheme === undefined) {
    if (!/^[^\s/?#]+\.[a-z]{2,}(?:[/?#]\S*)?$/i.test(url)) throw invalid("Wrong HTTP URL")
    return
  }
  if (scheme !== "http" && scheme !== "https" && scheme !== "tg") throw invalid("Unsupported URL protocol")
  if (scheme !== "tg" && !URL.canParse(url)) throw invalid("Wrong HTTP URL")
}

function replyKeyboard(markup: Record<string, unknown>): ReplyKeyboardMarkup {
  for (const flag of ["resize_keyboard", "one_time_keyboard", "is_persistent", "selective"]) {
    if (markup[flag] !== undefined && typeof markup[flag] !== "boolean") {
      throw badRequest(`field "${flag}" must be of type Boolean`)
    }
  }
  const keyboard = rowsOf(markup["keyboard"], "keyboard").map((row) =>
    row.map((button): KeyboardButton => {
      if (typeof button === "string") return { text: button }
      if (typeof button !== "object" || button === null || typeof (button as { text?: unknown }).text !== "string") {
        throw badRequest(`can't parse keyboard button: Can't find field "text"`)
      }
      return button as KeyboardButton
    }),
  )
  return { ...(markup as unknown as ReplyKeyboardMarkup), keyboard }
}
