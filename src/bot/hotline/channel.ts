import { GrammyError, type Api } from "grammy"
import { isTopicGoneError, type StaffChannel } from "../../services/hotline/staff-channel.ts"

/** The staff group's forum topics through the Bot API (the bot must be an admin allowed to manage topics). */
export function telegramStaffChannel(api: Api): StaffChannel {
  return {
    async createTopic(chatId, name) {
      const topic = await api.createForumTopic(Number(chatId), name)
      return topic.message_thread_id
    },
    async renameTopic(chatId, threadId, name) {
      try {
        await api.editForumTopic(Number(chatId), threadId, { name })
        return "ok"
      } catch (error) {
        if (error instanceof GrammyError && /TOPIC_NOT_MODIFIED/.test(error.description)) return "ok"
        if (error instanceof GrammyError && isTopicGoneError(error.description)) return "gone"
        throw error
      }
    },
  }
}
