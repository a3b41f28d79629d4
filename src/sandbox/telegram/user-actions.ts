import type { CallbackQuery, Message, MessageEntity, Update, User } from "grammy/types"
import { BotMessage } from "./bot-message.ts"
import { imageSize, type StoredFile } from "./file-store.ts"
import { documentOf, photoSizesOf, placeUserMessage } from "./message-builder.ts"
import type { ActorContext } from "./inbox.ts"
import type { CallbackAnswer, ChatRecord, TopicRecord } from "./world.ts"

/** A message to act on: the view from `waitForMessages`, a Bot API Message, or a message id in the chat. */
export type MessageRef = BotMessage | Message | number

export interface DocumentInput {
  readonly fileName: string
  readonly bytes: Buffer
  readonly mimeType?: string
  readonly caption?: string
}

export interface PhotoInput {
  readonly bytes: Buffer
  readonly caption?: string
}

export interface SendOptions {
  /** Forum topic to post in. */
  readonly threadId?: number
  readonly replyTo?: MessageRef
}

export function messageIdOf(ref: MessageRef): number {
  if (typeof ref === "number") return ref
  return ref instanceof BotMessage ? ref.messageId : ref.message_id
}

/** Telegram marks a leading `/command` (optionally `@botname`) with a bot_command entity. */
export function commandEntities(text: string): MessageEntity[] {
  const match = /^\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?=$|\s)/.exec(text)
  return match ? [{ type: "bot_command", offset: 0, length: match[0].length }] : []
}

/** Stores what a person sent and, unless privacy mode hides it from the bot, enqueues the update. */
export function postAsPerson(
  context: ActorContext,
  chat: ChatRecord,
  from: User,
  options: SendOptions,
  content: Partial<Message>,
  files: { document?: StoredFile; photo?: StoredFile } = {},
): Message {
  const topic = topicToPostIn(chat, options.threadId)
  const replyTo = options.replyTo === undefined ? undefined : liveMessageOrThrow(chat, options.replyTo)
  const stored = placeUserMessage(context.world, chat, from, { topic, replyTo }, content, files)
  if (botSees(context, chat, stored.message)) context.world.updates.push({ message: stored.message as Message & Update.NonChannel })
  context.world.changes.notify()
  return stored.message
}

export function textContent(text: string): Partial<Message> {
  const entities = commandEntities(text)
  return { text, ...(entities.length > 0 ? { entities } : {}) }
}

export function documentContent(context: ActorContext, input: DocumentInput): { content: Partial<Message>; file: StoredFile } {
  const file = context.world.files.add("document", input.bytes, input.fileName, input.mimeType)
  const content: Partial<Message> = { document: documentOf(file), ...(input.caption ? { caption: input.caption } : {}) }
  return { content, file }
}

export function photoContent(context: ActorContext, input: PhotoInput): { content: Partial<Message>; file: StoredFile } {
  const size = imageSize(input.bytes)
  if (!size) throw new Error("sendPhoto: the bytes are not a PNG, JPEG or GIF image")
  const file = context.world.files.add("photo", input.bytes)
  const photo = photoSizesOf(context.world, file, size.width, size.height)
  return { content: { photo, ...(input.caption ? { caption: input.caption } : {}) }, file }
}

/** Presses an inline button (by its text or callback_data) and enqueues the callback_query update. */
export function pressInlineButton(context: ActorContext, chat: ChatRecord, from: User, ref: MessageRef, label: string): CallbackQuery {
  const stored = liveMessageOrThrow(chat, ref)
  const buttons = stored.reply_markup?.inline_keyboard.flat() ?? []
  const button =
    buttons.find((candidate) => candidate.text === label) ??
    buttons.find((candidate) => "callback_data" in candidate && candidate.callback_data === label)
  if (!button) {
    throw new Error(`No inline button "${label}" on message #${stored.message_id}; it has: ${buttons.map((b) => `"${b.text}"`).join(", ") || "none"}`)
  }
  if (!("callback_data" in button) || button.callback_data === undefined) {
    throw new Error(`Inline button "${button.text}" sends no callback_data (it is a ${Object.keys(button).filter((k) => k !== "text").join("/")} button)`)
  }
  const query: CallbackQuery = {
    id: context.world.newCallbackQueryId(),
    from,
    message: stored,
    chat_instance: String(BigInt(chat.chat.id) * 7_919n + 104_729n),
    data: button.callback_data,
  }
  context.world.callbackQueries.set(query.id, { query, answer: undefined })
  context.world.updates.push({ callback_query: query })
  context.world.changes.notify()
  return query
}

/**
 * A callback query with any data on a message of the chat, as a modified client can send: for tests that replay
 * another user's button data. Telegram does not check the data against the message's buttons.
 */
export function forgeCallback(context: ActorContext, chat: ChatRecord, from: User, ref: MessageRef, data: string): CallbackQuery {
  const query: CallbackQuery = {
    id: context.world.newCallbackQueryId(),
    from,
    message: liveMessageOrThrow(chat, ref),
    chat_instance: String(BigInt(chat.chat.id) * 7_919n + 104_729n),
    data,
  }
  context.world.callbackQueries.set(query.id, { query, answer: undefined })
  context.world.updates.push({ callback_query: query })
  context.world.changes.notify()
  return query
}

export function waitForCallbackAnswer(context: ActorContext, query: CallbackQuery, timeoutMs: number): Promise<CallbackAnswer> {
  return context.world.changes.waitFor(
    () => context.world.callbackQueries.get(query.id)?.answer,
    timeoutMs,
    () => `an answerCallbackQuery for query ${query.id} (data "${query.data}")`,
  )
}

function liveMessageOrThrow(chat: ChatRecord, ref: MessageRef): Message {
  const id = messageIdOf(ref)
  const stored = chat.messages.get(id)
  if (!stored) throw new Error(`Message #${id} does not exist in chat ${chat.chat.id}`)
  if (stored.deleted) throw new Error(`Message #${id} in chat ${chat.chat.id} was deleted`)
  return stored.message
}

function topicToPostIn(chat: ChatRecord, threadId: number | undefined): TopicRecord | undefined {
  if (threadId === undefined || (threadId === 1 && chat.isForum)) return undefined
  const topic = chat.topics.get(threadId)
  if (!chat.isForum || !topic) throw new Error(`Chat ${chat.chat.id} has no topic ${threadId}`)
  if (topic.deleted) throw new Error(`Topic ${threadId} was deleted; members cannot post in it`)
  if (topic.closed) throw new Error(`Topic ${threadId} is closed; members cannot post in it`)
  return topic
}

/** Privacy mode: a bot that is not an admin sees only commands, replies to it and mentions of it. */
function botSees(context: ActorContext, chat: ChatRecord, message: Message): boolean {
  if (chat.chat.type === "private" || chat.botIsAdmin) return true
  const text = message.text ?? message.caption ?? ""
  return (
    text.startsWith("/") ||
    text.includes(`@${context.world.bot.username}`) ||
    message.reply_to_message?.from?.id === context.world.bot.id
  )
}
