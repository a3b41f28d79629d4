import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { Api, GrammyError } from "grammy"
import { FakeTelegram, type FakeGroup, type FakeUser } from "../../support/fake-telegram/index.ts"

let fake: FakeTelegram
let api: Api
let staff: FakeGroup
let teacher: FakeUser
let operator: FakeUser

beforeEach(async () => {
  fake = await FakeTelegram.start()
  api = new Api(fake.token, { apiRoot: fake.apiRoot })
  staff = fake.group({ id: -1001234567890, title: "Горячая линия", isForum: true })
  teacher = fake.user({ id: 3001, firstName: "Ирина" })
  operator = fake.user({ id: 3002, firstName: "Олег" })
  await teacher.sendText("Здравствуйте, у нас вопрос по файлу")
})

afterEach(async () => {
  await fake.stop()
})

async function descriptionOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(() => undefined, (caught: unknown) => caught)
  if (!(error instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(error)}`)
  return error.description
}

describe("forum topics", () => {
  it("creates a topic and places messages in it like Telegram", async () => {
    const topic = await api.createForumTopic(staff.id, "Обращение №1 — Ирина")
    const sent = await api.sendMessage(staff.id, "Новое обращение", { message_thread_id: topic.message_thread_id })

    expect(topic).toEqual({ message_thread_id: sent.message_id - 1, name: "Обращение №1 — Ирина", icon_color: 0x6fb9f0 })
    expect(sent.message_thread_id).toBe(topic.message_thread_id)
    expect(sent.is_topic_message).toBe(true)
    // Telegram quirk: a topic message that replies to nothing replies to the topic's creation message.
    expect(sent.reply_to_message?.forum_topic_created?.name).toBe("Обращение №1 — Ирина")
    const [inTopic] = await staff.waitForMessages(1, { threadId: topic.message_thread_id })
    expect(inTopic?.text).toBe("Новое обращение")
    expect(staff.topics().map((t) => t.name)).toEqual(["Обращение №1 — Ирина"])
  })

  it("relays both ways with copyMessage and forwardMessage", async () => {
    const topic = await api.createForumTopic(staff.id, "Ирина")
    const [question] = (await api.getUpdates()).map((update) => update.message!)

    const forwarded = await api.forwardMessage(staff.id, teacher.id, question!.message_id, {
      message_thread_id: topic.message_thread_id,
    })
    const staffReply = await staff.sendText(operator, "Пришлите, пожалуйста, файл ещё раз", {
      threadId: topic.message_thread_id,
    })
    const copy = await api.copyMessage(teacher.id, staff.id, staffReply.message_id)

    expect(forwarded.forward_origin).toMatchObject({ type: "user", sender_user: { id: teacher.id } })
    expect(forwarded.text).toBe("Здравствуйте, у нас вопрос по файлу")
    expect(staffReply.message_thread_id).toBe(topic.message_thread_id)
    expect(teacher.messages().map((m) => [m.messageId, m.text, m.method])).toEqual([
      [copy.message_id, "Пришлите, пожалуйста, файл ещё раз", "copyMessage"],
    ])
    const staffUpdate = fake.pendingUpdates().at(-1)?.message
    expect(staffUpdate?.from?.id).toBe(operator.id)
    expect(staffUpdate?.is_topic_message).toBe(true)
  })

  it("answers 'message thread not found' after the topic is deleted", async () => {
    const topic = await api.createForumTopic(staff.id, "Временная")
    await api.deleteForumTopic(staff.id, topic.message_thread_id)
    const byHand = await api.createForumTopic(staff.id, "Удалят вручную")
    staff.deleteTopicByHand(byHand.message_thread_id)

    expect(await descriptionOf(api.sendMessage(staff.id, "x", { message_thread_id: topic.message_thread_id }))).toBe(
      "Bad Request: message thread not found",
    )
    expect(await descriptionOf(api.sendMessage(staff.id, "x", { message_thread_id: byHand.message_thread_id }))).toBe(
      "Bad Request: message thread not found",
    )
    expect(await descriptionOf(api.closeForumTopic(staff.id, topic.message_thread_id))).toBe("Bad Request: TOPIC_ID_INVALID")
  })

  it("renames, closes and reopens, refusing changes that change nothing", async () => {
    const topic = await api.createForumTopic(staff.id, "Новое")
    const thread = topic.message_thread_id

    await api.editForumTopic(staff.id, thread, { name: "🟢 Закрыто" })
    await api.closeForumTopic(staff.id, thread)
    const closedTwice = await descriptionOf(api.closeForumTopic(staff.id, thread))
    const sameName = await descriptionOf(api.editForumTopic(staff.id, thread, { name: "🟢 Закрыто" }))

    expect(closedTwice).toBe("Bad Request: TOPIC_NOT_MODIFIED")
    expect(sameName).toBe("Bad Request: TOPIC_NOT_MODIFIED")
    expect(staff.topic(thread)).toMatchObject({ name: "🟢 Закрыто", closed: true })
    await expect(staff.sendText(operator, "в закрытую тему", { threadId: thread })).rejects.toThrow(/closed/)
    await api.reopenForumTopic(staff.id, thread)
    expect(staff.topic(thread)?.closed).toBe(false)
    expect(staff.messages({ threadId: thread })).toEqual([]) // service messages are not counted as bot messages
  })

  it("refuses forum methods in a chat that is not a forum", async () => {
    const plain = fake.group({ id: -1009876543210, title: "Обычная группа" })
    expect(await descriptionOf(api.createForumTopic(plain.id, "x"))).toBe("Bad Request: the chat is not a forum")
    expect(await descriptionOf(api.createForumTopic(teacher.id, "x"))).toBe("Bad Request: the chat is not a forum")
  })
})

describe("other methods", () => {
  it("stores photos with their bytes and size ladder, and refuses non-images", async () => {
    // A 1×1 PNG header is enough for Telegram's dimension check here.
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d4948445200000640000004b00806000000" + "00".repeat(20),
      "hex",
    )
    const { InputFile } = await import("grammy")
    const sent = await api.sendPhoto(teacher.id, new InputFile(png, "chart.png"), { caption: "График" })
    const refused = await descriptionOf(api.sendPhoto(teacher.id, new InputFile(Buffer.from("not an image"), "x.png")))

    expect(sent.photo?.map((size) => [size.width, size.height])).toEqual([[90, 68], [320, 240], [800, 600], [1280, 960], [1600, 1200]])
    expect(teacher.lastMessage()?.photo?.bytes.equals(png)).toBe(true)
    expect(refused).toBe("Bad Request: IMAGE_PROCESS_FAILED")
  })

  it("tracks reply keyboards and sends the contact of a request_contact button", async () => {
    await api.sendMessage(teacher.id, "Поделитесь номером", {
      reply_markup: { keyboard: [[{ text: "📱 Отправить номер", request_contact: true }]], one_time_keyboard: true },
    })
    const contact = await teacher.pressKeyboardButton("📱 Отправить номер")

    expect(contact.contact?.user_id).toBe(teacher.id)
    expect(teacher.replyKeyboard()).toBeUndefined()
    await expect(teacher.pressKeyboardButton("📱 Отправить номер")).rejects.toThrow(/No keyboard button/)
  })

  it("deletes messages, stores commands per scope and refuses getUpdates while a webhook is set", async () => {
    const sent = await api.sendMessage(teacher.id, "временное")
    await api.deleteMessage(teacher.id, sent.message_id)
    await api.setMyCommands([{ command: "start", description: "Начать" }], { language_code: "ru" })

    expect(teacher.messages()).toEqual([])
    expect(await descriptionOf(api.deleteMessage(teacher.id, sent.message_id))).toBe("Bad Request: message to delete not found")
    expect(await api.getMyCommands({ language_code: "ru" })).toEqual([{ command: "start", description: "Начать" }])
    expect(await api.getMyCommands()).toEqual([])
    expect(await descriptionOf(api.setMyCommands([{ command: "Start", description: "x" }]))).toBe("Bad Request: BOT_COMMAND_INVALID")
    await api.setWebhook("https://example.org/hook")
    expect(await descriptionOf(api.getUpdates())).toMatch(/^Conflict: can't use getUpdates method while webhook is active/)
  })

  it("reports the bot as a topic-managing admin, and refuses methods it does not emulate with 501", async () => {
    const member = await api.getChatMember(staff.id, fake.botInfo.id)
    const error = await api.sendPoll(teacher.id, "?", [{ text: "a" }, { text: "b" }]).catch((caught: GrammyError) => caught)

    expect(member).toMatchObject({ status: "administrator", can_manage_topics: true })
    expect(error).toBeInstanceOf(GrammyError)
    expect((error as GrammyError).error_code).toBe(501)
  })

  it("accepts urlencoded parameters and case-insensitive method names", async () => {
    const response = await fetch(`${fake.apiRoot}/bot${fake.token}/SENDMESSAGE`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ chat_id: String(teacher.id), text: "<i>форма</i>", parse_mode: "HTML" }),
    })
    const body = (await response.json()) as { ok: boolean; result: { text: string } }

    expect(body.ok).toBe(true)
    expect(body.result.text).toBe("форма")
    expect(fake.internalErrors).toEqual([])
  })
})
