import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ADMIN_ID, startE2E, type E2E } from "../support/e2e.ts"

/** The real bot, started as main.ts starts it, driven through the fake Bot API as people would use it. */
describe("the bot end to end: invites, roles, help", () => {
  let e2e: E2E
  beforeAll(async () => {
    e2e = await startE2E()
  })
  afterAll(() => e2e?.stop())

  async function inviteLink(role: string, scope?: string): Promise<string> {
    const admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
    await admin.sendText("/invite")
    const [question] = await admin.waitForMessages(1)
    expect(question!.text).toBe("Кого пригласить? Выберите роль:")
    await admin.clickButton(question!, role)
    if (scope) {
      await admin.waitForMessages(1)
      await admin.sendText(scope)
    }
    let [answer] = await admin.waitForMessages(1)
    if (answer!.text?.includes("не указан муниципалитет")) {
      // A school new to the directory: the admin names its municipality.
      await admin.sendText("город Барнаул")
      ;[answer] = await admin.waitForMessages(1)
    }
    const link = /https:\/\/t\.me\/objektiv_test_bot\?start=([\w-]+)/.exec(answer!.text ?? "")
    expect(link, answer!.text).not.toBeNull()
    return link![1]!
  }

  it("greets a new user, who has no roles, with the parents' menu and explains invitations", async () => {
    const parent = e2e.fake.user({ id: 5001, firstName: "Мария", languageCode: "ru" })
    await parent.sendText("/start")
    const [welcome] = await parent.waitForMessages(1)
    expect(welcome!.text).toContain("Здравствуйте, Мария!")
    expect(welcome!.text).toContain("доступ выдаётся по приглашению")
    expect(welcome!.buttons).toEqual(["👁 Наблюдатели", "☎️ Горячая линия", "🌐 Язык / Language"])
  })

  it("lets an admin invite a municipal coordinator, who then invites a school coordinator", async () => {
    const code = await inviteLink("муниципальный координатор", "город Барнаул")
    const coordinator = e2e.fake.user({ id: 5002, firstName: "Ирина" })
    await coordinator.sendText(`/start ${code}`)
    const [accepted, menu] = await coordinator.waitForMessages(2)
    expect(accepted!.text).toBe("Приглашение принято. Ваша новая роль: муниципальный координатор (город Барнаул).")
    expect(menu!.buttons).toContain("📥 Загрузить результаты")

    await coordinator.sendText("/invite")
    const [roles] = await coordinator.waitForMessages(1)
    expect(roles!.buttons).not.toContain("администратор")
    await coordinator.clickButton(roles!, "школьный координатор")
    const [askSchool] = await coordinator.waitForMessages(1)
    expect(askSchool!.text).toContain("логин школы")
    await coordinator.sendText("школа номер 5")
    const [refusal] = await coordinator.waitForMessages(1)
    expect(refusal!.text).toContain("Не узнал логин школы")

    const inviteToSchool = async (login: string) => {
      await coordinator.sendText("/invite")
      const [again] = await coordinator.waitForMessages(1)
      await coordinator.clickButton(again!, "школьный координатор")
      await coordinator.waitForMessages(1)
      await coordinator.sendText(login)
      return (await coordinator.waitForMessages(1))[0]!
    }
    // A login the directory does not hold is not made a school of her municipality: only an admin adds schools.
    expect((await inviteToSchool("edu223017")).text).toBe(
      "Школы с логином edu223017 нет в справочнике, поэтому приглашение не создано. Проверьте логин и начните заново (/invite). Если школа новая, попросите администратора добавить её.",
    )
    expect(await e2e.prisma.school.count({ where: { key: "223017" } })).toBe(0)
    const barnaul = await e2e.prisma.municipality.findFirstOrThrow({ where: { name: "город Барнаул" } })
    await e2e.prisma.school.create({ data: { key: "223017", login: "edu223017", municipalityId: barnaul.id } }) // the directory, as loaded
    const created = await inviteToSchool("edu223017")
    expect(created.text).toMatch(/Ссылка-приглашение для роли «школьный координатор» \(edu223017, город Барнаул\):/)
    const school = await e2e.prisma.school.findUniqueOrThrow({ where: { key: "223017" }, include: { municipality: true } })
    expect(school.municipality?.name).toBe("город Барнаул")
  })

  it("shows /help by role: a teacher sees uploads, a parent does not", async () => {
    const code = await inviteLink("учитель", "edu223018")
    const teacher = e2e.fake.user({ id: 5003, firstName: "Пётр" })
    await teacher.sendText(`/start ${code}`)
    await teacher.waitForMessages(2)
    await teacher.sendText("/help")
    const [teacherHelp] = await teacher.waitForMessages(1)
    expect(teacherHelp!.text).toContain("/upload")
    expect(teacherHelp!.text).not.toContain("/invite")

    const parent = e2e.fake.user({ id: 5004, firstName: "Анна" })
    await parent.sendText("/help")
    const [parentHelp] = await parent.waitForMessages(1)
    expect(parentHelp!.text).not.toContain("/upload")
    expect(parentHelp!.text).toContain("горячую линию")
  })

  it("refuses a reused invite and an expired one with clear messages", async () => {
    const code = await inviteLink("учитель", "edu223019")
    const first = e2e.fake.user({ id: 5005, firstName: "Первый" })
    await first.sendText(`/start ${code}`)
    expect((await first.waitForMessages(2))[0]!.text).toContain("Приглашение принято")
    const second = e2e.fake.user({ id: 5006, firstName: "Второй" })
    await second.sendText(`/start ${code}`)
    expect((await second.waitForMessages(2))[0]!.text).toBe(
      "Это приглашение уже использовано: каждая ссылка действует один раз. Попросите новую ссылку.",
    )
    expect(await e2e.prisma.roleGrant.count({ where: { user: { telegramId: 5006n } } })).toBe(0)

    const late = await inviteLink("учитель", "edu223019")
    e2e.clock.advance(73 * 3600_000)
    await second.sendText(`/start ${late}`)
    expect((await second.waitForMessages(2))[0]!.text).toBe("Срок действия приглашения истёк. Попросите новую ссылку у того, кто её прислал.")
  })

  it("answers an unknown command helpfully, and switches language", async () => {
    const user = e2e.fake.user({ id: 5007, firstName: "Ян" })
    await user.sendText("/frobnicate")
    const [answer] = await user.waitForMessages(1)
    expect(answer!.text).toContain("Я не знаю команды /frobnicate")
    expect(answer!.text).toContain("/help")
    await user.sendText("/language")
    const [choose] = await user.waitForMessages(1)
    await user.clickButton(choose!, "English")
    await e2e.fake.waitUntil(() => choose!.edited)
    expect(choose!.text).toBe("Done, I now speak English.")
    await user.sendText("/help")
    expect((await user.waitForMessages(1))[0]!.text).toContain("What I can do for you:")
  })

  it("lets a user cancel a dialog", async () => {
    const admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
    await admin.sendText("/invite")
    await admin.waitForMessages(1)
    await admin.sendText("/cancel")
    expect((await admin.waitForMessages(1))[0]!.text).toBe("Хорошо, отменил.")
    await admin.sendText("/cancel")
    expect((await admin.waitForMessages(1))[0]!.text).toBe("Сейчас нечего отменять.")
  })

  it("an admin typing a municipality in another form gets the known one; a near miss is asked «вы имели в виду …» (issue 11 #2)", async () => {
    await inviteLink("муниципальный координатор", "город Новоалтайск")
    const before = await e2e.prisma.municipality.count()
    const admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
    await admin.sendText("/invite")
    const [question] = await admin.waitForMessages(1)
    await admin.clickButton(question!, "муниципальный координатор")
    await admin.waitForMessages(1)
    await admin.sendText("Новоалтаиск")
    const [didYouMean] = await admin.waitForMessages(1)
    expect(didYouMean!.text).toBe("Муниципалитета «Новоалтаиск» в справочнике нет. Может быть, вы имели в виду один из этих? Если нет — создам новый.")
    expect(didYouMean!.buttons).toEqual(["город Новоалтайск", "Нет, создать «Новоалтаиск»"])
    await admin.clickButton(didYouMean!, "город Новоалтайск")
    const [created] = await admin.waitForMessages(1)
    expect(created!.text).toContain("город Новоалтайск")
    expect(await e2e.prisma.municipality.count()).toBe(before)
    // «г. Новоалтайск» is the same municipality, without a question.
    await inviteLink("муниципальный координатор", "г. Новоалтайск")
    expect(await e2e.prisma.municipality.count()).toBe(before)
  })
})
