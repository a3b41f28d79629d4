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
    for (const schoolId of context.schools.values()) {
      for (const { subject, grade, inDays } of SUBJECTS) {
        const outcome = await context.services.schedule.save(coordinator, {
          schoolId,
          procedure: { kind: "ВПР", year, subject, grade },
          date: addDays(today, inDays),
          startMinutes: 9 * 60,
          rooms: 1,
        })
        if (!outcome.ok) throw new Error(`the demo schedule was refused: ${outcome.reason}`)
      }
    }
  },
}
