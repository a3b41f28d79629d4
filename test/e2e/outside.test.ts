import ExcelJS from "exceljs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startE2E, type E2E } from "../support/e2e.ts"
import { outsideWorkbook } from "../support/fixtures/outside.ts"

/** A municipal coordinator fetches the outside-data template and sends it back filled in; a teacher may not. */
describe("outside data end to end", () => {
  let e2e: E2E
  const COORDINATOR = 7101
  const TEACHER = 7102
  beforeAll(async () => {
    e2e = await startE2E()
    const municipality = await e2e.prisma.municipality.create({ data: { name: "город Барнаул" } })
    const school = await e2e.prisma.school.create({ data: { key: "223017", login: "edu223017", name: "МБОУ «СОШ № 1»", municipalityId: municipality.id } })
    await e2e.prisma.school.create({ data: { key: "223018", login: "edu223018", municipalityId: municipality.id } })
    const coordinator = await e2e.prisma.user.create({ data: { telegramId: BigInt(COORDINATOR), firstName: "Ирина" } })
    await e2e.prisma.roleGrant.create({ data: { userId: coordinator.id, role: "municipal_coordinator", municipalityId: municipality.id } })
    const teacher = await e2e.prisma.user.create({ data: { telegramId: BigInt(TEACHER), firstName: "Пётр" } })
    await e2e.prisma.roleGrant.create({ data: { userId: teacher.id, role: "teacher", schoolId: school.id } })
  })
  afterAll(() => e2e?.stop())

  it("a coordinator gets the template with their schools, sends it filled in and gets the summary; errors are named by cell", async () => {
    const coordinator = e2e.fake.user({ id: COORDINATOR, firstName: "Ирина" })
    await coordinator.sendText("/template")
    const [question] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(question!.text).toBe("Какой шаблон нужен?")
    await coordinator.clickButton(question!, "Внешние данные: ОГЭ, ЕГЭ, медалисты, перепроверка")
    const [template] = await coordinator.waitForMessages(1, { timeoutMs: 20_000 })
    expect(template!.document!.fileName).toBe("Внешние данные — ОГЭ, ЕГЭ, медалисты, перепроверка.xlsx")
    expect(template!.caption).toContain("Шаблон внешних данных")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(template!.document!.bytes as never)
    expect(workbook.getWorksheet("Школы")!.getRow(2).values).toEqual([undefined, "edu223017", "МБОУ «СОШ № 1»"])

    workbook.getWorksheet("ОГЭ и ЕГЭ")!.addRow(["edu223017", "ОГЭ", 2021, "Математика", 25, 14.5])
    workbook.getWorksheet("ОГЭ и ЕГЭ")!.addRow(["edu223018", "ОГЭ", 2021, "Математика", 30, 12])
    workbook.getWorksheet("Медалисты")!.addRow(["edu223017", 2021, null, 85, 72])
    workbook.getWorksheet("Перепроверка")!.addRow(["edu223018", "ВПР/2021/Математика/4", 40001, 15, 12])
    await coordinator.sendDocument({ fileName: "внешние данные.xlsx", bytes: Buffer.from(await workbook.xlsx.writeBuffer()) })
    const [reading, done] = await coordinator.waitForMessages(2, { timeoutMs: 20_000 })
    expect(reading!.text).toBe("Читаю файл «внешние данные.xlsx»…")
    expect(done!.text).toBe(
      "Внешние данные загружены. ОГЭ и ЕГЭ — строк: 2; медалистов: 1; перепроверенных работ: 1. Школ: 2.\nОни будут учтены в анализе (признаки S8, S9 и S10).",
    )
    expect(await e2e.prisma.examResult.count()).toBe(2)
    expect(await e2e.prisma.medalist.count()).toBe(1)
    expect(await e2e.prisma.recheckedWork.count()).toBe(1)

    const broken = await outsideWorkbook({ medalists: { rows: [["edu223017", 2021, null, 185, 72]] } })
    await coordinator.sendDocument({ fileName: "ошибка.xlsx", bytes: broken })
    const [, rejected, report] = await coordinator.waitForMessages(3, { timeoutMs: 20_000 })
    expect(rejected!.text).toContain("Внешние данные не загружены: ошибок в файле — 1.")
    expect(rejected!.text).toContain("❌ Лист «Медалисты», ячейка D2: «185» — не тестовый балл ЕГЭ.")
    expect(await e2e.prisma.medalist.count()).toBe(1)
    // The full list comes as a workbook too, the problem cell filled red with the reason in its note.
    expect(report!.document!.fileName).toBe("ошибка — проблемы.xlsx")
    const problems = new ExcelJS.Workbook()
    await problems.xlsx.load(report!.document!.bytes as never)
    const cell = problems.getWorksheet("Медалисты")!.getCell("D2")
    expect(cell.value).toBe(185)
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE")
    expect(JSON.stringify(cell.note)).toContain("не тестовый балл ЕГЭ")
  })

  it("tells a teacher politely that coordinators load outside data, and stores nothing", async () => {
    const teacher = e2e.fake.user({ id: TEACHER, firstName: "Пётр" })
    const bytes = await outsideWorkbook({ exams: { rows: [["edu223017", "ОГЭ", 2022, "Математика", 25, 10]] } })
    await teacher.sendDocument({ fileName: "огэ.xlsx", bytes })
    const [, reply] = await teacher.waitForMessages(2, { timeoutMs: 20_000 })
    expect(reply!.text).toBe(
      "Внешние данные (ОГЭ и ЕГЭ, медалисты, перепроверка) загружают муниципальные координаторы. Пожалуйста, передайте файл координатору вашего муниципалитета.",
    )
    expect(await e2e.prisma.examResult.count({ where: { year: 2022 } })).toBe(0)
  })
})
