/**
 * Issue 11's first day, replayed with the real FIS OKO files (skipped without ../shared/data): an admin invites a
 * municipal coordinator of город Новоалтайск and a teacher; the teacher sends her 2022 school form (four schools,
 * one hers), the coordinator the 2021 Altai regional export (635 schools of 71 municipalities).
 */
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { municipalityNameKey } from "../../src/domain/municipality-name.ts"
import { parseResults } from "../../src/services/results/formats/index.ts"
import type { BotMessage } from "../support/fake-telegram/index.ts"
import { countsOfChartCaption, countsOfOverviewText, countsOfSchoolText, countsOfSchoolWorkbook, countsOfSummarySheet } from "../support/read-counts.ts"
import { ADMIN_ID, startE2E, type E2E } from "../support/e2e.ts"

const FISOKO = path.resolve(import.meta.dirname, "../../../shared/data/fisoko")
const SCHOOL_FORM = path.join(FISOKO, "2022", "4", "Математика.xlsx")
const REGIONAL = path.join(FISOKO, "2021", "Проведение работы по математике, 4 класс. ВПР 2021.xlsx")
const hasData = existsSync(SCHOOL_FORM) && existsSync(REGIONAL)
const WAIT = { timeoutMs: 180_000 }
const TEACHER = 11_001
const COORDINATOR = 11_002

describe.skipIf(!hasData)("the first day with the real files", () => {
  let e2e: E2E
  beforeAll(async () => {
    e2e = await startE2E()
  })
  afterAll(() => e2e?.stop())

  /** Every message the user gets until one matches, in order. */
  async function until(user: ReturnType<E2E["fake"]["user"]>, pattern: RegExp): Promise<BotMessage[]> {
    const seen: BotMessage[] = []
    for (;;) {
      const [next] = await user.waitForMessages(1, WAIT).catch((error: Error) => {
        throw new Error(`${error.message}; waiting for ${pattern} after: ${seen.map((message) => (message.text ?? message.caption ?? "").slice(0, 300)).join(" ¦ ")}`)
      })
      seen.push(next!)
      if (pattern.test(next!.text ?? next!.caption ?? "")) return seen
    }
  }

  async function invite(role: string, scope: string, municipality?: string): Promise<string> {
    const admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
    await admin.sendText("/invite")
    const [roles] = await admin.waitForMessages(1, WAIT)
    await admin.clickButton(roles!, role)
    await admin.waitForMessages(1, WAIT)
    await admin.sendText(scope)
    let [created] = await admin.waitForMessages(1, WAIT)
    if (created!.text?.includes("не указан муниципалитет")) {
      // The teacher's school is new to the directory: the admin names its municipality in another spelling.
      await admin.sendText(municipality!)
      ;[created] = await admin.waitForMessages(1, WAIT)
    }
    expect(created!.text).toContain("Ссылка-приглашение")
    return /start=([\w-]+)/.exec(created!.text!)![1]!
  }

  /**
   * The counts of the chat overview equal the chart's caption and the workbook's «Сводка» (its lines and its rows):
   * issue 11 found 459 + 36 in the chat against 495 in the workbook, and a chart of 631 schools under a text of 635.
   */
  async function countsAgree(user: ReturnType<E2E["fake"]["user"]>, overview: BotMessage, chart: BotMessage) {
    const said = countsOfOverviewText(overview.text!)
    expect(said.risk + said.attention + said.none + said.unassessed).toBe(said.schools)
    // The index is the share of assessed schools without signs, and says of how many: those needing action and those
    // with signs left off the re-check list are the schools with signs.
    expect(said.assessed).toBe(said.schools - said.unassessed)
    expect(said.withoutSigns).toBe(said.none - said.signsOffList)
    expect(said.index).toBe(`${((100 * said.withoutSigns!) / said.assessed!).toFixed(1).replace(".", ",")} %`)
    expect(chart.photo).toBeDefined()
    const drawn = countsOfChartCaption(chart.caption!)
    expect(drawn.schools).toBe(said.schools)
    if (said.risk + said.attention > 0) expect(drawn.flagged).toBe(said.risk + said.attention)
    await user.clickButton(overview, "📄 Отчёт XLSX")
    const [workbook] = (await until(user, /^$/)).slice(-1)
    const sheet = await countsOfSummarySheet(workbook!.document!.bytes)
    expect(sheet.lines).toEqual(said)
    expect(sheet.rows).toEqual({ ...said, index: null, withoutSigns: null, assessed: null, signsOffList: 0 })
    console.log(`counts agree (${said.schools} schools): ${JSON.stringify(said)}; chart: ${chart.caption!.split("\n").at(-1)}`)
    return said
  }

  it("every school lands in its own municipality; each sender is asked about scope before any error list and sees only hers", async () => {
    // The admin invites the coordinator of город Новоалтайск and a teacher of school 224258 there.
    const coordinator = e2e.fake.user({ id: COORDINATOR, firstName: "Ирина" })
    await coordinator.sendText(`/start ${await invite("муниципальный координатор", "город Новоалтайск")}`)
    await until(coordinator, /Приглашение принято/)
    const teacher = e2e.fake.user({ id: TEACHER, firstName: "Анна" })
    await teacher.sendText(`/start ${await invite("учитель", "edu224258", "г. Новоалтайск")}`)
    await until(teacher, /Приглашение принято/)
    await coordinator.waitForMessages(coordinator.unread().length)
    await teacher.waitForMessages(teacher.unread().length)

    // The teacher's 2022 form holds four schools of four municipalities; hers is one.
    await teacher.sendDocument({ fileName: "Математика.xlsx", bytes: readFileSync(SCHOOL_FORM) })
    // The name does not tell the year: she picks the work first.
    const [procedure] = (await until(teacher, /Выберите процедуру/)).slice(-1)
    await teacher.clickButton(procedure!, "ВПР 2022 · Математика · 4 класс")
    const beforeScope = await until(teacher, /Что загрузить\?/)
    const scope = beforeScope.at(-1)!
    expect(beforeScope.map((message) => message.text ?? "").join("\n")).not.toMatch(/предупрежд|ошиб/iu)
    expect(scope.text).toContain("В файле 4 школы, ваших из них — 1:")
    expect(scope.text).toContain('МБОУ "Средняя школа №15 " (edu224258)')
    expect(scope.buttons).toEqual(["Загрузить только мои школы (1)", "✖️ Отменить"])
    await teacher.clickButton(scope, "Загрузить только мои школы (1)")
    // Her school's 27 warnings come after the choice; then she confirms.
    const afterScope = await until(teacher, /Загрузить результаты\?/)
    expect(afterScope.map((message) => message.text ?? "").join("\n")).toContain("Есть предупреждения (27)")
    await teacher.clickButton(afterScope.at(-1)!, "✅ Загрузить")
    const [taught] = (await until(teacher, /Готово, результаты сохранены/)).slice(-1)
    expect(taught!.text).toContain("Школ: 1")
    expect((await e2e.prisma.school.findUniqueOrThrow({ where: { key: "224258" }, include: { municipality: true } })).municipality?.name).toBe("город Новоалтайск")
    const teacherSets = await e2e.prisma.resultSet.findMany({ where: { procedure: "ВПР|2022|Математика|4" }, include: { school: true } })
    expect(teacherSets.map((set) => [set.school.key, set.present + set.absent, set.reference])).toEqual([["224258", 27, false]])

    // The coordinator sends the regional export: her 11 schools, and the rest of the region for comparison.
    const parsed = await parseResults(readFileSync(REGIONAL), { fileName: path.basename(REGIONAL) })
    const hers = parsed.schools.filter((school) => municipalityNameKey(school.municipality ?? "") === "новоалтайск")
    expect(hers).toHaveLength(11)
    await coordinator.sendDocument({ fileName: path.basename(REGIONAL), bytes: readFileSync(REGIONAL) })
    const regionalScope = (await until(coordinator, /Что загрузить\?/)).at(-1)!
    expect(regionalScope.text).toContain("В файле 635 школ, ваших из них — 11:")
    expect(regionalScope.text).toContain("… и ещё 1")
    // Her list names the teacher's school as the directory knows it (her login and name), not by the export's sch….
    expect(regionalScope.text).toContain('• МБОУ "Средняя школа №15 " (edu224258)')
    expect(regionalScope.text).not.toContain("sch224258")
    expect(regionalScope.text).toContain("Остальные 624 — других муниципалитетов.")
    await coordinator.clickButton(regionalScope, "Мои школы (11) и остальные для сравнения")
    // Only her schools' faults are hers to answer (the rest of the region's rows with errors are left out unlisted).
    let stored: BotMessage | undefined
    const afterChoice: string[] = []
    while (!stored) {
      const [next] = (await until(coordinator, /Можно загрузить файл без этих строк|Загрузить результаты\?|Готово, результаты сохранены|не сохранены/)).slice(-1)
      afterChoice.push(next!.text ?? "")
      if (next!.buttons.includes("Загрузить без строк с ошибками")) await coordinator.clickButton(next!, "Загрузить без строк с ошибками")
      else if (next!.buttons.includes("✅ Загрузить")) await coordinator.clickButton(next!, "✅ Загрузить")
      else stored = next
    }
    expect(stored.text).toContain("Школ: 11 (новых в справочнике: 10)")
    expect(stored.text).toContain("Для сравнения сохранены результаты других муниципалитетов: школ — 624.")
    expect(stored.text).toMatch(/Строки других муниципалитетов с ошибками в сравнение не вошли: \d+/)

    // Every school of the export is in the municipality its rows name; Новоалтайск's 11 with their 949 rows are hers.
    const schools = await e2e.prisma.school.findMany({ include: { municipality: true } })
    const placed = new Map(schools.map((school) => [school.key, school.municipality?.name ?? null]))
    for (const school of parsed.schools) expect([school.key, municipalityNameKey(placed.get(school.key) ?? "")]).toEqual([school.key, municipalityNameKey(school.municipality!)])
    expect(await e2e.prisma.municipality.count()).toBe(71)
    const sets = await e2e.prisma.resultSet.findMany({ where: { procedure: "ВПР|2021|Математика|4", isCurrent: true }, include: { school: true } })
    const own = sets.filter((set) => !set.reference)
    expect(own.map((set) => set.school.key).sort()).toEqual(hers.map((school) => school.key).sort())
    expect(own.reduce((sum, set) => sum + set.present + set.absent, 0)).toBe(949)
    expect(sets.filter((set) => set.reference)).toHaveLength(624)
    // No finding, case or alert for another municipality's school from her upload.
    const findings = await e2e.prisma.riskFinding.findMany({ where: { procedure: "ВПР|2021|Математика|4" }, select: { schoolId: true } })
    const ownIds = new Set(own.map((set) => set.schoolId))
    expect(findings.every((finding) => ownIds.has(finding.schoolId))).toBe(true)

    // Her overview names her schools only; the chart of it follows.
    await coordinator.clickButton(stored, "📊 Посмотреть анализ")
    const shown = await until(coordinator, /средние баллы школ и уровни риска/)
    const overview = shown.find((message) => message.buttons.includes("📄 Отчёт XLSX"))!
    const chart = shown.at(-1)!
    const others = parsed.schools.filter((school) => !hers.includes(school))
    const drill = overview.buttons.slice(0, -1)
    expect(drill.length).toBeGreaterThan(0)
    for (const label of drill) expect(hers.some((school) => label.includes(school.key) || (school.name && label.includes(school.name)))).toBe(true)
    // The teacher's school keeps the login she and the admin typed (edu…), not the 2021 export's older sch… form.
    expect(overview.text).toContain('edu224258 (МБОУ "Средняя школа №15 ")')
    expect(overview.text).not.toContain("sch224258")
    for (const school of others) expect(overview.text).not.toContain(school.login)

    // One set of counts everywhere, for her municipality and for the admin's whole region.
    expect((await countsAgree(coordinator, overview, chart)).schools).toBe(11)
    const admin = e2e.fake.user({ id: ADMIN_ID, firstName: "Ольга" })
    await admin.waitForMessages(admin.unread().length)
    await admin.sendText("/analysis")
    const [works] = (await until(admin, /По какой работе/)).slice(-1)
    await admin.clickButton(works!, "ВПР 2021 · Математика · 4 класс")
    const region = await until(admin, /средние баллы школ и уровни риска/)
    const regional = await countsAgree(admin, region.find((message) => message.buttons.includes("📄 Отчёт XLSX"))!, region.at(-1)!)
    expect(regional.schools).toBe(635)

    // The teacher's own summary says the numbers of her school's workbook: participants, marks, journal, signs assessed.
    await teacher.waitForMessages(teacher.unread().length)
    await teacher.sendText("/analysis")
    let [summary] = (await until(teacher, /По какой работе|Участников:/)).slice(-1)
    if (summary!.text?.includes("По какой работе")) {
      await teacher.clickButton(summary!, "ВПР 2022 · Математика · 4 класс")
      ;[summary] = (await until(teacher, /Участников:/)).slice(-1)
    }
    await teacher.clickButton(summary!, "📄 Отчёт XLSX")
    const [schoolBook] = (await until(teacher, /^$/)).filter((message) => message.document)
    const told = countsOfSchoolText(summary!.text!)
    expect(told.present).toBe(27)
    expect(await countsOfSchoolWorkbook(schoolBook!.document!.bytes, "edu224258")).toEqual(told)
  }, 600_000)
})
