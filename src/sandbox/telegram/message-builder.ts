import type { Document, Message, PhotoSize, User } from "grammy/types"
import { badRequest } from "./api-error.ts"
import type { StoredFile } from "./file-store.ts"
import type { FormattedText } from "./formatted-text.ts"
import type { Params } from "./params.ts"
import { isInlineKeyboard, readReplyMarkup, type ReplyMarkup } from "./reply-markup.ts"
import type { ChatRecord, StoredMessage, TopicRecord, World } from "./world.ts"

/** What a bot message carries besides routing: text, or media with a caption. */
export interface MessageContent {
  readonly text?: FormattedText
  readonly caption?: FormattedText
  readonly document?: StoredFile
  readonly photo?: { readonly file: StoredFile; readonly sizes: PhotoSize[] }
  /** Fields copied verbatim (copyMessage of a contact, a forwarded origin, …). */
  readonly extra?: Partial<Message>
}

/** The routing parameters every send method shares: thread, reply, keyboard. */
export interface Placement {
  readonly topic: TopicRecord | undefined
  readonly replyTo: Message | undefined
  readonly markup: ReplyMarkup | undefined
}

/** Validates `message_thread_id`, `reply_parameters`/`reply_to_message_id` and `reply_markup` of a send call. */
export function readPlacement(world: World, chat: ChatRecord, params: Params): Placement {
  const threadId = params.integer("message_thread_id")
  // Thread 1 is a forum's General topic: messages there carry no thread id.
  let topic = threadId === 1 && chat.isForum ? undefined : world.topicFor(chat, threadId)
  const replyTo = readReply(world, chat, params)
  if (!topic && replyTo?.is_topic_message && replyTo.message_thread_id !== undefined) {
    topic = chat.topics.get(replyTo.message_thread_id) // a reply goes into the replied message's topic
  }
  return { topic, replyTo, markup: readReplyMarkup(params) }
}

function readReply(world: World, chat: ChatRecord, params: Params): Message | undefined {
  const parameters = params.json("reply_parameters", "can't parse reply parameters JSON object") as
    | { message_id?: unknown; allow_sending_without_reply?: unknown }
    | undefined
  if (parameters !== undefined && typeof parameters !== "object") throw badRequest("can't parse reply parameters JSON object")
  if (parameters !== undefined && parameters.message_id === undefined) throw badRequest(`can't find field "message_id"`)
  const messageId = parameters !== undefined ? Number(parameters.message_id) : params.integer("reply_to_message_id")
  if (messageId === undefined) return undefined
  const target = world.liveMessage(chat, messageId)
  const tolerant = parameters?.allow_sending_without_reply === true || params.boolean("allow_sending_without_reply")
  if (!target && !tolerant) throw badRequest("message to be replied not found")
  return target?.message
}

/** Creates, stores and returns a message the bot sent. */
export function placeBotMessage(
  world: World,
  chat: ChatRecord,
  placement: Placement,
  method: string,
  content: MessageContent,
): StoredMessage {
  const message: Message = {
    ...routing(world, chat, world.botAsUser(), placement),
    ...contentFields(content),
    ...(isInlineKeyboard(placement.markup) ? { reply_markup: placement.markup } : {}),
  }
  if (chat.chat.type === "private" && placement.markup) {
    if ("keyboard" in placement.markup) chat.replyKeyboard = placement.markup
    if ("remove_keyboard" in placement.markup) chat.replyKeyboard = undefined
  }
  return world.store(chat, {
    message,
    fromBot: true,
    service: false,
    method,
    replyMarkup: placement.markup,
    document: content.document,
    photo: content.photo?.file,
    deleted: false,
    editCount: 0,
  })
}

/** Creates and stores a message a person sent; the caller enqueues the update. */
export function placeUserMessage(
  world: World,
  chat: ChatRecord,
  from: User,
  placement: Omit<Placement, "markup">,
  content: Partial<Message>,
  files: { document?: StoredFile; photo?: StoredFile } = {},
): StoredMessage {
  const message: Message = { ...routing(world, chat, from, { ...placement, markup: undefined }), ...content }
  return world.store(chat, {
    message,
    fromBot: false,
    service: false,
    method: "user",
    replyMarkup: undefined,
    document: files.document,
    photo: files.photo,
    deleted: false,
    editCount: 0,
  })
}

function routing(world: World, chat: ChatRecord, from: User, placement: Placement): Message {
  const { topic, replyTo } = placement
  // In a forum topic every message that replies to nothing replies to the topic's creation message.
  const reply = replyTo ?? topic?.createdMessage
  return {
    message_id: world.nextMessageId(chat),
    from,
    chat: chat.chat,
    date: world.now(),
    ...(topic ? { message_thread_id: topic.threadId, is_topic_message: true } : {}),
    ...(reply ? { reply_to_message: withoutReply(reply) } : {}),
  } as Message
}

/** Telegram does not nest replies: a `reply_to_message` has no `reply_to_message` of its own. */
export function withoutReply(message: Message): Message {
  const { reply_to_message: _nested, ...rest } = message
  return rest as Message
}

export function contentFields(content: MessageContent): Partial<Message> {
  return {
    ...(content.text ? { text: content.text.text, ...entitiesField("entities", content.text) } : {}),
    ...(content.document ? { document: documentOf(content.document) } : {}),
    ...(content.photo ? { photo: content.photo.sizes } : {}),
    ...(content.caption ? { caption: content.caption.text, ...entitiesField("caption_entities", content.caption) } : {}),
    ...content.extra,
  }
}

function entitiesField(field: "entities" | "caption_entities", text: FormattedText): Partial<Message> {
  return text.entities.length > 0 ? { [field]: text.entities } : {}
}

export function documentOf(file: StoredFile): Document {
  return {
    file_id: file.fileId,
    file_unique_id: file.uniqueId,
    ...(file.fileName !== undefined ? { file_name: file.fileName } : {}),
    ...(file.mimeType !== undefined ? { mime_type: file.mimeType } : {}),
    file_size: file.bytes.length,
  }
}

/** Telegram's size ladder (90, 320, 800, 1280, 2560 px); every size here points to the uploaded bytes. */
export function photoSizesOf(world: World, file: StoredFile, width: number, height: number): PhotoSize[] {
  const longest = Math.max(width, height)
  const sizes: PhotoSize[] = []
  for (const limit of [90, 320, 800, 1280, 2560]) {
    const scale = Math.min(1, limit / longest)
    const alias = sizes.length === 0 ? file : world.files.alias(file)
    sizes.push({
      file_id: alias.fileId,
      file_unique_id: `${file.uniqueId}${limit}`,
      width: Math.max(1, Math.round(width * scale)),
      height: Math.max(1, Math.round(height * scale)),
      file_size: file.bytes.length,
    })
    if (scale === 1) break
  }
  return sizes
}
