import ExcelJS from "exceljs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ADMIN_ID } from "../support/e2e.ts"
import type { BotMessage } from "../support/fake-telegram/index.ts"
import type { FakeGroup } from "../support/fake-telegram/fake-group.ts"
import type { FakeUser } from "../support/fake-telegram/fake-user.ts"
import { startRestartableE2E, type RestartableE2E } from "../support/restartable-e2e.ts"

/** Monday 7 December 2026, 10:00 in Barnaul (UTC+7): a working day. */
const MONDAY_10 = new Date("2026-12-07T03:00:00Z")
const STAFF_GROUP = -1009876543210

/** The bot's messages to `user` until one whose text matches (the FAQ shows one to three answers before its question). */
async function until(user: FakeUser, pattern: RegExp): Promise<BotMessage[]> {
  const seen: BotMessage[] = []
  for (;;) {
    const [message] = await user.waitForMessages(1)
    seen.push(message!)
    if (pattern.test(message!.text ?? "")) return seen
  }
}

/** A role by the invitation link an admin makes, accepted by a new user (as in core.test.ts). */
async function invited(e2e: RestartableE2E, admin: FakeUser, id: number, firstName: string, role: string, municipality: string): Promise<FakeUser> {
  await admin.sendText("/invite")
  const [roles] = await admin.waitForMessages(1)
  await admin.clickButton(roles!, role)
  await admin.waitForMessages(1)
  await admin.sendText(municipality)
  const [created] = await admin.waitForMessages(1)
  const code = /start=([\w-]+)/.exec(created!.text ?? "")![1]!
  const user = e2e.fake.user({ id, firstName })
  await user.sendText(`/start ${code}`)
  const [accepted] = await user.waitForMessages(2)
  expect(accepted!.text).toContain("Приглашение принято")
  return user
}

async function directory(e2e: RestartableE2E) {
  const municipality = await e2e.prisma.municipality.create({ data: { name: "город Барнаул", timeZone: "Asia/Barnaul" } })
  await e2e.prisma.school.createMany({
    data: [
      { key: "223017", login: "edu223017", name: "МБОУ «СОШ № 5»", municipalityId: municipality.id },
      { key: "223018", login: "edu223018", name: "МБОУ «СОШ № 15»", municipalityId: municipality.id },
      { key: "223019", login: "edu223019", name: "МБОУ «Гимназия № 79»", municipalityId: municipality.id },
    ],
  })
}

/**
 * The hotline end to end, through the fake Bot API, as parents, specialists and a coordinator use it:
 * a question with FAQ answers, a ticket with its topic in the staff group, the answer and the rating, anonymity
 * both ways, escalation by the test clock, a deleted topic, a blocked user, and restarts in the middle.
 */
describe("the hotline end to end", () => {
  let e2e: RestartableE2E
  let admin: FakeUser
  let group: FakeGroup
  let specialist: FakeUser
  let coordinator: FakeUser
  const topicOf = (ticket: number) => group.topics().filter((topic) => !topic.deleted && topic.name.startsWith(`№${ticket} ·`))[0]!

  beforeAll(async () => {
    e2e = await startRestartableE2E({ clock: MONDAY_10 })
    await directory(e2e)
    admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
    group = e2e.fake.group({ id: STAFF_GROUP, title: "Горячая линия — специалисты", isForum: true })
  }, 60_000)
  afterAll(() => e2e?.stop())

  it("links the staff group by an admin's command; the invited hotline specialist works in it", async () => {
    specialist = await invited(e2e, admin, 7001, "Ирина", "специалист горячей линии", "город Барнаул")
    coordinator = await invited(e2e, admin, 7002, "Светлана", "муниципальный координатор", "город Барнаул")
    await group.sendText(specialist, "/hotline_link")
    expect((await group.waitForMessages(1))[0]!.text).toBe("Подключать группу горячей линии могут администраторы и муниципальные координаторы.")
    await group.sendText(admin, "/hotline_link")
    expect((await group.waitForMessages(1))[0]!.text).toBe("Группа подключена к горячей линии. Каждое новое обращение получит здесь свою тему.")
    // Staff who type something the bot does not understand are told so, with a way to ask the hotline themselves.
    await specialist.sendText("привет")
    const [unknown] = await specialist.waitForMessages(1)
    expect(unknown!.text).toContain("Я не понял сообщение.")
    expect(unknown!.buttons).toEqual(["☎️ Задать вопрос на горячую линию"])
    // A spreadsheet from someone without a role is not a question: it is results sent without an invitation.
    const stranger = e2e.fake.user({ id: 8009, firstName: "Пётр" })
    await stranger.sendDocument({ fileName: "результаты 4а.xlsx", bytes: Buffer.from("PK") })
    expect((await stranger.waitForMessages(1))[0]!.text).toBe("Загружать результаты могут учителя и координаторы. Если вы работаете в школе, попросите у координатора ссылку-приглашение.")
  })

  it("takes a parent's question through the FAQ to a ticket and its topic, across restarts in the dialog and in the relay", async () => {
    const parent = e2e.fake.user({ id: 8001, firstName: "Анна", lastName: "Петрова", username: "anna_p" })
    await parent.sendText("/start")
    const [welcome] = await parent.waitForMessages(1)
    await parent.clickButton(welcome!, "☎️ Горячая линия")
    const [menu] = await parent.waitForMessages(1)
    expect(menu!.text).toContain("☎️ Горячая линия по оценочным процедурам (ВПР)")
    expect(menu!.text).not.toContain("в разработке")
    expect(menu!.buttons).toEqual(["❓ Задать вопрос", "📋 Мои обращения", "🔔 Подписаться на новости школы", "📬 Мои подписки"])
    await parent.clickButton(menu!, "❓ Задать вопрос")
    const [topics] = await parent.waitForMessages(1)
    expect(topics!.text).toBe("О чём ваш вопрос? Выберите тему:")
    expect(topics!.buttons).toEqual(["Сроки и организация", "Результаты", "Жалоба на необъективность", "Другое"])
    await parent.clickButton(topics!, "Результаты")
    const [askQuestion] = await parent.waitForMessages(1)
    expect(askQuestion!.text).toContain("Напишите ваш вопрос одним сообщением")
    await e2e.fake.waitUntil(() => topics!.text === "Тема: Результаты")

    // The bot restarts while the dialog waits for the question: the dialog goes on where it was.
    await e2e.restart()
    await parent.sendText("Когда будут известны результаты ВПР по математике в 4 классе?")
    const faq = await until(parent, /^Это отвечает на ваш вопрос\?$/)
    expect(faq[0]!.text).toBe("Возможно, ответ на ваш вопрос уже есть:")
    expect(faq[1]!.text).toMatch(/^❓ Когда будут известны результаты ВПР\?\n\nРаботы проверяют учителя школы/)
    expect(faq.length).toBeLessThanOrEqual(5)
    const prompt = faq.at(-1)!
    expect(prompt.buttons).toEqual(["✅ Да, спасибо", "✉️ Нет, отправить вопрос специалисту"])
    await parent.clickButton(prompt, "✉️ Нет, отправить вопрос специалисту")
    const [askSchool] = await parent.waitForMessages(1)
    expect(askSchool!.text).toContain("Укажите школу")
    await parent.sendText("лицей 1")
    const [none] = await parent.waitForMessages(1)
    expect(none!.text).toBe("Не нашёл школу по запросу «лицей 1». Попробуйте написать иначе: только номер («5») или слово из названия («гимназия»).")
    await parent.sendText("школа 5")
    const [found] = await parent.waitForMessages(1)
    expect(found!.buttons).toEqual(["МБОУ «СОШ № 5» (город Барнаул)", "Пропустить"])
    await parent.clickButton(found!, "МБОУ «СОШ № 5» (город Барнаул)")
    const [askGrade] = await parent.waitForMessages(1)
    expect(askGrade!.text).toBe("В каком классе учится ребёнок? Можно пропустить.")
    await parent.clickButton(askGrade!, "4")
    const [anonymity] = await parent.waitForMessages(1)
    // The answered questions keep the answers in place of their buttons.
    expect([found!.text, found!.buttons, askGrade!.text]).toEqual(["Школа: МБОУ «СОШ № 5» (город Барнаул)", [], "Класс: 4"])
    expect(anonymity!.buttons).toEqual(["👤 Указать моё имя", "🕶 Анонимно"])
    await parent.clickButton(anonymity!, "👤 Указать моё имя")
    const [created] = await parent.waitForMessages(1)
    expect([prompt.text, anonymity!.text]).toEqual(["Ответа среди частых вопросов нет — вопрос уйдёт специалисту.", "Специалист увидит ваше имя."])
    expect(created!.text).toBe(
      "✅ Обращение №1 принято.\nСпециалист ответит здесь, в этом чате, обычно в течение 4 рабочих часов. Чтобы дополнить вопрос, просто напишите сюда.",
    )

    // The topic opens at once with its card; the question waits for the group's pace (20 a minute). A restart now loses nothing.
    await e2e.fake.waitUntil(() => group.topics().length === 1)
    const topic = group.topics()[0]!
    expect(topic.name).toBe("№1 · Результаты · новое")
    const [card] = await group.waitForMessages(1, { threadId: topic.threadId })
    expect(card!.text).toBe(
      "📨 Обращение №1\nТема: Результаты\nШкола: МБОУ «СОШ № 5» (город Барнаул), 4 класс\nОт: Анна Петрова (@anna_p)\nСоздано: 07.12.2026 10:00\n\n" +
        "Ответ — сообщением в этой теме, он уйдёт пользователю от имени горячей линии. Сообщение, начатое с «!», — внутренняя заметка, пользователь её не увидит. /faq в ответ на ваше сообщение сохранит вопрос и ответ в FAQ.",
    )
    expect(card!.buttons).toEqual(["🙋 Взять", "✅ Закрыть", "🔄 Открыть снова"])
    await e2e.restart()
    const [question] = await e2e.flowing(group.waitForMessages(1, { threadId: topic.threadId }))
    expect(question!.text).toBe("👤 Анна Петрова (@anna_p) · обращение №1:\n\nКогда будут известны результаты ВПР по математике в 4 классе?")
    // Nothing is left to send: a duplicate after the restart would be here by now.
    await e2e.recorded(async (prisma) => (await prisma.outbox.count({ where: { status: "pending" } })) === 0, "the outbox drained")
    expect(group.messages({ threadId: topic.threadId })).toHaveLength(2)
    expect(await e2e.prisma.hotlineTopic.count()).toBe(1)
  })

  it("relays the specialist's answer to the parent without the specialist's name, keeps notes in the group, and closes with the rating", async () => {
    const parent = e2e.fake.user({ id: 8001, firstName: "Анна" })
    const topic = topicOf(1)
    const card = group.messages({ threadId: topic.threadId })[0]!
    const tap = await group.clickButton(specialist, card, "🙋 Взять")
    expect((await group.waitForCallbackAnswer(tap)).text).toBe("Обращение №1 за вами.")
    await e2e.flowing(e2e.fake.waitUntil(() => topicOf(1).name === "№1 · Результаты · в работе"))
    await group.sendText(specialist, "! уточнить у завуча, когда школа вносит отметки", { threadId: topic.threadId })
    await group.sendText(specialist, "Отметку за работу школа обычно сообщает через неделю после проверки. Сводные результаты — в течение двух месяцев.", { threadId: topic.threadId })
    const [answer] = await e2e.flowing(parent.waitForMessages(1))
    expect(answer!.text).toBe(
      "💬 Ответ специалиста по обращению №1:\n\nОтметку за работу школа обычно сообщает через неделю после проверки. Сводные результаты — в течение двух месяцев.\n\n" +
        "Если вопрос решён, оцените ответ — обращение закроется. Если нет, ответьте на это сообщение или просто напишите сюда.",
    )
    expect(answer!.text).not.toContain("Ирина")
    expect(answer!.buttons).toEqual(["1 ⭐", "2 ⭐", "3 ⭐", "4 ⭐", "5 ⭐"])
    await e2e.flowing(e2e.fake.waitUntil(() => topicOf(1).name === "№1 · Результаты · дан ответ"))
    await parent.clickButton(answer!, "5 ⭐")
    const [thanks] = await parent.waitForMessages(1)
    expect(thanks!.text).toBe("Спасибо за оценку (5 из 5)! Обращение №1 закрыто. Если появятся вопросы, просто напишите сюда.")
    await e2e.fake.waitUntil(() => answer!.buttons.length === 0)
    const [event] = await e2e.flowing(group.waitForMessages(2, { threadId: topic.threadId })).then((messages) => messages.slice(-1))
    expect(event!.text).toBe("✅ Пользователь оценил ответ: 5 из 5. Обращение закрыто.")
    await e2e.flowing(e2e.fake.waitUntil(() => topicOf(1).name === "№1 · Результаты · закрыто"))
    // The note never left the group: the parent got the answer and the thanks only.
    expect(parent.messages().filter((message) => message.text?.includes("завуч"))).toEqual([])
    // One step to the FAQ: /faq in reply to the answer.
    const answerInTopic = (await e2e.prisma.hotlineMessage.findFirstOrThrow({ where: { ticketId: 1, kind: "staff" } })).messageId!
    await group.sendText(specialist, "/faq", { threadId: topic.threadId, replyTo: answerInTopic })
    const [saved] = await e2e.flowing(group.waitForMessages(1, { threadId: topic.threadId }))
    expect(saved!.text).toMatch(/^📚 Вопрос и ответ сохранены в FAQ под номером 21\./)
  })

  it("hides identities both ways for an anonymous question that a parent just writes, and escalates it by the clock", async () => {
    const parent = e2e.fake.user({ id: 8002, firstName: "Мария", lastName: "Смирнова", username: "masha" })
    await parent.sendText("Сыну за ВПР по русскому поставили 2, а в журнале у него 4. Разве так бывает?")
    const [topics] = await parent.waitForMessages(1)
    expect(topics!.text).toBe("О чём ваш вопрос? Выберите тему:")
    await parent.clickButton(topics!, "Жалоба на необъективность")
    const faq = await until(parent, /^Это отвечает на ваш вопрос\?$/)
    expect(faq[1]!.text).toMatch(/^❓ Почему отметка за ВПР отличается от отметки в журнале\?/)
    await parent.clickButton(faq.at(-1)!, "✉️ Нет, отправить вопрос специалисту")
    const [askSchool] = await parent.waitForMessages(1)
    await parent.clickButton(askSchool!, "Пропустить")
    const [askGrade] = await parent.waitForMessages(1)
    await parent.clickButton(askGrade!, "Пропустить")
    const [anonymity] = await parent.waitForMessages(1)
    await parent.clickButton(anonymity!, "🕶 Анонимно")
    const [created] = await parent.waitForMessages(1)
    expect(created!.text).toContain("✅ Обращение №2 принято. Специалист не увидит вашего имени.")

    await e2e.fake.waitUntil(() => topicOf(2) !== undefined)
    const topic = topicOf(2)
    expect(topic.name).toBe("№2 · Жалоба на необъективность · новое")
    const [card, question] = await e2e.flowing(group.waitForMessages(2, { threadId: topic.threadId }))
    expect(card!.text).toContain("Школа: не указана\nОт: Аноним\n")
    expect(question!.text).toBe("👤 Аноним · обращение №2:\n\nСыну за ВПР по русскому поставили 2, а в журнале у него 4. Разве так бывает?")
    expect(group.messages().some((message) => /Мария|Смирнова|masha/.test(message.text ?? ""))).toBe(false)

    // Unanswered for 4 working hours (asked on Monday morning: by the afternoon) the coordinator is told, once.
    const asked = (await e2e.prisma.hotlineTicket.findUniqueOrThrow({ where: { id: 2 } })).waitingSince!
    e2e.clock.advance(asked.getTime() + 4 * 3600_000 - 60_000 - e2e.clock.now().getTime())
    await e2e.runJobs()
    expect(coordinator.unread()).toEqual([])
    e2e.clock.advance(6 * 60_000)
    await e2e.runJobs()
    const [escalation] = await e2e.flowing(coordinator.waitForMessages(1))
    expect(escalation!.text).toBe("⏰ Обращение №2 ждёт ответа 4 раб. ч (норма — 4).\nТема: Жалоба на необъективность. Школа: не указана.\nПосмотреть и ответить: /tickets")
    const [escalated] = await e2e.flowing(group.waitForMessages(1, { threadId: topic.threadId }))
    expect(escalated!.text).toBe("⏰ Нет ответа дольше 4 рабочих часов: сообщили муниципальному координатору.")
    e2e.clock.advance(10 * 60_000)
    await e2e.runJobs()
    expect(coordinator.unread()).toEqual([])

    await group.sendText(specialist, "Здравствуйте! Расхождение на две отметки — повод для школы проверить оценивание. Мы запросим работу.", { threadId: topic.threadId })
    const [answer] = await e2e.flowing(parent.waitForMessages(1))
    expect(answer!.text).toMatch(/^💬 Ответ специалиста по обращению №2:\n\nЗдравствуйте! Расхождение на две отметки/)
    expect(answer!.text).not.toContain("Ирина")
    // The parent replies to the answer: it joins the ticket.
    await parent.sendText("Спасибо. А когда будет известен результат проверки?", { replyTo: answer! })
    expect((await parent.waitForMessages(1))[0]!.text).toBe("Добавил ваше сообщение к обращению №2. Специалист его увидит.")
    const [followUp] = await e2e.flowing(group.waitForMessages(1, { threadId: topic.threadId }))
    expect(followUp!.text).toBe("👤 Аноним · обращение №2:\n\nСпасибо. А когда будет известен результат проверки?")
  })

  it("re-creates a topic deleted by hand, and tells the staff when the parent has blocked the bot", async () => {
    const parent = e2e.fake.user({ id: 8002, firstName: "Мария" })
    const old = topicOf(2)
    group.deleteTopicByHand(old.threadId)
    await parent.sendText("И ещё: работу нам покажут?")
    const [choice] = await parent.waitForMessages(1)
    expect(choice!.text).toBe("У вас есть открытое обращение. Добавить это сообщение к нему или это новый вопрос?")
    expect(choice!.buttons).toEqual(["Дополнить обращение №2 (Жалоба на необъективность)", "Это новый вопрос"])
    await parent.clickButton(choice!, "Дополнить обращение №2 (Жалоба на необъективность)")
    expect((await parent.waitForMessages(1))[0]!.text).toBe("Добавил ваше сообщение к обращению №2. Специалист его увидит.")
    // The relay into the deleted topic fails; the job re-creates the topic with the ticket's history.
    await e2e.flowing(e2e.fake.waitUntil(() => e2e.fake.callsTo("sendMessage").some((call) => call.outcome?.ok === false && /thread not found/.test(JSON.stringify(call.outcome))), { description: "a send into the deleted topic refused" }))
    await e2e.recorded(async (prisma) => (await prisma.outbox.count({ where: { status: "failed", lastError: { contains: "thread not found" } } })) > 0, "the failed relay marked")
    await e2e.runJobs()
    await e2e.fake.waitUntil(() => topicOf(2) !== undefined && topicOf(2).threadId !== old.threadId, { description: "the topic re-created" })
    const fresh = topicOf(2)
    const rebuilt = await e2e.flowing(group.waitForMessages(6, { threadId: fresh.threadId, timeoutMs: 20_000 }))
    expect(rebuilt.map((message) => message.text?.split("\n")[0])).toEqual([
      "📨 Обращение №2",
      "👤 Аноним · обращение №2:",
      "⏰ Нет ответа дольше 4 рабочих часов: сообщили муниципальному координатору.",
      expect.stringMatching(/^↩️ Ответ \(Ирина, 07\.12\.2026 14:\d\d\):$/),
      "👤 Аноним · обращение №2:",
      "👤 Аноним · обращение №2:",
    ])
    expect(rebuilt.at(-1)!.text).toBe("👤 Аноним · обращение №2:\n\nИ ещё: работу нам покажут?")

    e2e.fake.blockBy(8002)
    await group.sendText(specialist, "Да, работу покажут в школе.", { threadId: fresh.threadId })
    await e2e.flowing(e2e.fake.waitUntil(() => e2e.fake.callsTo("sendMessage").some((call) => String(call.params.chat_id) === "8002" && call.outcome?.ok === false), { description: "the answer to the blocked parent refused" }))
    await e2e.recorded(async (prisma) => (await prisma.outbox.count({ where: { chatId: 8002n, status: "blocked" } })) > 0, "the blocked chat marked")
    await e2e.runJobs()
    const [warning] = await e2e.flowing(group.waitForMessages(1, { threadId: fresh.threadId }))
    expect(warning!.text).toBe("⚠️ Ответ по обращению №2 не доставлен: пользователь заблокировал бота.")
  })

  it("without a staff group, brings tickets to the specialist's private chat to answer there, and saves the answer to the FAQ", async () => {
    await group.sendText(admin, "/hotline_unlink")
    await e2e.fake.waitUntil(() => group.messages().some((message) => message.text === "Группа отключена от горячей линии. Новые обращения специалисты получат в личных сообщениях с ботом."))
    const parent = e2e.fake.user({ id: 8003, firstName: "Павел" })
    await parent.sendText("/ask")
    await parent.clickButton((await parent.waitForMessages(1))[0]!, "Сроки и организация")
    await parent.waitForMessages(1)
    await parent.sendText("Можно ли перенести ВПР, если ребёнок заболел?")
    const afterQuestion = await parent.waitForMessages(1)
    const askSchool = afterQuestion[0]!.text?.startsWith("Укажите школу") ? afterQuestion[0]! : (await until(parent, /^Укажите школу/)).at(-1)!
    if (askSchool.text?.startsWith("Возможно")) throw new Error("unexpected FAQ")
    await parent.clickButton(askSchool, "Пропустить")
    const [askGrade] = await parent.waitForMessages(1)
    await parent.clickButton(askGrade!, "Пропустить")
    await parent.clickButton((await parent.waitForMessages(1))[0]!, "👤 Указать моё имя")
    expect((await parent.waitForMessages(1))[0]!.text).toContain("✅ Обращение №3 принято.")
    expect([askSchool.text, askGrade!.text]).toEqual(["Школа: не указана", "Класс: не указан"])

    const [card, question] = await e2e.flowing(specialist.waitForMessages(2))
    expect(card!.text).toMatch(/^📨 Обращение №3\nТема: Сроки и организация\n/)
    expect(card!.text).toMatch(/\n\nОтветить — кнопкой «✍️ Ответить»: ответ уйдёт пользователю от имени горячей линии\.$/)
    expect(card!.buttons).toEqual(["✍️ Ответить", "🙋 Взять", "✅ Закрыть"])
    expect(question!.text).toBe("👤 Павел · обращение №3:\n\nМожно ли перенести ВПР, если ребёнок заболел?")
    await specialist.clickButton(question!, "✍️ Ответить")
    expect((await specialist.waitForMessages(1))[0]!.text).toMatch(/^Напишите ответ на обращение №3 одним сообщением/)
    await specialist.sendText("Решение о переносе принимает школа: обратитесь к классному руководителю.")
    const [sent] = await specialist.waitForMessages(1)
    expect(sent!.text).toBe("Ответ по обращению №3 отправлен.")
    const [answer] = await e2e.flowing(parent.waitForMessages(1))
    expect(answer!.text).toMatch(/^💬 Ответ специалиста по обращению №3:\n\nРешение о переносе принимает школа/)
    await specialist.clickButton(sent!, "📚 Сохранить в FAQ")
    expect((await specialist.waitForMessages(1))[0]!.text).toMatch(/^📚 Вопрос и ответ сохранены в FAQ под номером 22\./)

    await specialist.sendText("/tickets")
    const [list] = await specialist.waitForMessages(1)
    expect(list!.text).toMatch(/^Открытые обращения: 2\./)
    expect(list!.buttons).toEqual(["№2", "№3"])

    // A photo in reply to the answer joins the ticket: the specialist gets a header and a copy that shows no sender.
    const gif = Buffer.concat([Buffer.from("GIF89a", "latin1"), Buffer.from([2, 0, 1, 0, 0, 0, 0])])
    await parent.sendPhoto({ bytes: gif, caption: "Вот справка от врача" }, { replyTo: answer! })
    expect((await parent.waitForMessages(1))[0]!.text).toBe("Добавил ваше сообщение к обращению №3. Специалист его увидит.")
    const [header, copy] = await e2e.flowing(specialist.waitForMessages(2))
    expect(header!.text).toBe("👤 Павел · обращение №3:")
    expect(copy!.method).toBe("copyMessage")
    expect(copy!.caption).toBe("Вот справка от врача")
    expect(copy!.photo?.bytes.equals(gif)).toBe(true)
    expect(copy!.raw.forward_origin).toBeUndefined()
    expect(copy!.buttons).toEqual(["✍️ Ответить"])
    // The parent sees their open questions.
    await parent.sendText("/mytickets")
    const [mine] = await parent.waitForMessages(1)
    expect(mine!.text).toBe(
      "Ваши обращения:\n№3 · Сроки и организация · в работе · от 07.12.2026\n\nЧтобы дополнить открытое обращение, ответьте на сообщение специалиста или просто напишите сюда.",
    )
    // The parent rates the answer: the specialist who answered hears of it (no group shows the ticket's history).
    await parent.clickButton(answer!, "4 ⭐")
    expect((await parent.waitForMessages(1))[0]!.text).toMatch(/^Спасибо за оценку \(4 из 5\)! Обращение №3 закрыто\./)
    const [rated] = await e2e.flowing(specialist.waitForMessages(1))
    expect(rated!.text).toBe("№3 · ✅ Пользователь оценил ответ: 4 из 5. Обращение закрыто.")
  })

  it("shows the staff their own hotline menu, each with what the role allows, not the parents' invitation to ask", async () => {
    await specialist.sendText("/hotline")
    const [forSpecialist] = await specialist.waitForMessages(1)
    expect(forSpecialist!.text).toMatch(/^☎️ Горячая линия по оценочным процедурам \(ВПР\) — для сотрудников\n\nРодители задают вопросы боту/)
    expect(forSpecialist!.text).toContain("Первый ответ — в течение 4 рабочих часов, иначе бот сообщит муниципальному координатору.")
    expect(forSpecialist!.buttons).toEqual(["📥 Открытые обращения", "📚 Частые вопросы (FAQ)"])
    await coordinator.sendText("/hotline")
    const [forCoordinator] = await coordinator.waitForMessages(1)
    expect(forCoordinator!.buttons).toEqual(["📥 Открытые обращения", "📚 Частые вопросы (FAQ)", "📊 Статистика горячей линии", "📣 Объявление родителям"])
  })

  it("lets a specialist keep the FAQ in the bot: read, change, download and upload it as XLSX", async () => {
    await specialist.sendText("/faq")
    const [list] = await specialist.waitForMessages(1)
    expect(list!.text).toBe("📚 Частые вопросы: 22 (страница 1 из 3). Нажмите на вопрос, чтобы прочитать или изменить его.")
    expect(list!.buttons.slice(0, 1)).toEqual(["1. Что такое ВПР и зачем их проводят?"])
    expect(list!.buttons.slice(-4)).toEqual(["▶️", "➕ Добавить", "📤 Выгрузить XLSX", "📥 Загрузить XLSX"])
    await specialist.clickButton(list!, "1. Что такое ВПР и зачем их проводят?")
    const [entry] = await specialist.waitForMessages(1)
    expect(entry!.text).toMatch(/^1\. ❓ Что такое ВПР и зачем их проводят\?\n\nВсероссийские проверочные работы/)
    await specialist.clickButton(entry!, "✏️ Ответ")
    expect((await specialist.waitForMessages(1))[0]!.text).toBe("Напишите новый ответ на вопрос №1.")
    await specialist.sendText("ВПР — контрольные работы по единым для всей страны заданиям. Они показывают, что ребёнок уже умеет.")
    expect((await specialist.waitForMessages(1))[0]!.text).toBe("Сохранено в FAQ: №1.")

    await specialist.clickButton(list!, "📤 Выгрузить XLSX")
    const [file] = await specialist.waitForMessages(1)
    expect(file!.document?.fileName).toBe("FAQ горячей линии.xlsx")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file!.document!.bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(1).values).toEqual([undefined, "№", "Вопрос", "Ответ"])
    expect(sheet.getRow(2).values).toEqual([undefined, 1, "Что такое ВПР и зачем их проводят?", "ВПР — контрольные работы по единым для всей страны заданиям. Они показывают, что ребёнок уже умеет."])
    expect(sheet.rowCount).toBe(23)
    sheet.addRow(["", "Где посмотреть расписание ВПР нашей школы?", "На сайте школы в разделе «ВПР» или у классного руководителя."])
    sheet.addRow(["", "", "Ответ без вопроса"])
    await specialist.clickButton(list!, "📥 Загрузить XLSX")
    expect((await specialist.waitForMessages(1))[0]!.text).toMatch(/^Пришлите XLSX с колонками/)
    await specialist.sendDocument({ fileName: "FAQ.xlsx", bytes: Buffer.from(await workbook.xlsx.writeBuffer()) })
    expect((await specialist.waitForMessages(1))[0]!.text).toBe("Файл не принят, FAQ не изменён:\n❌ Строка 25: нет вопроса.")
    sheet.spliceRows(25, 1)
    await specialist.clickButton(list!, "📥 Загрузить XLSX")
    await specialist.waitForMessages(1)
    await specialist.sendDocument({ fileName: "FAQ.xlsx", bytes: Buffer.from(await workbook.xlsx.writeBuffer()) })
    expect((await specialist.waitForMessages(1))[0]!.text).toBe("FAQ обновлён: добавлено 1, изменено 22.")
  })

  it("gives the coordinator the month's statistics in figures and as an XLSX", async () => {
    await coordinator.sendText("/hotline_stats")
    const [figures, file] = await coordinator.waitForMessages(2)
    expect(figures!.text).toMatch(/^📊 Горячая линия за декабрь 2026\nОбращений: 3\n· сроки и организация — 1\n· результаты — 1\n· жалобы на необъективность — 1\n· другое — 0\nС ответом: 3; медиана первого ответа — [\d,]+ раб\. ч\nОценок: 2, средняя — 4,5\nЭскалировано координатору: 1\n/)
    expect(figures!.buttons).toEqual(["Этот месяц", "Прошлый месяц"])
    expect(file!.document?.fileName).toBe("hotline-2026-12.xlsx")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file!.document!.bytes as unknown as ArrayBuffer)
    const tickets = workbook.getWorksheet("Обращения")!
    expect(tickets.rowCount).toBe(4)
    expect(tickets.getRow(3).getCell(3).value).toBe("Жалоба на необъективность")
    expect(tickets.getRow(3).getCell(9).value).toBe("да")
    const parent = e2e.fake.user({ id: 8003, firstName: "Павел" })
    await parent.sendText("/hotline_stats")
    expect((await parent.waitForMessages(1))[0]!.text).toBe("Статистика горячей линии доступна муниципальным координаторам и администраторам.")
  })
})

/**
 * Parents informed: a parent subscribes to a school's grade in the bot, a coordinator announces to that grade,
 * every subscribed parent gets it exactly once, paced, across a restart in the middle of the sending.
 */
describe("announcements to parents end to end", () => {
  let e2e: RestartableE2E
  beforeAll(async () => {
    e2e = await startRestartableE2E({ clock: MONDAY_10 })
    await directory(e2e)
  }, 60_000)
  afterAll(() => e2e?.stop())

  it("reaches exactly the subscribed parents of the grade, once each, within Telegram's pace, across a restart", async () => {
    const admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
    const coordinator = await invited(e2e, admin, 7101, "Светлана", "муниципальный координатор", "город Барнаул")

    const parent = e2e.fake.user({ id: 9000, firstName: "Ольга" })
    await parent.sendText("/subscribe")
    const [askSchool] = await parent.waitForMessages(1)
    expect(askSchool!.text).toContain("Новости какой школы вы хотите получать?")
    await parent.sendText("гимназия 79")
    const [earlier] = await parent.waitForMessages(1)
    await parent.sendText("гимназия 79")
    const [later] = await parent.waitForMessages(1)
    // Once a later search has answered, the earlier offer's buttons are no choice: the tap is told so, nothing moves on.
    await parent.clickButton(earlier!, "МБОУ «Гимназия № 79» (город Барнаул)")
    await e2e.fake.waitUntil(() => e2e.fake.callsTo("answerCallbackQuery").some((call) => String(call.params.text ?? "").startsWith("Эта кнопка больше не действует.")))
    expect(parent.unread()).toEqual([])
    await parent.clickButton(later!, "МБОУ «Гимназия № 79» (город Барнаул)")
    await parent.clickButton((await parent.waitForMessages(1))[0]!, "4")
    expect((await parent.waitForMessages(1))[0]!.text).toBe(
      "🔔 Готово! Вы будете получать объявления для родителей: МБОУ «Гимназия № 79» (город Барнаул), 4 класс. Отписаться можно в «Мои подписки».",
    )

    // Sixty more parents of grade 4 and ten of grade 5 (they wrote to the bot once; subscriptions stored directly).
    const school = await e2e.prisma.school.findUniqueOrThrow({ where: { key: "223019" } })
    const others = Array.from({ length: 70 }, (_, index) => e2e.fake.user({ id: 9001 + index, firstName: `Родитель ${index + 1}` }))
    await Promise.all(others.map((user) => user.sendText("/start")))
    await Promise.all(others.map((user) => user.waitForMessages(1)))
    const users = await e2e.prisma.user.findMany({ where: { telegramId: { gte: 9001n, lte: 9070n } }, orderBy: { telegramId: "asc" } })
    await e2e.prisma.parentSubscription.createMany({
      data: users.map((user, index) => ({ userId: user.id, schoolId: school.id, grade: index < 60 ? 4 : 5, createdAt: MONDAY_10 })),
    })

    await coordinator.sendText("/broadcast")
    const [whichSchool] = await coordinator.waitForMessages(1)
    expect(whichSchool!.text).toBe("Для какой школы объявление? Напишите номер или название школы вашего муниципалитета.")
    await coordinator.sendText("79")
    await coordinator.clickButton((await coordinator.waitForMessages(1))[0]!, "МБОУ «Гимназия № 79» (город Барнаул)")
    await coordinator.clickButton((await coordinator.waitForMessages(1))[0]!, "4")
    const [askText] = await coordinator.waitForMessages(1)
    expect(askText!.text).toMatch(/^Подписаны родителей: 61\./)
    const text = "ВПР по математике в 4 классах пройдёт 21 апреля на втором уроке. Отметки за ВПР не используются для оценки работы учителей."
    await coordinator.sendText(text)
    const [preview] = await coordinator.waitForMessages(1)
    expect(preview!.text).toContain("Кому: родители, МБОУ «Гимназия № 79» (город Барнаул), 4 класс — 61 чел.")
    await coordinator.clickButton(preview!, "📣 Отправить")
    const [queued] = await coordinator.waitForMessages(1)
    expect(queued!.text).toBe("Объявление №1 поставлено в очередь: 61 получателей. Сообщения уходят постепенно, в пределах ограничений Telegram.")

    // A restart in the middle of the sending.
    const recipients = [parent, ...others.slice(0, 60)]
    const received = () => recipients.filter((user) => user.messages().some((message) => message.text?.startsWith("📣"))).length
    await e2e.ticking(e2e.fake.waitUntil(() => received() >= 10, { timeoutMs: 20_000 }))
    // Time goes on during the restart, as it does in production: the outbox's last tick finishes its paced sends
    // (with the clock frozen, each paced send would wait its whole offset again: ~5 s of stop).
    await e2e.ticking(e2e.restart())
    const afterRestart = received()
    expect(afterRestart).toBeLessThan(61)
    await e2e.ticking(e2e.fake.waitUntil(() => received() === 61, { timeoutMs: 30_000 }))
    // Instead of a fixed wait for late duplicates: until no parent's outbox row is pending (none queued, none in flight),
    // after which nothing more can reach them.
    await e2e.recorded(async (prisma) => (await prisma.outbox.count({ where: { chatId: { gte: 9000n, lte: 9070n }, status: "pending" } })) === 0, "no parent's row pending", { realTime: true })

    for (const user of recipients) {
      const announcements = user.messages().filter((message) => message.text?.startsWith("📣"))
      expect(announcements.map((message) => message.text)).toEqual([`📣 Объявление для родителей: МБОУ «Гимназия № 79» (город Барнаул), 4 класс\n\n${text}`])
    }
    for (const user of others.slice(60)) expect(user.messages().some((message) => message.text?.startsWith("📣"))).toBe(false)
    expect(e2e.fake.callsTo("sendMessage").filter((call) => String(call.params.text ?? "").startsWith("📣"))).toHaveLength(61)
    // Paced: at most 25 a second (the dispatcher's budget, under Telegram's 30), by when each send started on the
    // app's clock. Not by when the fake received them: on a busy machine requests started 40 ms apart can arrive
    // bunched, which says nothing of the pacing. The restart starts a fresh budget: one more may fall in a second there.
    const rows = await e2e.prisma.outbox.findMany({ where: { chatId: { gte: 9000n, lte: 9070n }, status: "sent" } })
    const announcements = rows.filter((row) => String((row.payload as { text?: string }).text).startsWith("📣"))
    const times = announcements.map((row) => row.sentAt!.getTime()).sort((a, b) => a - b)
    expect(times).toHaveLength(61)
    const busiest = Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + 1000).length))
    expect(busiest).toBeLessThanOrEqual(26)
  })

  it("offers a parent who asks a question the school she follows, without typing", async () => {
    const parent = e2e.fake.user({ id: 9000, firstName: "Ольга" })
    await parent.sendText("/ask")
    await parent.clickButton((await until(parent, /^О чём ваш вопрос/)).at(-1)!, "Сроки и организация")
    await parent.waitForMessages(1)
    await parent.sendText("Во сколько начинается ВПР по математике в гимназии?")
    let askSchool = (await until(parent, /^(Укажите школу|Это отвечает на ваш вопрос)/)).at(-1)!
    if (askSchool.text!.startsWith("Это отвечает")) {
      await parent.clickButton(askSchool, "✉️ Нет, отправить вопрос специалисту")
      askSchool = (await parent.waitForMessages(1))[0]!
    }
    expect(askSchool.text).toBe(
      "Укажите школу — так вопрос быстрее попадёт к специалисту вашего района. Выберите школу из ваших подписок или напишите номер или название другой школы. Можно пропустить.",
    )
    expect(askSchool.buttons).toEqual(["МБОУ «Гимназия № 79» (город Барнаул)", "Пропустить"])
    await parent.clickButton(askSchool, "МБОУ «Гимназия № 79» (город Барнаул)")
    await parent.clickButton((await parent.waitForMessages(1))[0]!, "4")
    await parent.clickButton((await parent.waitForMessages(1))[0]!, "🕶 Анонимно")
    expect((await parent.waitForMessages(1))[0]!.text).toMatch(/^✅ Обращение №\d+ принято/)
    const ticket = await e2e.prisma.hotlineTicket.findFirstOrThrow({ orderBy: { id: "desc" } })
    const school = await e2e.prisma.school.findUniqueOrThrow({ where: { key: "223019" } })
    expect([ticket.schoolId, ticket.grade, ticket.anonymous]).toEqual([school.id, 4, true])
  })
})
