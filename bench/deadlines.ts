/**
 * The deadline planners on an in-memory PGlite at the size of a region: municipalities × schools × ВПР works, one
 * school coordinator per school and one municipal coordinator per municipality. Measures the schedule planner (first
 * run: creates every item; second run: nothing changed), the reminder planner on a morning when every school gets a
 * follow-up, and a quiet run with nothing due — the cost the scheduler pays every five minutes.
 *
 *   npx tsx bench/deadlines.ts
 */
import { pathToFileURL } from "node:url"
import { openDatabase } from "../src/db/client.ts"
import { instantAt } from "../src/domain/calendar/zoned.ts"
import { silentLogger } from "../src/logger.ts"
import { createServices } from "../src/services/index.ts"
import { TestClock } from "../test/support/services.ts"
import { ms, row, timed } from "./support.ts"

const MUNICIPALITIES = 4
const SCHOOLS = 50
const PROCEDURES = [["Математика", 4], ["Русский язык", 4], ["Математика", 5], ["Русский язык", 5], ["Математика", 6], ["Русский язык", 6]] as const
const DATES = ["2026-04-21", "2026-04-22", "2026-04-23", "2026-04-24", "2026-04-28", "2026-04-29"]

export async function runDeadlinesBench(): Promise<void> {
  const works = MUNICIPALITIES * SCHOOLS * PROCEDURES.length
  console.log(`deadlines bench — PGlite in memory; ${MUNICIPALITIES} municipalities × ${SCHOOLS} schools × ${PROCEDURES.length} works = ${works} scheduled works`)
  const db = await openDatabase("postgresql://pglite/")
  try {
    const clock = new TestClock(instantAt("2026-04-10", 10 * 60, "Asia/Barnaul"))
    const services = createServices({ prisma: db.prisma, clock, logger: silentLogger }, { adminIds: [], inviteTtlHours: 72, defaultTimeZone: "Asia/Barnaul" })
    let telegramId = 1_000_000
    for (let m = 0; m < MUNICIPALITIES; m++) {
      const municipality = await db.prisma.municipality.create({ data: { name: `Район ${m + 1}` } })
      const coordinator = await db.prisma.user.create({ data: { telegramId: BigInt(telegramId++), firstName: "Координатор" } })
      await db.prisma.roleGrant.create({ data: { userId: coordinator.id, role: "municipal_coordinator", municipalityId: municipality.id } })
      for (let s = 0; s < SCHOOLS; s++) {
        const key = String(220000 + m * 1000 + s)
        const school = await db.prisma.school.create({ data: { key, login: `edu${key}`, municipalityId: municipality.id } })
        const head = await db.prisma.user.create({ data: { telegramId: BigInt(telegramId++), firstName: "Школа" } })
        await db.prisma.roleGrant.create({ data: { userId: head.id, role: "school_coordinator", schoolId: school.id } })
        await db.prisma.scheduledProcedure.createMany({
          data: PROCEDURES.map(([subject, grade], index) => ({ schoolId: school.id, procedure: `ВПР|2026|${subject}|${grade}`, date: DATES[(index + s) % DATES.length]! })),
        })
      }
    }
    const first = await timed(() => services.deadlines.planSchedule())
    row("schedule planner, first run (creates)", ms(first.ms), `${first.value.created} items`)
    const second = await timed(() => services.deadlines.planSchedule())
    row("schedule planner, nothing changed", ms(second.ms), `${second.value.updated} updated`)

    // 27 April 08:58: three working days before most upload deadlines, every school gets follow-ups.
    clock.advance(instantAt("2026-04-27", 8 * 60 + 58, "Asia/Barnaul").getTime() - clock.now().getTime())
    const busy = await timed(() => services.deadlines.planNotices(clock.now()))
    row("reminder planner, a busy morning", ms(busy.ms), `${busy.value.messages} messages`)
    const again = await timed(() => services.deadlines.planNotices(clock.now()))
    row("reminder planner, same moment again", ms(again.ms), `${again.value.messages} messages`)
    clock.advance(2 * 3600_000)
    const quiet = await timed(() => services.deadlines.planNotices(clock.now()))
    row("reminder planner, nothing due (every 5 min)", ms(quiet.ms), `${quiet.value.messages} messages`)
    const pending = await db.prisma.deadline.count({ where: { status: "pending" } })
    row("pending items looked at", String(pending))
  } finally {
    await db.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runDeadlinesBench()
