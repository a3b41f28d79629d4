import type { MessageEntity } from "grammy/types"
import { badRequest } from "./api-error.ts"
import { EntityParseError, parseHtml } from "./html.ts"

export interface FormattedText {
  readonly text: string
  readonly entities: MessageEntity[]
}

export interface TextOptions {
  readonly parseMode: string | undefined
  readonly entities: unknown
  readonly strictEscaping: boolean
}

/** Telegram counts the limits in Unicode code points of the text after entity parsing (tdlib `utf8_length`). */
export const MAX_TEXT_LENGTH = 4096
export const MAX_CAPTION_LENGTH = 1024

/** `text` of sendMessage / editMessageText: required, 1–4096 characters after parsing and trimming. */
export function messageText(raw: string | undefined, options: TextOptions): FormattedText {
  if (raw === undefined || raw === "") throw badRequest("message text is empty")
  const formatted = format(raw, options)
  if (formatted.text === "") throw badRequest("text must be non-empty")
  if (codePoints(formatted.text) > MAX_TEXT_LENGTH) throw badRequest("message is too long")
  return formatted
}

/** `caption` of media: optional, up to 1024 characters; an empty caption means none. */
export function captionText(raw: string | undefined, options: TextOptions): FormattedText | undefined {
  if (raw === undefined || raw === "") return undefined
  const formatted = format(raw, options)
  if (codePoints(formatted.text) > MAX_CAPTION_LENGTH) throw badRequest("message caption is too long")
  return formatted.text === "" ? undefined : formatted
}

function format(raw: string, options: TextOptions): FormattedText {
  const mode = options.parseMode?.toLowerCase() ?? ""
  let parsed: FormattedText
  if (mode === "html") {
    try {
      parsed = parseHtml(raw, { strictEscaping: options.strictEscaping })
    } catch (error) {
      if (error instanceof EntityParseError) throw badRequest(error.message)
      throw error
    }
  } else if (mode === "markdown" || mode === "markdownv2") {
    throw badRequest(`parse_mode ${options.parseMode} is not implemented by the fake Telegram server; use HTML`)
  } else if (mode !== "") {
    throw badRequest("unsupported parse_mode")
  } else {
    parsed = { text: raw, entities: explicitEntities(options.entities, raw) }
  }
  return trim(parsed)
}

const ENTITY_TYPES = new Set([
  "mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number", "bold", "italic", "underline",
  "strikethrough", "spoiler", "blockquote", "expandable_blockquote", "code", "pre", "text_link", "text_mention",
  "custom_emoji",
])

function explicitEntities(value: unknown, text: string): MessageEntity[] {
  let list = value
  if (typeof list === "string") {
    try {
      list = JSON.parse(list)
    } catch {
      throw badRequest("can't parse entities JSON object")
    }
  }
  if (list === undefined || list === null) return []
  if (!Array.isArray(list)) throw badRequest('field "entities" must be of type Array')
  return list.map((item) => {
    const entity = item as Partial<MessageEntity> & { offset: number; length: number }
    if (!ENTITY_TYPES.has(String(entity.type))) throw badRequest("can't parse MessageEntity: Unsupported type specified")
    if (!Number.isInteger(entity.offset) || entity.offset < 0) {
      throw badRequest(`receive an entity with incorrect offset ${entity.offset}`)
    }
    if (entity.offset > text.length) {
      throw badRequest(`entity begins after the end of the text at UTF-16 offset ${entity.offset}`)
    }
    if (entity.offset + entity.length > text.length) {
      throw badRequest(
        `entity beginning at UTF-16 offset ${entity.offset} ends after the end of the text at UTF-16 offset ${entity.offset + entity.length}`,
      )
    }
    if (entity.type === "text_link" && typeof entity.url !== "string") {
      throw badRequest(`can't parse MessageEntity: Can't find field "url"`)
    }
    return entity as MessageEntity
  })
}

const WHITESPACE = /\s/u

/**
 * Telegram drops trailing whitespace, and leading whitespace that no entity covers; entity offsets follow
 * (UTF-16 code units, as in the Bot API).
 */
function trim(formatted: FormattedText): FormattedText {
  let end = formatted.text.length
  while (end > 0 && WHITESPACE.test(formatted.text[end - 1] as string)) end--
  const firstEntity = Math.min(end, ...formatted.entities.map((entity) => entity.offset))
  let start = 0
  while (start < firstEntity && WHITESPACE.test(formatted.text[start] as string)) start++
  const entities: MessageEntity[] = []
  for (const entity of formatted.entities) {
    const from = Math.max(entity.offset, start)
    const to = Math.min(entity.offset + entity.length, end)
    if (to > from) entities.push({ ...entity, offset: from - start, length: to - from })
  }
  return { text: formatted.text.slice(start, end), entities }
}

export function codePoints(text: string): number {
  let count = 0
  for (const _ of text) count++
  return count
}
