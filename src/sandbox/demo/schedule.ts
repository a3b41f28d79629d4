import { addDays, wallClock } from "../../domain/calendar/index.ts"
import { DEMO_MUNICIPALITY } from "./files.ts"
import type { DemoSeed } from "./index.ts"

const SUBJECTS = [
  { subject: "Математика", grade: 4, inDays: 3 },
  { subject: "Русский язык", grade: 4, inDays: 5 },
  { subject: "Математика", grade: 5, inDays: 8 },
]

/** ВПР dates of the coming weeks for every demo school, entered by the municipal coordinator. */
export const scheduleSeed: DemoSeed = {
  name: "schedule",
  async seed(context) {
    const coordinator = await context.actor("municipal-coordinator")
    if ((await context.services.schedule.list(coordinator)).length > 0) return // seeded on an earlier start
    const today = wallClock(context.deps.clock.now(), DEMO_MUNICIPALITY.timeZone).date
    const year = Number(today.slice(0, 4))
    // All at once, as a coordinator's table is: each school coordinator is asked to confirm her dates in one message.
    const entries = [...context.schools.values()].flatMap((schoolId) =>
      SUBJECTS.map(({ subject, grade, inDays }) => ({ schoolId, procedure: { kind: "ВПР" as const, year, subject, grade }, date: addDays(today, inDays), startMinutes: 9 * 60, rooms: 1 })),
    )
    const outcome = await context.services.schedule.saveMany(coordinator, entries)
    if (!outcome.ok) throw new Error(`the demo schedule was refused: ${outcome.reason}`)
  },
}
