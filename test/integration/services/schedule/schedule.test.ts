import { describe, expect, it } from "vitest"
import { adminSuite } from "../../../support/services.ts"
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
})
