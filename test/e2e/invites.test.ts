import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ADMIN_ID, startE2E, type E2E } from "../support/e2e.ts"

/** An admin lists the open invites and revokes one; its link then answers as expired. */
describe("/invites end to end", () => {
  let e2e: E2E
  beforeAll(async () => {
    e2e = await startE2E()
  })
  afterAll(() => e2e?.stop())

  it("lists open invites with «Отозвать»; a revoked link no longer works and its button is gone", async () => {
    const admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
    await admin.sendText("/invites")
    expect((await admin.waitForMessages(1))[0]!.text).toBe("Открытых приглашений нет.")

    await admin.sendText("/invite")
    const [roles] = await admin.waitForMessages(1)
    await admin.clickButton(roles!, "муниципальный координатор")
    await admin.waitForMessages(1)
    await admin.sendText("город Новоалтайск")
    const [created] = await admin.waitForMessages(1)
    const code = /start=([\w-]+)/.exec(created!.text!)![1]!

    await admin.sendText("/invites")
    const [head, item] = await admin.waitForMessages(2)
    expect(head!.text).toBe("Открытые приглашения: 1. Каждое можно отозвать — ссылка перестанет действовать.")
    expect(item!.text).toMatch(/^муниципальный координатор \(город Новоалтайск\), действует до /)
    expect(item!.buttons).toEqual(["Отозвать"])
    await admin.clickButton(item!, "Отозвать")
    const [revoked] = await admin.waitForMessages(1)
    expect(revoked!.text).toBe("Приглашение отозвано: ссылка больше не действует.")
    expect(admin.messages().find((message) => message.messageId === item!.messageId)!.buttons).toEqual([])

    const colleague = e2e.fake.user({ id: 11_101, firstName: "Ирина" })
    await colleague.sendText(`/start ${code}`)
    const [answer] = await colleague.waitForMessages(1)
    expect(answer!.text).toContain("Срок действия приглашения истёк")
    await admin.sendText("/invites")
    expect((await admin.waitForMessages(1))[0]!.text).toBe("Открытых приглашений нет.")
  })

  it("/move: an admin moves a school to a municipality named in any spelling; an unknown name gets the close ones; nobody else may", async () => {
    const barnaul = await e2e.prisma.municipality.create({ data: { name: "город Барнаул" } })
    await e2e.prisma.school.create({ data: { key: "224258", login: "edu224258", name: "МБОУ «СОШ № 15»", municipalityId: barnaul.id } })
    const admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
    await admin.waitForMessages(admin.unread().length)
    await admin.sendText("/move edu224258 Новоалтаск")
    expect((await admin.waitForMessages(1))[0]!.text).toBe("Муниципалитета «Новоалтаск» нет в справочнике. Может быть, вы имели в виду: «город Новоалтайск»?")
    await admin.sendText("/move sch224258 г. Новоалтайск")
    expect((await admin.waitForMessages(1))[0]!.text).toBe(
      "Школа edu224258, МБОУ «СОШ № 15» перенесена из муниципалитета «город Барнаул» в муниципалитет «город Новоалтайск». Теперь её результаты видят координаторы этого муниципалитета.",
    )
    expect((await e2e.prisma.school.findUniqueOrThrow({ where: { key: "224258" }, include: { municipality: true } })).municipality?.name).toBe("город Новоалтайск")
    await admin.sendText("/move edu999999 город Барнаул")
    expect((await admin.waitForMessages(1))[0]!.text).toBe("Школы edu999999 нет в справочнике.")
    const other = e2e.fake.user({ id: 11_102, firstName: "Пётр" })
    await other.sendText("/move edu224258 город Барнаул")
    expect((await other.waitForMessages(1))[0]!.text).toBe("Переносить школы между муниципалитетами может только администратор.")
  })
})
