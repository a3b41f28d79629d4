import ExcelJS from "exceljs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startE2E, type E2E } from "../support/e2e.ts"
import type { FakeUser } from "../support/fake-telegram/fake-user.ts"
import { classRows, collectionForm, MATH_4_2022 } from "../support/workbooks.ts"
import { collectionForm as fixtureForm, contextForm2021 } from "../support/fixtures/workbooks.ts"
import { buildSpecTemplate } from "../../src/services/specs/workbook.ts"
import { storedParticipants } from "../support/stored-participants.ts"

/** Waits for the user's next message matching `text`, skipping the ones before it (a status line, a progress edit). */
async function nextMatching(user: FakeUser, text: RegExp) {
  for (;;) {
    const [message] = await user.waitForMessages(1, { timeoutMs: 20_000 })
    if (text.test(message!.text ?? "")) return message!
  }
}

/** A teacher uploads the school's collection form through the whole dialog. */
describe("results upload end to end", () => {
  let e2e: E2E
  const TEACHER = 7001
  beforeAll(async () => {
    e2e = await startE2E()
    const municipality = await e2e.prisma.municipality.create({ data: { name: "город Барнаул" } })
    const school = await e2e.prisma.school.create({ data: { key: "223017", login: "edu223017", municipalityId: municipality.id } })
    const user = await e2e.prisma.user.create({ data: { telegramId: BigInt(TEACHER), firstName: "Пётр" } })
    await e2e.prisma.roleGrant.create({ data: { userId: user.id, role: "teacher", schoolId: school.id } })
  })
  afterAll(() => e2e?.stop())

  it("asks for the procedure, takes the teacher's own school, shows warnings, stores after confirmation; a rejected file leaves the data intact", async () => {
    const teacher = e2e.fake.user({ id: TEACHER, firstName: "Пётр" })
    const rows = classRows(12)
    rows[3] = { ...rows[3]!, total: 0 } // «Итого баллов» written wrong: recomputed, with a warning
    rows.push({ code: 40013, variant: "отсутствовал" })
    await teacher.sendDocument({ fileName: "результаты.xlsx", bytes: await collectionForm(rows) })

    const [reading, question] = await teacher.waitForMessages(2, { timeoutMs: 20_000 })
    expect(reading!.text).toMatch(/^Читаю файл «результаты.xlsx»/)
    expect(question!.text).toBe("По файлу не видно, какая это работа. Выберите процедуру:")
    await teacher.clickButton(question!, "ВПР 2022 · Математика · 4 класс")

    // The file names no school: a teacher of one school is not asked, the file is taken as theirs.
    const [read, warnings, problemsFile, confirm] = await teacher.waitForMessages(4, { timeoutMs: 20_000 })
    expect(read!.text).toBe("Файл прочитан: ВПР 2022 · Математика · 4 класс. Школ: 1, участников: 12, отсутствовали: 1.")
    expect(warnings!.text).toContain("Есть предупреждения")
    expect(warnings!.text).toMatch(/«Протокол», ячейка U5: в файле итог 0, а сумма баллов за задания — 11/)
    const report = new ExcelJS.Workbook()
    await report.xlsx.load(problemsFile!.document!.bytes as never)
    expect(report.worksheets.length).toBeGreaterThan(0)
    await teacher.clickButton(confirm!, "✅ Загрузить")

    const [done] = await teacher.waitForMessages(1, { timeoutMs: 20_000 })
    expect(done!.text).toContain("Готово, результаты сохранены: ВПР 2022 · Математика · 4 класс.")
    expect(done!.text).toContain("участников: 12, отсутствовали: 1")
    expect(await storedParticipants(e2e.prisma)).toHaveLength(13)

    // A second file with a score above the task maximum is refused; version 1 stays current and intact.
    const bad = classRows(5)
    bad[1] = { ...bad[1]!, scores: bad[1]!.scores!.map((score, index) => (index === 0 ? 5 : score)) }
    await teacher.sendDocument({ fileName: "Математика 4 класс ВПР 2022.xlsx", bytes: await collectionForm(bad) })
    // The file name tells the procedure: no question this time.
    await e2e.fake.waitUntil(() => teacher.messages().some((message) => (message.text ?? "").includes("Найдено ошибок")), { timeoutMs: 20_000 })
    const errorText = teacher.messages().find((message) => (message.text ?? "").includes("Найдено ошибок"))!.text!
    expect(errorText).toMatch(/C3/)
    expect(await storedParticipants(e2e.prisma)).toHaveLength(13)
    expect(await e2e.prisma.resultSet.count({ where: { isCurrent: true, version: 1 } })).toBe(1)
  })

  it("lets a municipal coordinator add a spec as a new version, and refuses a broken one with the cell named", async () => {
    const municipality = await e2e.prisma.municipality.findFirstOrThrow()
    const user = await e2e.prisma.user.create({ data: { telegramId: 7002n, firstName: "Ирина" } })
    await e2e.prisma.roleGrant.create({ data: { userId: user.id, role: "municipal_coordinator", municipalityId: municipality.id } })
    const coordinator = e2e.fake.user({ id: 7002, firstName: "Ирина" })
    await coordinator.sendText("/spec")
    const [template] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(template!.document!.fileName).toBe("Спецификация процедуры.xlsx")
    const filled = await buildSpecTemplate({
      kind: "КДР", year: 2026, subject: "Математика", grade: 4, scale: { "3": 5, "4": 8, "5": 11 },
      tasks: [{ label: "1", max: 2, level: "Б" }, { label: "2", max: 4, level: "Б" }, { label: "3", max: 6, level: "П" }],
    })
    await coordinator.sendDocument({ fileName: "spec.xlsx", bytes: filled })
    const [saved] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(saved!.text).toBe(
      "Спецификация сохранена: КДР 2026 · Математика · 4 класс, версия 1. Заданий: 3, максимальный балл: 12. Новые файлы будут проверяться по ней; уже загруженные результаты сохраняют версию, по которой были прочитаны. " +
        `Она действует только для школ муниципалитета «${municipality.name}».`,
    )
    await coordinator.sendText("/spec")
    await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    const broken = await buildSpecTemplate({ kind: "КДР", year: 2026, subject: "Математика", grade: 4, tasks: [{ label: "1", max: 40, level: "Б" }] })
    await coordinator.sendDocument({ fileName: "spec.xlsx", bytes: broken })
    const [rejected] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(rejected!.text).toContain("Спецификацию не удалось принять")
    expect(rejected!.text).toMatch(/Лист «Спецификация», ячейка B\d+: у задания 1 максимальный балл «40»/)
    expect(await e2e.prisma.procedureSpec.count({ where: { kind: "КДР" } })).toBe(1)

    // A spec of a procedure whose results are stored: what it would change is shown first, saved only on the button.
    await coordinator.sendText("/spec")
    await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    const lenient = await buildSpecTemplate({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4, tasks: MATH_4_2022.tasks, scale: { "3": 1, "4": 2, "5": 3 } })
    await coordinator.sendDocument({ fileName: "spec.xlsx", bytes: lenient })
    const [changes] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    const stored = (await storedParticipants(e2e.prisma, { isCurrent: true, school: { login: "edu223017" } })).filter((row) => !row.absent)
    const changed = stored.filter((row) => row.mark !== (row.total! >= 3 ? 5 : row.total! >= 2 ? 4 : row.total! >= 1 ? 3 : 2)).length
    expect(changes!.text).toBe(
      "Если прочитать уже загруженные результаты по этому описанию, изменится следующее — 1 школа:\n" +
        `• edu223017: отметка изменится у ${changed} из ${stored.length} участников\n\n` +
        "Сохранить описание? Загруженные результаты останутся прочитанными по прежнему описанию; новое применяется к новым загрузкам.",
    )
    expect(changes!.buttons).toEqual(["✅ Сохранить", "✖️ Отменить"])
    // «Отменить» saves nothing and says so; the same spec sent again asks again.
    await coordinator.clickButton(changes!, "✖️ Отменить")
    const [cancelled] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(cancelled!.text).toBe("Хорошо, описание не сохранено.")
    expect(coordinator.messages().find((message) => message.messageId === changes!.messageId)?.buttons).toEqual([])
    expect(await e2e.prisma.procedureSpec.count({ where: { kind: "ВПР", year: 2022, createdById: user.id } })).toBe(0)
    await coordinator.sendText("/spec")
    await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    await coordinator.sendDocument({ fileName: "spec.xlsx", bytes: lenient })
    const [again] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(again!.text).toBe(changes!.text)
    await coordinator.clickButton(again!, "✅ Сохранить")
    const [savedMath] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(savedMath!.text).toMatch(/^Спецификация сохранена: ВПР 2022 · Математика · 4 класс, версия \d+\./)
    expect(await e2e.prisma.procedureSpec.count({ where: { kind: "ВПР", year: 2022, createdById: user.id } })).toBe(1)

    // The same question when the spec comes as a plain upload (the stored marks were read with the official scale).
    const strict = await buildSpecTemplate({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4, tasks: MATH_4_2022.tasks, scale: { "3": 2, "4": 4, "5": 6 } })
    await coordinator.sendDocument({ fileName: "спецификация.xlsx", bytes: strict })
    await nextMatching(coordinator, /^Если прочитать уже загруженные результаты/)
    const [question] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(question!.text).toBe("Сохранить описание? Загруженные результаты останутся прочитанными по прежнему описанию; новое применяется к новым загрузкам.")
    await coordinator.clickButton(question!, "✅ Сохранить")
    await nextMatching(coordinator, /^Спецификация сохранена: ВПР 2022 · Математика · 4 класс/)
    expect(await e2e.prisma.procedureSpec.count({ where: { kind: "ВПР", year: 2022, createdById: user.id } })).toBe(2)
  })

  it("refuses a file with pupils' names and does not keep its bytes", async () => {
    const teacher = e2e.fake.user({ id: TEACHER, firstName: "Пётр" })
    await teacher.waitForMessages(teacher.unread().length)
    const rows = classRows(6).map((row, index) => ({ ...row, extra: { "ФИО": ["Иванов Иван", "Петрова Анна", "Сидоров Пётр", "Кузнецова Мария", "Смирнов Олег", "Попова Ольга"][index]! } }))
    const bytes = await fixtureForm({ spec: MATH_4_2022, aggregated: false, rows, extraHeaders: ["ФИО"] })
    await teacher.sendDocument({ fileName: "Математика 4 класс ВПР 2022.xlsx", bytes })
    await e2e.fake.waitUntil(() => teacher.unread().some((message) => (message.text ?? "").includes("фамилии или имена")), { timeoutMs: 20_000 })
    // The refusal is recorded right after the reply.
    let upload = await e2e.prisma.upload.findFirstOrThrow({ orderBy: { id: "desc" } })
    for (let tries = 0; upload.status !== "rejected" && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      upload = await e2e.prisma.upload.findFirstOrThrow({ orderBy: { id: "desc" } })
    }
    expect(upload.bytes.length).toBe(0)
    expect(upload.size).toBe(bytes.length)
    expect(upload.status).toBe("rejected")
  })

  it("takes the FIS OKO context-data form from a coordinator as the school directory", async () => {
    const municipality = await e2e.prisma.municipality.findFirstOrThrow()
    const user = await e2e.prisma.user.create({ data: { telegramId: 7003n, firstName: "Олег" } })
    await e2e.prisma.roleGrant.create({ data: { userId: user.id, role: "municipal_coordinator", municipalityId: municipality.id } })
    const coordinator = e2e.fake.user({ id: 7003, firstName: "Олег" })
    await coordinator.sendDocument({ fileName: "Сбор контекстных данных об ОО и участниках ВПР 2021.xlsx", bytes: await contextForm2021(["sch223017", "sch229999"]) })
    await e2e.fake.waitUntil(() => coordinator.unread().some((message) => (message.text ?? "").includes("справочник школ обновлён")), { timeoutMs: 20_000 })
    const text = coordinator.unread().find((message) => (message.text ?? "").includes("справочник школ обновлён"))!.text!
    // Her own school is updated; a login the directory does not know is not created by a coordinator (issue 9 #4).
    expect(text).toContain("Новых школ: 0, обновлено: 1.")
    expect(text).toContain("sch229999")
    expect(await e2e.prisma.school.findUnique({ where: { key: "229999" } })).toBeNull()
  })
  it("answers an old button as stale, mid-dialog and after it, and never takes it for the current question", async () => {
    const teacher = e2e.fake.user({ id: TEACHER, firstName: "Пётр" })
    await teacher.waitForMessages(teacher.unread().length)
    const file = async () => collectionForm(classRows(8))
    await teacher.sendDocument({ fileName: "класс.xlsx", bytes: await file() })
    const [, oldQuestion] = await teacher.waitForMessages(2, { timeoutMs: 20_000 })
    // A second file starts the upload over; the first question's buttons are still on screen.
    await teacher.sendDocument({ fileName: "класс.xlsx", bytes: await file() })
    const [, question] = await teacher.waitForMessages(2, { timeoutMs: 20_000 })
    expect(question!.text).toBe("По файлу не видно, какая это работа. Выберите процедуру:")

    // Mid-dialog: the old button carries the same data as the new one, yet it is not the answer.
    const midDialog = await teacher.clickButton(oldQuestion!, "ВПР 2022 · Математика · 4 класс")
    expect((await teacher.waitForCallbackAnswer(midDialog)).text).toMatch(/^Эта кнопка уже не действует/)
    expect(teacher.unread()).toEqual([])

    // A text instead of a tap: the reminder brings the question back with its buttons, and they answer it.
    await teacher.sendText("математика, 4 класс")
    const [reminder] = await teacher.waitForMessages(1, { timeoutMs: 20_000 })
    expect(reminder!.text).toContain("По файлу не видно, какая это работа. Выберите процедуру:")
    expect(reminder!.buttons).toEqual(question!.buttons)
    await teacher.clickButton(reminder!, "ВПР 2022 · Математика · 4 класс")
    const [read] = await teacher.waitForMessages(1, { timeoutMs: 20_000 })
    expect(read!.text).toMatch(/^Файл прочитан/)
    // The chosen keyboard is gone, from the reminder and from the question.
    const buttonsOf = (id: number) => teacher.messages().find((message) => message.messageId === id)!.buttons
    expect([buttonsOf(reminder!.messageId), buttonsOf(question!.messageId)]).toEqual([[], []])
    await teacher.sendText("/cancel")
    await e2e.fake.waitUntil(() => teacher.unread().some((message) => (message.text ?? "").includes("прерван") || (message.text ?? "").includes("отмен")), { timeoutMs: 20_000 })

    // After the dialog: the same old button is answered, not left spinning.
    const after = await teacher.clickButton(oldQuestion!, "ВПР 2022 · Математика · 4 класс")
    expect((await teacher.waitForCallbackAnswer(after)).text).toMatch(/кнопка (уже|больше) не действует/)
  })
})
