/**
 * The hotline and the parents' announcements on an in-memory PGlite: opening tickets with their relay planned
 * (staff group mode, a channel that answers at once), the FAQ search (the seeded FAQ, then 500 entries), and
 * enqueueing an announcement for 20,000 subscribed parents (once, then again as after a restart: a no-op).
 * Delivery of the announcement is the outbox's (bench/outbox.ts): at 25 messages/s it takes 20,000 / 25 = 800 s.
 *
 *   npx tsx bench/hotline.ts
 */
import path from "node:path"
import { pathToFileURL } from "node:url"
import { hotlineButtons } from "../src/bot/hotline/buttons.ts"
import { openDatabase } from "../src/db/client.ts"
import { silentLogger } from "../src/logger.ts"
import { systemClock } from "../src/services/deps.ts"
import { createServices } from "../src/services/index.ts"
import { ms, row } from "./support.ts"

export async function runHotlineBench(): Promise<void> {
  const db = await openDatabase("postgresql://pglite/")
  try {
    const deps = { prisma: db.prisma, clock: systemClock, logger: silentLogger }
    const services = createServices(deps, { adminIds: [1n], inviteTtlHours: 72, defaultTimeZone: "Asia/Barnaul" })
    let thread = 1
    services.hotline.connect({ channel: { createTopic: async () => thread++, renameTopic: async () => "ok" }, buttons: hotlineButtons })
    const admin = await services.access.resolveActor({ telegramId: 1, firstName: "Админ" })
    const municipality = await db.prisma.municipality.create({ data: { name: "город Барнаул", timeZone: "Asia/Barnaul" } })
    const school = await db.prisma.school.create({ data: { key: "223017", login: "edu223017", name: "МБОУ «СОШ № 5»", municipalityId: municipality.id } })
    await services.hotline.staff.linkGroup(admin, { chatId: "-1001", title: "Горячая линия" })

    // Tickets: open (with the topic created and the card and question enqueued), then a specialist's answer.
    const parent = await services.access.resolveActor({ telegramId: 100, firstName: "Анна" })
    let messageId = 1
    const tickets = 200
    let started = performance.now()
    const ids: number[] = []
    for (let index = 0; index < tickets; index++) {
      const opened = await services.hotline.tickets.open(parent, {
        topic: "results", schoolId: school.id, grade: 4, anonymous: index % 2 === 0,
        question: { chatId: "100", messageId: messageId++, text: `Когда будут известны результаты ВПР? (${index})`, media: "text" },
      })
      if (opened.ok) ids.push(opened.ticketId)
    }
    const opening = performance.now() - started
    started = performance.now()
    for (const [index, id] of ids.entries()) {
      await services.hotline.staff.replyInTopic(admin, { chatId: "-1001", threadId: index + 1 }, { chatId: "-1001", messageId: messageId++, text: "Результаты будут в июне.", media: "text" })
      void id
    }
    const answering = performance.now() - started
    row("open a ticket (topic + card + question queued)", `${(opening / tickets).toFixed(1)} ms each`, `${tickets} tickets`)
    row("answer in the topic (relay + rename queued)", `${(answering / tickets).toFixed(1)} ms each`)

    // FAQ search: the seeded 20 entries, then 500.
    const questions = ["Когда будут результаты ВПР?", "Почему в журнале 5, а за ВПР 3?", "Кто наблюдает на ВПР?", "Можно ли перенести работу?", "Добрый день"]
    await services.hotline.faq.suggest("прогрев")
    for (const size of [20, 500]) {
      const existing = await db.prisma.faqEntry.count()
      if (existing < size) {
        await db.prisma.faqEntry.createMany({
          data: Array.from({ length: size - existing }, (_, index) => ({
            question: `Вопрос ${index} о работе номер ${index} и её проверке в школе`,
            answer: `Ответ на вопрос ${index}: обратитесь к классному руководителю или в управление образования.`,
          })),
        })
      }
      const rounds = 50
      started = performance.now()
      for (let round = 0; round < rounds; round++) await services.hotline.faq.suggest(questions[round % questions.length]!)
      row(`FAQ search, ${size} entries`, `${((performance.now() - started) / rounds).toFixed(1)} ms each`)
    }

    // An announcement to 20,000 subscribed parents of one grade.
    const parents = 20_000
    started = performance.now()
    for (let first = 0; first < parents; first += 5000) {
      await db.prisma.user.createMany({ data: Array.from({ length: 5000 }, (_, index) => ({ telegramId: BigInt(1_000_000 + first + index), firstName: "Родитель" })) })
    }
    const users = await db.prisma.user.findMany({ where: { telegramId: { gte: 1_000_000n } }, select: { id: true } })
    for (let first = 0; first < users.length; first += 5000) {
      await db.prisma.parentSubscription.createMany({ data: users.slice(first, first + 5000).map((user) => ({ userId: user.id, schoolId: school.id, grade: 4 })) })
    }
    row("20,000 parents subscribed (setup)", ms(performance.now() - started))
    const coordinator = await services.access.resolveActor({ telegramId: 2, firstName: "Светлана" })
    await db.prisma.roleGrant.create({ data: { userId: coordinator.userId, role: "municipal_coordinator", municipalityId: municipality.id } })
    const sender = await services.access.resolveActor({ telegramId: 2, firstName: "Светлана" })
    started = performance.now()
    const sent = await services.parents.broadcasts.send(sender, { schoolId: school.id, grade: 4, text: "ВПР по математике в 4 классах пройдёт 21 апреля на втором уроке." })
    row("announcement enqueued for 20,000", ms(performance.now() - started), sent.ok ? `${sent.recipients} rows` : "refused")
    started = performance.now()
    if (sent.ok) await services.parents.broadcasts.resume(sent.broadcastId)
    row("enqueued again (a restart): no new rows", ms(performance.now() - started), `${await db.prisma.outbox.count({ where: { dedupeKey: { startsWith: "bc:" } } })} rows`)
    row("paced delivery at 25 messages/s (by design)", ms((parents / 25) * 1000))
  } finally {
    await db.close()
  }
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? "")).href) await runHotlineBench()
