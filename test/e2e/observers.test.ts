import ExcelJS from "exceljs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { gzipJson } from "../../src/db/gzip-json.ts"
import { OPTION_LETTERS, QUIZ_ANSWERS } from "../../src/domain/observers/quiz.ts"
import { createTranslator } from "../../src/i18n.ts"
import { silentLogger } from "../../src/logger.ts"
import { createServices } from "../../src/services/index.ts"
import { createJobRunner } from "../../src/services/scheduling/jobs.ts"
import { ADMIN_ID, startE2E, type E2E } from "../support/e2e.ts"
import type { BotMessage } from "../support/fake-telegram/bot-message.ts"
import type { FakeUser } from "../support/fake-telegram/fake-user.ts"

const PHOTO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64")
const t = createTranslator("ru")

/**
 * The observer programme as its people use it: sign-up (someone else's contact refused) → lessons → quiz (a stale
 * button refused) → the coordinator's approval → sessions → a proposal → offers → confirm / decline → replacement →
 * reminders → an act with a violation → the coordinator's alert and the XLSX. An invited observer goes the same way.
 */
describe("observers end to end", () => {
  let e2e: E2E
  let coordinator: FakeUser
  const COORDINATOR = 7001
  /** Moves the test clock to a moment (the app reads time only from it). */
  const setTime = (iso: string) => e2e.clock.advance(new Date(iso).getTime() - e2e.clock.now().getTime())
  let runJobs: () => Promise<unknown>

  beforeAll(async () => {
    // People answer a 14-question quiz faster than the default 30 updates a minute allows in a test.
    e2e = await startE2E({ env: { RATE_LIMIT_PER_MINUTE: "1000" } })
    setTime("2026-04-20T03:00:00Z") // Monday 20 April 2026, 10:00 in Barnaul
    const barnaul = await e2e.prisma.municipality.create({ data: { name: "город Барнаул", timeZone: "Asia/Barnaul" } })
    await e2e.prisma.municipality.create({ data: { name: "город Бийск", timeZone: "Asia/Barnaul" } })
    const school = (key: string, name: string, address: string | null) => e2e.prisma.school.create({ data: { key, login: `edu${key}`, name, address, municipalityId: barnaul.id } })
    await school("223001", "МБОУ «СОШ № 1»", "г. Барнаул, ул. Малахова, 1")
    await school("223002", "МБОУ «Гимназия № 2»", "г. Барнаул, пр. Ленина, 2")
    await school("223003", "МБОУ «Лицей № 3»", null)
    // The lyceum is in the risk zone of last year's stored analysis.
    await e2e.prisma.$executeRawUnsafe(
      `INSERT INTO "AnalysisRun" (procedure, settings, "inputIds", "resultGzip") VALUES ($1, '{}'::jsonb, '{}', decode($2, 'base64'))`,
      "ВПР|2025|Математика|4",
      gzipJson({ schools: [{ schoolKey: "223003", risk: { level: "risk" } }] }),
    )
    coordinator = e2e.fake.user({ id: COORDINATOR, firstName: "Ирина" })
    await coordinator.sendText("/start")
    await coordinator.waitForMessages(1)
    const user = await e2e.prisma.user.findUniqueOrThrow({ where: { telegramId: BigInt(COORDINATOR) } })
    await e2e.prisma.roleGrant.create({ data: { userId: user.id, role: "municipal_coordinator", municipalityId: barnaul.id } })
    // The scheduler's jobs, run on demand at the test clock's time (the app's own loop waits 30 real seconds).
    const services = createServices({ prisma: e2e.prisma, clock: e2e.clock, logger: silentLogger }, { adminIds: [], inviteTtlHours: 72, defaultTimeZone: "Asia/Barnaul" })
    const runner = createJobRunner({ prisma: e2e.prisma, clock: e2e.clock, logger: silentLogger }, services.jobs, { owner: "e2e" })
    // The app's own scheduler may hold a job's lease at that moment (it ticks in real time): the test's run must not
    // be skipped for it, so it clears the leases first (the jobs are idempotent by their dedupe keys).
    runJobs = async () => {
      await e2e.prisma.jobLease.deleteMany()
      return runner.runDue()
    }
  }, 60_000)
  afterAll(() => e2e?.stop())

  async function one(user: FakeUser): Promise<BotMessage> {
    const [message] = await user.waitForMessages(1)
    return message!
  }

  /** Answers the question in `message` rightly (or wrongly), reading which question it is from its text. */
  async function answer(user: FakeUser, message: BotMessage, right = true): Promise<void> {
    const lines = message.text!.split("\n")
    const number = QUIZ_ANSWERS.findIndex((_, index) => t(`observers-quiz-q${index + 1}`) === lines[2])
    expect(number, message.text).toBeGreaterThanOrEqual(0)
    const correct = t(`observers-quiz-q${number + 1}-${OPTION_LETTERS[QUIZ_ANSWERS[number]!]}`)
    const line = lines.find((candidate) => candidate.endsWith(`) ${correct}`))!
    const letter = line.slice(0, line.indexOf(")"))
    const other = ["а", "б", "в", "г"].find((candidate) => candidate !== letter)!
    await user.clickButton(message, right ? letter : other)
  }

  async function takeQuiz(user: FakeUser, first: BotMessage): Promise<BotMessage> {
    let question = first
    for (let index = 0; index < 14; index++) {
      expect(question.text).toContain(`Вопрос ${index + 1} из 14`)
      await answer(user, question)
      question = await one(user)
    }
    return question
  }

  it("a self-signed observer: profile with her own contact only, lessons, quiz with a stale button refused, approval", async () => {
    const anna = e2e.fake.user({ id: 7002, firstName: "Анна", phoneNumber: "+79130000001" })
    await anna.sendText("/start")
    const menu = await one(anna)
    await anna.clickButton(menu, "👁 Наблюдатели")
    const intro = await one(anna)
    expect(intro.text).toContain("Наблюдателем может стать любой совершеннолетний")
    await anna.clickButton(intro, "📝 Заполнить анкету")
    const [, askName] = await anna.waitForMessages(2)
    expect(askName!.text).toContain("фамилию, имя и отчество")
    await anna.sendText("Анна")
    expect((await one(anna)).text).toContain("Не получилось прочитать ФИО")
    await anna.sendText("Иванова Анна Петровна")
    expect((await one(anna)).text).toContain("Поделитесь номером телефона")
    // Someone else's contact card is refused; the phone is asked again.
    await anna.sendContact({ user_id: 9999, phone_number: "+79990000000", first_name: "Чужой" })
    const [notOwn] = await anna.waitForMessages(2)
    expect(notOwn!.text).toBe("Это контакт другого человека, а нужен ваш собственный номер. Нажмите кнопку «Отправить мой номер».")
    await anna.pressKeyboardButton("📱 Отправить мой номер")
    const [saved, municipality] = await anna.waitForMessages(2)
    expect(saved!.text).toBe("Спасибо, номер записал.")
    await anna.clickButton(municipality!, "город Барнаул")
    const work = await one(anna)
    expect(work.text).toContain("Вы работаете в школе?")
    await anna.sendText("гимназия")
    await anna.clickButton(await one(anna), "МБОУ «Гимназия № 2» (edu223002)")
    await anna.clickButton(await one(anna), "Готово")
    expect((await one(anna)).text).toContain("В каких школах учатся ваши дети")
    await anna.sendText("школа 77")
    expect((await one(anna)).text).toContain("Не нашёл школу «школа 77»")
    await anna.sendText("edu223001")
    await anna.clickButton(await one(anna), "МБОУ «СОШ № 1» (edu223001)")
    const added = await one(anna)
    expect(added.text).toContain("Записал: МБОУ «СОШ № 1» (edu223001)")
    await anna.clickButton(added, "Готово")
    expect((await one(anna)).text).toContain("Когда вы можете наблюдать?")
    await anna.sendText("пн, вт, кофе")
    expect((await one(anna)).text).toContain("Не понял: кофе.")
    await anna.sendText("пн–пт")
    const [days, consent] = await anna.waitForMessages(2)
    expect(days!.text).toBe("Записал, когда вы можете наблюдать: пн, вт, ср, чт, пт.")
    expect(consent!.text).toContain("Согласие на обработку персональных данных")
    await anna.clickButton(consent!, "Даю согласие")
    const profile = await one(anna)
    expect(profile.text).toContain("Анкета сохранена.")
    expect(profile.text).toContain("Телефон: +79130000001")
    expect(profile.text).toContain("Где учатся дети: МБОУ «СОШ № 1» (edu223001)")

    await anna.clickButton(profile, "📖 Обучение")
    let lesson = await one(anna)
    for (let number = 1; number < 5; number++) {
      expect(lesson.text).toContain(`Урок ${number} из 5`)
      await anna.clickButton(lesson, "Дальше ▶️")
      lesson = await one(anna)
    }
    expect(lesson.text).toContain("Конфликт интересов и акт")
    await anna.clickButton(lesson, "✅ Начать тест")
    const [quizIntro, first] = await anna.waitForMessages(2)
    expect(quizIntro!.text).toContain("14 вопросов")
    // The first answer, then a tap on the same question again: refused, nothing changes.
    await answer(anna, first!)
    const second = await one(anna)
    await e2e.fake.waitUntil(() => first!.text!.includes("Ваш ответ:"))
    await anna.clickButton(first!, first!.buttons.find((label) => !label.startsWith("✓"))!)
    expect((await one(anna)).text).toContain("Эта кнопка — от вопроса, на который вы уже ответили")
    let question = second
    for (let index = 1; index < 14; index++) {
      await answer(anna, question)
      question = await one(anna)
    }
    expect(question.text).toBe("Тест пройден: 14 из 14. Заявка отправлена муниципальному координатору — я сообщу о его решении.")

    const application = await one(coordinator)
    expect(application.text).toContain("Новая заявка в общественные наблюдатели.")
    expect(application.text).toContain("Иванова Анна Петровна, телефон +79130000001")
    expect(application.text).toContain("Работает: МБОУ «Гимназия № 2» (edu223002)")
    await coordinator.clickButton(application, "✅ Одобрить")
    expect((await one(coordinator)).text).toBe("Заявка одобрена: Иванова Анна Петровна — общественный наблюдатель.")
    expect((await one(anna)).text).toContain("Координатор одобрил вашу заявку")
  }, 120_000)

  it("an invited observer lands in the same flow: profile without the municipality question, quiz, approval", async () => {
    const admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
    await admin.sendText("/invite")
    await admin.clickButton(await one(admin), "общественный наблюдатель")
    await one(admin)
    await admin.sendText("город Барнаул")
    const link = /start=([\w-]+)/.exec((await one(admin)).text ?? "")![1]!
    const boris = e2e.fake.user({ id: 7003, firstName: "Борис" })
    await boris.sendText(`/start ${link}`)
    const [accepted, , intro] = await boris.waitForMessages(3)
    expect(accepted!.text).toBe("Приглашение принято. Ваша новая роль: общественный наблюдатель (город Барнаул).")
    expect(intro!.text).toContain("Вас пригласили в общественные наблюдатели")
    await boris.clickButton(intro!, "📝 Заполнить анкету")
    await boris.waitForMessages(2)
    await boris.sendText("Петров Борис Иванович")
    await one(boris)
    await boris.pressKeyboardButton("📱 Отправить мой номер")
    const [, work] = await boris.waitForMessages(2)
    expect(work!.text).toContain("Вы работаете в школе?") // no municipality question: the invite fixed it
    await boris.clickButton(work!, "Не работаю в школе")
    await boris.clickButton(await one(boris), "Ни в каких школах этого района")
    await boris.clickButton(await one(boris), "любой день")
    const [, consent] = await boris.waitForMessages(2)
    await boris.clickButton(consent!, "Даю согласие")
    expect((await one(boris)).text).toContain("Муниципалитет: город Барнаул")
    await boris.sendText("/observers")
    await boris.clickButton(await one(boris), "✅ Пройти тест")
    const [, first] = await boris.waitForMessages(2)
    expect((await takeQuiz(boris, first!)).text).toContain("Тест пройден")
    await coordinator.clickButton(await one(coordinator), "✅ Одобрить")
    await one(coordinator)
    expect((await one(boris)).text).toContain("Координатор одобрил вашу заявку")
  }, 120_000)

  it("sessions → a risk-first proposal without conflicts → confirm, decline → replacement → reminders → act with a violation → alert → XLSX", async () => {
    // A third observer, signed up and approved earlier (through the services, as the bot would).
    const vera = e2e.fake.user({ id: 7004, firstName: "Вера" })
    await vera.sendText("/start")
    await one(vera)
    const services = createServices({ prisma: e2e.prisma, clock: e2e.clock, logger: silentLogger }, { adminIds: [], inviteTtlHours: 72, defaultTimeZone: "Asia/Barnaul" })
    const veraActor = await services.access.resolveActor({ telegramId: 7004, firstName: "Вера" })
    const barnaul = await e2e.prisma.municipality.findUniqueOrThrow({ where: { name: "город Барнаул" } })
    await services.observers.profile.save(veraActor, {
      fullName: "Соколова Вера Игоревна",
      contact: { phone: "+79130000004", userId: 7004 },
      municipalityId: barnaul.id,
      workSchoolIds: [],
      childSchoolIds: [],
      availability: { any: true, weekdays: [], dates: [] },
      consent: true,
    })
    const observer = await e2e.prisma.observer.findFirstOrThrow({ where: { fullName: "Соколова Вера Игоревна" } })
    await e2e.prisma.observer.update({ where: { id: observer.id }, data: { status: "approved", quizPassedAt: e2e.clock.now(), quizScore: 14 } })

    // The coordinator enters two sessions on Wednesday 22 April.
    const addSession = async (search: string, school: string, address?: string) => {
      await coordinator.sendText("/observers")
      await coordinator.clickButton(await one(coordinator), "➕ Добавить сеанс")
      expect((await one(coordinator)).text).toContain("Для какой школы сеанс?")
      await coordinator.sendText(search)
      await coordinator.clickButton(await one(coordinator), school)
      expect((await one(coordinator)).text).toContain("Какая процедура?")
      await coordinator.sendText("ВПР/2026/Математика 4")
      expect((await one(coordinator)).text).toContain("Не понял процедуру")
      await coordinator.sendText("ВПР/2026/Математика/4")
      await one(coordinator)
      await coordinator.sendText("22.04.2026")
      await one(coordinator)
      await coordinator.sendText("9:00")
      await coordinator.clickButton(await one(coordinator), "1")
      if (address) {
        expect((await one(coordinator)).text).toContain("ещё не известен")
        await coordinator.sendText(address)
      }
      const saved = await one(coordinator)
      expect(saved.text).toContain("Сеанс записан.")
      expect(saved.text).toContain("Дата и время: 22.04.2026, 09:00")
      return saved
    }
    const lyceum = await addSession("лицей", "МБОУ «Лицей № 3» (edu223003)", "г. Барнаул, ул. Гоголя, 3")
    expect(lyceum.text).toContain("Адрес: г. Барнаул, ул. Гоголя, 3")
    await addSession("СОШ № 1", "МБОУ «СОШ № 1» (edu223001)")

    await coordinator.sendText("/observers")
    const panel = await one(coordinator)
    expect(panel.text).toContain("Сеансов впереди: 2, из них без полного числа наблюдателей: 2")
    await coordinator.clickButton(panel, "🧩 Подобрать наблюдателей")
    await coordinator.clickButton(await one(coordinator), "22.04.2026")
    const proposal = await one(coordinator)
    const lines = proposal.text!.split("\n")
    const lyceumLine = lines.find((line) => line.includes("Лицей № 3"))!
    const schoolLine = lines.find((line) => line.includes("СОШ № 1"))!
    // Anna works at the gymnasium (cross-observation) and her child studies at school 1: she goes to the risk lyceum.
    expect(lyceumLine).toMatch(/^1\. 22\.04\.2026, 09:00 · МБОУ «Лицей № 3» \(edu223003\) · ВПР 2026 · Математика · 4 класс → Иванова Анна Петровна \(из другой школы\) ⚑ зона риска$/)
    expect(schoolLine).toContain("→ Петров Борис Иванович")
    await coordinator.clickButton(proposal, "✅ Утвердить и разослать")
    expect((await one(coordinator)).text).toContain("Назначения разосланы: 2.")

    const anna = e2e.fake.user({ id: 7002, firstName: "Анна" })
    const offer = await one(anna)
    expect(offer.text).toContain("Вас назначили общественным наблюдателем.")
    expect(offer.text).toContain("Адрес: г. Барнаул, ул. Гоголя, 3")
    expect(offer.text).toContain("Что взять с собой: паспорт")
    expect(offer.text).toContain("нет личной заинтересованности в результатах ВПР")
    await anna.clickButton(offer, "✅ Подтверждаю")
    expect((await one(anna)).text).toContain("назначение подтверждено")

    // Boris declines; an old card of the same offer is refused afterwards; the coordinator gets a replacement.
    const boris = e2e.fake.user({ id: 7003, firstName: "Борис" })
    const borisOffer = await one(boris)
    await boris.sendText("/observers")
    await boris.clickButton(await one(boris), "📅 Мои назначения")
    const card = await one(boris)
    expect(card.text).toContain("Назначение ждёт вашего ответа")
    await boris.clickButton(borisOffer, "Не смогу")
    expect((await one(boris)).text).toContain("Координатор подберёт другого наблюдателя")
    await boris.clickButton(card, "✅ Подтверждаю")
    expect((await one(boris)).text).toContain("Это назначение уже не действует")
    const replacement = await one(coordinator)
    expect(replacement.text).toContain("Петров Борис Иванович: отказ от назначения.")
    expect(replacement.text).toContain("Предлагаю замену: Соколова Вера Игоревна.")
    await coordinator.clickButton(replacement, "Назначить: Соколова Вера Игоревна")
    expect((await one(coordinator)).text).toBe("Назначение отправлено наблюдателю.")
    await vera.clickButton(await one(vera), "✅ Подтверждаю")
    await one(vera)
    // Boris has nothing to file an act for.
    await boris.sendText("/observers")
    await boris.clickButton(await one(boris), "📝 Заполнить акт")
    expect((await one(boris)).text).toContain("Сейчас нет процедур, по которым нужно заполнить акт")

    // Reminders: the evening before and in the morning.
    setTime("2026-04-21T11:05:00Z") // Tuesday 18:05 in Barnaul
    await runJobs()
    expect((await one(anna)).text).toContain("Напоминаю: завтра вы общественный наблюдатель.")
    setTime("2026-04-22T00:35:00Z") // Wednesday 07:35
    await runJobs()
    expect((await one(anna)).text).toContain("Сегодня вы общественный наблюдатель.")
    setTime("2026-04-22T05:05:00Z") // 12:05: three hours after the start, the act is asked for
    await runJobs()
    const actRequest = await one(anna)
    expect(actRequest.text).toContain("Пожалуйста, заполните акт наблюдения до 23.04.2026 12:00.")

    await anna.clickButton(actRequest, "📝 Заполнить акт")
    const [, stages] = await anna.waitForMessages(2)
    expect(stages!.text).toContain("3. проведение ВПР в аудитории")
    await anna.clickButton(stages!, "Готово")
    expect((await one(anna)).text).toBe("Отметьте хотя бы один этап и нажмите «Готово».")
    await anna.clickButton(stages!, "3")
    await e2e.fake.waitUntil(() => stages!.buttons.includes("✅ 3"))
    await anna.clickButton(stages!, "Готово")
    await one(anna)
    await anna.sendText("9:00")
    await one(anna)
    await anna.sendText("8:30")
    expect((await one(anna)).text).toContain("Окончание должно быть позже начала (09:00)")
    await anna.sendText("9:45")
    await anna.clickButton(await one(anna), "Выявлены нарушения")
    const checklist = await one(anna)
    expect(checklist.text).toContain("6. Участникам подсказывали или помогали (учитель, организатор, другие лица)")
    await anna.clickButton(checklist, "6")
    await e2e.fake.waitUntil(() => checklist.buttons.includes("✅ 6"))
    await anna.clickButton(checklist, "Готово")
    expect((await one(anna)).text).toContain("опишите коротко, что видели")
    await anna.sendText("=Учитель подсказывал ученику у окна, 9:20")
    await anna.clickButton(await one(anna), "Без комментария")
    const photos = await one(anna)
    expect(photos.text).toContain("Фотографировать задания ВПР нельзя!")
    await anna.sendPhoto({ bytes: PHOTO })
    await anna.clickButton(await one(anna), "Готово")
    const summary = await one(anna)
    expect(summary.text).toContain("Время наблюдения: 09:00–09:45")
    expect(summary.text).toContain("Фото: 1")
    await anna.clickButton(summary, "✅ Отправить акт")
    const filed = await one(anna)
    expect(filed.text).toMatch(/^Акт № \d+ принят\. Спасибо!\nКоординатор сразу получил сообщение о нарушениях\.$/)

    // The sessions are rows of the procedure schedule, so the schedule's deadlines reach the coordinator too (the
    // briefing due on 21 April went overdue at the 12:05 run): the alert is the message about the violation.
    const violation = (message: BotMessage) => (message.text ?? "").includes("⚠️ Наблюдатель сообщил о нарушениях.")
    await e2e.fake.waitUntil(() => coordinator.unread().some(violation))
    const alert = coordinator.unread().find(violation)!
    await coordinator.waitForMessages(coordinator.unread().indexOf(alert) + 1)
    expect(alert.text).toContain("⚠️ Наблюдатель сообщил о нарушениях.")
    expect(alert.text).toContain("Наблюдатель: Иванова Анна Петровна, телефон +79130000001")
    expect(alert.text).toContain("• Участникам подсказывали или помогали (учитель, организатор, другие лица) — =Учитель подсказывал ученику у окна, 9:20")
    // The same act button again: already filed.
    await anna.clickButton(actRequest, "📝 Заполнить акт")
    expect((await one(anna)).text).toBe("Акт по этой процедуре уже подан.")

    await coordinator.sendText("/observers")
    await coordinator.clickButton(await one(coordinator), "📊 Акты (XLSX)")
    const document = await one(coordinator)
    expect(document.caption).toBe("Акты наблюдения: 1.")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(document.document!.bytes as never)
    const sheet = workbook.worksheets[0]!
    const row = (sheet.getRow(4).values as unknown[]).slice(1)
    expect(row.slice(1, 11)).toEqual(["город Барнаул", "МБОУ «Лицей № 3»", "edu223003", "ВПР 2026 · Математика · 4 класс", "22.04.2026", "Иванова Анна Петровна", "проведение ВПР в аудитории", "09:00", "09:45", "1"])
    expect(row[11]).toBe("Участникам подсказывали или помогали (учитель, организатор, другие лица) — =Учитель подсказывал ученику у окна, 9:20")
    expect(row[13]).toBe(1)
    expect(row[16]).toBe("да")
    const photo = await e2e.prisma.observationAct.findFirstOrThrow()
    expect(photo.photoFileIds).toHaveLength(1)
  }, 180_000)

  it("changes a profile keeping most answers, and erases it on withdrawal", async () => {
    const vera = e2e.fake.user({ id: 7004, firstName: "Вера" })
    await vera.waitForMessages(vera.unread().length) // her act request is still unread
    await vera.sendText("/observers")
    await vera.clickButton(await one(vera), "✏️ Изменить анкету")
    const [intro, name] = await vera.waitForMessages(2)
    expect(intro!.text).toContain("На каждом шаге можно оставить прежний ответ")
    await vera.clickButton(name!, "Оставить: Соколова Вера Игоревна")
    expect((await one(vera)).text).toContain("Поделитесь номером телефона")
    await vera.pressKeyboardButton("Оставить прежний номер")
    const [, municipality] = await vera.waitForMessages(2)
    await vera.clickButton(municipality!, "город Барнаул")
    await vera.clickButton(await one(vera), "Оставить: нет")
    expect((await one(vera)).text).toContain("В каких школах учатся ваши дети")
    await vera.sendText("лицей")
    await vera.clickButton(await one(vera), "МБОУ «Лицей № 3» (edu223003)")
    await vera.clickButton(await one(vera), "Готово")
    await vera.clickButton(await one(vera), "Оставить: любой день")
    const [, consent] = await vera.waitForMessages(2)
    await vera.clickButton(consent!, "Даю согласие")
    const changed = await one(vera)
    expect(changed.text).toContain("Изменения сохранены.")
    expect(changed.text).toContain("Телефон: +79130000004")
    expect(changed.text).toContain("Где учатся дети: МБОУ «Лицей № 3» (edu223003)")

    const boris = e2e.fake.user({ id: 7003, firstName: "Борис" })
    await boris.waitForMessages(boris.unread().length)
    await boris.sendText("/observers")
    await boris.clickButton(await one(boris), "Отозвать согласие и удалить данные")
    const ask = await one(boris)
    expect(ask.text).toContain("Поданные акты останутся, но без вашего имени.")
    await boris.clickButton(ask, "Да, отозвать и удалить")
    expect((await one(boris)).text).toBe("Согласие отозвано, ваши персональные данные удалены. Снято назначений: 0. Спасибо за участие!")
    expect(await e2e.prisma.observer.count({ where: { fullName: "Петров Борис Иванович" } })).toBe(0)
    const user = await e2e.prisma.user.findUniqueOrThrow({ where: { telegramId: 7003n }, include: { grants: true } })
    expect(user.grants.every((grant) => grant.revokedAt !== null)).toBe(true)
    await boris.sendText("/observers")
    expect((await one(boris)).text).toContain("Наблюдателем может стать любой совершеннолетний")
  }, 120_000)
})
