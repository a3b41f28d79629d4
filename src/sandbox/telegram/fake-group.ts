import type { CallbackQuery, Message } from "grammy/types"
import type { BotMessage } from "./bot-message.ts"
import type { FakeUser } from "./fake-user.ts"
import { Inbox, type ActorContext, type WaitOptions } from "./inbox.ts"
import {
  documentContent, postAsPerson, pressInlineButton, textContent, waitForCallbackAnswer,
  type DocumentInput, type MessageRef, type SendOptions,
} from "./user-actions.ts"
import type { CallbackAnswer, ChatRecord, TopicRecord } from "./world.ts"

export interface GroupSpec {
  /** Supergroup ids are negative: -100… */
  readonly id: number
  readonly title: string
  readonly isForum?: boolean
  readonly username?: string
  /** An admin bot sees every message; otherwise privacy mode hides all but commands, replies and mentions. Default true. */
  readonly botIsAdmin?: boolean
}

export interface TopicView {
  readonly threadId: number
  readonly name: string
  readonly iconColor: number
  readonly iconCustomEmojiId: string | undefined
  readonly closed: boolean
  readonly deleted: boolean
}

/** A supergroup (a forum when `isForum`), where several people talk and the bot works in topics. */
export class FakeGroup {
  private readonly inboxes = new Map<string, Inbox>()

  constructor(
    private readonly context: ActorContext,
    private readonly chat: ChatRecord,
  ) {}

  get id(): number {
    return this.chat.chat.id
  }

  async sendText(from: FakeUser, text: string, options: SendOptions = {}): Promise<Message> {
    return postAsPerson(this.context, this.chat, from.user, options, textContent(text))
  }

  async sendDocument(from: FakeUser, input: DocumentInput, options: SendOptions = {}): Promise<Message> {
    const { content, file } = documentContent(this.context, input)
    return postAsPerson(this.context, this.chat, from.user, options, content, { document: file })
  }

  async clickButton(from: FakeUser, message: MessageRef, button: string): Promise<CallbackQuery> {
    return pressInlineButton(this.context, this.chat, from.user, message, button)
  }

  waitForCallbackAnswer(query: CallbackQuery, options: WaitOptions = {}): Promise<CallbackAnswer> {
    return waitForCallbackAnswer(this.context, query, options.timeoutMs ?? this.context.defaultTimeoutMs)
  }

  /** Topics the bot created, deleted ones included (flagged). */
  topics(): TopicView[] {
    return [...this.chat.topics.values()].map(topicView)
  }

  topic(threadId: number): TopicView | undefined {
    const topic = this.chat.topics.get(threadId)
    return topic && topicView(topic)
  }

  /** An admin deletes a topic by hand: later sends into it fail with "message thread not found". */
  deleteTopicByHand(threadId: number): void {
    const topic = this.chat.topics.get(threadId)
    if (!topic) throw new Error(`Chat ${this.id} has no topic ${threadId}`)
    topic.deleted = true
    for (const stored of this.chat.messages.values()) {
      if (stored.message.message_thread_id === threadId) stored.deleted = true
    }
    this.context.world.changes.notify()
  }

  /**
   * Waits for `count` new bot messages in the group (or only in topic `threadId`) that earlier waits with the same
   * `threadId` did not return. Topic service messages (created, renamed, closed) are not counted.
   */
  waitForMessages(count: number, options: WaitOptions & { threadId?: number } = {}): Promise<BotMessage[]> {
    return this.inbox(options.threadId).waitForMessages(count, options)
  }

  /** The bot's visible messages in the group, or in one topic. */
  messages(options: { threadId?: number } = {}): BotMessage[] {
    return this.inbox(options.threadId).visible()
  }

  private inbox(threadId: number | undefined): Inbox {
    const key = threadId === undefined ? "all" : String(threadId)
    let inbox = this.inboxes.get(key)
    if (!inbox) {
      const label = threadId === undefined ? `group ${this.id}` : `topic ${threadId} of group ${this.id}`
      const belongs = (stored: { message: Message }): boolean =>
        threadId === undefined || (stored.message.is_topic_message === true && stored.message.message_thread_id === threadId)
      inbox = new Inbox(this.context, this.chat, label, belongs)
      this.inboxes.set(key, inbox)
    }
    return inbox
  }
}

function topicView(topic: TopicRecord): TopicView {
  return {
    threadId: topic.threadId,
    name: topic.name,
    iconColor: topic.iconColor,
    iconCustomEmojiId: topic.iconCustomEmojiId,
    closed: topic.closed,
    deleted: topic.deleted,
  }
}
