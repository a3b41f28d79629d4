import ExcelJS from "exceljs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startE2E, type E2E } from "../support/e2e.ts"
import { export2021, type FixtureRow } from "../support/fixtures/workbooks.ts"
import { storedParticipants } from "../support/stored-participants.ts"

const LOGINS = ["sch223601", "sch223602"]

/** 30 present pupils in two schools, five numbered score columns (maxima reached: 2, 1, 3, –, 2), 3 absent. */
function exportRows(): FixtureRow[] {
  const present = Array.from({ length: 30 }, (_, i): FixtureRow => ({
    login: LOGINS[i % 2]!, municipality: "город Бийск", code: 80001 + i, variant: 1 + (i % 2), className: "9б", sex: "ж", journal: 4,
    scores: [i % 3, i % 2, i % 4, 0, i % 3 === 1 ? 2 : 0],
  }))
  return [...present, ...Array.from({ length: 3 }, (_, i): FixtureRow => ({ login: LOGINS[0]!, municipality: "город Бийск", code: 81001 + i, variant: "отсутствовал", className: "9б", journal: 4 }))]
}

/** Issue 17: a municipal coordinator loads a regional export of a procedure the bot holds no spec for. */
describe("a spec proposed from the file, end to end", () => {
  let e2e: E2E
  const COORDINATOR = 7301
  beforeAll(async () => {
    e2e = await startE2E()
    const municipality = await e2e.prisma.municipality.create({ data: { name: "город Бийск" } })
    const user = await e2e.prisma.user.create({ data: { telegramId: BigInt(COORDINATOR), firstName: "Ольга" } })
    await e2e.prisma.roleGrant.create({ data: { userId: user.id, role: "municipal_coordinator", municipalityId: municipality.id } })
  })
  afterAll(() => e2e?.stop())

  it("shows the proposal with the doubtful task and a workbook; a corrected workbook is stored and the file loaded", async () => {
    const coordinator = e2e.fake.user({ id: COORDINATOR, firstName: "Ольга" })
    await coordinator.sendDocument({ fileName: "Проведение работы по химии, 9 класс. ВПР 2023.xlsx", bytes: await export2021({ positions: 5, rows: exportRows() }) })

    const [reading, proposal, workbook, question] = await coordinator.waitForMessages(4, { timeoutMs: 30_000 })
    expect(reading!.text).toMatch(/^Читаю файл/)
    expect(proposal!.text).toContain("Для процедуры «ВПР 2023 · Химия · 9 класс» у меня нет описания заданий. Я составил его по самому файлу: заданий — 5, максимальный первичный балл — 9.")
    expect(proposal!.text).toContain("Задания (номер — максимальный балл): 1 — 2; 2 — 1; 3 — 3; ⚠ 4 — 1; 5 — 2.")
    expect(proposal!.text).toContain("4: никто не получил за него ни одного балла, максимум неизвестен — поставил 1")
    expect(proposal!.text).toContain("Описание будет действовать только для школ муниципалитета «город Бийск».")
    expect(workbook!.document!.fileName).toBe("Спецификация — ВПР 2023 · Химия · 9 класс.xlsx")
    expect(question!.text).toContain("Сохранить это описание и загрузить файл?")
    expect(question!.buttons).toEqual(["✅ Сохранить и загрузить", "✖️ Отменить"])

    // She knows task 4 is worth 3 points: the workbook corrected and sent back.
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(workbook!.document!.bytes as never)
    const sheet = book.getWorksheet("Спецификация")!
    expect(sheet.getCell(13, 1).value).toBe("4")
    sheet.getCell(13, 2).value = 3
    await coordinator.sendDocument({ fileName: "spec.xlsx", bytes: Buffer.from(await book.xlsx.writeBuffer()) })

    await e2e.fake.waitUntil(() => coordinator.messages().some((message) => /Готово|✅ Загрузить/u.test(message.text ?? "") || message.buttons.includes("✅ Загрузить")), { timeoutMs: 30_000 }).catch((error) => {
      throw new Error(`${error}\n${coordinator.messages().map((m) => `${m.text ?? m.document?.fileName} ${m.buttons.join("|")}`).join("\n")}`)
    })
    const confirm = coordinator.messages().find((message) => message.buttons.includes("✅ Загрузить"))
    if (confirm) await coordinator.clickButton(confirm, "✅ Загрузить")
    await e2e.fake.waitUntil(() => coordinator.messages().some((message) => (message.text ?? "").includes("Готово")), { timeoutMs: 30_000 })
    const texts = coordinator.messages().map((message) => message.text ?? "")
    expect(texts).toContain(
      "Спецификация сохранена: ВПР 2023 · Химия · 9 класс, версия 1. Заданий: 5, максимальный балл: 11. Новые файлы будут проверяться по ней; уже загруженные результаты сохраняют версию, по которой были прочитаны. Она действует только для школ муниципалитета «город Бийск».",
    )
    expect(texts.find((text) => text.includes("Готово"))).toContain("участников: 30, отсутствовали: 3")
    // The question's keyboard is gone once the corrected workbook was taken.
    const asked = coordinator.messages().find((message) => message.messageId === question!.messageId)
    expect(asked?.buttons).toEqual([])
    expect(await storedParticipants(e2e.prisma)).toHaveLength(33)
    const spec = await e2e.prisma.procedureSpec.findFirstOrThrow({ where: { year: 2023, subject: "Химия", grade: 9 } })
    expect((spec.tasks as { max: number }[]).map((task) => task.max)).toEqual([2, 1, 3, 3, 2])
  })
  it("names her schools before proposing a spec; a file with none of hers is refused at once, with no proposal", async () => {
    const coordinator = e2e.fake.user({ id: COORDINATOR, firstName: "Ольга" })
    await coordinator.waitForMessages(coordinator.unread().length)
    // A 2024 export (no spec for it) of two schools new to the directory: one is hers, the other Barnaul's.
    const fresh = (login: unknown) => (login === LOGINS[0] ? "sch223611" : "sch223612")
    const mixed = exportRows().map((row) => ({ ...row, login: fresh(row.login), ...(fresh(row.login) === "sch223612" ? { municipality: "город Барнаул" } : {}) }))
    await coordinator.sendDocument({ fileName: "Проведение работы по химии, 9 класс. ВПР 2024.xlsx", bytes: await export2021({ positions: 5, rows: mixed }) })
    const [reading, scope] = await coordinator.waitForMessages(2, { timeoutMs: 30_000 })
    expect(reading!.text).toMatch(/^Читаю файл/)
    expect(scope!.text).toContain("В файле 2 школы, ваших из них — 1:")
    expect(scope!.text).not.toContain("нет описания заданий")
    await coordinator.clickButton(scope!, "Загрузить только мои школы (1)")
    const [proposal, workbook, question] = await coordinator.waitForMessages(3, { timeoutMs: 30_000 })
    expect(proposal!.text).toContain("Для процедуры «ВПР 2024 · Химия · 9 класс» у меня нет описания заданий")
    expect(workbook!.document).toBeDefined()
    await coordinator.clickButton(question!, "✖️ Отменить")
    await coordinator.waitForMessages(1, { timeoutMs: 30_000 })

    const barnaul = exportRows().map((row) => ({ ...row, login: row.login === LOGINS[0] ? "sch223621" : "sch223622", municipality: "город Барнаул" }))
    await coordinator.sendDocument({ fileName: "Проведение работы по химии, 9 класс. ВПР 2024.xlsx", bytes: await export2021({ positions: 5, rows: barnaul }) })
    const [, refusal] = await coordinator.waitForMessages(2, { timeoutMs: 30_000 })
    expect(refusal!.text).toContain("В файле нет ни одной вашей школы")
    expect(refusal!.text).not.toContain("нет описания заданий")
    expect(refusal!.buttons).toEqual([])
    expect(await e2e.prisma.procedureSpec.count({ where: { year: 2024 } })).toBe(0)
  })
})
