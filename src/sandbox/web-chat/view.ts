import type { MessageEntity } from "grammy/types"
import type { FakeTelegram, FakeUser } from "../telegram/index.ts"
import type { Persona } from "../personas.ts"

/** A message as the web chat draws it (JSON): text with entities, buttons, a document or a picture. */
export interface WebMessage {
  id: number
  fromBot: boolean
  text: string
  entities: MessageEntity[]
  buttons: { text: string; data?: string; url?: string }[][]
  document?: { fileId: string; fileName: string; size: number }
  photo?: { fileId: string }
  edited: boolean
  date: number
}

export function chatView(telegram: FakeTelegram, persona: Persona, user: FakeUser) {
  const messages: WebMessage[] = telegram
    .chatLog(persona.telegramId)
    .filter((entry) => !entry.view.deleted)
    .map(({ fromBot, view }) => {
      const raw = view.raw
      const document = raw.document
      const photo = raw.photo?.at(-1)
      return {
        id: view.messageId,
        fromBot,
        text: view.text ?? view.caption ?? "",
        entities: view.entities,
        buttons: (view.inlineKeyboard ?? []).map((row) =>
          row.map((button) => ({
            text: button.text,
            ...("callback_data" in button ? { data: button.callback_data } : {}),
            ...("url" in button ? { url: button.url } : {}),
          })),
        ),
        ...(document ? { document: { fileId: document.file_id, fileName: document.file_name ?? "file", size: document.file_size ?? 0 } } : {}),
        ...(photo ? { photo: { fileId: photo.file_id } } : {}),
        edited: view.edited,
        date: raw.date,
      }
    })
  const keyboard = user.replyKeyboard()?.map((row) => row.map((button) => button.text)) ?? null
  return { messages, keyboard }
}
