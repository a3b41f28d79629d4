import ExcelJS from "exceljs"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { hotlineButtons } from "../../../../src/bot/hotline/buttons.ts"
import type { Database } from "../../../../src/db/client.ts"
import { silentLogger } from "../../../../src/logger.ts"
import type { Actor } from "../../../../src/services/access/roles.ts"
import type { StaffChannel } from "../../../../src/services/hotline/staff-channel.ts"
import type { SourceMessage } from "../../../../src/services/hotline/types.ts"
import type { OutboxPayload } from "../../../../src/services/notifications/payload.ts"
import { createJobRunner } from "../../../../src/services/scheduling/jobs.ts"
import { availableDatabases, createTestDatabase, truncateAll } from "../../../support/db.ts"
import { TestClock, testServices } from "../../../support/services.ts"

const STAFF_GROUP = -1001234567890n
/** Monday 15 March 2027, 16:00 in Barnaul (UTC+7): two working hours left that day. */
const MONDAY_1600 = new Date("2027-03-15T09:00:00Z")

/** A staff channel that numbers topics and can be held (to make two plans meet) or told a topic is gone. */
function fakeChannel() {
  const created: { chatId: bigint; name: string; threadId: number }[] = []
  const renamed: { threadId: number; name: string }[] = []
  const gone = new Set<number>()
  let nextThread = 100
  let gate: Promise<void> | null = null
  const channel: StaffChannel = {
    async createTopic(chatId, name) {
      if (gate) await gate
      const threadId = nextThread++
      created.push({ chatId, name, threadId })
      return threadId
    },
    async renameTopic(_chatId, threadId, name) {
      if (gone.has(threadId)) return "gone"
      renamed.push({ threadId, name })
      return "ok"
    },
  }
  return {
    channel,
    created,
    renamed,
    gone,
    hold() {
      let release!: () => void
      gate = new Promise((resolve) => (release = resolve))
      return () => {
        gate = null
        release()
      }
    },
  }
}

let messageIds = 5000
function text(chatId: bigint | number | string, body: string): SourceMessage {
  return { chatId: String(chatId), messageId: messageIds++, text: body, media: "text" }
}

describe.each(availableDatabases())("the hotline on %s", (kind) => {
  let db: Database
  let clock: TestClock
  let services: ReturnType<typeof testServices>
  let fake: ReturnType<typeof fakeChannel>
  let parent: Actor, specialist: Actor, outsider: Actor, coordinator: Actor, admin: Actor
  let schoolId: number, otherSchoolId: number, northId: number

  beforeAll(async () => {
    db = await createTestDatabase(kind)
  })
  afterAll(() => db.close())

  beforeEach(async () => {
    await truncateAll(db)
    clock = new TestClock(MONDAY_1600)
    services = testServices(db, { clock, adminIds: [1n] })
    fake = fakeChannel()
    services.hotline.connect({ channel: fake.channel, buttons: hotlineButtons })
    const prisma = db.prisma
    const north = await prisma.municipality.create({ data: { name: "Северный район", timeZone: "Asia/Barnaul" } })
    const south = await prisma.municipality.create({ data: { name: "Южный район", timeZone: "Asia/Barnaul" } })
    northId = north.id
    schoolId = (await prisma.school.create({ data: { key: "223017", login: "edu223017", name: "МБОУ СОШ № 5", municipalityId: north.id } })).id
    otherSchoolId = (await prisma.school.create({ data: { key: "223018", login: "edu223018", name: "МБОУ СОШ № 15", municipalityId: south.id } })).id
    const resolve = (telegramId: number, firstName: string, extra: { lastName?: string; username?: string } = {}) =>
      services.access.resolveActor({ telegramId, firstName, ...extra })
    admin = await resolve(1, "Админ")
    parent = await resolve(1001, "Анна", { lastName: "Иванова", username: "anna" })
    const grant = async (telegramId: number, name: string, role: "hotline_specialist" | "municipal_coordinator", municipalityId: number) => {
      const user = await resolve(telegramId, name)
      await prisma.roleGrant.create({ data: { userId: user.userId, role, municipalityId } })
      return resolve(telegramId, name)
    }
    specialist = await grant(2001, "Ирина", "hotline_specialist", north.id)
    outsider = await grant(2002, "Олег", "hotline_specialist", south.id)
    coordinator = await grant(3001, "Светлана", "municipal_coordinator", north.id)
  })

  async function outbox(where: { chatId?: bigint } = {}) {
    const rows = await db.prisma.outbox.findMany({ where, orderBy: { id: "asc" } })
    return rows.map((row) => ({ ...row, payload: row.payload as OutboxPayload }))
  }

  async function linkGroup() {
    expect(await services.hotline.staff.linkGroup(admin, { chatId: String(STAFF_GROUP), title: "Горячая линия" })).toEqual({ ok: true, municipality: null })
  }

  async function ask(body = "Когда будут известны результаты ВПР по математике?", options: { anonymous?: boolean; school?: number | null } = {}) {
    const opened = await services.hotline.tickets.open(parent, {
      topic: "results",
      schoolId: options.school === undefined ? schoolId : options.school,
      grade: 4,
      anonymous: options.anonymous ?? false,
      question: text(1001, body),
    })
    if (!opened.ok) throw new Error(JSON.stringify(opened))
    return opened.ticketId
  }

  const runJobs = () => createJobRunner({ prisma: db.prisma, clock, logger: silentLogger }, services.jobs, { owner: "test" }).runDue()

  it("without a staff group, relays a question to the municipality's specialists privately, once however often it is planned", async () => {
    const id = await ask()
    await services.hotline.relay.plan(id)
    await services.hotline.relay.planPending()
    const rows = await outbox()
    expect(rows.map((row) => row.chatId)).toEqual([2001n, 2001n])
    expect(rows[0]!.payload.text).toContain("📨 Обращение №1")
    expect(rows[0]!.payload.text).toContain("Школа: МБОУ СОШ № 5 (Северный район), 4 класс")
    expect(rows[0]!.payload.text).toContain("От: Анна Иванова (@anna)")
    expect(rows[1]!.payload.text).toBe("👤 Анна Иванова (@anna) · обращение №1:\n\nКогда будут известны результаты ВПР по математике?")
    expect(rows[1]!.payload.keyboard).toEqual([[{ text: "✍️ Ответить", callbackData: "hl:ans:1" }]])

    // The specialist answers privately; the answer reaches the asker without the specialist's name, with ratings.
    const answer = await services.hotline.staff.answer(specialist, id, text(2001, "Результаты будут в июне."))
    expect(answer).toEqual({ ok: true, ticketId: id, kind: "answer" })
    const [toParent] = await outbox({ chatId: 1001n })
    expect(toParent!.payload.text).toBe(
      "💬 Ответ специалиста по обращению №1:\n\nРезультаты будут в июне.\n\nЕсли вопрос решён, оцените ответ — обращение закроется. Если нет, ответьте на это сообщение или просто напишите сюда.",
    )
    expect(toParent!.payload.text).not.toContain("Ирина")
    expect(toParent!.payload.keyboard![0]!.map((button) => ("callbackData" in button ? button.callbackData : ""))).toEqual(["hl:rate:1:1", "hl:rate:1:2", "hl:rate:1:3", "hl:rate:1:4", "hl:rate:1:5"])
    const ticket = await db.prisma.hotlineTicket.findUniqueOrThrow({ where: { id } })
    expect(ticket).toMatchObject({ status: "answered", assigneeId: specialist.userId, waitingSince: null })
    expect(ticket.firstResponseAt).toEqual(MONDAY_1600)
  })

  it("opens one topic per ticket in the staff group, copies the user's messages in and the specialist's answers out; notes stay", async () => {
    await linkGroup()
    const id = await ask("Почему отметка за ВПР ниже, чем в журнале?", { anonymous: true })
    expect(fake.created).toEqual([{ chatId: STAFF_GROUP, name: "№1 · Результаты · новое", threadId: 100 }])
    const [card, question] = await outbox({ chatId: STAFF_GROUP })
    expect(card!.payload).toMatchObject({ threadId: 100 })
    expect(card!.payload.text).toContain("От: Аноним")
    expect(card!.payload.text).not.toMatch(/Анна|anna/)
    expect(card!.payload.keyboard![0]!.map((button) => button.text)).toEqual(["🙋 Взять", "✅ Закрыть", "🔄 Открыть снова"])
    expect(question!.payload).toEqual({ text: "👤 Аноним · обращение №1:\n\nПочему отметка за ВПР ниже, чем в журнале?", threadId: 100 })

    // A photo from the user is copied (the copy shows no sender), after a header.
    const photo: SourceMessage = { chatId: "1001", messageId: messageIds++, text: null, media: "photo" }
    expect(await services.hotline.tickets.add(parent, id, photo)).toEqual({ ok: true, ticketId: id })
    const afterPhoto = await outbox({ chatId: STAFF_GROUP })
    expect(afterPhoto.slice(2).map((row) => row.payload)).toEqual([
      { text: "👤 Аноним · обращение №1:", threadId: 100 },
      { copy: { fromChatId: "1001", messageId: photo.messageId }, threadId: 100 },
    ])

    // In the topic: a note stays, an answer goes to the user and is not copied back into its own topic.
    const where = { chatId: String(STAFF_GROUP), threadId: 100 }
    expect(await services.hotline.staff.replyInTopic(specialist, where, text(STAFF_GROUP, "! уточнить у школы"))).toEqual({ ok: true, ticketId: id, kind: "note" })
    expect(await outbox({ chatId: 1001n })).toEqual([])
    expect(await services.hotline.staff.replyInTopic(specialist, where, text(STAFF_GROUP, "Отметка в журнале складывается из многих работ."))).toMatchObject({ ok: true, kind: "answer" })
    const toParent = await outbox({ chatId: 1001n })
    expect(toParent).toHaveLength(1)
    expect(toParent[0]!.payload.text).toContain("Отметка в журнале складывается из многих работ.")
    expect((await outbox({ chatId: STAFF_GROUP })).length).toBe(afterPhoto.length)
    expect(fake.renamed.at(-1)).toEqual({ threadId: 100, name: "№1 · Результаты · дан ответ" })

    // A stranger in the group, or a specialist of another municipality, cannot answer.
    expect(await services.hotline.staff.replyInTopic(outsider, where, text(STAFF_GROUP, "ответ"))).toEqual({ ok: false, reason: "not_allowed", outside: [] })
    expect(await services.hotline.staff.replyInTopic(parent, where, text(STAFF_GROUP, "ответ"))).toEqual({ ok: false, reason: "not_allowed", outside: [] })
    // A redelivered update is taken once.
    const again = text(STAFF_GROUP, "Дубль")
    await services.hotline.staff.replyInTopic(specialist, where, again)
    await services.hotline.staff.replyInTopic(specialist, where, again)
    expect(await db.prisma.hotlineMessage.count({ where: { messageId: again.messageId } })).toBe(1)
  })

  it("never opens two topics for two messages arriving together, in one process or in two", async () => {
    const id = await ask()
    await linkGroup()
    const release = fake.hold()
    const first = services.hotline.tickets.add(parent, id, text(1001, "первое"))
    const second = services.hotline.tickets.add(parent, id, text(1001, "второе"))
    // A second process (another bot instance on the same database) plans the same ticket meanwhile.
    const otherFake = fakeChannel()
    const other = testServices(db, { clock })
    other.hotline.connect({ channel: otherFake.channel, buttons: hotlineButtons })
    const third = other.hotline.relay.plan(id)
    await new Promise((resolve) => setTimeout(resolve, 50))
    release()
    await Promise.all([first, second, third])
    await services.hotline.relay.planPending()
    expect(fake.created.length + otherFake.created.length).toBe(1)
    expect(await db.prisma.hotlineTopic.count()).toBe(1)
    const relayed = (await outbox({ chatId: STAFF_GROUP })).map((row) => row.payload.text ?? "")
    expect(relayed.filter((line) => line.endsWith("первое"))).toHaveLength(1)
    expect(relayed.filter((line) => line.endsWith("второе"))).toHaveLength(1)
  })

  it("re-creates a deleted topic with the ticket's history, and tells the staff when the user blocked the bot", async () => {
    await linkGroup()
    const id = await ask()
    await services.hotline.staff.replyInTopic(specialist, { chatId: String(STAFF_GROUP), threadId: 100 }, text(STAFF_GROUP, "Ответ до удаления темы"))
    // The topic is deleted by hand: the next relay into it fails with Telegram's words.
    await services.hotline.tickets.add(parent, id, text(1001, "Уточнение"))
    const lost = (await outbox({ chatId: STAFF_GROUP })).at(-1)!
    await db.prisma.outbox.update({ where: { id: lost.id }, data: { status: "failed", lastError: "bad_request: 400 Bad Request: message thread not found" } })
    await runJobs()
    expect(fake.created.map((topic) => topic.threadId)).toEqual([100, 101])
    const rebuilt = (await outbox({ chatId: STAFF_GROUP })).filter((row) => row.payload.threadId === 101).map((row) => row.payload.text ?? "")
    expect(rebuilt[0]).toContain("📨 Обращение №1")
    expect(rebuilt.slice(1)).toEqual([
      "👤 Анна Иванова (@anna) · обращение №1:\n\nКогда будут известны результаты ВПР по математике?",
      expect.stringMatching(/^↩️ Ответ \(Ирина, 15\.03\.2027 16:00\):\n\nОтвет до удаления темы$/),
      "👤 Анна Иванова (@anna) · обращение №1:\n\nУточнение",
    ])
    // The asker blocked the bot: the answer's row is recorded as blocked, the topic is told once.
    await services.hotline.staff.replyInTopic(specialist, { chatId: String(STAFF_GROUP), threadId: 101 }, text(STAFF_GROUP, "Ещё ответ"))
    const answer = (await outbox({ chatId: 1001n })).at(-1)!
    await db.prisma.outbox.update({ where: { id: answer.id }, data: { status: "blocked", lastError: "blocked: 403 Forbidden: bot was blocked by the user" } })
    clock.advance(60_000)
    await runJobs()
    clock.advance(60_000)
    await runJobs()
    const warnings = (await outbox({ chatId: STAFF_GROUP })).filter((row) => row.payload.text?.startsWith("⚠️"))
    expect(warnings.map((row) => [row.payload.text, row.payload.threadId])).toEqual([["⚠️ Ответ по обращению №1 не доставлен: пользователь заблокировал бота.", 101]])
  })

  it("splits a text over Telegram's 4096 characters", async () => {
    await linkGroup()
    const long = Array.from({ length: 700 }, (_, index) => `слово${index}`).join(" ")
    await ask(long)
    const parts = (await outbox({ chatId: STAFF_GROUP })).slice(1).map((row) => row.payload.text!)
    expect(parts.length).toBe(2)
    expect(parts.every((part) => part.length <= 4096)).toBe(true)
    expect(parts.join(" ")).toBe(`👤 Анна Иванова (@anna) · обращение №1:\n\n${long}`)
  })

  it("closes with a rating, reopens once within the window, and auto-closes an answered ticket left silent", async () => {
    const id = await ask()
    await services.hotline.staff.answer(specialist, id, text(2001, "Ответ"))
    expect(await services.hotline.tickets.rate(outsider, id, 5)).toEqual({ ok: false, reason: "not_found" })
    expect(await services.hotline.tickets.rate(parent, id, 6)).toEqual({ ok: false, reason: "bad_rating" })
    expect(await services.hotline.tickets.rate(parent, id, 5)).toEqual({ ok: true, ticketId: id, closedNow: true })
    expect(await services.hotline.tickets.rate(parent, id, 4)).toEqual({ ok: false, reason: "already_rated" })
    expect(await services.hotline.tickets.add(parent, id, text(1001, "ещё"))).toEqual({ ok: false, reason: "closed", ticketId: id, canReopen: true })
    expect(await services.hotline.tickets.reopen(parent, id)).toEqual({ ok: true, ticketId: id })
    expect((await db.prisma.hotlineTicket.findUniqueOrThrow({ where: { id } })).status).toBe("in_progress")
    await services.hotline.staff.close(specialist, id)
    expect(await services.hotline.tickets.reopen(parent, id)).toEqual({ ok: false, reason: "already_reopened" })
    // The staff closed it: the asker is told and may rate.
    const notice = (await outbox({ chatId: 1001n })).at(-1)!
    expect(notice.payload.text).toBe("✅ Специалист закрыл обращение №1. Оцените, пожалуйста, ответ. Если вопрос остался, откройте обращение снова.")

    const late = await ask("Второй вопрос")
    await services.hotline.staff.answer(specialist, late, text(2001, "Ответ"))
    clock.advance(7 * 86_400_000 + 3600_000)
    await runJobs()
    expect(await db.prisma.hotlineTicket.findUniqueOrThrow({ where: { id: late } })).toMatchObject({ status: "closed", closedBy: "auto" })
    expect((await outbox({ chatId: 1001n })).at(-1)!.payload.text).toContain("✅ Обращение №2 закрыто: после ответа вы давно не писали.")
    clock.advance(15 * 86_400_000)
    expect(await services.hotline.tickets.reopen(parent, late)).toEqual({ ok: false, reason: "too_late" })
  })

  it("checks the staff's scope on every action", async () => {
    const id = await ask()
    const elsewhere = await ask("Вопрос о другой школе", { school: otherSchoolId })
    expect(await services.hotline.staff.take(outsider, id)).toEqual({ ok: false, reason: "not_allowed", outside: [] })
    expect(await services.hotline.staff.take(parent, id)).toEqual({ ok: false, reason: "not_allowed", outside: [] })
    expect(await services.hotline.staff.take(specialist, id)).toEqual({ ok: true, ticketId: id })
    expect(await services.hotline.staff.take(specialist, id)).toEqual({ ok: false, reason: "unchanged", ticketId: id })
    expect(await services.hotline.staff.answer(specialist, elsewhere, text(2001, "ответ"))).toEqual({ ok: false, reason: "not_allowed", outside: [] })
    const open = await services.hotline.staff.openTickets(specialist)
    expect(Array.isArray(open) && open.map((ticket) => ticket.id)).toEqual([id])
    const history = await services.hotline.staff.history(specialist, id)
    expect(history.ok && history.lines.map((line) => line.kind)).toEqual(["user", "event"])
    expect(await services.hotline.staff.history(specialist, elsewhere)).toEqual({ ok: false, reason: "not_allowed", outside: [] })
    expect(await services.hotline.staff.linkGroup(specialist, { chatId: "-100", title: "x" })).toEqual({ ok: false, reason: "not_allowed", outside: [] })
  })

  it("escalates a ticket unanswered for 4 working hours to the municipal coordinator, once per wait, in working hours", async () => {
    const id = await ask()
    // Monday 16:00 + 4 working hours = Tuesday 11:00 in Barnaul (04:00 UTC).
    clock.advance(19 * 3600_000 - 60_000)
    await runJobs()
    expect(await outbox({ chatId: 3001n })).toEqual([])
    clock.advance(60_000 + 5 * 60_000)
    await runJobs()
    const [escalation] = await outbox({ chatId: 3001n })
    expect(escalation!.payload.text).toContain("⏰ Обращение №1 ждёт ответа 4 раб. ч (норма — 4).")
    expect(escalation!.payload.text).toContain("Школа: МБОУ СОШ № 5 (Северный район), 4 класс.")
    expect(escalation!.notBefore.toISOString()).toBe("2027-03-16T04:05:00.000Z")
    clock.advance(10 * 60_000)
    await runJobs()
    expect(await outbox({ chatId: 3001n })).toHaveLength(1)
    // Answered, then asked again: a new wait, a new escalation when it runs out.
    await services.hotline.staff.answer(specialist, id, text(2001, "Ответ"))
    await services.hotline.tickets.add(parent, id, text(1001, "А точнее?"))
    clock.advance(5 * 3600_000)
    await runJobs()
    expect(await outbox({ chatId: 3001n })).toHaveLength(2)
  })

  it("sends each specialist a morning digest of open tickets by age, once a working day", async () => {
    await ask("Первый")
    clock.advance(3600_000)
    await ask("Второй")
    // Tuesday 09:05 in Barnaul.
    clock.advance(new Date("2027-03-16T02:05:00Z").getTime() - clock.now().getTime())
    await runJobs()
    const digests = await outbox({ chatId: 2001n })
    const digest = digests.find((row) => row.payload.text?.startsWith("☀️"))!
    expect(digest.payload.text).toBe("☀️ Открытые обращения на утро: 2\n\n№1 · Результаты · новое · ждёт 2 раб. ч\n№2 · Результаты · новое · ждёт 1 раб. ч")
    clock.advance(20 * 60_000)
    await runJobs()
    expect((await outbox({ chatId: 2001n })).filter((row) => row.payload.text?.startsWith("☀️"))).toHaveLength(1)
  })

  it("finds FAQ answers with Russian word forms, and keeps the FAQ: add, edit, XLSX out and in, save from a ticket", async () => {
    const hits = await services.hotline.faq.suggest("Когда будет известен результат проверочной работы?")
    expect(hits.length).toBeGreaterThan(0)
    expect(hits[0]!.question).toBe("Когда будут известны результаты ВПР?")
    expect((await services.hotline.faq.suggest("результатов"))[0]?.question).toContain("результат")
    expect((await services.hotline.faq.suggest("Почему в журнале стоит пятёрка, а за ВПР тройка?"))[0]!.question).toBe("Почему отметка за ВПР отличается от отметки в журнале?")
    expect((await services.hotline.faq.suggest("Кто будет наблюдателем на ВПР в нашей школе?"))[0]!.question).toBe("Кто наблюдает за проведением ВПР?")
    expect(await services.hotline.faq.suggest("Добрый день")).toEqual([])
    expect(await services.hotline.faq.list(parent)).toEqual({ ok: false, reason: "not_allowed", outside: [] })

    const added = await services.hotline.faq.add(specialist, { question: "=HYPERLINK(\"x\")", answer: "Ответ" })
    expect(added.ok).toBe(true)
    expect(await services.hotline.faq.add(specialist, { question: "в".repeat(301), answer: "a" })).toEqual({ ok: false, reason: "too_long", field: "question" })
    const exported = await services.hotline.faq.exportXlsx(specialist)
    if (!exported.ok) throw new Error("export")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(exported.bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.rowCount).toBe(22)
    const formulaRow = sheet.getRow(22)
    expect(formulaRow.getCell(2).value).toBe("=HYPERLINK(\"x\")") // text, kept text by the «Text» format
    expect(formulaRow.getCell(2).numFmt).toBe("@")
    expect(formulaRow.getCell(2).formula).toBeUndefined()
    // Back in: row 2 changed, a new row without a number, the formula-looking one unchanged.
    sheet.getRow(2).getCell(3).value = "Новый ответ"
    sheet.addRow(["", "Новый вопрос?", "Новый ответ на него."])
    const changed = Buffer.from(await workbook.xlsx.writeBuffer())
    expect(await services.hotline.faq.importXlsx(specialist, changed)).toEqual({ ok: true, added: 1, updated: 21 })
    const list = await services.hotline.faq.list(specialist)
    expect(Array.isArray(list) && list.find((entry) => entry.id === 1)!.answer).toBe("Новый ответ")
    expect(Array.isArray(list) && list.find((entry) => entry.id === 21)!.question).toBe("=HYPERLINK(\"x\")")
    sheet.addRow([999, "Вопрос", ""])
    const broken = await services.hotline.faq.importXlsx(specialist, Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(broken).toEqual({ ok: false, reason: "problems", problems: [{ code: "faq-answer-missing", row: 24 }] })
    expect(await services.hotline.faq.importXlsx(specialist, Buffer.from("not a workbook"))).toMatchObject({ ok: false, reason: "problems", problems: [{ code: "faq-file" }] })

    const id = await ask("Можно ли переписать ВПР, если ребёнок болел?")
    await services.hotline.staff.answer(specialist, id, text(2001, "Решение о переносе принимает школа."))
    const saved = await services.hotline.faq.saveFromTicket(specialist, id)
    expect(saved).toMatchObject({ ok: true, entry: { question: "Можно ли переписать ВПР, если ребёнок болел?", answer: "Решение о переносе принимает школа." } })
    expect((await services.hotline.faq.suggest("ребёнок болел, можно переписать?"))[0]!.question).toBe("Можно ли переписать ВПР, если ребёнок болел?")
  })

  it("gives the coordinator the month in figures and as an XLSX, user text never a formula", async () => {
    const first = await ask("=1+1 почему так?")
    clock.advance(2 * 3600_000) // 18:00 Monday: answered after two working hours
    await services.hotline.staff.answer(specialist, first, text(2001, "Ответ"))
    await services.hotline.tickets.rate(parent, first, 4)
    const second = await ask("Второй", { school: null })
    clock.advance(16 * 3600_000) // Tuesday 10:00: one working hour after 18:00 Monday
    await services.hotline.staff.answer(specialist, second, text(2001, "Ответ"))
    await services.hotline.faq.recordHelped([1])
    expect(await services.hotline.stats.month(parent, "2027-03")).toEqual({ ok: false, reason: "not_allowed", outside: [] })
    const month = await services.hotline.stats.month(coordinator, "2027-03")
    expect(month).toMatchObject({
      ok: true,
      statistics: { tickets: 2, byTopic: { results: 2, dates: 0 }, answered: 2, medianFirstResponseMinutes: 90, ratings: [0, 0, 0, 1, 0], meanRating: 4, answeredByFaq: 1 },
    })
    expect(await services.hotline.stats.month(coordinator, "2027-13")).toEqual({ ok: false, reason: "bad_month" })
    const xlsx = await services.hotline.stats.monthXlsx(coordinator, "2027-03")
    if (!xlsx.ok) throw new Error("xlsx")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Сводка", "Обращения"])
    const tickets = workbook.getWorksheet("Обращения")!
    expect(tickets.getRow(2).values).toEqual([undefined, 1, "15.03.2027 16:00", "Результаты", "МБОУ СОШ № 5 (Северный район)", 4, "закрыто", 2, 4, "", "=1+1 почему так?"])
    expect(tickets.getRow(2).getCell(10).formula).toBeUndefined()
    const summary = workbook.getWorksheet("Сводка")!
    expect(summary.getRow(2).values).toEqual([undefined, "Обращений", 2])
  })

  it("subscribes parents by school and grade and broadcasts to exactly the subscribed parents of the grade, once", async () => {
    const parents = await Promise.all([4101, 4102, 4103, 4104].map((telegramId) => services.access.resolveActor({ telegramId, firstName: `Родитель ${telegramId}` })))
    for (const who of parents.slice(0, 3)) expect((await services.parents.subscriptions.subscribe(who, schoolId, 4)).ok).toBe(true)
    await services.parents.subscriptions.subscribe(parents[3]!, schoolId, 5)
    expect(await services.parents.subscriptions.subscribe(parents[0]!, schoolId, 4)).toMatchObject({ ok: true, created: false })
    expect(await services.parents.subscriptions.subscribe(parents[0]!, schoolId, 12)).toEqual({ ok: false, reason: "bad_grade" })
    const [third] = await services.parents.subscriptions.mine(parents[2]!)
    expect(await services.parents.subscriptions.unsubscribe(parents[0]!, third!.id)).toEqual({ ok: false, reason: "not_found" })
    expect(await services.parents.subscriptions.unsubscribe(parents[2]!, third!.id)).toEqual({ ok: true })

    const schoolHead = await services.access.resolveActor({ telegramId: 5001, firstName: "Завуч" })
    await db.prisma.roleGrant.create({ data: { userId: schoolHead.userId, role: "school_coordinator", schoolId: otherSchoolId } })
    const head = await services.access.resolveActor({ telegramId: 5001, firstName: "Завуч" })
    const announcement = { schoolId, grade: 4, text: "ВПР по математике в 4 «А» — 21 апреля, вторым уроком." }
    expect(await services.parents.broadcasts.send(head, announcement)).toEqual({ ok: false, reason: "not_allowed", outside: [] })
    expect(await services.parents.broadcasts.send(parent, announcement)).toEqual({ ok: false, reason: "not_allowed", outside: [] })
    expect(await services.parents.broadcasts.audience(coordinator, schoolId, 4)).toEqual({ ok: true, recipients: 2 })
    const sent = await services.parents.broadcasts.send(coordinator, announcement)
    expect(sent).toEqual({ ok: true, broadcastId: 1, recipients: 2 })
    await services.parents.broadcasts.resume(1)
    const rows = await db.prisma.outbox.findMany({ where: { dedupeKey: { startsWith: "bc:" } }, orderBy: { chatId: "asc" } })
    expect(rows.map((row) => row.chatId)).toEqual([4101n, 4102n])
    expect((rows[0]!.payload as OutboxPayload).text).toBe("📣 Объявление для родителей: МБОУ СОШ № 5 (Северный район), 4 класс\n\nВПР по математике в 4 «А» — 21 апреля, вторым уроком.")
    expect(await services.parents.broadcasts.schools(coordinator, "5")).toEqual([{ id: schoolId, label: "МБОУ СОШ № 5 (Северный район)", municipalityId: northId }])
    expect(await services.parents.broadcasts.schools(head, "")).toEqual([expect.objectContaining({ id: otherSchoolId })])
  })
})
