import type { ChatMember } from "grammy/types"
import { ApiError, badRequest } from "../api-error.ts"
import type { MethodContext, MethodHandler } from "./context.ts"

/** Bot profile texts are stored per language, so a bot that sets them at start-up works and can read them back. */
function profileOf(context: MethodContext): Map<string, string> {
  return context.world.botProfile
}

function profileSetter(field: string): MethodHandler {
  return (context) => {
    profileOf(context).set(`${field}|${context.params.string("language_code") ?? ""}`, context.params.string(field) ?? "")
    return true
  }
}

function profileGetter(field: string): MethodHandler {
  return (context) => ({ [field]: profileOf(context).get(`${field}|${context.params.string("language_code") ?? ""}`) ?? "" })
}

/** The bot is an administrator that may manage topics where `botIsAdmin`; people are plain members. */
const getChatMember: MethodHandler = ({ world, params }): ChatMember => {
  const chat = world.chatFor(params.chatId())
  const userId = params.requiredInteger("user_id")
  if (userId === world.bot.id) {
    const bot = world.botAsUser()
    if (chat.chat.type === "private" || !chat.botIsAdmin) return { status: "member", user: bot }
    return {
      status: "administrator",
      user: bot,
      can_be_edited: false,
      is_anonymous: false,
      can_manage_chat: true,
      can_delete_messages: true,
      can_manage_video_chats: false,
      can_restrict_members: false,
      can_promote_members: false,
      can_change_info: false,
      can_invite_users: true,
      can_post_stories: false,
      can_edit_stories: false,
      can_delete_stories: false,
      can_pin_messages: true,
      can_manage_topics: true,
      can_manage_direct_messages: false,
      can_manage_tags: false,
    } as ChatMember
  }
  const user = world.users.get(userId)
  if (!user) throw badRequest("user not found")
  return { status: "member", user: user.user }
}

function pinning(pin: boolean): MethodHandler {
  return ({ world, params }) => {
    const chat = world.chatFor(params.chatId())
    const messageId = params.integer("message_id")
    if (pin || messageId !== undefined) {
      if (messageId === undefined || !world.liveMessage(chat, messageId)) throw badRequest("message to pin not found")
    }
    return true
  }
}

const deleteMessages: MethodHandler = ({ world, params }) => {
  const chat = world.chatFor(params.chatId())
  const ids = params.json("message_ids", "can't parse message_ids JSON array")
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) throw badRequest("message identifiers are not specified")
  for (const id of ids) {
    const stored = world.liveMessage(chat, Number(id))
    if (stored) stored.deleted = true
  }
  world.changes.notify()
  return true
}

/** Real Bot API methods this fake does not emulate: a clear 501 instead of Telegram's 404 for unknown names. */
const NOT_EMULATED = [
  "sendMediaGroup", "sendVideo", "sendAudio", "sendVoice", "sendAnimation", "sendVideoNote", "sendSticker",
  "sendLocation", "sendVenue", "sendContact", "sendPoll", "sendDice", "editMessageMedia", "copyMessages",
  "forwardMessages", "answerInlineQuery", "getChatAdministrators", "getChatMemberCount", "banChatMember",
  "unbanChatMember", "restrictChatMember", "leaveChat", "setMessageReaction", "getUserProfilePhotos",
  "editGeneralForumTopic", "closeGeneralForumTopic", "reopenGeneralForumTopic", "getForumTopicIconStickers",
  "unpinAllForumTopicMessages", "stopPoll", "setChatTitle", "setChatDescription", "exportChatInviteLink",
]

function notEmulated(method: string): MethodHandler {
  return () => {
    throw new ApiError(501, `Not Implemented: the fake Telegram server does not emulate ${method}`)
  }
}

export const chatAdminMethods: Record<string, MethodHandler> = {
  ...Object.fromEntries(NOT_EMULATED.map((method) => [method, notEmulated(method)])),
  setMyDescription: profileSetter("description"),
  getMyDescription: profileGetter("description"),
  setMyShortDescription: profileSetter("short_description"),
  getMyShortDescription: profileGetter("short_description"),
  setMyName: profileSetter("name"),
  getMyName: profileGetter("name"),
  setChatMenuButton: () => true,
  getChatMember,
  pinChatMessage: pinning(true),
  unpinChatMessage: pinning(false),
  unpinAllChatMessages: () => true,
  deleteMessages,
}
