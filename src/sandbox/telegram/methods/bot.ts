import type { BotCommand, ChatFullInfo, File } from "grammy/types"
import { ApiError, badRequest } from "../api-error.ts"
import type { MethodContext, MethodHandler } from "./context.ts"

/** Bots may download files of up to 20 MB. */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024

const getMe: MethodHandler = ({ world }) => world.bot

const getUpdates: MethodHandler = ({ world, params, signal }) => {
  if (world.webhookUrl !== "") {
    throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
  }
  const allowed = params.json("allowed_updates", "can't parse allowed_updates JSON array")
  if (allowed !== undefined && !Array.isArray(allowed)) throw badRequest('field "allowed_updates" must be of type Array')
  return world.updates.poll(
    {
      offset: params.integer("offset"),
      limit: params.integer("limit"),
      timeoutSeconds: params.integer("timeout") ?? 0,
      allowedUpdates: allowed?.map(String),
    },
    signal,
  )
}

const setWebhook: MethodHandler = ({ world, params }) => {
  const url = params.string("url") ?? ""
  if (url !== "" && !/^https:\/\//i.test(url)) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook")
  world.webhookUrl = url
  if (params.boolean("drop_pending_updates")) world.updates.dropPending()
  return true
}

const deleteWebhook: MethodHandler = ({ world, params }) => {
  world.webhookUrl = ""
  if (params.boolean("drop_pending_updates")) world.updates.dropPending()
  return true
}

const getWebhookInfo: MethodHandler = ({ world }) => ({
  url: world.webhookUrl,
  has_custom_certificate: false,
  pending_update_count: world.updates.unconfirmed().length,
})

/** Commands are stored per scope and language, as Telegram does. */
function commandsKey(context: MethodContext): string {
  const scope = context.params.json("scope", "can't parse BotCommandScope JSON object") ?? { type: "default" }
  return `${JSON.stringify(scope)}|${context.params.string("language_code") ?? ""}`
}

const setMyCommands: MethodHandler = (context) => {
  const commands = context.params.json("commands", "can't parse commands JSON object")
  if (!Array.isArray(commands)) throw badRequest('field "commands" must be of type Array')
  if (commands.length > 100) throw badRequest("too many commands specified")
  for (const command of commands as Partial<BotCommand>[]) {
    if (typeof command.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(command.command)) {
      throw badRequest("BOT_COMMAND_INVALID")
    }
    const description = command.description
    if (typeof description !== "string" || description.trim() === "" || [...description].length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID")
    }
  }
  context.world.commands.set(commandsKey(context), commands as BotCommand[])
  return true
}

const getMyCommands: MethodHandler = (context) => context.world.commands.get(commandsKey(context)) ?? []

const deleteMyCommands: MethodHandler = (context) => {
  context.world.commands.delete(commandsKey(context))
  return true
}

const getChat: MethodHandler = ({ world, params }) => {
  const record = world.chatFor(params.chatId())
  return {
    ...record.chat,
    ...(record.isForum ? { is_forum: true } : {}),
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false },
  } as unknown as ChatFullInfo
}

const getFile: MethodHandler = ({ world, params }): File => {
  const file = world.files.get(params.string("file_id") ?? "")
  if (!file) throw badRequest("wrong file_id or the file is temporarily unavailable")
  if (file.bytes.length > MAX_DOWNLOAD_BYTES) throw badRequest("file is too big")
  return { file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.bytes.length, file_path: file.path }
}

export const botMethods: Record<string, MethodHandler> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  getChat,
  getFile,
  logOut: () => true,
  close: () => true,
}
