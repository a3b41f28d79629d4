import { describe, expect, it } from "vitest"
import { instantAt, wallClock } from "../../../../src/domain/calendar/index.ts"
import { silentLogger } from "../../../../src/logger.ts"
import { NOTICE_JOB } from "../../../../src/services/deadlines/notices.ts"
import { createServices } from "../../../../src/services/index.ts"
import { createJobRunner } from "../../../../src/services/scheduling/jobs.ts"
import { availableDatabases } from "../../../support/db.ts"
import { adminSuite, TestClock } from "../../../support/services.ts"

const HOUR = 3600_000

describe.each(availableDatabases())("deadlines on %s", (kind) => {
  const suite = adminSuite(kind)

  async function world() {
    const prisma = suite.db.prisma
    const west = await prisma.municipality.create({ data: { name: "Калининград", timeZone: "Europe/Kaliningrad" } })
    const east = await prisma.municipality.create({ data: { name: "Петропавловск-Камчатский", timeZone: "Asia/Kamchatka" } })
    const westSchool = await prisma.school.create({ data: { key: "390001", login: "edu390001", name: "Школа № 1", municipalityId: west.id } })
    const eastSchool = await prisma.school.create({ data: { key: "410001", login: "edu410001", municipalityId: east.id } })
    const user = async (telegramId: number, grant: { role: "school_coordinator" | "municipal_coordinator"; schoolId?: number; municipalityId?: number }) => {
      const created = await prisma.user.create({ data: { telegramId: BigInt(telegramId), firstName: `U${telegramId}` } })
      await prisma.roleGrant.create({ data: { userId: created.id, ...grant } })
      return suite.services.access.resolveActor({ telegramId, firstName: `U${telegramId}` })
    }
    return {
      west,
      east,
      westSchool,
      eastSchool,
      westCoordinator: await user(101, { role: "municipal_coordinator", municipalityId: west.id }),
      eastCoordinator: await user(201, { role: "municipal_coordinator", municipalityId: east.id }),
      westHead: await user(102, { role: "school_coordinator", schoolId: westSchool.id }),
      eastHead: await user(202, { role: "school_coordinator", schoolId: eastSchool.id }),
    }
  }

  function servicesAt(clock: TestClock) {
    return createServices({ prisma: suite.db.prisma, clock, logger: silentLogger }, { adminIds: [1n], inviteTtlHours: 72, defaultTimeZone: "Asia/Barnaul" })
  }

  async function outbox() {
    const rows = await suite.db.prisma.outbox.findMany({ orderBy: { id: "asc" } })
    return rows.map((row) => ({ chatId: Number(row.chatId), text: (row.payload as { text: string }).text, notBefore: row.notBefore, dedupeKey: row.dedupeKey }))
  }

  it("tracks by key: the same key updates, a moved due restarts the plan, done stays done, cancelled reopens", async () => {
    const { westSchool, west } = await world()
    const deadlines = suite.services.deadlines
    const request = {
      key: "test:upload:1",
      kind: "results_upload" as const,
      title: { key: "deadline-title-results_upload", params: { procedure: "ВПР 2026 · Математика · 4 класс", date: "21.04.2026" } },
      municipalityId: west.id,
      schoolId: westSchool.id,
      due: { date: "2026-04-28" },
      responsible: { roles: ["school_coordinator" as const] },
    }
    const first = await deadlines.track(request)
    expect(first).toMatchObject({ created: true, status: "pending" })
    expect(wallClock(first.due, "Europe/Kaliningrad")).toEqual({ date: "2026-04-28", minutes: 1439 })
    expect(await deadlines.track(request)).toMatchObject({ id: first.id, created: false })
    expect(await suite.db.prisma.deadline.count()).toBe(1)
    await suite.db.prisma.deadline.update({ where: { id: first.id }, data: { lastNotice: "r3@x" } })
    await deadlines.track({ ...request, due: { date: "2026-04-29" } })
    expect((await suite.db.prisma.deadline.findUniqueOrThrow({ where: { id: first.id } })).lastNotice).toBeNull()
    expect(await deadlines.cancel(request.key)).toBe(true)
    expect(await deadlines.cancel(request.key)).toBe(false)
    expect(await deadlines.track(request)).toMatchObject({ status: "pending" })
    expect(await deadlines.complete(request.key)).toBe(true)
    expect(await deadlines.track(request)).toMatchObject({ status: "done" })
    await expect(deadlines.track({ ...request, responsible: {} })).rejects.toThrow(/nobody is responsible/)
  })

  it("reminds at 09:00 local time in Kaliningrad and in Kamchatka, never twice after a restart, and escalates once", async () => {
    const { west, east, westSchool, eastSchool } = await world()
    // Runs at :58 of every hour: the planner looks 5 minutes ahead, so a 09:00 slot is queued for exactly 09:00.
    const clock = new TestClock(new Date("2026-04-19T23:58:00Z"))
    let services = servicesAt(clock)
    for (const [municipality, school] of [[west, westSchool], [east, eastSchool]] as const) {
      await services.deadlines.track({
        key: `test:report:${school.id}`,
        kind: "report",
        title: { key: "report-title", params: { title: "Справка о результатах" } },
        municipalityId: municipality.id,
        schoolId: school.id,
        due: { date: "2026-04-24" },
        responsible: { roles: ["school_coordinator"] },
      })
    }
    // Eight days, with a "restart" (new services, new runner) every 6 hours.
    // Only the reminder job: the other jobs (the schedule planner too: no scheduled works here) would run 192 times
    // for nothing this test looks at (the planner alone was a third of the test's time).
    const deadlineJobs = () => services.jobs.filter((job) => job.name === NOTICE_JOB)
    let runner = createJobRunner({ prisma: suite.db.prisma, clock, logger: silentLogger }, deadlineJobs(), { owner: "a" })
    for (let step = 0; step < 8 * 24; step++) {
      if (step % 6 === 0) {
        services = servicesAt(clock)
        runner = createJobRunner({ prisma: suite.db.prisma, clock, logger: silentLogger }, deadlineJobs(), { owner: `restart-${step}` })
      }
      await runner.runDue()
      clock.advance(HOUR)
    }
    const sent = await outbox()
    const at = (chatId: number, timeZone: string) =>
      sent.filter((row) => row.chatId === chatId).map((row) => {
        const { date, minutes } = wallClock(row.notBefore, timeZone)
        return `${date} ${minutes / 60}:00 ${row.text.split(" — ")[0]}`
      })
    // Reminders 3 and 1 working days before and on the day at 09:00, then one overdue notice on the next working morning.
    expect(at(102, "Europe/Kaliningrad")).toEqual([
      "2026-04-21 9:00 ⏰ Ждём документ: Справка о результатах",
      "2026-04-23 9:00 ⏰ Ждём документ: Справка о результатах",
      "2026-04-24 9:00 ⏰ Ждём документ: Справка о результатах",
      "2026-04-27 9:00 ⚠️ Срок прошёл: Справка о результатах",
    ])
    expect(at(202, "Asia/Kamchatka")).toEqual(at(102, "Europe/Kaliningrad"))
    // The coordinators get the escalation once, each in their own morning.
    expect(at(101, "Europe/Kaliningrad")).toEqual(["2026-04-27 9:00 ⚠️ Просрочено (1):\n• Справка о результатах"])
    expect(at(201, "Asia/Kamchatka")).toEqual(["2026-04-27 9:00 ⚠️ Просрочено (1):\n• Справка о результатах"])
    expect(sent.find((row) => row.chatId === 101)!.text).toContain("Школа № 1 (edu390001)")
    expect(new Set(sent.map((row) => row.dedupeKey)).size).toBe(sent.length)
  })

  it("after 3 days of downtime sends the latest useful reminder and drops the stale ones; done items and muted kinds stay quiet", async () => {
    const { west, westSchool, westHead } = await world()
    const clock = new TestClock(instantAt("2026-05-05", 8 * 60, "Europe/Kaliningrad"))
    const services = servicesAt(clock)
    const track = (key: string, date: string, kind: "report" | "materials" = "report") =>
      services.deadlines.track({ key, kind, title: { key: "report-title", params: { title: key } }, municipalityId: west.id, schoolId: westSchool.id, due: { date }, responsible: { roles: ["school_coordinator"] } })
    await track("soon", "2026-05-12") // slots 6 May, 8 May, 12 May
    await track("passed", "2026-05-07") // slots 30 Apr (before creation), 6 May, 7 May; overdue 8 May
    const orphan = await suite.db.prisma.school.create({ data: { key: "390009", login: "edu390009", municipalityId: west.id } })
    await services.deadlines.track({ key: "orphan", kind: "report", title: { key: "report-title", params: { title: "passed" } }, municipalityId: west.id, schoolId: orphan.id, due: { date: "2026-05-07" }, responsible: { roles: ["school_coordinator"] } })
    await track("finished", "2026-05-12")
    await track("muted", "2026-05-12", "materials")
    await services.deadlines.complete("finished")
    await services.deadlines.mute(westHead, "materials")
    const runner = () => createJobRunner({ prisma: suite.db.prisma, clock, logger: silentLogger }, servicesAt(clock).jobs, { owner: `r${clock.now().getTime()}` })
    expect((await services.deadlines.planNotices(clock.now())).messages).toBe(0)
    // The bot is down from 5 May 08:00 until 8 May 11:00 (Kaliningrad).
    clock.advance(3 * 24 * HOUR + 3 * HOUR)
    await runner().runDue()
    const sent = await outbox()
    const texts = sent.map((row) => `${wallClock(row.notBefore, "Europe/Kaliningrad").date} ${row.text.split("\n")[0]}`)
    expect(texts).toEqual([
      "2026-05-08 ⚠️ Срок прошёл: passed — Школа № 1 (edu390001). Нужно было сделать до 07.05.2026.",
      "2026-05-08 ⏰ Ждём документ: soon — Школа № 1 (edu390001).",
      "2026-05-08 ⚠️ Просрочено (2):",
    ])
    // The coordinator's escalation is one message for both late schools, and says where nobody could be reminded.
    expect(sent[2]!.text.split("\n").slice(1, 3)).toEqual([
      "• passed — Школа № 1 (edu390001) — срок был 07.05.2026",
      "• passed — школа edu390009 — срок был 07.05.2026 (у школы нет координатора в боте)",
    ])
    // Running again (a second instance, or after another restart) queues nothing more.
    clock.advance(10 * 60_000)
    await runner().runDue()
    expect(await suite.db.prisma.outbox.count()).toBe(3)
    expect(await suite.db.prisma.deadline.count({ where: { escalatedAt: { not: null } } })).toBe(2)
  })

  it("shows each user their items for 30 days, coordinators every school's status; marking done is scoped", async () => {
    const { west, westSchool, westHead, westCoordinator, eastCoordinator } = await world()
    const clock = new TestClock(instantAt("2026-04-27", 10 * 60, "Europe/Kaliningrad"))
    const services = servicesAt(clock)
    const second = await suite.db.prisma.school.create({ data: { key: "390002", login: "edu390002", municipalityId: west.id } })
    const title = { key: "report-title", params: { title: "Самооценка" } }
    for (const [school, date] of [[westSchool, "2026-04-24"], [second, "2026-04-24"]] as const) {
      await services.deadlines.track({ key: `r:${school.id}`, kind: "report", title, municipalityId: west.id, schoolId: school.id, due: { date }, responsible: { roles: ["school_coordinator"] } })
    }
    await services.deadlines.track({ key: "later", kind: "analysis", title: { key: "report-title", params: { title: "Анализ" } }, municipalityId: west.id, due: { date: "2026-06-30" }, responsible: { roles: ["municipal_coordinator"] } })
    const t = (key: string, params?: Record<string, string | number>) => `${key}${params ? JSON.stringify(params) : ""}`
    const mine = await services.deadlines.mine(westHead, t)
    expect(mine.map((line) => [line.title, line.overdue])).toEqual([['report-title{"title":"Самооценка"}', true]])
    expect(await services.deadlines.mine(westCoordinator, t)).toEqual([]) // the analysis is due in more than 30 days
    const board = await services.deadlines.board(westCoordinator, t)
    if (!Array.isArray(board)) throw new Error("board")
    expect(board).toMatchObject([{ done: 0, pending: 0, overdue: 2, schools: 2 }])
    expect(await services.deadlines.markDone(eastCoordinator, mine[0]!.id)).toMatchObject({ ok: false, reason: "not_allowed" })
    expect(await services.deadlines.markDone(westHead, mine[0]!.id)).toMatchObject({ ok: true, already: false })
    const group = await services.deadlines.group(westCoordinator, board[0]!.handle, t)
    expect(group).toMatchObject({ ok: true, items: [{ status: "done" }, { status: "overdue" }] })
    expect(await services.deadlines.board(westHead, t)).toMatchObject({ ok: false, reason: "not_allowed" })
  })

  it("derives the schedule's deadlines, closes a school's upload when its results arrive, cancels what left the schedule", async () => {
    const { west, westSchool, westCoordinator } = await world()
    const clock = new TestClock(instantAt("2026-04-10", 10 * 60, "Europe/Kaliningrad"))
    const services = servicesAt(clock)
    const second = await suite.db.prisma.school.create({ data: { key: "390002", login: "edu390002", municipalityId: west.id } })
    const maths4 = { kind: "ВПР" as const, year: 2026, subject: "Математика", grade: 4 }
    await services.schedule.save(westCoordinator, { schoolId: westSchool.id, procedure: maths4, date: "2026-04-21" })
    const removed = await services.schedule.save(westCoordinator, { schoolId: second.id, procedure: maths4, date: "2026-04-22" })
    // Each save planned the municipality's items at once; the timer's run finds nothing to add.
    expect(await services.deadlines.planSchedule()).toMatchObject({ municipalities: 1, created: 0 })
    const keys = async (status = "pending") => (await suite.db.prisma.deadline.findMany({ where: { status }, orderBy: { key: "asc" } })).map((row) => row.key.replace(`sched:${west.id}:`, ""))
    expect(await keys()).toEqual([
      "brief:ВПР|2026",
      `materials:${westSchool.id}:ВПР|2026|Математика|4:2026-04-21`,
      `materials:${second.id}:ВПР|2026|Математика|4:2026-04-22`,
      `upload:${westSchool.id}:ВПР|2026|Математика|4`,
      `upload:${second.id}:ВПР|2026|Математика|4`,
    ])
    expect(await services.deadlines.planSchedule()).toMatchObject({ created: 0, updated: 0, cancelled: 0 })

    // The school's results arrive: its upload item is done; the other school is taken off the schedule.
    const spec = await suite.db.prisma.procedureSpec.create({ data: { ...maths4, version: 1, tasks: [], maxTotal: 10, source: "test" } })
    const upload = await suite.db.prisma.upload.create({ data: { sha256: "x", size: 1, fileName: "f.xlsx", bytes: new Uint8Array(0) } })
    clock.advance(14 * 24 * HOUR)
    await suite.db.prisma.resultSet.create({ data: { specId: spec.id, schoolId: westSchool.id, procedure: "ВПР|2026|Математика|4", version: 1, uploadId: upload.id, present: 20, absent: 1, createdAt: clock.now() } })
    if (!removed.ok) throw new Error("saved")
    await services.schedule.remove(westCoordinator, removed.entry.id) // plans at once: the school's two items are cancelled
    expect(await keys("cancelled")).toEqual([`materials:${second.id}:ВПР|2026|Математика|4:2026-04-22`, `upload:${second.id}:ВПР|2026|Математика|4`])
    // That planning also saw the results: the upload item is done and the analysis item exists; the timer adds nothing.
    expect(await services.deadlines.planSchedule()).toMatchObject({ completed: 0, cancelled: 0, created: 0 })
    expect(await keys("done")).toEqual([`upload:${westSchool.id}:ВПР|2026|Математика|4`])
    // Every scheduled school has its results: the analysis is due 10 calendar days after they came (24 Apr → 4 May).
    const analysis = await suite.db.prisma.deadline.findFirstOrThrow({ where: { kind: "analysis" } })
    expect(wallClock(analysis.due, "Europe/Kaliningrad").date).toBe("2026-05-04")
    expect(analysis.responsible).toEqual({ userIds: [], roles: ["municipal_coordinator"] })
  })

  it("invites to an event by role and scope, reminds the day before, and keeps attendance", async () => {
    const { west, westSchool, westCoordinator, westHead, eastHead } = await world()
    const clock = new TestClock(instantAt("2026-04-13", 10 * 60, "Europe/Kaliningrad"))
    const services = servicesAt(clock)
    const teacher = await suite.db.prisma.user.create({ data: { telegramId: 103n, firstName: "Пётр", lastName: "Иванов" } })
    await suite.db.prisma.roleGrant.create({ data: { userId: teacher.id, role: "teacher", schoolId: westSchool.id } })
    const input = { municipalityId: west.id, kind: "seminar" as const, title: "Объективное оценивание", place: "ДДТ, ауд. 5", date: "2026-04-16", startMinutes: 15 * 60, roles: ["school_coordinator" as const, "teacher" as const] }
    expect(await services.deadlines.events.create(westHead, input)).toMatchObject({ ok: false, reason: "not_allowed" })
    expect(await services.deadlines.events.create(westCoordinator, { ...input, date: "2026-04-10" })).toEqual({ ok: false, reason: "problems", problems: ["event-past"] })
    const created = await services.deadlines.events.create(westCoordinator, input)
    expect(created).toMatchObject({ ok: true, invited: 2 })
    if (!created.ok) throw new Error("created")
    const invitations = await outbox()
    expect(invitations.map((row) => [row.chatId, row.text])).toEqual([
      [102, "📅 Приглашение. Семинар: Объективное оценивание — 16.04.2026, 15:00, ДДТ, ауд. 5. Накануне и в день события я напомню."],
      [103, "📅 Приглашение. Семинар: Объективное оценивание — 16.04.2026, 15:00, ДДТ, ауд. 5. Накануне и в день события я напомню."],
    ])
    // The east's school coordinator is not invited; reminders at 09:00 on 15 and 16 April; then the item closes by itself.
    expect((await services.deadlines.events.list(eastHead)).length).toBe(0)
    for (const at of ["2026-04-15", "2026-04-16"]) {
      clock.advance(instantAt(at, 8 * 60 + 58, "Europe/Kaliningrad").getTime() - clock.now().getTime())
      await services.deadlines.planNotices(clock.now())
    }
    const reminders = (await outbox()).slice(2)
    expect(reminders.map((row) => `${row.chatId} ${wallClock(row.notBefore, "Europe/Kaliningrad").date} ${row.text}`)).toEqual([
      "102 2026-04-15 📅 Напоминание: Семинар: Объективное оценивание — 16.04.2026, 15:00.",
      "103 2026-04-15 📅 Напоминание: Семинар: Объективное оценивание — 16.04.2026, 15:00.",
      "102 2026-04-16 📅 Напоминание: Семинар: Объективное оценивание — 16.04.2026, 15:00.",
      "103 2026-04-16 📅 Напоминание: Семинар: Объективное оценивание — 16.04.2026, 15:00.",
    ])
    expect(await services.deadlines.events.mark(westCoordinator, created.id, teacher.id, true)).toMatchObject({ ok: false, reason: "not_allowed" }) // not yet begun
    clock.advance(8 * HOUR)
    await services.deadlines.planNotices(clock.now())
    expect((await suite.db.prisma.deadline.findUniqueOrThrow({ where: { key: `event:${created.id}` } })).status).toBe("done")
    expect(await services.deadlines.events.mark(westCoordinator, created.id, teacher.id, true)).toEqual({ ok: true })
    const attendance = await services.deadlines.events.attendance(westCoordinator, created.id)
    expect(attendance).toMatchObject({ ok: true, people: [{ name: "Пётр Иванов", attended: true }, { name: "U102", attended: null }] })
    expect(await services.deadlines.events.list(westCoordinator)).toMatchObject([{ past: true, invited: 2, attended: 1, manage: true }])
  })

  it("asks the schools for a document: one uploads, one is reminded and escalated once, the coordinator gets one zip", async () => {
    const { west, westSchool, westCoordinator, westHead } = await world()
    const clock = new TestClock(instantAt("2026-04-20", 10 * 60, "Europe/Kaliningrad"))
    const services = servicesAt(clock)
    const slow = await suite.db.prisma.school.create({ data: { key: "390002", login: "edu390002", name: "Школа № 2", municipalityId: west.id } })
    const slowHeadUser = await suite.db.prisma.user.create({ data: { telegramId: 104n, firstName: "Медленный" } })
    await suite.db.prisma.roleGrant.create({ data: { userId: slowHeadUser.id, role: "school_coordinator", schoolId: slow.id } })
    const requested = await services.deadlines.reports.request(westCoordinator, { municipalityId: west.id, title: "Справка о самообследовании", details: "Сравните отметки за четверть с ВПР", dueDate: "2026-04-24" })
    expect(requested).toMatchObject({ ok: true, schools: 2, withoutCoordinator: 0 })
    if (!requested.ok) throw new Error("requested")
    expect((await outbox()).map((row) => row.chatId).sort()).toEqual([102, 104])
    const slowHead = await services.access.resolveActor({ telegramId: 104, firstName: "Медленный" })
    // A school coordinator sends only for their own school.
    expect(await services.deadlines.reports.submit(slowHead, requested.id, westSchool.id, { bytes: Buffer.from("x"), fileName: "a.pdf" })).toMatchObject({ ok: false, reason: "not_allowed" })
    const submitted = await services.deadlines.reports.submit(westHead, requested.id, westSchool.id, { bytes: Buffer.from("%PDF-1.4 справка"), fileName: "Справка/школа 1.pdf" })
    expect(submitted).toEqual({ ok: true, replaced: false, late: false })
    for (const at of ["2026-04-21", "2026-04-23", "2026-04-24", "2026-04-27", "2026-04-28"]) {
      clock.advance(instantAt(at, 8 * 60 + 58, "Europe/Kaliningrad").getTime() - clock.now().getTime())
      await services.deadlines.planNotices(clock.now())
    }
    const later = (await outbox()).slice(2).map((row) => `${row.chatId} ${wallClock(row.notBefore, "Europe/Kaliningrad").date} ${row.text.split("\n")[0]}`)
    expect(later).toEqual([
      "104 2026-04-21 ⏰ Ждём документ: Справка о самообследовании — Школа № 2 (edu390002).",
      "104 2026-04-23 ⏰ Ждём документ: Справка о самообследовании — Школа № 2 (edu390002).",
      "104 2026-04-24 ⏰ Ждём документ: Справка о самообследовании — Школа № 2 (edu390002).",
      "104 2026-04-27 ⚠️ Срок прошёл: Справка о самообследовании — Школа № 2 (edu390002). Нужно было сделать до 24.04.2026.",
      "101 2026-04-27 ⚠️ Просрочено (1):",
    ])
    const status = await services.deadlines.reports.status(westCoordinator, requested.id)
    expect(status).toMatchObject({ ok: true, schools: [{ login: "edu390001", status: "received", fileName: "Справка_школа 1.pdf" }, { login: "edu390002", status: "overdue" }] })
    const archive = await services.deadlines.reports.archive(westCoordinator, requested.id)
    if (!archive.ok) throw new Error("archive")
    expect(archive.parts.map((part) => part.fileName)).toEqual(["Справка о самообследовании.zip"])
    const JSZip = (await import("jszip")).default
    const zip = await JSZip.loadAsync(archive.parts[0]!.bytes)
    expect(Object.keys(zip.files)).toEqual(["edu390001 Школа № 1 — Справка_школа 1.pdf"])
    expect(await zip.file("edu390001 Школа № 1 — Справка_школа 1.pdf")!.async("string")).toBe("%PDF-1.4 справка")
    expect(await services.deadlines.reports.archive(westHead, requested.id)).toMatchObject({ ok: false, reason: "not_allowed" })
    // A late upload is still taken, and closes the school's item.
    expect(await services.deadlines.reports.submit(slowHead, requested.id, slow.id, { bytes: Buffer.from("late"), fileName: "b.docx" })).toEqual({ ok: true, replaced: false, late: true })
    expect(await services.deadlines.reports.list(slowHead)).toMatchObject([{ own: "received" }])
  })
})
