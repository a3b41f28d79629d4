import type { ForumTopic, Message } from "grammy/types"
import { badRequest } from "../api-error.ts"
import { codePoints } from "../formatted-text.ts"
import type { ChatRecord, TopicRecord, World } from "../world.ts"
import type { MethodContext, MethodHandler } from "./context.ts"

/** The first of Telegram's six allowed topic icon colours, its default. */
const DEFAULT_ICON_COLOR = 0x6fb9f0
const ICON_COLORS = new Set([0x6fb9f0, 0xffd67e, 0xcb86db, 0x8eee98, 0xff93b2, 0xfb6f5f])
const MAX_TOPIC_NAME = 128

function forumChat(context: MethodContext): ChatRecord {
  const chat = context.world.chatFor(context.params.chatId())
  if (!chat.isForum) throw badRequest("the chat is not a forum")
  return chat
}

/** A live topic; forum management methods answer TOPIC_ID_INVALID where sends say "message thread not found". */
function existingTopic(context: MethodContext, chat: ChatRecord): TopicRecord {
  const topic = chat.topics.get(context.params.requiredInteger("message_thread_id"))
  if (!topic || topic.deleted) throw badRequest("TOPIC_ID_INVALID")
  return topic
}

function checkName(name: string): void {
  if (name.trim() === "") throw badRequest("TOPIC_TITLE_EMPTY")
  if (codePoints(name) > MAX_TOPIC_NAME) throw badRequest("TOPIC_TITLE_INVALID") // best-effort text
}

/** Telegram records topic changes as service messages inside the topic. */
function serviceMessage(world: World, chat: ChatRecord, topic: TopicRecord | undefined, fields: Partial<Message>): Message {
  const messageId = world.nextMessageId(chat)
  const threadId = topic?.threadId ?? messageId
  const message = {
    message_id: messageId,
    from: world.botAsUser(),
    chat: chat.chat,
    date: world.now(),
    message_thread_id: threadId,
    is_topic_message: true,
    ...fields,
  } as Message
  world.store(chat, {
    message, fromBot: true, service: true, method: "service", replyMarkup: undefined, document: undefined,
    photo: undefined, deleted: false, editCount: 0,
  })
  return message
}

function topicObject(topic: TopicRecord): ForumTopic {
  return {
    message_thread_id: topic.threadId,
    name: topic.name,
    icon_color: topic.iconColor,
    ...(topic.iconCustomEmojiId ? { icon_custom_emoji_id: topic.iconCustomEmojiId } : {}),
  }
}

const createForumTopic: MethodHandler = (context) => {
  const chat = forumChat(context)
  if (!chat.botIsAdmin) throw badRequest("not enough rights to create a topic")
  const name = context.params.string("name") ?? ""
  checkName(name)
  const iconColor = context.params.integer("icon_color") ?? DEFAULT_ICON_COLOR
  if (!ICON_COLORS.has(iconColor)) throw badRequest("TOPIC_COLOR_INVALID") // best-effort text
  const iconCustomEmojiId = context.params.string("icon_custom_emoji_id") || undefined
  const created = serviceMessage(context.world, chat, undefined, {
    forum_topic_created: { name, icon_color: iconColor, ...(iconCustomEmojiId ? { icon_custom_emoji_id: iconCustomEmojiId } : {}) },
  })
  const topic: TopicRecord = {
    threadId: created.message_id,
    name,
    iconColor,
    iconCustomEmojiId,
    closed: false,
    deleted: false,
    createdMessage: created,
  }
  chat.topics.set(topic.threadId, topic)
  return topicObject(topic)
}

const editForumTopic: MethodHandler = (context) => {
  const chat = forumChat(context)
  const topic = existingTopic(context, chat)
  const name = context.params.string("name")
  const emoji = context.params.string("icon_custom_emoji_id")
  if (name !== undefined) checkName(name)
  const nameChanges = name !== undefined && name !== topic.name
  const emojiChanges = emoji !== undefined && (emoji || undefined) !== topic.iconCustomEmojiId
  if (!nameChanges && !emojiChanges) throw badRequest("TOPIC_NOT_MODIFIED")
  if (nameChanges) topic.name = name
  if (emojiChanges) topic.iconCustomEmojiId = emoji || undefined
  serviceMessage(context.world, chat, topic, {
    forum_topic_edited: {
      ...(nameChanges ? { name } : {}),
      ...(emojiChanges ? { icon_custom_emoji_id: emoji } : {}),
    },
  })
  return true
}

function setClosed(closed: boolean): MethodHandler {
  return (context) => {
    const chat = forumChat(context)
    const topic = existingTopic(context, chat)
    if (topic.closed === closed) throw badRequest("TOPIC_NOT_MODIFIED")
    topic.closed = closed
    serviceMessage(context.world, chat, topic, closed ? { forum_topic_closed: {} } : { forum_topic_reopened: {} })
    return true
  }
}

const deleteForumTopic: MethodHandler = (context) => {
  const chat = forumChat(context)
  const topic = existingTopic(context, chat)
  topic.deleted = true
  for (const stored of chat.messages.values()) {
    if (stored.message.message_thread_id === topic.threadId) stored.deleted = true
  }
  context.world.changes.notify()
  return true
}

export const forumMethods: Record<string, MethodHandler> = {
  createForumTopic,
  editForumTopic,
  closeForumTopic: setClosed(true),
  reopenForumTopic: setClosed(false),
  deleteForumTopic,
}
