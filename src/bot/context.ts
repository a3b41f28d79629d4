import type { ConversationFlavor } from "@grammyjs/conversations"
import type { I18nFlavor } from "@grammyjs/i18n"
import type { Context } from "grammy"
import type { Logger } from "../logger.ts"
import type { Actor } from "../services/access/roles.ts"
import type { Services } from "../services/index.ts"

interface Extras {
  /** The user behind the update with their grants; absent only for updates without a sender. */
  actor: Actor
  services: Services
  log: Logger
}

export type BotContext = ConversationFlavor<Context & I18nFlavor & Extras>

/** Inside a conversation: no session, no actor — read those through `conversation.external`. */
export type ConversationContext = Context & I18nFlavor
