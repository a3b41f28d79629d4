import type { BotCommand, CallbackQuery, Chat, Message, ReplyKeyboardMarkup, User, UserFromGetMe } from "grammy/types"
import { badRequest, forbidden } from "./api-error.ts"
import { FileStore, type StoredFile } from "./file-store.ts"
import { Notifier } from "./notifier.ts"
import type { ReplyMarkup } from "./reply-markup.ts"
import { UpdateQueue } from "./update-queue.ts"

export interface UserRecord {
  readonly user: User
  readonly phoneNumber: string | undefined
}

export interface TopicRecord {
  readonly threadId: number
  name: string
  iconColor: number
  iconCustomEmojiId: string | undefined
  closed: boolean
  deleted: boolean
  /** The `forum_topic_created` service message; topic messages reply to it unless they reply to something else. */
  readonly createdMessage: Message
}

export interface StoredMessage {
  message: Message
  readonly fromBot: boolean
  readonly service: boolean
  readonly method: string
  /** The markup as sent, reply keyboards included (a Message object only carries inline keyboards). */
  replyMarkup: ReplyMarkup | undefined
  document: StoredFile | undefined
  photo: StoredFile | undefined
  deleted: boolean
  editCount: number
}

export interface ChatRecord {
  readonly chat: Chat
  readonly isForum: boolean
  readonly messages: Map<number, StoredMessage>
  /** Every message in the order it was sent, by the bot and by people. */
  readonly log: StoredMessage[]
  readonly topics: Map<number, TopicRecord>
  readonly user: UserRecord | undefined
  nextMessageId: number
  /** Private chats: the user blocked the bot. */
  blocked: boolean
  /** Private chats: the user has written to the bot, so the bot may write to them. */
  started: boolean
  /** Groups: the bot is an admin, so privacy mode does not hide messages from it. */
  botIsAdmin: boolean
  /** Private chats: the custom keyboard the user currently sees. */
  replyKeyboard: ReplyKeyboardMarkup | undefined
}

export interface CallbackAnswer {
  readonly text: string | undefined
  readonly showAlert: boolean
  readonly url: string | undefined
}

export interface CallbackRecord {
  readonly query: CallbackQuery
  answer: CallbackAnswer | undefined
}

export interface WorldOptions {
  readonly bot: UserFromGetMe
  readonly strictHtmlEscaping: boolean
  readonly clock: () => Date
}

/** Everything the fake Telegram knows: chats, messages, files, updates, callback queries, bot settings. */
export class World {
  readonly bot: UserFromGetMe
  readonly strictHtmlEscaping: boolean
  readonly chats = new Map<number, ChatRecord>()
  readonly users = new Map<number, UserRecord>()
  readonly files = new FileStore()
  readonly updates = new UpdateQueue()
  readonly changes = new Notifier()
  readonly callbackQueries = new Map<string, CallbackRecord>()
  readonly commands = new Map<string, BotCommand[]>()
  /** setMyName / setMyDescription / setMyShortDescription values, keyed `field|language_code`. */
  readonly botProfile = new Map<string, string>()
  webhookUrl = ""
  private readonly clock: () => Date
  private callbackCounter = 0

  constructor(options: WorldOptions) {
    this.bot = options.bot
    this.strictHtmlEscaping = options.strictHtmlEscaping
    this.clock = options.clock
  }

  /** Unix time in seconds, as in Telegram's `date` fields. */
  now(): number {
    return Math.floor(this.clock().getTime() / 1000)
  }

  botAsUser(): User {
    return { id: this.bot.id, is_bot: true, first_name: this.bot.first_name, username: this.bot.username }
  }

  addChat(chat: Chat, extra: { user?: UserRecord; isForum?: boolean; botIsAdmin?: boolean } = {}): ChatRecord {
    const record: ChatRecord = {
      chat,
      isForum: extra.isForum ?? false,
      messages: new Map(),
      log: [],
      topics: new Map(),
      user: extra.user,
      // Thread id 1 is a forum's General topic, so a forum's own messages (and topic ids) start at 2.
      nextMessageId: extra.isForum ? 2 : 1,
      blocked: false,
      started: false,
      botIsAdmin: extra.botIsAdmin ?? true,
      replyKeyboard: undefined,
    }
    this.chats.set(chat.id, record)
    return record
  }

  /** `chat_id` as the bot gives it: a number, or `@username` of a public group. */
  chatFor(chatId: number | string): ChatRecord {
    const record =
      typeof chatId === "number"
        ? this.chats.get(chatId)
        : [...this.chats.values()].find((chat) => "username" in chat.chat && `@${chat.chat.username}` === chatId)
    if (!record) throw badRequest("chat not found")
    return record
  }

  /** Telegram's refusals for writing into a chat. */
  assertCanWrite(chat: ChatRecord): void {
    if (chat.chat.type !== "private") return
    if (chat.blocked) throw forbidden("bot was blocked by the user")
    if (!chat.started) throw forbidden("bot can't initiate conversation with a user")
  }

  /** The topic a `message_thread_id` names; forums only, and never a deleted topic. */
  topicFor(chat: ChatRecord, threadId: number | undefined): TopicRecord | undefined {
    if (threadId === undefined) return undefined
    const topic = chat.topics.get(threadId)
    if (!chat.isForum || !topic || topic.deleted) throw badRequest("message thread not found")
    return topic
  }

  liveMessage(chat: ChatRecord, messageId: number): StoredMessage | undefined {
    const stored = chat.messages.get(messageId)
    return stored && !stored.deleted ? stored : undefined
  }

  store(chat: ChatRecord, stored: StoredMessage): StoredMessage {
    chat.messages.set(stored.message.message_id, stored)
    chat.log.push(stored)
    this.changes.notify()
    return stored
  }

  nextMessageId(chat: ChatRecord): number {
    return chat.nextMessageId++
  }

  newCallbackQueryId(): string {
    this.callbackCounter++
    return `${4_000_000_000_000_000n + BigInt(this.callbackCounter)}`
  }
}
