import type { Message, MessageId } from "grammy/types"
import { badRequest } from "../api-error.ts"
import { imageSize, type StoredFile } from "../file-store.ts"
import { captionText, messageText } from "../formatted-text.ts"
import { photoSizesOf, placeBotMessage, readPlacement, type MessageContent } from "../message-builder.ts"
import { isUpload } from "../params.ts"
import type { World } from "../world.ts"
import { textOptions, type MethodContext, type MethodHandler } from "./context.ts"

const MAX_PHOTO_BYTES = 10 * 1024 * 1024
const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
  "choose_sticker", "find_location", "record_video_note", "upload_video_note",
])
/** Fields of a Message that are its content (what copyMessage copies), as opposed to routing and metadata. */
const CONTENT_FIELDS = [
  "text", "entities", "document", "photo", "caption", "caption_entities", "contact", "location", "venue", "audio",
  "voice", "video", "video_note", "animation", "sticker", "poll", "dice",
] as const

function targetChat(context: MethodContext) {
  const chat = context.world.chatFor(context.params.chatId())
  context.world.assertCanWrite(chat)
  return chat
}

const sendMessage: MethodHandler = (context) => {
  const chatId = context.params.chatId()
  const text = messageText(context.params.string("text"), textOptions(context, "entities"))
  const chat = context.world.chatFor(chatId)
  context.world.assertCanWrite(chat)
  const placement = readPlacement(context.world, chat, context.params)
  return placeBotMessage(context.world, chat, placement, "sendMessage", { text }).message
}

const sendDocument: MethodHandler = (context) => {
  const chat = targetChat(context)
  const caption = captionText(context.params.string("caption"), textOptions(context, "caption_entities"))
  const file = inputFile(context.world, context.params.file("document"), "document")
  const placement = readPlacement(context.world, chat, context.params)
  return placeBotMessage(context.world, chat, placement, "sendDocument", { document: file, caption }).message
}

const sendPhoto: MethodHandler = (context) => {
  const chat = targetChat(context)
  const caption = captionText(context.params.string("caption"), textOptions(context, "caption_entities"))
  const file = inputFile(context.world, context.params.file("photo"), "photo")
  const size = imageSize(file.bytes)
  if (!size) throw badRequest("IMAGE_PROCESS_FAILED")
  if (size.width + size.height > 10_000 || Math.max(size.width, size.height) > 20 * Math.min(size.width, size.height)) {
    throw badRequest("PHOTO_INVALID_DIMENSIONS")
  }
  const placement = readPlacement(context.world, chat, context.params)
  const photo = { file, sizes: photoSizesOf(context.world, file, size.width, size.height) }
  return placeBotMessage(context.world, chat, placement, "sendPhoto", { photo, caption }).message
}

/** An uploaded file is stored; a string must be the file_id of a file Telegram already has. */
function inputFile(world: World, input: ReturnType<MethodContext["params"]["file"]>, kind: "document" | "photo"): StoredFile {
  if (input === undefined) throw badRequest(`there is no ${kind} in the request`)
  if (isUpload(input)) {
    if (input.bytes.length === 0) throw badRequest("file must be non-empty")
    if (kind === "photo" && input.bytes.length > MAX_PHOTO_BYTES) throw badRequest("PHOTO_SAVE_FILE_INVALID")
    return world.files.add(kind, input.bytes, kind === "document" ? input.fileName : undefined)
  }
  const known = world.files.get(input)
  if (known) return known
  // The fake cannot fetch URLs; Telegram's answer for an unreachable one is the honest equivalent.
  if (/^https?:\/\//i.test(input)) throw badRequest("failed to get HTTP URL content")
  throw badRequest("wrong file identifier/HTTP URL specified")
}

const sendChatAction: MethodHandler = (context) => {
  const chat = targetChat(context)
  const action = context.params.string("action") ?? ""
  if (!CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request")
  context.world.topicFor(chat, context.params.integer("message_thread_id"))
  return true
}

function sourceMessage(context: MethodContext, notFound: string): Message {
  const from = context.world.chatFor(context.params.chatId("from_chat_id"))
  const stored = context.world.liveMessage(from, context.params.requiredInteger("message_id"))
  if (!stored) throw badRequest(notFound)
  if (stored.service) throw badRequest("message can't be copied")
  return stored.message
}

function contentOf(world: World, message: Message): MessageContent {
  const extra: Partial<Message> = {}
  for (const field of CONTENT_FIELDS) {
    if (message[field] !== undefined) Object.assign(extra, { [field]: message[field] })
  }
  const document = message.document ? world.files.get(message.document.file_id) : undefined
  const photo = message.photo?.[0] ? world.files.get(message.photo[0].file_id) : undefined
  return { extra, ...(document ? { document } : {}), ...(photo ? { photo: { file: photo, sizes: message.photo ?? [] } } : {}) }
}

const copyMessage: MethodHandler = (context): MessageId => {
  const source = sourceMessage(context, "message to copy not found")
  const chat = targetChat(context)
  let content = contentOf(context.world, source)
  if (context.params.has("caption") && source.text === undefined) {
    // A new caption replaces the old one; an empty one removes it.
    const caption = captionText(context.params.string("caption"), textOptions(context, "caption_entities"))
    const { caption: _old, caption_entities: _oldEntities, ...extra } = content.extra ?? {}
    content = { ...content, extra, ...(caption ? { caption } : {}) }
  }
  const placement = readPlacement(context.world, chat, context.params)
  return { message_id: placeBotMessage(context.world, chat, placement, "copyMessage", content).message.message_id }
}

const forwardMessage: MethodHandler = (context) => {
  const source = sourceMessage(context, "message to forward not found")
  const chat = targetChat(context)
  const copied = contentOf(context.world, source)
  const origin = source.from
    ? { type: "user" as const, sender_user: source.from, date: source.date }
    : { type: "hidden_user" as const, sender_user_name: "Unknown", date: source.date }
  const content = { ...copied, extra: { ...copied.extra, forward_origin: origin } }
  const placement = { ...readPlacement(context.world, chat, context.params), markup: undefined }
  return placeBotMessage(context.world, chat, placement, "forwardMessage", content).message
}

export const sendingMethods: Record<string, MethodHandler> = {
  sendMessage,
  sendDocument,
  sendPhoto,
  sendChatAction,
  copyMessage,
  forwardMessage,
}
