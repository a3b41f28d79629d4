import ExcelJS from "exceljs"
import JSZip from "jszip"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { instantAt } from "../../src/domain/calendar/zoned.ts"
import { findSpec } from "../../src/domain/procedures/index.ts"
import type { ProcedureSpec } from "../../src/domain/results.ts"
import { silentLogger } from "../../src/logger.ts"
import { createServices } from "../../src/services/index.ts"
import { createJobRunner } from "../../src/services/scheduling/jobs.ts"
import { ADMIN_ID, startE2E, type E2E } from "../support/e2e.ts"
import type { BotMessage, FakeUser } from "../support/fake-telegram/index.ts"
import { collectionForm } from "../support/fixtures/workbooks.ts"
import { storedParticipants } from "../support/stored-participants.ts"

const ZONE = "Asia/Barnaul"
const MATHS_4_2026 = findSpec({ kind: "ВПР", year: 2026, subject: "Математика", grade: 4 }) as ProcedureSpec

/**
 * The deadlines as the people live them, through the fake Bot API: a coordinator imports the schedule, is reminded
 * of the briefing the working day before, the schools are followed up until their results are in, the analysis is
 * due; a document is asked from the schools, one sends it, the other is reminded and escalated.
 */
describe("deadlines end to end", () => {
  let e2e: E2E
  let services: ReturnType<typeof createServices>
  let coordinator: FakeUser
  let anna: FakeUser
  let boris: FakeUser
  let teacher: FakeUser

  beforeAll(async () => {
    e2e = await startE2E({ env: { RATE_LIMIT_PER_MINUTE: "1000" } }) // the coordinator works faster than any person
    const municipality = await e2e.prisma.municipality.create({ data: { name: "город Барнаул" } })
    const first = await e2e.prisma.school.create({ data: { key: "223017", login: "edu223017", name: "Лицей № 1", municipalityId: municipality.id } })
    const second = await e2e.prisma.school.create({ data: { key: "223018", login: "edu223018", name: "Школа № 2", municipalityId: municipality.id } })
    const people: [number, string, { role: "municipal_coordinator" | "school_coordinator" | "teacher"; municipalityId?: number; schoolId?: number }][] = [
      [7100, "Ирина", { role: "municipal_coordinator", municipalityId: municipality.id }],
      [7101, "Анна", { role: "school_coordinator", schoolId: first.id }],
      [7102, "Борис", { role: "school_coordinator", schoolId: second.id }],
      [7103, "Пётр", { role: "teacher", schoolId: first.id }],
    ]
    for (const [telegramId, firstName, grant] of people) {
      const user = await e2e.prisma.user.create({ data: { telegramId: BigInt(telegramId), firstName } })
      await e2e.prisma.roleGrant.create({ data: { userId: user.id, ...grant } })
    }
    // The test drives the planners with its own services on the app's database and clock (the app's loop may run them
    // too: leases and dedupe keys keep every message single).
    services = createServices({ prisma: e2e.prisma, clock: e2e.clock, logger: silentLogger }, { adminIds: [], inviteTtlHours: 72, defaultTimeZone: ZONE })
    coordinator = e2e.fake.user({ id: 7100, firstName: "Ирина" })
    anna = e2e.fake.user({ id: 7101, firstName: "Анна" })
    boris = e2e.fake.user({ id: 7102, firstName: "Борис" })
    teacher = e2e.fake.user({ id: 7103, firstName: "Пётр" })
    setLocal("2026-04-13", "10:00")
    for (const user of [coordinator, anna, boris, teacher]) {
      await user.sendText("/start")
      await user.waitForMessages(1)
    }
  }, 60_000)
  afterAll(() => e2e?.stop())

  function setLocal(date: string, time: string) {
    const [hours, minutes] = time.split(":").map(Number) as [number, number]
    e2e.clock.advance(instantAt(date, hours * 60 + minutes, ZONE).getTime() - e2e.clock.now().getTime())
  }

  /** Runs the deadline jobs the way the scheduler does, with the lease runner. */
  async function runJobs() {
    // The app started at the real date and recorded its runs then; the test's clock is earlier, so the spacing is reset.
    await e2e.prisma.jobLease.deleteMany({ where: { leaseUntil: null } })
    const runner = createJobRunner({ prisma: e2e.prisma, clock: e2e.clock, logger: silentLogger }, services.jobs, { owner: `test-${e2e.clock.now().getTime()}` })
    await runner.runDue()
    // A job the app's own loop holds at this moment does the same work; running it again is a no-op by design.
    for (const job of services.jobs) await job.run(e2e.clock.now())
  }

  /**
   * The next message matching `pattern`, skipping what other services send meanwhile (risk alerts after an upload,
   * invitations): those come through the outbox in their own time.
   */
  async function messageOf(user: FakeUser, pattern: RegExp, timeoutMs = 20_000): Promise<BotMessage> {
    await textOf(user, pattern, timeoutMs)
    return user.messages().filter((message) => pattern.test(message.text ?? message.caption ?? "")).at(-1)!
  }

  async function textOf(user: FakeUser, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    await e2e.fake.waitUntil(() => user.unread().some((message) => pattern.test(message.text ?? message.caption ?? "")), { timeoutMs, description: String(pattern) }).catch((error: Error) => {
      throw new Error(`${error.message}; unread: ${JSON.stringify(user.unread().map((message) => message.text ?? message.caption))}`)
    })
    const found = user.unread().find((message) => pattern.test(message.text ?? message.caption ?? ""))!
    await user.waitForMessages(user.unread().indexOf(found) + 1)
    return found.text ?? found.caption ?? ""
  }

  async function uploadResults(user: FakeUser, firstCode: number) {
    const rows = Array.from({ length: 10 }, (_, index) => ({
      code: firstCode + index,
      variant: 1 + (index % 2),
      scores: MATHS_4_2026.tasks.map((task, t) => Math.min(task.max, (index + t) % (task.max + 1))),
      className: "4А",
      sex: index % 2 ? "ж" : "м",
      journal: 3 + (index % 3),
    }))
    await user.sendDocument({ fileName: "Математика 4 класс ВПР 2026.xlsx", bytes: await collectionForm({ spec: MATHS_4_2026, aggregated: false, rows }) })
    await e2e.fake.waitUntil(
      () => user.unread().some((message) => /Готово, результаты сохранены|✅ Загрузить/.test(message.text ?? "") || message.buttons.includes("✅ Загрузить")),
      { timeoutMs: 30_000, description: "the upload's end or its confirmation" },
    )
    const confirm = user.unread().find((message) => message.buttons.includes("✅ Загрузить"))
    if (confirm) await user.clickButton(confirm, "✅ Загрузить")
    expect(await textOf(user, /Готово, результаты сохранены/, 30_000)).toContain("ВПР 2026 · Математика · 4 класс")
  }

  it("schedule import → briefing the working day before → results close the follow-ups → analysis due", async () => {
    // The coordinator takes the template, fills in two schools' dates and sends it back inside the dialog.
    await coordinator.sendText("/schedule")
    const [overview] = await coordinator.waitForMessages(1)
    expect(overview!.text).toContain("Расписание пока пустое")
    await coordinator.clickButton(overview!, "⬇️ Шаблон с расписанием")
    const [templateMessage] = await coordinator.waitForMessages(1)
    expect(templateMessage!.document!.fileName).toBe("Расписание процедур.xlsx")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(templateMessage!.document!.bytes as never)
    const sheet = workbook.getWorksheet("Расписание")!
    // What the coordinator saw: both schools listed, nothing scheduled yet.
    expect([2, 3].map((row) => [sheet.getCell(row, 1).value, sheet.getCell(row, 2).value])).toEqual([["edu223017", "Лицей № 1"], ["edu223018", "Школа № 2"]])
    sheet.getRow(2).values = ["edu223017", "Лицей № 1", "ВПР", "Математика", 4, "21.04.2026", "09:00", 2]
    sheet.getRow(3).values = ["edu223018", "Школа № 2", "ВПР", "Математика", 4, "22.04.2026"]
    await coordinator.clickButton(overview!, "⬆️ Загрузить расписание")
    expect((await coordinator.waitForMessages(1))[0]!.text).toContain("Пришлите заполненный шаблон расписания")
    await coordinator.sendDocument({ fileName: "Расписание.xlsx", bytes: Buffer.from(await workbook.xlsx.writeBuffer()) })
    expect(await textOf(coordinator, /Расписание сохранено/)).toBe(
      "Расписание сохранено: добавлено 2, изменено 0, удалено 0, без изменений 0 (школ: 2). Сроки и напоминания пересчитаны.",
    )
    expect(await e2e.prisma.upload.count()).toBe(0) // never taken for a results file

    // Each school coordinator is asked to confirm their date; Anna does.
    const ask = await textOf(anna, /Координатор внёс даты/)
    expect(ask).toBe("🗓 Координатор внёс даты процедур вашей школы (1). Проверьте и подтвердите их:\n• 21.04.2026 — ВПР 2026 · Математика · 4 класс")
    const askMessage = anna.messages().find((message) => message.text === ask)!
    await anna.clickButton(askMessage, "✅ Подтвердить все даты")
    expect(await textOf(anna, /Подтверждено дат/)).toBe("Подтверждено дат: 1. Спасибо!")
    await textOf(boris, /Координатор внёс даты/)

    // Monday 20 April, the working day before the first work: the coordinator is reminded of the briefing at 09:00.
    setLocal("2026-04-20", "08:58")
    await runJobs()
    expect(coordinator.unread()).toEqual([])
    setLocal("2026-04-20", "09:00")
    const briefing = await textOf(coordinator, /Инструктаж школьных координаторов/)
    expect(briefing).toBe(
      "⏰ Напоминание: Инструктаж школьных координаторов перед ВПР 2026 (первая работа в муниципалитете — 21.04.2026).\nСрок — 20.04.2026, 18:00, то есть сегодня.",
    )
    // At 14:00 the materials appear in FIS OKO: Anna is told to check them.
    setLocal("2026-04-20", "13:58")
    await runJobs()
    setLocal("2026-04-20", "14:00")
    expect(await textOf(anna, /Проверить материалы/)).toBe(
      "⏰ Напоминание: Проверить материалы в ФИС ОКО: ВПР 2026 · Математика · 4 класс, работа 21.04.2026 — Лицей № 1 (edu223017).\nСрок — 20.04.2026, 18:00, то есть сегодня.",
    )

    // Thursday 23 April 09:00: three working days before Anna's upload deadline (28 April), the follow-up.
    setLocal("2026-04-23", "08:58")
    await runJobs()
    setLocal("2026-04-23", "09:00")
    const followUp = await textOf(anna, /Результаты ещё не загружены/)
    expect(followUp).toContain("Загрузить результаты: ВПР 2026 · Математика · 4 класс, работа 21.04.2026 — Лицей № 1 (edu223017).")
    expect(followUp).toContain("Пришлите файл ФИС ОКО сюда до 28.04.2026 (осталось 3 рабочих дня)")
    await uploadResults(anna, 40001)
    await runJobs()
    const annaUpload = await e2e.prisma.deadline.findFirstOrThrow({ where: { kind: "results_upload", schoolId: (await e2e.prisma.school.findUniqueOrThrow({ where: { key: "223017" } })).id } })
    expect(annaUpload.status).toBe("done")

    // Friday 24 April: Boris's follow-up comes (his deadline is 29 April); Anna's upload stopped hers.
    setLocal("2026-04-24", "08:58")
    await runJobs()
    setLocal("2026-04-24", "09:00")
    expect(await textOf(boris, /Результаты ещё не загружены/)).toContain("Школа № 2 (edu223018)")
    await uploadResults(boris, 50001)
    await runJobs() // the planner notices the results within its 10 minutes
    setLocal("2026-04-27", "08:58")
    await runJobs()
    setLocal("2026-04-28", "09:00")
    await runJobs()
    const toAnna = await e2e.prisma.outbox.findMany({ where: { chatId: 7101n } })
    expect(toAnna.filter((row) => (row.payload as { text: string }).text.includes("Результаты ещё не загружены"))).toHaveLength(1)

    // Every scheduled school's results are in (24 April): the analysis is due 10 calendar days later, on 4 May.
    const analysis = await e2e.prisma.deadline.findFirstOrThrow({ where: { kind: "analysis" } })
    expect(analysis.due).toEqual(instantAt("2026-05-04", 23 * 60 + 59, ZONE))
    setLocal("2026-04-29", "08:58")
    await runJobs()
    setLocal("2026-04-29", "09:00")
    expect(await textOf(coordinator, /Анализ результатов/)).toBe(
      "⏰ Напоминание: Анализ результатов: ВПР 2026 · Математика · 4 класс (результаты получены 24.04.2026).\nСрок — 04.05.2026, осталось 3 рабочих дня.",
    )

    // /deadlines: the coordinator's own item with a done button and the board of every school.
    await coordinator.sendText("/deadlines")
    const mine = (await coordinator.waitForMessages(1))[0]!
    expect(mine.text).toContain("2. до 04.05.2026 — Анализ результатов: ВПР 2026 · Математика · 4 класс")
    expect(mine.text).toContain("1. ⚠️ просрочено, срок был 20.04.2026, 18:00 — Инструктаж школьных координаторов")
    await coordinator.clickButton(mine, "📋 Сроки по школам")
    const board = (await coordinator.waitForMessages(1))[0]!
    expect(board.text).toContain("Загрузить результаты: ВПР 2026 · Математика · 4 класс, работа 21.04.2026 — до 28.04.2026: выполнено 1, ждём 0, просрочено 0")
    await coordinator.clickButton(mine, "✅ 2")
    expect((await coordinator.waitForMessages(1))[0]!.text).toBe(
      "Отмечено как сделанное: Анализ результатов: ВПР 2026 · Математика · 4 класс (результаты получены 24.04.2026).",
    )
    // A teacher has no deadlines of their own, and is told so plainly.
    await teacher.sendText("/deadlines")
    expect((await teacher.waitForMessages(1))[0]!.text).toBe("⏰ На ближайшие 30 дней сроков у вас нет.")
  }, 240_000)

  it("a report request: one school uploads inside the dialog, the other is reminded and escalated once; the coordinator gets one zip", async () => {
    setLocal("2026-05-12", "10:00")
    for (const user of [coordinator, anna, boris]) await user.waitForMessages(user.unread().length)
    await coordinator.sendText("/reports")
    const list = (await coordinator.waitForMessages(1))[0]!
    await coordinator.clickButton(list, "➕ Запросить документ")
    await coordinator.waitForMessages(1)
    await coordinator.sendText("Справка о самообследовании по итогам ВПР")
    const details = (await coordinator.waitForMessages(1))[0]!
    await coordinator.sendText("Сравните четвертные отметки с результатами ВПР по каждому классу.")
    expect(details.text).toContain("Что именно должно быть в документе?")
    await coordinator.waitForMessages(1)
    await coordinator.sendText("15.05.2026")
    const scope = (await coordinator.waitForMessages(1))[0]!
    await coordinator.clickButton(scope, "Все школы муниципалитета")
    expect(await textOf(coordinator, /Запрос отправлен/)).toBe("Запрос отправлен: школ 2. Я напомню школам перед сроком и сообщу вам о просрочке.")

    const request = await textOf(anna, /просит прислать документ/)
    expect(request).toBe(
      "📄 Координатор просит прислать документ: Справка о самообследовании по итогам ВПР.\nСрок — 15.05.2026.\nСравните четвертные отметки с результатами ВПР по каждому классу.\nНажмите «Загрузить» и пришлите файл.",
    )
    await textOf(boris, /просит прислать документ/)
    const uploadsBefore = await e2e.prisma.upload.count()
    await anna.clickButton(anna.messages().find((message) => message.text === request)!, "📎 Загрузить")
    expect((await anna.waitForMessages(1))[0]!.text).toContain("Пришлите файл документа (любой формат, до 20 МБ).")
    await anna.sendDocument({ fileName: "Справка Лицей 1.xlsx", bytes: Buffer.from("PK справка лицея") })
    expect(await textOf(anna, /Получено/)).toBe("Получено: «Справка Лицей 1.xlsx» (Лицей № 1). Спасибо!")
    // An .xlsx sent inside the dialog is the school's document, not a results workbook for the intake.
    expect(await e2e.prisma.upload.count()).toBe(uploadsBefore)

    // Boris is reminded on the due date's morning, then after the deadline he is told once and the coordinator escalated once.
    setLocal("2026-05-15", "08:58")
    await runJobs()
    setLocal("2026-05-15", "09:00")
    expect(await textOf(boris, /Ждём документ/)).toContain("Срок — 15.05.2026, то есть сегодня.")
    setLocal("2026-05-18", "08:58")
    await runJobs()
    await runJobs()
    setLocal("2026-05-18", "09:00")
    expect(await textOf(boris, /Срок прошёл/)).toBe(
      "⚠️ Срок прошёл: Справка о самообследовании по итогам ВПР — Школа № 2 (edu223018). Нужно было сделать до 15.05.2026.\nЕсли уже сделано, отметьте это кнопкой ниже.",
    )
    const escalation = await textOf(coordinator, /Просрочено/)
    expect(escalation).toBe(
      "⚠️ Просрочено (1):\n• Справка о самообследовании по итогам ВПР — Школа № 2 (edu223018) — срок был 15.05.2026\nОтветственные получили напоминание. Отметить сделанное можно в списке по школам.",
    )
    setLocal("2026-05-19", "10:00")
    await runJobs()
    expect(await e2e.prisma.outbox.count({ where: { chatId: 7100n, payload: { path: ["text"], string_contains: "Просрочено" } } })).toBe(1)

    // The status, school by school, and every file received in one zip.
    await coordinator.sendText("/reports")
    const reports = (await coordinator.waitForMessages(1))[0]!
    expect(reports.text).toContain("1. Справка о самообследовании по итогам ВПР — до 15.05.2026: получено 1 из 2, просрочено 1")
    await coordinator.clickButton(reports, "📊 1")
    const status = (await coordinator.waitForMessages(1))[0]!
    expect(status.text).toBe(
      "📊 Справка о самообследовании по итогам ВПР — срок 15.05.2026. Получено 1 из 2:\n✅ Лицей № 1 (edu223017) — «Справка Лицей 1.xlsx»\n⚠️ Школа № 2 (edu223018)",
    )
    await coordinator.clickButton(status, "⬇️ Скачать всё (1)")
    const archive = (await coordinator.waitForMessages(1))[0]!
    expect(archive.document!.fileName).toBe("Справка о самообследовании по итогам ВПР.zip")
    const zip = await JSZip.loadAsync(archive.document!.bytes)
    expect(Object.keys(zip.files)).toEqual(["edu223017 Лицей № 1 — Справка Лицей 1.xlsx"])
    expect(await zip.file("edu223017 Лицей № 1 — Справка Лицей 1.xlsx")!.async("string")).toBe("PK справка лицея")
  }, 180_000)

  it("a КДР upload → proposed scales with their marks → confirmed → each school gets its marks the next working day", async () => {
    for (const user of [coordinator, anna, boris]) await user.waitForMessages(user.unread().length)
    const tasks = Array.from({ length: 10 }, (_, index) => ({ label: String(index + 1), max: 2, level: "Б" as const }))
    await e2e.prisma.procedureSpec.create({ data: { kind: "КДР", year: 2026, subject: "Математика", grade: 7, version: 1, tasks, maxTotal: 20, source: "региональная КДР, шкала после проведения" } })
    setLocal("2026-05-21", "11:00")
    // Two schools in one regional file: 30 pupils each, scores spread over 0…20.
    const rows = ["edu223017", "edu223018"].flatMap((login, school) =>
      Array.from({ length: 30 }, (_, index) => {
        const total = (index * 8 + school * 5) % 21
        return { login, code: 70001 + school * 100 + index, variant: 1 + (index % 2), scores: tasks.map((_, t) => Math.max(0, Math.min(2, total - 2 * t))), className: "7А", sex: "м", journal: 3 + (index % 3) }
      }),
    )
    await coordinator.sendDocument({ fileName: "КДР Математика 7 класс 2026.xlsx", bytes: await collectionForm({ spec: { tasks }, aggregated: true, rows }) })
    await e2e.fake.waitUntil(() => coordinator.unread().some((message) => /Готово, результаты сохранены/.test(message.text ?? "") || message.buttons.includes("✅ Загрузить")), { timeoutMs: 30_000 })
    const confirmUpload = coordinator.unread().find((message) => message.buttons.includes("✅ Загрузить"))
    if (confirmUpload) await coordinator.clickButton(confirmUpload, "✅ Загрузить")
    expect(await textOf(coordinator, /Готово, результаты сохранены/, 30_000)).toContain("КДР 2026 · Математика · 7 класс")
    expect((await storedParticipants(e2e.prisma, { procedure: "КДР|2026|Математика|7" })).filter((row) => row.mark !== null)).toEqual([])

    // The scale is a deadline of the coordinator's until it is set.
    await runJobs()
    expect(await e2e.prisma.deadline.findFirstOrThrow({ where: { kind: "kdr_scale" } })).toMatchObject({ status: "pending" })

    await coordinator.sendText("/kdr")
    const proposals = await messageOf(coordinator, /^📐 КДР 2026/)
    const text = proposals.text!
    expect(text).toContain("📐 КДР 2026 · Математика · 7 класс: 60 участников из 2 школ, максимум 20 первичных баллов.")
    expect(text).toContain("А. По долям отметок (обычные доли: «2» — 10 %, «3» — 35 %, «4» — 40 %, «5» — 15 %):")
    expect(text).toContain("Б. Шкала ВПР 2022 · Математика · 7 класс («3» — от 7, «4» — от 12, «5» — от 16 из 19) в пересчёте на 20 баллов:")
    expect(text).toContain("«3» — от 2, «4» — от 9, «5» — от 17 → «2»: 7 (12 %), «3»: 21 (35 %), «4»: 22 (37 %), «5»: 10 (17 %)")
    expect(text).toContain("«3» — от 8, «4» — от 13, «5» — от 17 → «2»: 24 (40 %), «3»: 14 (23 %), «4»: 12 (20 %), «5»: 10 (17 %)")
    expect(proposals.buttons).toEqual(["✅ Утвердить А", "✅ Утвердить Б", "✏️ Задать доли"])

    // The coordinator tries shares of their own first, then confirms the ВПР-based scale.
    await coordinator.clickButton(proposals, "✏️ Задать доли")
    await messageOf(coordinator, /Напишите желаемые доли/)
    await coordinator.sendText("20 30 30 20")
    const own = await messageOf(coordinator, /По заданным вами долям/)
    expect(own.text).toContain("А. По заданным вами долям («2» — 20 %, «3» — 30 %, «4» — 30 %, «5» — 20 %):\n«3» — от 4, «4» — от 10, «5» — от 16 → «2»: 13 (22 %), «3»: 17 (28 %), «4»: 16 (27 %), «5»: 14 (23 %)")
    await coordinator.clickButton(own, "✅ Утвердить Б")
    expect(await textOf(coordinator, /Шкала утверждена/, 30_000)).toBe(
      "Шкала утверждена (версия спецификации 2): «3» — от 8, «4» — от 13, «5» — от 17. Отметки пересчитаны: школ 2, участников 60 («5»: 10, «4»: 12, «3»: 14, «2»: 24). Школьные координаторы получат отметки своих школ 22.05.2026 в 09:00.",
    )
    const marked = await storedParticipants(e2e.prisma, { procedure: "КДР|2026|Математика|7", isCurrent: true })
    expect(marked).toHaveLength(60)
    for (const { total, mark } of marked) expect(mark).toBe(total! >= 17 ? 5 : total! >= 13 ? 4 : total! >= 8 ? 3 : 2)
    await runJobs()
    expect(await e2e.prisma.deadline.findFirstOrThrow({ where: { kind: "kdr_scale" } })).toMatchObject({ status: "done" })

    // Nothing reaches the schools today; on Friday 22 May at 09:00 each school coordinator gets their school's marks.
    const queued = await e2e.prisma.outbox.findMany({ where: { dedupeKey: { startsWith: "kdr:" } }, orderBy: { chatId: "asc" } })
    expect(queued.map((row) => [Number(row.chatId), row.status, row.notBefore])).toEqual([
      [7101, "pending", instantAt("2026-05-22", 9 * 60, ZONE)],
      [7102, "pending", instantAt("2026-05-22", 9 * 60, ZONE)],
    ])
    setLocal("2026-05-22", "09:00")
    const caption = await textOf(anna, /утверждена шкала/)
    expect(caption).toBe(
      "📐 КДР 2026 · Математика · 7 класс: утверждена шкала — «3» от 8, «4» от 13, «5» от 17 первичных баллов.\nОтметки вашей школы: «5» — 5, «4» — 6, «3» — 7, «2» — 12 (писали 30). По каждому участнику — в файле.",
    )
    const file = anna.messages().find((message) => message.caption === caption)!.document!
    expect(file.fileName).toBe("КДР 2026 - Математика - 7 класс - edu223017.xlsx")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file.bytes as never)
    const sheet = workbook.getWorksheet("Отметки")!
    expect(sheet.getCell("A1").value).toBe("КДР 2026 · Математика · 7 класс — Лицей № 1 (edu223017)")
    const rowsRead = sheet.getRows(5, 30)!.map((row) => [row.getCell(4).value, row.getCell(5).value])
    expect(rowsRead).toHaveLength(30)
    for (const [total, mark] of rowsRead) expect(mark).toBe((total as number) >= 17 ? 5 : (total as number) >= 13 ? 4 : (total as number) >= 8 ? 3 : 2)
    expect(await textOf(boris, /утверждена шкала/)).toContain("Отметки вашей школы:")
  }, 180_000)

  it("the other dialogs: the admin loads the 2027 decree, an event with attendance, one date by hand, a rule, a mute", async () => {
    for (const user of [coordinator, anna, boris, teacher]) await user.waitForMessages(user.unread().length)
    setLocal("2026-05-22", "11:00")
    // The admin downloads the 2027 workbook, marks the year final with the January transfers, and sends it back.
    const admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
    await admin.sendText("/calendar")
    const summary = (await admin.waitForMessages(1))[0]!
    expect(summary.text).toContain("2027 — предварительный: рабочих дней 249, часов 1987.")
    await admin.clickButton(summary, "⬇️ Шаблон на 2027")
    const template = (await admin.waitForMessages(1))[0]!
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(template.document!.bytes as never)
    const sheet = workbook.getWorksheet("Календарь")!
    sheet.getCell("B3").value = "окончательный"
    const targets = ["04.05.2027", "31.12.2027"]
    sheet.eachRow((row) => {
      if (row.getCell(2).value === "перенос без даты") row.values = [targets.shift()!, "выходной по переносу", row.getCell(3).value as string]
    })
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "31.12.2027" && row.getCell(2).value === "сокращённый день") row.values = []
    })
    await admin.clickButton(summary, "⬆️ Загрузить обновление")
    await admin.waitForMessages(1)
    await admin.sendDocument({ fileName: "Календарь 2027.xlsx", bytes: Buffer.from(await workbook.xlsx.writeBuffer()) })
    expect(await textOf(admin, /календарь обновлён/)).toBe(
      "Готово, календарь обновлён. Все сроки и напоминания теперь считаются по нему.\n2027 — окончательный, загружен администратором: рабочих дней 247, часов 1972.",
    )

    // An event for the school staff, invitations, then attendance once it has taken place.
    await coordinator.sendText("/events")
    await coordinator.clickButton(await messageOf(coordinator, /^📅 События/), "➕ Новое событие")
    await coordinator.clickButton(await messageOf(coordinator, /Что проводим/), "Семинар для учителей")
    await messageOf(coordinator, /Название или тема/)
    await coordinator.sendText("Объективное оценивание")
    await messageOf(coordinator, /^Дата/)
    await coordinator.sendText("27.05.2026")
    await messageOf(coordinator, /Время начала/)
    await coordinator.sendText("15:00")
    // A file is no answer to «Где проходит?»: the question comes again (it was taken for «no place» once), and the
    // button of the repeat answers it.
    await messageOf(coordinator, /Где проходит/)
    await coordinator.sendDocument({ fileName: "место.txt", bytes: Buffer.from("Актовый зал") })
    await e2e.fake.waitUntil(() => coordinator.messages().filter((message) => /Где проходит/.test(message.text ?? "")).length === 2, { description: "the place asked again" })
    await coordinator.clickButton(await messageOf(coordinator, /Где проходит/), "Не указывать")
    await coordinator.clickButton(await messageOf(coordinator, /Кого пригласить/), "Координаторов и учителей")
    await coordinator.clickButton(await messageOf(coordinator, /Из каких школ/), "Все школы муниципалитета")
    expect(await textOf(coordinator, /Событие создано/)).toBe("Событие создано, приглашения отправлены: 3. Напоминания придут накануне и в день события.")
    expect(await textOf(teacher, /Приглашение/)).toBe("📅 Приглашение. Семинар: Объективное оценивание — 27.05.2026, 15:00. Накануне и в день события я напомню.")
    await textOf(anna, /Приглашение/)
    await textOf(boris, /Приглашение/)
    setLocal("2026-05-27", "16:00")
    await coordinator.sendText("/events")
    const past = await messageOf(coordinator, /^📅 События/)
    expect(past.text).toContain("1. (прошло) 27.05.2026, 15:00 — Семинар: Объективное оценивание. Отмечено присутствие: 0 из 3.")
    await coordinator.clickButton(past, "👥 1")
    const attendance = await messageOf(coordinator, /^👥/)
    await coordinator.clickButton(attendance, "➖ Пётр")
    await e2e.fake.waitUntil(() => attendance.buttons.includes("✅ Пётр"))
    expect(attendance.text).toContain("Были: 1 из 3.")

    // Anna adds one date by hand; hers count as confirmed.
    await anna.sendText("/schedule")
    await anna.clickButton((await anna.waitForMessages(1))[0]!, "➕ Добавить дату")
    await anna.clickButton((await anna.waitForMessages(1))[0]!, "КДР")
    await anna.clickButton((await anna.waitForMessages(1))[0]!, "Русский язык")
    await anna.clickButton((await anna.waitForMessages(1))[0]!, "4 класс")
    await anna.waitForMessages(1)
    await anna.sendText("07.06.2026")
    expect((await anna.waitForMessages(1))[0]!.text).toBe("07.06.2026 — выходной или праздничный день; работы в такие дни не проводятся.")
    await anna.sendText("03.06.2026")
    await anna.clickButton((await anna.waitForMessages(1))[0]!, "Не указывать")
    expect(await textOf(anna, /Дата сохранена/)).toBe("Дата сохранена: 03.06.2026 — КДР 2026 · Русский язык · 4 класс, Лицей № 1 (edu223017). Она подтверждена.")

    // The coordinator gives the schools seven working days for uploads.
    await coordinator.sendText("/deadlines")
    await coordinator.clickButton(await messageOf(coordinator, /^⏰ Ваши сроки/), "⚙️ Правила сроков")
    const rules = await messageOf(coordinator, /^⚙️ Правила сроков/)
    expect(rules.text).toContain("• Загрузка результатов: 5 рабочих дней после работы")
    await coordinator.clickButton(rules, "✏️ Загрузка результатов")
    expect(await textOf(coordinator, /сейчас/)).toContain("Загрузка результатов: сейчас 5 рабочих дней после работы.")
    await coordinator.sendText("неделю")
    expect(await textOf(coordinator, /Не понял/)).toContain("Напишите число и единицу")
    await coordinator.sendText("7 рабочих")
    expect(await textOf(coordinator, /^Сохранено/)).toBe("Сохранено. Загрузка результатов: 7 рабочих дней после работы. Сроки пересчитаются в течение нескольких минут.")
    const moved = await e2e.prisma.deadline.findFirstOrThrow({ where: { kind: "results_upload", key: { contains: "КДР" } } })
    expect(moved.due).toEqual(instantAt("2026-06-15", 23 * 60 + 59, ZONE)) // 3 June + 7 working days (12 June is a holiday)

    // Anna silences the materials reminders from the settings list.
    await anna.sendText("/deadlines")
    await anna.clickButton((await anna.waitForMessages(1))[0]!, "🔕 Напоминания")
    const mutes = (await anna.waitForMessages(1))[0]!
    await anna.clickButton(mutes, "🔔 проверка материалов")
    await e2e.fake.waitUntil(() => mutes.buttons.includes("🔕 проверка материалов"))
    expect(mutes.text).toContain("(выключено: 1)")
  }, 180_000)
})
