import type { Update, UserFromGetMe } from "grammy/types"
import { ApiServer, type ApiCall, type InjectedFailure } from "./api-server.ts"
import { FakeGroup, type GroupSpec } from "./fake-group.ts"
import { FakeUser, setBlocked, type UserSpec } from "./fake-user.ts"
import { viewOf, type ActorContext } from "./inbox.ts"
import type { BotMessage } from "./bot-message.ts"
import { World, type CallbackAnswer, type ChatRecord } from "./world.ts"

export interface ChatEntry {
  readonly fromBot: boolean
  /** The message as it is now (edits applied); for a person's message, what they sent. */
  readonly view: BotMessage
}

export interface FakeTelegramOptions {
  /** Default `123456789:AAFakeTokenForTests`; the part before `:` is the bot's user id. */
  readonly token?: string
  readonly botUsername?: string
  readonly botName?: string
  /**
   * Reject a bare `&` or `>` in HTML (default true). Telegram shows them literally, but in our texts they mean
   * someone forgot to escape user input. Turn off to test exactly Telegram's leniency.
   */
  readonly strictHtmlEscaping?: boolean
  /** Source of message dates (default: the real clock). */
  readonly clock?: () => Date
  /** Default timeout of every `waitFor…` helper (default 30 s: on a busy machine a wait only takes longer). */
  readonly waitTimeoutMs?: number
}

/**
 * A local, strict imitation of the Telegram Bot API for end-to-end tests: start the real bot with
 * `client: { apiRoot: fake.apiRoot }`, then drive it through `fake.user(...)` and `fake.group(...)`.
 */
export class FakeTelegram {
  readonly apiRoot: string
  private readonly users = new Map<number, FakeUser>()
  private readonly groups = new Map<number, FakeGroup>()
  private stopped = false
  private changeCount = 0

  private constructor(
    readonly token: string,
    private readonly world: World,
    private readonly server: ApiServer,
    port: number,
    private readonly waitTimeoutMs: number,
  ) {
    this.apiRoot = `http://127.0.0.1:${port}`
    world.changes.subscribe(() => this.changeCount++)
  }

  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const token = options.token ?? "123456789:AAFakeTokenForTests"
    const botId = Number(/^(\d+):/.exec(token)?.[1] ?? "123456789")
    const bot: UserFromGetMe = {
      id: botId,
      is_bot: true,
      first_name: options.botName ?? "Объектив",
      username: options.botUsername ?? "objektiv_test_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    }
    const world = new World({
      bot,
      strictHtmlEscaping: options.strictHtmlEscaping ?? true,
      clock: options.clock ?? (() => new Date()),
    })
    const server = new ApiServer(world, token)
    const port = await server.listen()
    return new FakeTelegram(token, world, server, port, options.waitTimeoutMs ?? 30_000)
  }

  /** What getMe returns; pass it as `botInfo` to skip the getMe call. */
  get botInfo(): UserFromGetMe {
    return this.world.bot
  }

  /** Every API call so far, in arrival order. */
  get calls(): readonly ApiCall[] {
    return this.server.calls
  }

  callsTo(method: string): ApiCall[] {
    return this.server.calls.filter((call) => call.method.toLowerCase() === method.toLowerCase())
  }

  /** Exceptions inside the fake (its own bugs); a test may assert this stays empty. */
  get internalErrors(): readonly unknown[] {
    return this.server.internalErrors
  }

  /** A person with a private chat with the bot (chat id = user id). The same id returns the same user. */
  user(spec: UserSpec): FakeUser {
    const existing = this.users.get(spec.id)
    if (existing) return existing
    const user = {
      id: spec.id,
      is_bot: false as const,
      first_name: spec.firstName,
      ...(spec.lastName ? { last_name: spec.lastName } : {}),
      ...(spec.username ? { username: spec.username } : {}),
      language_code: spec.languageCode ?? "ru",
    }
    const record = { user, phoneNumber: spec.phoneNumber }
    this.world.users.set(spec.id, record)
    const chat = this.world.addChat(
      {
        id: spec.id,
        type: "private",
        first_name: spec.firstName,
        ...(spec.lastName ? { last_name: spec.lastName } : {}),
        ...(spec.username ? { username: spec.username } : {}),
      },
      { user: record },
    )
    chat.started = spec.startedChat ?? false
    const fake = new FakeUser(this.actorContext(), chat, user, spec.phoneNumber)
    this.users.set(spec.id, fake)
    return fake
  }

  /** A supergroup the bot is a member of (a forum when `isForum`). The same id returns the same group. */
  group(spec: GroupSpec): FakeGroup {
    const existing = this.groups.get(spec.id)
    if (existing) return existing
    const chat = this.world.addChat(
      {
        id: spec.id,
        type: "supergroup",
        title: spec.title,
        ...(spec.username ? { username: spec.username } : {}),
        ...(spec.isForum ? { is_forum: true as const } : {}),
      },
      { isForum: spec.isForum ?? false, botIsAdmin: spec.botIsAdmin ?? true },
    )
    const group = new FakeGroup(this.actorContext(), chat)
    this.groups.set(spec.id, group)
    return group
  }

  /** The next call(s) to `method` (optionally only to `chatId`) fail like Telegram would, e.g. `{ code: 429, retryAfter: 1 }`. */
  failNext(method: string, failure: InjectedFailure & { times?: number }): void {
    this.server.failNext(method, failure, failure.times ?? 1)
  }

  /** The user blocks the bot: every send to them answers 403 "Forbidden: bot was blocked by the user". */
  blockBy(userId: number): void {
    setBlocked(this.actorContext(), this.privateChat(userId), this.userOf(userId).user, true)
  }

  unblockBy(userId: number): void {
    setBlocked(this.actorContext(), this.privateChat(userId), this.userOf(userId).user, false)
  }

  /** Updates the bot has not confirmed yet. */
  pendingUpdates(): readonly Update[] {
    return this.world.updates.unconfirmed()
  }

  callbackAnswer(queryId: string): CallbackAnswer | undefined {
    return this.world.callbackQueries.get(queryId)?.answer
  }

  /** Waits until `condition` holds; re-checked after every API call and every simulated action. */
  async waitUntil(condition: () => boolean, options: { timeoutMs?: number; description?: string } = {}): Promise<void> {
    await this.world.changes.waitFor(
      () => (condition() ? true : undefined),
      options.timeoutMs ?? this.waitTimeoutMs,
      () => options.description ?? "a condition",
    )
  }

  /** A change counter for watchers (the sandbox's web chat): it grows with every message, edit and API call. */
  get version(): number {
    return this.changeCount
  }

  /** Resolves with true after the next change, or false after `timeoutMs` without one. */
  async nextChange(timeoutMs: number): Promise<boolean> {
    const seen = this.changeCount
    try {
      await this.world.changes.waitFor(() => (this.changeCount !== seen ? true : undefined), timeoutMs, () => "a change")
      return true
    } catch {
      return false
    }
  }

  /** Every message of a user's private chat, theirs and the bot's, in order (the sandbox shows them). */
  chatLog(userId: number): ChatEntry[] {
    const chat = this.world.chats.get(userId)
    if (!chat) return []
    return chat.log.filter((stored) => !stored.service).map((stored) => ({ fromBot: stored.fromBot, view: viewOf(stored) }))
  }

  /** A file by its file_id, as the bot or a person sent it. */
  file(fileId: string): { bytes: Buffer; fileName: string | undefined; mimeType: string | undefined } | undefined {
    const file = this.world.files.get(fileId)
    return file && { bytes: file.bytes, fileName: file.fileName, mimeType: file.mimeType }
  }

  /** Ends pending long polls, closes all connections. Stop the bot first, or its next poll fails to connect. */
  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    await this.server.close()
  }

  private actorContext(): ActorContext {
    return { world: this.world, calls: this.server.calls, defaultTimeoutMs: this.waitTimeoutMs }
  }

  private userOf(userId: number): FakeUser {
    const user = this.users.get(userId)
    if (!user) throw new Error(`No fake user ${userId}; create it with fake.user({ id: ${userId}, … })`)
    return user
  }

  private privateChat(userId: number): ChatRecord {
    this.userOf(userId)
    return this.world.chatFor(userId)
  }
}
