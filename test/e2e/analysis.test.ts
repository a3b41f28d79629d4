import ExcelJS from "exceljs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { findSpec } from "../../src/domain/procedures/index.ts"
import type { ProcedureSpec } from "../../src/domain/results.ts"
import { importResults } from "../../src/services/results/import.ts"
import { silentLogger } from "../../src/logger.ts"
import { createTranslator } from "../../src/i18n.ts"
import { createServices } from "../../src/services/index.ts"
import { ADMIN_ID, startE2E, type E2E } from "../support/e2e.ts"
import { generateRegion } from "../support/generator/index.ts"
import { classRows, collectionForm } from "../support/workbooks.ts"

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47])

/** An interval, a p-value, percentage points or a sign code: not for a chat message of the analysis. */
const JARGON = /ДИ|p\s*[=<]|п\.\s*п\.|\bS\d{1,2}-?\b/

/** Upload → the teacher's summary, charts and XLSX; the coordinator's risk overview with drill-down. */
describe("analysis end to end", () => {
  let e2e: E2E
  const TEACHER = 8001
  const COORDINATOR = 8002
  const spec = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 }) as ProcedureSpec

  beforeAll(async () => {
    e2e = await startE2E()
    const municipality = await e2e.prisma.municipality.create({ data: { name: "город Барнаул" } })
    // Forty other schools of the municipality already loaded this test (generated, some manipulated).
    const region = generateRegion({ seed: 7, spec, schools: 40, manipulatedShare: 0.25 })
    for (const school of region.results.schools) {
      await e2e.prisma.school.create({ data: { key: school.schoolKey, login: `edu${school.schoolKey}`, municipalityId: municipality.id } })
    }
    const school = await e2e.prisma.school.create({ data: { key: "223017", login: "edu223017", name: "МБОУ СОШ № 1", municipalityId: municipality.id } })
    const admin = await e2e.prisma.user.create({ data: { telegramId: BigInt(ADMIN_ID), firstName: "Ольга", grants: { create: { role: "admin" } } }, include: { grants: true } })
    await importResults(
      { prisma: e2e.prisma, clock: e2e.clock, logger: silentLogger },
      { userId: admin.id, telegramId: String(ADMIN_ID), firstName: "Ольга", language: "ru", grants: [{ role: "admin", schoolId: null, municipalityId: null, schoolMunicipalityId: null }] },
      {
        file: { bytes: Buffer.from("generated"), fileName: "region.xlsx" },
        layout: "B",
        spec,
        schools: region.results.schools.map((school) => ({ key: school.schoolKey, login: `edu${school.schoolKey}` })),
        participants: region.results.schools.flatMap((school) => school.participants),
        warningsConfirmed: 0,
      },
    )
    // The same schools wrote the 2021 test a year earlier (same generator seed: the same schools manipulate).
    const spec2021 = findSpec({ kind: "ВПР", year: 2021, subject: "Математика", grade: 4 }) as ProcedureSpec
    const lastYear = generateRegion({ seed: 7, spec: spec2021, schools: 40, manipulatedShare: 0.25 })
    await importResults(
      { prisma: e2e.prisma, clock: e2e.clock, logger: silentLogger },
      { userId: admin.id, telegramId: String(ADMIN_ID), firstName: "Ольга", language: "ru", grants: [{ role: "admin", schoolId: null, municipalityId: null, schoolMunicipalityId: null }] },
      {
        file: { bytes: Buffer.from("generated 2021"), fileName: "region-2021.xlsx" },
        layout: "C",
        spec: spec2021,
        schools: lastYear.results.schools.map((school) => ({ key: school.schoolKey, login: `edu${school.schoolKey}` })),
        participants: lastYear.results.schools.flatMap((school) => school.participants),
        warningsConfirmed: 0,
      },
    )
    const teacher = await e2e.prisma.user.create({ data: { telegramId: BigInt(TEACHER), firstName: "Пётр" } })
    await e2e.prisma.roleGrant.create({ data: { userId: teacher.id, role: "teacher", schoolId: school.id } })
    const coordinator = await e2e.prisma.user.create({ data: { telegramId: BigInt(COORDINATOR), firstName: "Ирина" } })
    await e2e.prisma.roleGrant.create({ data: { userId: coordinator.id, role: "municipal_coordinator", municipalityId: municipality.id } })
  })
  afterAll(() => e2e?.stop())

  it("gives the teacher a summary without risk levels, two charts and an XLSX report", async () => {
    const teacher = e2e.fake.user({ id: TEACHER, firstName: "Пётр" })
    await teacher.sendDocument({ fileName: "Математика 4 класс ВПР 2022.xlsx", bytes: await collectionForm(classRows(24)) })
    await e2e.fake.waitUntil(() => teacher.messages().some((message) => message.buttons.includes("📊 Посмотреть анализ")), { timeoutMs: 30_000 })
    const done = teacher.messages().find((message) => message.buttons.includes("📊 Посмотреть анализ"))!
    expect(await e2e.prisma.analysisRun.count()).toBeGreaterThan(0) // analysed right after the import
    await teacher.waitForMessages(teacher.unread().length) // everything up to the summary of the upload is read
    await teacher.clickButton(done, "📊 Посмотреть анализ")
    const [summary, scores, tasks] = await teacher.waitForMessages(3, { timeoutMs: 30_000 })
    expect(summary!.text).toContain("ВПР 2022 · Математика · 4 класс")
    expect(summary!.text).toContain("Школа edu223017 (МБОУ СОШ № 1)")
    expect(summary!.text).toMatch(/Участников: 24 \(отсутствовали: 0\)\. Средний первичный балл — \d+,\d/)
    expect(summary!.text).not.toMatch(/зона риска|Уровень риска/)
    expect(summary!.text).not.toMatch(JARGON)
    expect(summary!.text).toContain("не используются для оценки работы учителей")
    expect(scores!.photo!.bytes.subarray(0, 4)).toEqual(PNG)
    expect(scores!.caption).toContain("распределение первичных баллов")
    expect(tasks!.caption).toContain("выполнение заданий")

    await teacher.clickButton(summary!, "📄 Отчёт XLSX")
    const [document] = await teacher.waitForMessages(1, { timeoutMs: 30_000 })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(document!.document!.bytes as never)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain("Выполнение заданий")

    // «Подробнее»: the figures behind the plain words.
    await teacher.clickButton(summary!, "🔎 Подробнее")
    const [details] = await teacher.waitForMessages(1, { timeoutMs: 30_000 })
    expect(details!.text).toMatch(/Средний первичный балл — \d+,\d \(95 % доверительный интервал, ДИ: \d+,\d–\d+,\d\)/)
  })

  it("gives the coordinator the risk overview, a drill-down per school and the municipal XLSX", async () => {
    const coordinator = e2e.fake.user({ id: COORDINATOR, firstName: "Ирина" })
    await coordinator.sendText("/analysis")
    const [choose] = await coordinator.waitForMessages(1, { timeoutMs: 30_000 })
    expect(choose!.buttons).toEqual(["ВПР 2022 · Математика · 4 класс", "ВПР 2021 · Математика · 4 класс"])
    await coordinator.clickButton(choose!, "ВПР 2022 · Математика · 4 класс")
    const [overview, chart] = await coordinator.waitForMessages(2, { timeoutMs: 30_000 })
    // The list of procedures is marked with the choice and keeps no buttons.
    expect(choose!.text).toBe("Анализ по работе: ВПР 2022 · Математика · 4 класс")
    expect(choose!.buttons).toEqual([])
    // Like with like: the teacher's school wrote only in 2022, so the trend is over the schools assessed in both years.
    expect(overview!.text).toMatch(/По \d+ школам, оценённым в оба года: в 2021 году индекс был \d+,\d %, в этом — \d+,\d %\./)
    expect(overview!.text).not.toMatch(JARGON)
    expect(overview!.text).toContain("второй год подряд в зоне риска")
    expect(overview!.text).toContain("город Барнаул: школ — 41")
    expect(overview!.text).toMatch(/Индекс объективности: \d+,\d %/)
    expect(overview!.text).toContain("Школы в зоне риска:")
    expect(chart!.photo!.bytes.subarray(0, 4)).toEqual(PNG)
    const drill = overview!.buttons.find((label) => label.includes("зона риска"))!
    await coordinator.clickButton(overview!, drill)
    const [school] = await coordinator.waitForMessages(1, { timeoutMs: 30_000 })
    expect(school!.text).toContain("Уровень риска: зона риска.")
    // The signs by their titles, in plain words: figures stay in the XLSX.
    expect(school!.text).toContain("На что обратить внимание")
    expect(school!.text).not.toMatch(JARGON)
    await coordinator.waitForMessages(2, { timeoutMs: 30_000 })
    await coordinator.clickButton(school!, "🔎 Подробнее")
    const [details] = await coordinator.waitForMessages(1, { timeoutMs: 30_000 })
    expect(details!.text).toContain("Выявленные признаки (код, название, расчёт):")
    expect(details!.text).toMatch(/• S\d{1,2} · /)
    await coordinator.clickButton(overview!, "📄 Отчёт XLSX")
    const [document] = await coordinator.waitForMessages(1, { timeoutMs: 30_000 })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(document!.document!.bytes as never)
    expect(workbook.worksheets[0]!.name).toBe("Сводка")
    // The same counts in the chat and in the workbook.
    const [, risk, attention, none, unassessed] = /Зона риска — (\d+), требуют внимания — (\d+), не требуют действий — (\d+), не оценивались — (\d+)/.exec(overview!.text ?? "")!
    const summary = workbook.getWorksheet("Сводка")!
    const lines: string[] = []
    summary.eachRow((row) => lines.push(String(row.getCell(1).value)))
    expect(lines).toContain(`Школ в зоне риска: ${risk}; требуют внимания: ${attention}; не требуют действий: ${none}; не оценивались: ${unassessed}`)
  })

  it("shows /settings as a dialog: Russian names, current values, a button to change each, checked values", async () => {
    const coordinator = e2e.fake.user({ id: COORDINATOR, firstName: "Ирина" })
    await coordinator.waitForMessages(coordinator.unread().length)
    await coordinator.sendText("/settings")
    const [board] = await coordinator.waitForMessages(1, { timeoutMs: 30_000 })
    expect(board!.text).toContain("Настройки анализа вашего муниципалитета")
    expect(board!.text).toContain("• Сколько других школ нужно для сравнения: 5")
    expect(board!.text).toContain("• С какими школами сравнивать: все школы, загрузившие работу")
    expect(board!.text).toContain("• Доверительная вероятность: 95 %")
    expect(board!.text).toContain("• Сравнивать школу с группой без неё самой: да")
    expect(board!.text).toContain("• Признаки: включено 13 из 13")
    expect(board!.text).not.toMatch(/minComparisonSchools|referenceGroup|[{}]/)

    // A number: asked with its bounds, a wrong answer explained, a right one stored and the board sent again.
    await coordinator.clickButton(board!, "✏️ Сколько других школ нужно для сравнения")
    const [ask] = await coordinator.waitForMessages(1, { timeoutMs: 30_000 })
    expect(ask!.text).toContain("Сколько других школ нужно для сравнения — сейчас 5.")
    expect(ask!.text).toContain("целое число от 1 до 200")
    expect(board!.buttons).toEqual([]) // the board's buttons went with the choice
    await coordinator.sendText("семь")
    expect((await coordinator.waitForMessages(1, { timeoutMs: 30_000 }))[0]!.text).toBe("«семь» — не число. Напишите число, например 5.")
    await coordinator.sendText("1000")
    expect((await coordinator.waitForMessages(1, { timeoutMs: 30_000 }))[0]!.text).toBe("Нужно значение от 1 до 200.")
    await coordinator.sendText("7")
    const [saved, board2] = await coordinator.waitForMessages(2, { timeoutMs: 30_000 })
    expect(saved!.text).toBe("Сохранено: Сколько других школ нужно для сравнения — 7.")
    expect(board2!.text).toContain("• Сколько других школ нужно для сравнения: 7")
    const municipality = () => e2e.prisma.municipality.findFirstOrThrow({ where: { name: "город Барнаул" } })
    expect(((await municipality()).settings as { minComparisonSchools: number }).minComparisonSchools).toBe(7)

    // A switch flips in place; a choice offers its options; a sign is switched off.
    await coordinator.clickButton(board2!, "✏️ Сравнивать школу с группой без неё самой")
    await e2e.fake.waitUntil(() => (board2!.text ?? "").includes("без неё самой: нет"), { timeoutMs: 30_000 })
    await coordinator.clickButton(board2!, "✏️ С какими школами сравнивать")
    await e2e.fake.waitUntil(() => board2!.buttons.includes("школы муниципалитета"), { timeoutMs: 30_000 })
    await coordinator.clickButton(board2!, "школы муниципалитета")
    await e2e.fake.waitUntil(() => (board2!.text ?? "").includes("С какими школами сравнивать: школы муниципалитета"), { timeoutMs: 30_000 })
    await coordinator.clickButton(board2!, "✏️ Какие признаки проверять")
    await e2e.fake.waitUntil(() => board2!.buttons.includes("✅ Совпадающие ответы"), { timeoutMs: 30_000 })
    await coordinator.clickButton(board2!, "✅ Совпадающие ответы")
    await e2e.fake.waitUntil(() => board2!.buttons.includes("▫️ Совпадающие ответы"), { timeoutMs: 30_000 })
    await coordinator.clickButton(board2!, "← Назад")
    await e2e.fake.waitUntil(() => (board2!.text ?? "").includes("Признаки: включено 12 из 13"), { timeoutMs: 30_000 })
    const stored = (await municipality()).settings as { leaveOneOut: boolean; referenceGroup: { kind: string }; enabledSigns: string[] }
    expect(stored.leaveOneOut).toBe(false)
    expect(stored.referenceGroup.kind).toBe("municipality")
    expect(stored.enabledSigns).not.toContain("S11")
    await coordinator.clickButton(board2!, "Готово")
    await e2e.fake.waitUntil(() => board2!.buttons.length === 0, { timeoutMs: 30_000 })
    await coordinator.waitForMessages(coordinator.unread().length)
  })

  it("keeps the JSON file of every setting as the advanced option, validated as a whole", async () => {
    const coordinator = e2e.fake.user({ id: COORDINATOR, firstName: "Ирина" })
    await coordinator.waitForMessages(coordinator.unread().length)
    await coordinator.sendText("/settings")
    const [board] = await coordinator.waitForMessages(1, { timeoutMs: 30_000 })
    await coordinator.clickButton(board!, "📄 Все настройки файлом (для опытных)")
    const [file] = await coordinator.waitForMessages(1, { timeoutMs: 30_000 })
    const current = JSON.parse(file!.document!.bytes.toString("utf8"))
    expect(current.S4.alpha).toBe(0.01)
    await coordinator.sendDocument({ fileName: "analysis-settings.json", bytes: Buffer.from(JSON.stringify({ ...current, S4: { ...current.S4, alpha: 0.05 } })) })
    expect((await coordinator.waitForMessages(1, { timeoutMs: 30_000 }))[0]!.text).toBe("Настройки сохранены. Следующий анализ будет выполнен с ними.")
    const municipality = await e2e.prisma.municipality.findFirstOrThrow({ where: { name: "город Барнаул" } })
    expect((municipality.settings as { S4: { alpha: number } }).S4.alpha).toBe(0.05)

    await coordinator.sendText("/settings")
    const [again] = await coordinator.waitForMessages(1, { timeoutMs: 30_000 })
    await coordinator.clickButton(again!, "📄 Все настройки файлом (для опытных)")
    await coordinator.waitForMessages(1, { timeoutMs: 30_000 })
    await coordinator.sendDocument({ fileName: "s.json", bytes: Buffer.from(JSON.stringify({ S4: { alpha: "high" } })) })
    const [refused] = await coordinator.waitForMessages(1, { timeoutMs: 30_000 })
    expect(refused!.text).toContain("Настройки не сохранены")
    expect(refused!.text).toContain("S4.alpha")
  })

  it("keeps results of other schools and the risk overview away from a teacher", async () => {
    // Telegram delivers only callback data of buttons the bot sent, but the service checks roles on every call anyway.
    const services = createServices({ prisma: e2e.prisma, clock: e2e.clock, logger: silentLogger }, { adminIds: [], inviteTtlHours: 1, defaultTimeZone: "Asia/Barnaul" })
    const teacher = await services.access.resolveActor({ telegramId: TEACHER, firstName: "Пётр" })
    const other = await e2e.prisma.school.findFirstOrThrow({ where: { key: { not: "223017" } } })
    const t = createTranslator("ru")
    const notAllowed = { ok: false, reason: "not_allowed", outside: [] }
    expect(await services.analysis.school(teacher, spec, other.id, t)).toEqual(notAllowed)
    expect(await services.analysis.overview(teacher, spec, t)).toEqual(notAllowed)
    expect(await services.analysis.municipalWorkbook(teacher, spec, t)).toEqual(notAllowed)
  })
})
