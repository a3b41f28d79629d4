import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { adminSuite, TestClock, testServices } from "../../../support/services.ts"
import { availableDatabases } from "../../../support/db.ts"

const maths4 = { kind: "ВПР" as const, year: 2026, subject: "Математика", grade: 4 }

describe.each(availableDatabases())("the procedure schedule on %s", (kind) => {
  const suite = adminSuite(kind)

  async function world() {
    const prisma = suite.db.prisma
    const [north, south] = await Promise.all(["Северный район", "Южный район"].map((name) => prisma.municipality.create({ data: { name } })))
    const mine = await prisma.school.create({ data: { key: "223017", login: "edu223017", municipalityId: north!.id } })
    const theirs = await prisma.school.create({ data: { key: "223018", login: "edu223018", municipalityId: south!.id } })
    const user = await suite.services.access.resolveActor({ telegramId: 50, firstName: "Coordinator" })
    await prisma.roleGrant.create({ data: { userId: user.userId, role: "municipal_coordinator", municipalityId: north!.id } })
    const principal = await suite.services.access.resolveActor({ telegramId: 51, firstName: "School" })
    await prisma.roleGrant.create({ data: { userId: principal.userId, role: "school_coordinator", schoolId: mine.id } })
    return {
      mine,
      theirs,
      coordinator: await suite.services.access.resolveActor({ telegramId: 50, firstName: "Coordinator" }),
      school: await suite.services.access.resolveActor({ telegramId: 51, firstName: "School" }),
    }
  }

  it("keeps each school's dates within the coordinators' scope; the school confirms", async () => {
    const { mine, theirs, coordinator, school } = await world()
    const saved = await suite.services.schedule.save(coordinator, { schoolId: mine.id, procedure: maths4, date: "2026-04-21", rooms: 2 })
    expect(saved).toMatchObject({ ok: true, created: true, entry: { procedure: "ВПР|2026|Математика|4", date: "2026-04-21", rooms: 2, confirmed: false } })
    expect(await suite.services.schedule.save(coordinator, { schoolId: theirs.id, procedure: maths4, date: "2026-04-21" })).toEqual({ ok: false, reason: "not_allowed", outside: [] })
    expect(await suite.services.schedule.save(coordinator, { schoolId: 999_999, procedure: maths4, date: "2026-04-21" })).toEqual({ ok: false, reason: "not_found" })
    if (!saved.ok) throw new Error("saved")
    expect(await suite.services.schedule.confirm(school, saved.entry.id)).toMatchObject({ ok: true, entry: { confirmed: true } })
    expect((await suite.services.schedule.list(coordinator)).map((entry) => entry.schoolLogin)).toEqual(["edu223017"])
    expect(await suite.services.schedule.list(suite.admin, { from: "2026-04-22" })).toEqual([])
    expect(await suite.services.schedule.remove(school, saved.entry.id)).toEqual({ ok: true })
  })

  async function filled(bytes: Buffer, rows: (string | number)[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as never)
    const sheet = workbook.getWorksheet("Расписание")!
    rows.forEach((values, index) => (sheet.getRow(2 + index).values = values))
    return Buffer.from(await workbook.xlsx.writeBuffer())
  }

  it("hands out the workbook and takes it back: every cell checked, all or nothing, the school asked to confirm", async () => {
    const { mine, coordinator, school } = await world()
    const services = testServices(suite.db, { clock: new TestClock(new Date("2026-04-01T03:00:00Z")) })
    await suite.db.prisma.school.update({ where: { id: mine.id }, data: { name: "Лицей № 1" } })
    const template = await services.schedule.template(coordinator)
    if (!Buffer.isBuffer(template)) throw new Error("refused")
    const read = new ExcelJS.Workbook()
    await read.xlsx.load(template as never)
    // The coordinator's one school, with nothing scheduled yet, is listed for them to fill in.
    expect(read.getWorksheet("Расписание")!.getRow(2).values).toEqual([undefined, "edu223017", "Лицей № 1"])

    const bad = await filled(template, [
      ["edu223017", "", "ВПР", "Математика", 4, "21.04.2026", "9:00", 2],
      ["edu223017", "", "ВПР", "Химия", 12, "09.05.2026", "25:00", 0],
      ["edu223018", "", "ВПР", "Русский язык", 4, "22.04.2026"],
      ["edu223017", "", "ВПР", "Математика", 4, "21.04.2026"],
      ["edu223017", "", "ОГЭ", "Матем", 5, "01.06.2026"],
      ["edu223017", "", "ВПР", "Биология", 5, "27.05.2026"],
    ])
    const refused = await services.schedule.importWorkbook(coordinator, bad)
    if (refused.ok || refused.reason !== "problems") throw new Error("accepted")
    expect(refused.problems.map((problem) => `${problem.cell} ${problem.message}`)).toEqual([
      "E3 schedule-grade",
      "G3 schedule-start",
      "H3 schedule-rooms",
      "F3 schedule-day-off",
      "A5 schedule-duplicate",
      "C6 schedule-kind",
      "D6 schedule-subject",
      "F7 schedule-outside-window",
    ])
    expect(await suite.db.prisma.scheduledProcedure.count()).toBe(0)
    // A school outside the coordinator's municipality is named too, and nothing is stored.
    const outside = await services.schedule.importWorkbook(coordinator, await filled(template, [["edu223018", "", "ВПР", "Русский язык", 4, "22.04.2026"]]))
    expect(outside).toMatchObject({ ok: false, problems: [{ cell: "A2", message: "schedule-outside-scope", params: { login: "edu223018" } }] })

    const good = await filled(template, [
      ["edu223017", "", "ВПР", "Математика", 4, "21.04.2026", "9:00", 2],
      ["edu223017", "", "ВПР", "русский", 4, "23.04.2026"],
    ])
    expect(await services.schedule.importWorkbook(coordinator, good)).toMatchObject({ ok: true, added: 2, changed: 0, removed: 0, schools: 1 })
    const entries = await services.schedule.list(coordinator)
    expect(entries.map((entry) => [entry.procedure, entry.date, entry.startMinutes, entry.rooms, entry.confirmed])).toEqual([
      ["ВПР|2026|Математика|4", "2026-04-21", 540, 2, false],
      ["ВПР|2026|Русский язык|4", "2026-04-23", null, 1, false],
    ])
    // The school's coordinator is asked to confirm both dates, in one message.
    const asked = await suite.db.prisma.outbox.findMany()
    expect(asked).toHaveLength(1)
    expect((asked[0]!.payload as { text: string }).text).toBe(
      "🗓 Координатор внёс даты процедур вашей школы (2). Проверьте и подтвердите их:\n• 21.04.2026 — ВПР 2026 · Математика · 4 класс\n• 23.04.2026 — ВПР 2026 · Русский язык · 4 класс",
    )
    // The deadlines follow at once.
    expect(await suite.db.prisma.deadline.count({ where: { key: { startsWith: "sched:" } } })).toBe(5)

    // The file is authoritative for the pairs it names: the maths date moves, the Russian one stays as it was.
    const moved = await filled(template, [["edu223017", "", "ВПР", "Математика", 4, "22.04.2026", "9:00", 2]])
    expect(await services.schedule.importWorkbook(coordinator, moved)).toMatchObject({ ok: true, added: 1, removed: 1, unchanged: 0 })
    expect((await services.schedule.list(coordinator)).map((entry) => entry.date)).toEqual(["2026-04-22", "2026-04-23"])
    expect(await services.schedule.confirmAll(school, mine.id)).toEqual({ ok: true, confirmed: 2 })
    expect(await services.schedule.checkDate("ВПР", "2026-05-11")).toMatchObject({ message: "schedule-day-off" })
    expect(await services.schedule.checkDate("КДР", "2026-06-03")).toBeNull()
  })
})
