import { describe, expect, it } from "vitest"
import type { RoleName } from "../../../../src/services/access/roles.ts"
import { buildSpecTemplate } from "../../../../src/services/specs/workbook.ts"
import { availableDatabases } from "../../../support/db.ts"
import { adminSuite } from "../../../support/services.ts"
import { classRows, collectionForm, MATH_4_2022 } from "../../../support/workbooks.ts"
import { storedParticipants } from "../../../support/stored-participants.ts"

const FILE_NAME = "Математика 4 класс ВПР 2022.xlsx"

/** Issue 9 #5: a spec a municipal coordinator sends applies to her municipality, never to the region's other ones. */
describe.each(availableDatabases())("the scope of a spec on %s", (kind) => {
  const suite = adminSuite(kind)

  async function municipalityWithSchool(name: string, key: string) {
    const municipality = await suite.db.prisma.municipality.create({ data: { name } })
    const school = await suite.db.prisma.school.create({ data: { key, login: `edu${key}`, municipalityId: municipality.id } })
    return { municipality, school }
  }

  async function userWith(telegramId: number, role: RoleName, scope: { municipalityId: number } | { schoolId: number }) {
    const user = await suite.services.access.resolveActor({ telegramId, firstName: role })
    await suite.db.prisma.roleGrant.create({ data: { userId: user.userId, role, ...scope } })
    return suite.services.access.resolveActor({ telegramId, firstName: role })
  }

  /** Every task of ВПР 2022 Математика 4 worth 1 point: the class's valid scores of 2 and more break it. */
  const onePointEach = () =>
    buildSpecTemplate({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4, tasks: MATH_4_2022.tasks.map((task) => ({ label: task.label, max: 1, level: task.level })) })

  it("a coordinator's spec changes her municipality's reads only; a region-wide one is an admin's", async () => {
    const north = await municipalityWithSchool("Северный район", "223101")
    const south = await municipalityWithSchool("Южный район", "223201")
    const coordinator = await userWith(301, "municipal_coordinator", { municipalityId: north.municipality.id })
    const northTeacher = await userWith(302, "teacher", { schoolId: north.school.id })
    const southTeacher = await userWith(303, "teacher", { schoolId: south.school.id })
    const given = { given: { warningsConfirmed: true } }

    const saved = await suite.services.intake.receive(coordinator, { bytes: await onePointEach(), fileName: "spec.xlsx" })
    expect(saved).toMatchObject({ step: "stored", stored: { kind: "spec", municipality: "Северный район" } })
    const row = await suite.db.prisma.procedureSpec.findFirstOrThrow({ where: { kind: "ВПР", year: 2022, subject: "Математика", grade: 4, createdById: coordinator.userId } })
    expect(row.municipalityId).toBe(north.municipality.id)

    // The defect: a valid file of a teacher in another municipality failed with errors against the coordinator's spec.
    const southUpload = await suite.services.intake.receive(southTeacher, { bytes: await collectionForm(classRows(8)), fileName: FILE_NAME }, given)
    expect(southUpload, JSON.stringify(southUpload).slice(0, 500)).toMatchObject({ step: "stored", stored: { kind: "results", schools: 1, present: 8 } })

    // In her own municipality the coordinator's spec is the one read with.
    const northUpload = await suite.services.intake.receive(northTeacher, { bytes: await collectionForm(classRows(8, 50001)), fileName: FILE_NAME }, given)
    expect(northUpload.step).not.toBe("stored")
    const errors = northUpload.notices.find((notice) => notice.notice === "errors")
    expect(errors?.notice === "errors" && errors.problems.errors).toBeGreaterThan(0)

    // An admin's spec is region-wide: it reaches the south too.
    // The south's stored results would not read with it (scores of 2 and more): that is asked about before it is saved.
    const asked = await suite.services.intake.receive(suite.admin, { bytes: await onePointEach(), fileName: "spec.xlsx" })
    if (asked.step !== "question" || asked.question.ask !== "confirm-spec-changes") throw new Error(`expected the changes asked about, got ${asked.step}`)
    expect(asked.question.changes.schools.map((school) => [school.login, school.overMax > 0])).toEqual([["edu223201", true]])
    expect(await suite.db.prisma.procedureSpec.count({ where: { createdById: suite.admin.userId } })).toBe(0)
    const regionWide = await suite.services.intake.answer(suite.admin, asked.session, { specChangesConfirmed: true })
    expect(regionWide).toMatchObject({ step: "stored", stored: { kind: "spec", municipality: null } })
    const southAgain = await suite.services.intake.receive(southTeacher, { bytes: await collectionForm(classRows(8, 60001)), fileName: FILE_NAME }, given)
    expect(southAgain.step).not.toBe("stored")
  })

  it("before a spec is saved, says what it would change in the stored results of the sender's schools (issue 9)", async () => {
    const north = await municipalityWithSchool("Северный район", "223101")
    const south = await municipalityWithSchool("Южный район", "223201")
    const coordinator = await userWith(321, "municipal_coordinator", { municipalityId: north.municipality.id })
    const given = { given: { warningsConfirmed: true } }
    for (const [telegramId, school, first] of [[322, north.school, 40001], [323, south.school, 50001]] as const) {
      const teacher = await userWith(telegramId, "teacher", { schoolId: school.id })
      const stored = await suite.services.intake.receive(teacher, { bytes: await collectionForm(classRows(9, first)), fileName: FILE_NAME }, given)
      expect(stored.step).toBe("stored")
    }
    // Counted from the stored rows themselves, independently of the re-scoring.
    const northRows = (await storedParticipants(suite.db.prisma, { schoolId: north.school.id })).filter((row) => !row.absent)
    const spec = (change: Partial<Parameters<typeof buildSpecTemplate>[0]> = {}) =>
      buildSpecTemplate({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4, tasks: MATH_4_2022.tasks, scale: MATH_4_2022.scale!, ...change })

    // The same spec changes nothing, and says so.
    expect(await suite.services.specs.check(coordinator, await spec())).toMatchObject({ ok: true, changes: { rows: 9, schools: [] } })
    // «5» from 3 points: the rows whose stored mark differs change — in her school only, the south's are not hers.
    const lenient = { "3": 1, "4": 2, "5": 3 }
    const lenientMark = (total: number) => (total >= 3 ? 5 : total >= 2 ? 4 : total >= 1 ? 3 : 2)
    const allFives = await suite.services.specs.check(coordinator, await spec({ scale: lenient }))
    const changedMarks = northRows.filter((row) => row.mark !== lenientMark(row.total!)).length
    expect(changedMarks).toBeGreaterThan(0)
    expect(allFives).toMatchObject({ ok: true, changes: { rows: 9, schools: [{ login: "edu223101", rows: 9, marks: changedMarks, overMax: 0, misfit: false }] } })
    // Every task worth 1 point: rows scoring 2 somewhere would become errors.
    const onePoint = await suite.services.specs.check(coordinator, await onePointEach())
    expect(onePoint.ok && onePoint.changes.schools[0]!.overMax).toBe(northRows.filter((row) => row.cells.some((cell) => cell > 1)).length)
    // Another number of tasks: the stored rows cannot be read with it at all.
    const fewer = await suite.services.specs.check(coordinator, await spec({ tasks: MATH_4_2022.tasks.slice(1) }))
    expect(fewer.ok && fewer.changes.schools.map((school) => [school.login, school.misfit])).toEqual([["edu223101", true]])
    // An admin's spec is region-wide: both schools are read again.
    const regionWide = await suite.services.specs.check(suite.admin, await spec({ scale: lenient }))
    expect(regionWide.ok && regionWide.changes.rows).toBe(18)
    // Nothing was saved by a check; the spec checked is saved as it was read.
    expect(await suite.db.prisma.procedureSpec.count({ where: { createdById: coordinator.userId } })).toBe(0)
    if (!allFives.ok) throw new Error("not read")
    expect(await suite.services.specs.saveRead(coordinator, allFives.spec)).toMatchObject({ ok: true, municipality: "Северный район", spec: { scale: lenient } })
  })

  it("a coordinator of several municipalities is not guessed a scope", async () => {
    const east = await municipalityWithSchool("Восточный район", "223301")
    const west = await municipalityWithSchool("Западный район", "223401")
    const coordinator = await userWith(311, "municipal_coordinator", { municipalityId: east.municipality.id })
    await suite.db.prisma.roleGrant.create({ data: { userId: coordinator.userId, role: "municipal_coordinator", municipalityId: west.municipality.id } })
    const both = await suite.services.access.resolveActor({ telegramId: 311, firstName: "municipal_coordinator" })
    expect(await suite.services.specs.save(both, await onePointEach())).toEqual({ ok: false, reason: "not_allowed", outside: [] })
  })
})
