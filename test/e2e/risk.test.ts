import ExcelJS from "exceljs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ADMIN_ID, startE2E, type E2E } from "../support/e2e.ts"
import { export2021, type FixtureRow } from "../support/fixtures/workbooks.ts"
import { generateRegion, MATH_4_2021 } from "../support/generator/index.ts"

/**
 * Issue 13 end to end: a regional upload with manipulated schools (from the generator) → one grouped alert per
 * coordinator, delivered when the municipality's working hours begin → «в перепроверку» → the works list →
 * the commission's scores back → the case shows the non-confirmation index and its new level → a follow-up measure
 * with a due date. And a coordinator moved to another municipality cannot use the old buttons.
 */
describe("risk workflow end to end", () => {
  let e2e: E2E
  const COORDINATOR = 8201
  const MOVED = 8202
  const region = generateRegion({ seed: 7, spec: MATH_4_2021, schools: 40, manipulatedShare: 0.3, municipalities: 4 })
  /** A school that checked leniently: in the risk zone, and its works as written differ from its scores. */
  const LENIENT = "220033"
  let barnaul: number
  let other: number

  function regionWorkbook(): Promise<Buffer> {
    const rows: FixtureRow[] = region.results.schools.flatMap((school) =>
      school.participants.map((p) => ({
        login: `edu${school.schoolKey}`,
        code: p.code,
        variant: p.absent ? "отсутствовал" : String(p.variant),
        className: p.absent ? null : `4${p.className}`,
        sex: p.sex === "m" ? "М" : p.sex === "f" ? "Ж" : null,
        journal: p.journalMark,
        scores: p.absent ? [] : p.cells.map((cell) => (cell < 0 ? "X" : cell)),
      })),
    )
    return export2021({ positions: MATH_4_2021.tasks.length, rows })
  }

  beforeAll(async () => {
    e2e = await startE2E()
    // Friday 19 March 2027, 19:00 in Barnaul (12:00 UTC): after working hours until Monday 09:00 (02:00 UTC).
    e2e.clock.advance(new Date("2027-03-19T12:00:00Z").getTime() - e2e.clock.now().getTime())
    barnaul = (await e2e.prisma.municipality.create({ data: { name: "город Барнаул", timeZone: "Asia/Barnaul" } })).id
    other = (await e2e.prisma.municipality.create({ data: { name: "Бийск", timeZone: "Asia/Barnaul" } })).id
    for (const school of region.results.schools) {
      await e2e.prisma.school.create({ data: { key: school.schoolKey, login: `edu${school.schoolKey}`, municipalityId: barnaul } })
    }
    for (const [id, name] of [[COORDINATOR, "Ирина"], [MOVED, "Пётр"]] as const) {
      const user = await e2e.prisma.user.create({ data: { telegramId: BigInt(id), firstName: name } })
      await e2e.prisma.roleGrant.create({ data: { userId: user.id, role: "municipal_coordinator", municipalityId: barnaul } })
    }
  }, 60_000)
  afterAll(() => e2e?.stop())

  it("takes a regional upload to one grouped alert per coordinator in working hours, then a re-check, the commission's scores, and a measure", async () => {
    const coordinator = e2e.fake.user({ id: COORDINATOR, firstName: "Ирина" })
    const moved = e2e.fake.user({ id: MOVED, firstName: "Пётр" })
    for (const user of [coordinator, moved]) {
      await user.sendText("/start")
      await user.waitForMessages(1, { timeoutMs: 20_000 })
    }
    const admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
    await admin.sendDocument({ fileName: "Проведение работы по математике, 4 класс. ВПР 2021.xlsx", bytes: await regionWorkbook() })
    await e2e.fake.waitUntil(() => admin.messages().some((m) => m.buttons.includes("✅ Загрузить") || m.buttons.includes("📊 Посмотреть анализ")), { timeoutMs: 60_000 })
    const confirm = admin.messages().find((m) => m.buttons.includes("✅ Загрузить"))
    if (confirm) await admin.clickButton(confirm, "✅ Загрузить")
    await e2e.fake.waitUntil(() => admin.messages().some((m) => m.buttons.includes("📊 Посмотреть анализ")), { timeoutMs: 60_000 })

    // Queued for Monday 09:00 in Barnaul, nothing delivered on Friday evening.
    const queued = await e2e.prisma.outbox.findMany({ where: { chatId: BigInt(COORDINATOR) } })
    expect(queued).toHaveLength(2)
    expect(queued.map((row) => row.notBefore.toISOString())).toEqual(["2027-03-22T02:00:00.000Z", "2027-03-22T02:00:00.000Z"])
    expect(coordinator.unread()).toEqual([])
    e2e.clock.advance(new Date("2027-03-22T02:00:00Z").getTime() - e2e.clock.now().getTime())
    const [alert, file] = await coordinator.waitForMessages(2, { timeoutMs: 30_000 })
    const risk = await e2e.prisma.riskFinding.findMany({ where: { level: "risk" } })
    const logins = (await e2e.prisma.school.findMany({ where: { id: { in: risk.map((f) => f.schoolId) } } })).map((s) => s.login)
    expect(alert!.text).toContain("Новый анализ: ВПР 2021 · Математика · 4 класс\nгород Барнаул")
    expect(alert!.text).toContain(`В зоне риска — ${logins.length},`)
    expect(logins).toContain(`edu${LENIENT}`)
    for (const login of logins.slice(0, 5)) expect(alert!.text).toContain(login)
    expect(file!.document!.fileName).toBe("ВПР 2021 - Математика - 4 класс - обзор.xlsx")
    const overview = new ExcelJS.Workbook()
    await overview.xlsx.load(file!.document!.bytes as never)
    expect(overview.getWorksheet("Случаи")!.rowCount).toBeGreaterThanOrEqual(3 + logins.length)
    await moved.waitForMessages(2, { timeoutMs: 30_000 }) // the second coordinator got the same, once
    expect(await e2e.prisma.outbox.count({ where: { chatId: BigInt(COORDINATOR) } })).toBe(2)

    // «В перепроверку» for the lenient school → the size → the works list.
    await coordinator.clickButton(alert!, `В перепроверку: edu${LENIENT}`)
    const [size] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(size!.text).toMatch(/^Перепроверка по случаю №\d+/)
    await coordinator.clickButton(size!, "10 работ")
    const [list] = await coordinator.waitForMessages(1, { timeoutMs: 30_000 })
    expect(list!.caption).toMatch(/^План перепроверки №\d+: 10 работ\./)
    const works = new ExcelJS.Workbook()
    await works.xlsx.load(list!.document!.bytes as never)
    const sheet = works.getWorksheet("Перепроверка")!
    expect(sheet.getCell("A1").value).toBe("Перепроверка работ: ВПР 2021 · Математика · 4 класс")
    const reasons = new Set<string>()
    const school = region.results.schools.find((s) => s.schoolKey === LENIENT)!
    const written = region.written.get(LENIENT)!
    for (let r = 6; r < 16; r++) {
      expect(sheet.getCell(r, 2).value).toBe(`edu${LENIENT}`)
      reasons.add(String(sheet.getCell(r, 4).value))
      const index = school.participants.findIndex((p) => p.code === String(sheet.getCell(r, 3).value))
      expect(index).toBeGreaterThanOrEqual(0)
      // The commission scores every task of the work as written (the points added at checking are gone).
      MATH_4_2021.tasks.forEach((_, k) => {
        sheet.getCell(r, 6 + k).value = Math.max(0, written[index]![k] ?? 0)
      })
    }
    expect(reasons.has("случайная выборка по отметкам")).toBe(true)

    // The commission's scores back, through the case's button.
    await coordinator.clickButton(list!, "Баллы комиссии")
    const [ask] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(ask!.text).toMatch(/^Пришлите файл плана №\d+ с баллами комиссии/)
    await coordinator.sendDocument({ fileName: "перепроверка.xlsx", bytes: Buffer.from(await works.xlsx.writeBuffer()) })
    const [report, card] = await coordinator.waitForMessages(2, { timeoutMs: 60_000 })
    expect(report!.text).toMatch(/^Баллы комиссии сохранены: 10 работ\. Анализ пересчитан с учётом перепроверки\./)
    expect(report!.text).toMatch(new RegExp(`edu${LENIENT}: отметка изменилась у \\d+ работы? \\(\\d+ %\\), средний сдвиг первичного балла −\\d+,\\d, индекс неподтверждения \\d+ %\\.`))
    expect(report!.text).toContain("S10 в новом анализе: S10 · Результаты не подтвердились при перепроверке")
    expect(report!.text).toContain("Уровень школы теперь: зона риска.")
    expect(card!.text).toMatch(/^Случай №\d+: edu220033/)
    expect(card!.text).toContain("Статус: перепроверка. По последнему анализу: зона риска.")
    expect(card!.text).toMatch(/Отметка изменилась у \d+ % работ, средний сдвиг первичного балла −\d+,\d, индекс неподтверждения \d+ %\./)

    // A follow-up measure with a due date.
    await coordinator.clickButton(card!, "Мера")
    const [kinds] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    await coordinator.clickButton(kinds!, "посещение школы")
    const [due] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(due!.text).toBe("Срок для меры «посещение школы»: напишите дату в виде ДД.ММ.ГГГГ, например 05.04.2027.")
    await coordinator.sendText("31.02.2027")
    const [again] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(again!.text).toContain("Не понял дату")
    await coordinator.sendText("02.04.2027")
    const [owner] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    await coordinator.clickButton(owner!, "Я")
    const [saved] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(saved!.text).toBe("Мера записана: посещение школы — Ирина, до 02.04.2027 (запланировано).")
    await coordinator.sendText("/risk")
    const [cases] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(cases!.text).toMatch(new RegExp(`^Открытые случаи: ${logins.length}\\. Сначала самые давние\\.`))
    const button = cases!.buttons.find((label) => label.endsWith(`edu${LENIENT}`))!
    await coordinator.clickButton(cases!, button)
    const [reopened] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(reopened!.text).toContain("Меры:\n• посещение школы — Ирина, до 02.04.2027 (запланировано)")
    expect(reopened!.text).toContain("Ответственный: Ирина.")

    // Пётр is moved to another municipality: the buttons of his old alert no longer open Barnaul's cases.
    const petr = await e2e.prisma.user.findUniqueOrThrow({ where: { telegramId: BigInt(MOVED) } })
    await e2e.prisma.roleGrant.updateMany({ where: { userId: petr.id }, data: { revokedAt: new Date() } })
    await e2e.prisma.roleGrant.create({ data: { userId: petr.id, role: "municipal_coordinator", municipalityId: other } })
    const [oldAlert] = moved.messages().filter((m) => m.text?.startsWith("Новый анализ"))
    await moved.clickButton(oldAlert!, `В перепроверку: edu${LENIENT}`)
    const [refused] = await moved.waitForMessages(1, { timeoutMs: 20_000 })
    expect(refused!.text).toBe("Это школа другого муниципалитета: её случаи вам недоступны.")
    await moved.clickButton(oldAlert!, "Открыть случаи")
    const [empty] = await moved.waitForMessages(1, { timeoutMs: 20_000 })
    expect(empty!.text).toMatch(/^Открытых случаев нет\./)
  }, 240_000)
})
