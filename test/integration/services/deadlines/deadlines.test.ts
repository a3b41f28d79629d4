import { describe, expect, it } from "vitest"
import { instantAt, wallClock } from "../../../../src/domain/calendar/index.ts"
import { silentLogger } from "../../../../src/logger.ts"
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
    let runner = createJobRunner({ prisma: suite.db.prisma, clock, logger: silentLogger }, services.jobs, { owner: "a" })
    for (let step = 0; step < 8 * 24; step++) {
      if (step % 6 === 0) {
        services = servicesAt(clock)
        runner = createJobRunner({ prisma: suite.db.prisma, clock, logger: silentLogger }, services.jobs, { owner: `restart-${step}` })
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
    expect(at(101, "Europe/Kaliningrad")).toEqual(["2026-04-27 9:00 ⚠️ Просрочено: Справка о результатах"])
    expect(at(201, "Asia/Kamchatka")).toEqual(["2026-04-27 9:00 ⚠️ Просрочено: Справка о результатах"])
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
    await track("finished", "2026-05-12")
    await track("muted", "2026-05-12", "materials")
    await services.deadlines.complete("finished")
    await services.deadlines.mute(westHead, "materials")
    const runner = () => createJobRunner({ prisma: suite.db.prisma, clock, logger: silentLogger }, servicesAt(clock).jobs, { owner: `r${clock.now().getTime()}` })
    expect((await services.deadlines.planNotices(clock.now())).messages).toBe(0)
    // The bot is down from 5 May 08:00 until 8 May 11:00 (Kaliningrad).
    clock.advance(3 * 24 * HOUR + 3 * HOUR)
    await runner().runDue()
    const texts = (await outbox()).map((row) => `${wallClock(row.notBefore, "Europe/Kaliningrad").date} ${row.text.split("\n")[0]}`)
    expect(texts).toEqual([
      "2026-05-08 ⚠️ Срок прошёл: passed — Школа № 1 (edu390001). Нужно было сделать до 07.05.2026.",
      "2026-05-08 ⚠️ Просрочено: passed — Школа № 1 (edu390001). Срок был 07.05.2026.",
      "2026-05-08 ⏰ Ждём документ: soon — Школа № 1 (edu390001).",
    ])
    // Running again (a second instance, or after another restart) queues nothing more.
    clock.advance(10 * 60_000)
    await runner().runDue()
    expect(await suite.db.prisma.outbox.count()).toBe(3)
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
})
