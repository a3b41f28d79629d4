/**
 * What the hotline needs from Telegram beyond sending messages (which go through the outbox): forum topics in
 * the staff group. Implemented in src/bot/hotline-channel.ts; tests pass their own.
 */
export interface StaffChannel {
  /** Creates a topic and returns its message_thread_id. */
  createTopic(chatId: bigint, name: string): Promise<number>
  /** Renames a topic; "gone" when it was deleted by hand. */
  renameTopic(chatId: bigint, threadId: number, name: string): Promise<"ok" | "gone">
}

/** The Bot API's words for a send into a deleted topic (sendMessage) and for managing one (editForumTopic). */
export function isTopicGoneError(description: string | null | undefined): boolean {
  return /message thread not found|TOPIC_ID_INVALID|TOPIC_DELETED/i.test(description ?? "")
}
