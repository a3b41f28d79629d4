import type { CallbackQuery, Contact, KeyboardButton, Message, User } from "grammy/types"
import type { BotMessage } from "./bot-message.ts"
import { Inbox, type ActorContext, type WaitOptions } from "./inbox.ts"
import {
  documentContent, forgeCallback, photoContent, postAsPerson, pressInlineButton, textContent, waitForCallbackAnswer,
  type DocumentInput, type MessageRef, type PhotoInput,
} from "./user-actions.ts"
import type { CallbackAnswer, ChatRecord } from "./world.ts"

export interface UserSpec {
  readonly id: number
  readonly firstName: string
  readonly lastName?: string
  readonly username?: string
  readonly languageCode?: string
  /** Sent by `sendContact()` and a `request_contact` keyboard button. */
  readonly phoneNumber?: string
  /** Has written to the bot before, so the bot may write first (Telegram refuses a chat the user never started). */
  readonly startedChat?: boolean
}

/** A person in a private chat with the bot (chat id = user id). */
export class FakeUser {
  private readonly inbox: Inbox

  constructor(
    private readonly context: ActorContext,
    private readonly chat: ChatRecord,
    readonly user: User,
    private readonly phoneNumber: string | undefined,
  ) {
    this.inbox = new Inbox(context, chat, `the private chat with ${user.first_name} (${user.id})`)
  }

  get id(): number {
    return this.user.id
  }

  get chatId(): number {
    return this.chat.chat.id
  }

  /** Sends text; a leading `/command` gets its bot_command entity. */
  async sendText(text: string, options: { replyTo?: MessageRef } = {}): Promise<Message> {
    return this.post(textContent(text), options)
  }

  async sendDocument(input: DocumentInput, options: { replyTo?: MessageRef } = {}): Promise<Message> {
    const { content, file } = documentContent(this.context, input)
    return this.post(content, options, { document: file })
  }

  async sendPhoto(input: PhotoInput, options: { replyTo?: MessageRef } = {}): Promise<Message> {
    const { content, file } = photoContent(this.context, input)
    return this.post(content, options, { photo: file })
  }

  /** Shares a contact card — by default the user's own, as a `request_contact` button does. */
  async sendContact(contact: Partial<Contact> = {}): Promise<Message> {
    const card: Contact = {
      phone_number: contact.phone_number ?? this.phoneNumber ?? `+7900${String(this.id).padStart(7, "0").slice(-7)}`,
      first_name: contact.first_name ?? this.user.first_name,
      ...(contact.last_name ?? this.user.last_name ? { last_name: contact.last_name ?? this.user.last_name } : {}),
      user_id: contact.user_id ?? this.id,
    }
    return this.post({ contact: card }, {})
  }

  /** Presses an inline button by its text or callback_data; resolves once the update is queued. */
  async clickButton(message: MessageRef, button: string): Promise<CallbackQuery> {
    return pressInlineButton(this.context, this.chat, this.user, message, button)
  }

  /** Sends a callback query with arbitrary data from one of the chat's messages (a forged or replayed tap). */
  forgeCallback(message: MessageRef, data: string): CallbackQuery {
    return forgeCallback(this.context, this.chat, this.user, message, data)
  }

  waitForCallbackAnswer(query: CallbackQuery, options: WaitOptions = {}): Promise<CallbackAnswer> {
    return waitForCallbackAnswer(this.context, query, options.timeoutMs ?? this.context.defaultTimeoutMs)
  }

  /** The custom keyboard the user sees under the input field, if any. */
  replyKeyboard(): Exclude<KeyboardButton, string>[][] | undefined {
    return this.chat.replyKeyboard?.keyboard.map((row) => row.map((b) => (typeof b === "string" ? { text: b } : b)))
  }

  /** Presses a reply-keyboard button: sends its text, or the own contact for a `request_contact` button. */
  async pressKeyboardButton(text: string): Promise<Message> {
    const keyboard = this.chat.replyKeyboard
    const button = this.replyKeyboard()?.flat().find((candidate) => candidate.text === text)
    if (!keyboard || !button) {
      const shown = this.replyKeyboard()?.flat().map((b) => `"${b.text}"`).join(", ")
      throw new Error(`No keyboard button "${text}" for user ${this.id}; the keyboard shows: ${shown ?? "nothing"}`)
    }
    if (keyboard.one_time_keyboard) this.chat.replyKeyboard = undefined
    return "request_contact" in button && button.request_contact ? this.sendContact() : this.sendText(text)
  }

  /** Waits until the bot has sent `count` messages here that earlier waits did not return; returns them. */
  waitForMessages(count: number, options: WaitOptions = {}): Promise<BotMessage[]> {
    return this.inbox.waitForMessages(count, options)
  }

  /** The bot's messages in this chat as the user sees them now (not deleted, edits applied). */
  messages(): BotMessage[] {
    return this.inbox.visible()
  }

  /** Messages the bot sent after the last `waitForMessages`, not consumed. */
  unread(): BotMessage[] {
    return this.inbox.unread()
  }

  lastMessage(): BotMessage | undefined {
    return this.inbox.visible().at(-1)
  }

  private post(content: Partial<Message>, options: { replyTo?: MessageRef }, files = {}): Message {
    // Writing to a bot starts the chat; writing after blocking it ("Restart") unblocks it.
    if (this.chat.blocked) setBlocked(this.context, this.chat, this.user, false)
    this.chat.started = true
    return postAsPerson(this.context, this.chat, this.user, options, content, files)
  }
}

/** Blocks or unblocks the bot for a user, with the `my_chat_member` update Telegram sends. */
export function setBlocked(context: ActorContext, chat: ChatRecord, user: User, blocked: boolean): void {
  if (chat.blocked === blocked) return
  chat.blocked = blocked
  const bot = context.world.botAsUser()
  const member = { status: "member" as const, user: bot }
  const kicked = { status: "kicked" as const, user: bot, until_date: 0 }
  context.world.updates.push({
    my_chat_member: {
      chat: chat.chat,
      from: user,
      date: context.world.now(),
      old_chat_member: blocked ? member : kicked,
      new_chat_member: blocked ? kicked : member,
    },
  })
  context.world.changes.notify()
}
