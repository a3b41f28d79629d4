import { describe, expect, it } from "vitest"
import { availableDatabases } from "../../../support/db.ts"
import { contextForm2021 } from "../../../support/fixtures/workbooks.ts"
import { adminSuite } from "../../../support/services.ts"

/** Issue 9 #4: the context-data form lists the whole region; a municipal coordinator may change only her schools. */
describe.each(availableDatabases())("the school directory's scope on %s", (kind) => {
  const suite = adminSuite(kind)

  async function coordinatorOf(municipalityId: number) {
    const user = await suite.services.access.resolveActor({ telegramId: 50, firstName: "Координатор" })
    await suite.db.prisma.roleGrant.create({ data: { userId: user.userId, role: "municipal_coordinator", municipalityId } })
    return suite.services.access.resolveActor({ telegramId: 50, firstName: "Координатор" })
  }

  it("updates only the coordinator's schools, lists the others as skipped and creates no unknown school", async () => {
    const hers = await suite.db.prisma.municipality.create({ data: { name: "Первый район" } })
    const other = await suite.db.prisma.municipality.create({ data: { name: "Второй район" } })
    await suite.db.prisma.school.create({ data: { key: "220001", login: "sch220001", name: "Своя", municipalityId: hers.id } })
    await suite.db.prisma.school.create({ data: { key: "220002", login: "sch220002", name: "Чужая", pupils: 7, municipalityId: other.id } })
    const coordinator = await coordinatorOf(hers.id)

    const outcome = await suite.services.directory.importForm(coordinator, await contextForm2021(["sch220001", "sch220002", "sch229999"]))
    expect(outcome).toMatchObject({
      ok: true, created: 0, updated: 1,
      skipped: [{ login: "sch220002", why: "other-municipality" }, { login: "sch229999", why: "unknown" }],
    })
    const schools = await suite.db.prisma.school.findMany({ orderBy: { key: "asc" } })
    expect(schools.map((school) => [school.key, school.name, school.pupils])).toEqual([
      ["220001", 'МБОУ "Лицей № 2"', 400],
      ["220002", "Чужая", 7],
    ])
  })

  it("lets an admin fill the whole directory, as before", async () => {
    const outcome = await suite.services.directory.importForm(suite.admin, await contextForm2021(["sch220001", "sch220002"]))
    expect(outcome).toMatchObject({ ok: true, created: 2, updated: 0, skipped: [] })
  })
})
