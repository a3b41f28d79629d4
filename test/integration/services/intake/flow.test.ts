import { describe, expect, it } from "vitest"
import type { RoleName } from "../../../../src/services/access/roles.ts"
import type { IntakeStep } from "../../../../src/services/intake/flow.ts"
import { sha256 } from "../../../../src/services/uploads/uploads.ts"
import { buildSpecTemplate } from "../../../../src/services/specs/workbook.ts"
import { availableDatabases } from "../../../support/db.ts"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import { collectionForm as fixtureForm, contextForm2021, export2021 } from "../../../support/fixtures/workbooks.ts"
import { adminSuite } from "../../../support/services.ts"
import { classRows, collectionForm, MATH_4_2022 } from "../../../support/workbooks.ts"

const MATH_4 = { kind: "ВПР", year: 2022, subject: "Математика", grade: 4 } as const

function asked(step: IntakeStep) {
  if (step.step !== "question") throw new Error(`expected a question, got ${JSON.stringify(step).slice(0, 300)}`)
  return step
}

/** The front door as both drivers use it: the bot answers questions one by one, the command line gives them up front. */
describe.each(availableDatabases())("the intake flow on %s", (kind) => {
  const suite = adminSuite(kind)

  async function userWith(telegramId: number, role: RoleName) {
    const municipality = await suite.db.prisma.municipality.create({ data: { name: `Район ${telegramId}` } })
    const school = await suite.db.prisma.school.create({ data: { key: "223017", login: "edu223017", municipalityId: municipality.id } })
    const user = await suite.services.access.resolveActor({ telegramId, firstName: role })
    const scope = role === "municipal_coordinator" ? { municipalityId: municipality.id } : { schoolId: school.id }
    await suite.db.prisma.roleGrant.create({ data: { userId: user.userId, role, ...scope } })
    return suite.services.access.resolveActor({ telegramId, firstName: role })
  }

  it("asks the procedure a file does not tell, takes a teacher's own school, lists the warnings and stores on confirmation", async () => {
    const teacher = await userWith(2, "teacher")
    const rows = classRows(12)
    rows[3] = { ...rows[3]!, total: 0 } // a recorded total that does not add up: a warning
    const bytes = await collectionForm(rows)
    const first = asked(await suite.services.intake.receive(teacher, { bytes, fileName: "результаты.xlsx" }))
    // The task columns fit two procedures: the likely ones are offered first, with what the header tells.
    expect(first.question).toMatchObject({ ask: "procedure", candidates: [MATH_4, { ...MATH_4, year: 2021 }], partial: { kind: "ВПР", subject: "Математика", grade: 4 } })
    expect(first.question.ask === "procedure" && first.question.known).toContainEqual(MATH_4)
    expect(first.notices).toEqual([])

    // The school is not asked: the teacher has one. The read's summary and its warnings come before the question.
    const second = asked(await suite.services.intake.answer(teacher, first.session, { procedure: MATH_4 }))
    expect(second.question).toEqual({ ask: "confirm-warnings" })
    expect(second.notices.map((notice) => notice.notice)).toEqual(["read", "warnings"])
    expect(second.notices[0]).toEqual({ notice: "read", procedure: MATH_4, schools: 1, present: 12, absent: 0 })
    expect(second.notices[1]).toMatchObject({ problems: { errors: 0, warnings: 1, shown: [{ code: "total-mismatch", cell: "U5" }] } })
    expect(second.session.choices).toEqual({ procedure: MATH_4, schoolLogin: "edu223017" })

    const done = await suite.services.intake.answer(teacher, second.session, { warningsConfirmed: true })
    expect(done).toMatchObject({ step: "stored", notices: [], stored: { kind: "results", procedure: MATH_4, schools: 1, created: 0, replaced: 0, present: 12, absent: 0 } })
    expect(await suite.db.prisma.upload.findUniqueOrThrow({ where: { id: first.session.uploadId } })).toMatchObject({ status: "imported", layout: "A" })
    // The import's record names the file kept on arrival (its bytes are not loaded again to store the results).
    const imported = await suite.db.prisma.auditLog.findFirstOrThrow({ where: { action: "results.imported" } })
    expect(imported.details).toMatchObject({ uploadId: first.session.uploadId, fileName: "результаты.xlsx", sha256: sha256(bytes), present: 12 })
    expect(await suite.db.prisma.analysisRun.count()).toBe(1)
    // An answer to an upload that has ended is refused.
    await expect(suite.services.intake.answer(teacher, second.session, { warningsConfirmed: true })).rejects.toThrow(/not open/)
  })

  it("asks the school when the sender has none of their own; only the sender may answer", async () => {
    const step = asked(await suite.services.intake.receive(suite.admin, { bytes: await collectionForm(classRows(5)), fileName: "Математика 4 класс ВПР 2022.xlsx" }))
    expect(step.question).toEqual({ ask: "school" })
    const stranger = await suite.services.access.resolveActor({ telegramId: 99, firstName: "Чужой" })
    await expect(suite.services.intake.answer(stranger, step.session, { schoolLogin: "edu223017" })).rejects.toThrow(/not open/)
    expect(await suite.services.intake.answer(suite.admin, step.session, { schoolLogin: " edu223018 " })).toMatchObject({
      step: "stored", notices: [{ notice: "read", schools: 1 }], stored: { schools: 1, created: 1 },
    })
  })

  it("offers to leave out rows with errors; the rows left out become warnings to confirm; cancelling stores nothing", async () => {
    const rows = classRows(6)
    rows[1] = { ...rows[1]!, scores: rows[1]!.scores!.map((score, index) => (index === 0 ? 5 : score)) }
    const file = { bytes: await collectionForm(rows), fileName: "Математика 4 класс ВПР 2022.xlsx" }
    const given = { schoolLogin: "edu223017" }
    const offer = asked(await suite.services.intake.receive(suite.admin, file, { given }))
    expect(offer.question).toEqual({ ask: "exclude-invalid-rows" })
    expect(offer.notices.map((notice) => notice.notice)).toEqual(["read", "errors"])
    expect(offer.notices[1]).toMatchObject({ problems: { errors: 1, shown: [{ code: "score-above-max", cell: "C3" }] } })

    // Leaving the rows out decides again on the rows already read: the kept file is not read a second time.
    await suite.db.prisma.upload.update({ where: { id: offer.session.uploadId }, data: { bytes: Buffer.from("not read again") } })
    const confirm = asked(await suite.services.intake.answer(suite.admin, offer.session, { excludeInvalidRows: true }))
    expect(confirm.question).toEqual({ ask: "confirm-warnings" })
    expect(confirm.notices).toMatchObject([{ notice: "warnings", problems: { errors: 0, warnings: 2, shown: [{ code: "row-excluded", cell: "A3" }, { code: "score-above-max", severity: "warning" }] } }])
    expect(await suite.services.intake.answer(suite.admin, confirm.session, { warningsConfirmed: true })).toMatchObject({ step: "stored", stored: { present: 5, excluded: 1 } })

    const again = asked(await suite.services.intake.receive(suite.admin, file, { given }))
    expect(await suite.services.intake.answer(suite.admin, again.session, { excludeInvalidRows: false })).toMatchObject({ step: "cancelled", declined: "exclude-invalid-rows" })
    expect(await suite.db.prisma.upload.findUniqueOrThrow({ where: { id: again.session.uploadId } })).toMatchObject({ status: "cancelled" })
    expect(await suite.db.prisma.resultSet.count()).toBe(1)
  })

  it("takes every answer up front, as the command line does: declined warnings store nothing, confirmed ones store at once", async () => {
    const rows = classRows(8)
    rows[0] = { ...rows[0]!, total: 0 }
    const file = { bytes: await collectionForm(rows), fileName: "результаты.xlsx" }
    const given = { procedure: MATH_4, schoolLogin: "edu223017", excludeInvalidRows: false }
    const declined = await suite.services.intake.receive(suite.admin, file, { given: { ...given, warningsConfirmed: false }, show: 50 })
    expect(declined).toMatchObject({ step: "cancelled", declined: "confirm-warnings", notices: [{ notice: "read" }, { notice: "warnings", problems: { warnings: 1 } }] })
    expect(await suite.services.intake.receive(suite.admin, file, { given: { ...given, warningsConfirmed: true } })).toMatchObject({ step: "stored", stored: { present: 8, excluded: 0 } })
  })

  it("refuses a file whose errors are not all in single rows, and one with pupils' names without keeping its bytes", async () => {
    const wrongHeader = await fixtureForm({ spec: MATH_4_2022, aggregated: false, rows: classRows(4), taskHeaders: MATH_4_2022.tasks.map((_, index) => `Задание ${index + 1}`) })
    const refused = await suite.services.intake.receive(suite.admin, { bytes: wrongHeader, fileName: "Математика 4 класс ВПР 2022.xlsx" }, { given: { schoolLogin: "edu223017" } })
    expect(refused.step).toBe("refused")
    const names = ["Иванов Иван", "Петрова Анна", "Сидоров Пётр", "Кузнецова Мария"]
    const withNames = await fixtureForm({ spec: MATH_4_2022, aggregated: false, rows: classRows(4).map((row, index) => ({ ...row, extra: { "ФИО": names[index]! } })), extraHeaders: ["ФИО"] })
    const step = await suite.services.intake.receive(suite.admin, { bytes: withNames, fileName: "Математика 4 класс ВПР 2022.xlsx" }, { given: { schoolLogin: "edu223017" } })
    expect(step).toMatchObject({ step: "refused", refusal: { reason: "problems", why: "errors" }, notices: [{ notice: "read" }, { notice: "errors", problems: { shown: [{ code: "names-column" }] } }] })
    const upload = await suite.db.prisma.upload.findFirstOrThrow({ orderBy: { id: "desc" } })
    expect([upload.status, upload.bytes.length]).toEqual(["rejected", 0])
  })

  describe("scope first: whose schools the file holds, asked before any error list", () => {
    const spec2021 = findSpec({ kind: "ВПР", year: 2021, subject: "Математика", grade: 4 })!
    /** A 2021 regional export: two schools of город Новоалтайск, one of Барнаул with a score above the maximum. */
    async function regionalExport() {
      const row = (login: string, municipality: string, code: number, score: number) => ({
        login, municipality, code, variant: 1 + (code % 2), className: "4А", sex: "м", journal: 4,
        scores: spec2021.tasks.map((task) => Math.min(task.max, score)),
      })
      const rows = [
        row("sch220001", "город Новоалтайск", 1, 1), row("sch220001", "город Новоалтайск", 2, 2),
        row("sch220002", "город Новоалтайск", 3, 1),
        row("sch220003", "город Барнаул", 4, 1), { ...row("sch220003", "город Барнаул", 5, 1), scores: spec2021.tasks.map(() => 99) },
      ]
      return { bytes: await export2021({ positions: spec2021.tasks.length, rows }), fileName: "Проведение работы по математике, 4 класс. ВПР 2021.xlsx" }
    }
    async function coordinator(telegramId: number) {
      const municipality = await suite.db.prisma.municipality.create({ data: { name: "г. Новоалтайск" } })
      const user = await suite.services.access.resolveActor({ telegramId, firstName: "Координатор" })
      await suite.db.prisma.roleGrant.create({ data: { userId: user.userId, role: "municipal_coordinator", municipalityId: municipality.id } })
      return suite.services.access.resolveActor({ telegramId, firstName: "Координатор" })
    }

    it("a coordinator is asked right after the read; «only mine» reads her schools alone, so the other municipality's errors are never listed", async () => {
      const actor = await coordinator(7)
      const scope = asked(await suite.services.intake.receive(actor, await regionalExport()))
      expect(scope.notices.map((notice) => notice.notice)).toEqual(["read"])
      expect(scope.problems).toBeNull()
      expect(scope.question).toEqual({
        ask: "scope", count: 2, others: 1, reference: true, municipalities: ["г. Новоалтайск"],
        mine: [{ login: "sch220001", name: null }, { login: "sch220002", name: null }],
      })
      const done = await suite.services.intake.answer(actor, scope.session, { scope: "mine" })
      expect(done).toMatchObject({ step: "stored", stored: { kind: "results", schools: 2, created: 2, present: 3, reference: 0 } })
      const schools = await suite.db.prisma.school.findMany({ include: { municipality: true }, orderBy: { key: "asc" } })
      expect(schools.map((school) => [school.key, school.municipality?.name])).toEqual([["220001", "г. Новоалтайск"], ["220002", "г. Новоалтайск"]])
    })

    it("«mine and the rest for comparison»: the other municipality's faulty row is left out unlisted (not hers to fix), the rest kept as the reference group", async () => {
      const actor = await coordinator(7)
      const scope = asked(await suite.services.intake.receive(actor, await regionalExport()))
      const done = await suite.services.intake.answer(actor, scope.session, { scope: "with-reference" })
      expect(done).toMatchObject({ step: "stored", notices: [], stored: { schools: 2, reference: 1, present: 3, referenceLeftOut: 1 } })
      expect(await suite.db.prisma.resultSet.findFirstOrThrow({ where: { reference: true } })).toMatchObject({ present: 1 })
      const sets = await suite.db.prisma.resultSet.findMany({ include: { school: { include: { municipality: true } } }, orderBy: { school: { key: "asc" } } })
      expect(sets.map((set) => [set.school.key, set.school.municipality?.name, set.reference])).toEqual([
        ["220001", "г. Новоалтайск", false], ["220002", "г. Новоалтайск", false], ["220003", "город Барнаул", true],
      ])
    })

    it("the command line's answers given up front read the file again with the sender's schools told apart", async () => {
      const actor = await coordinator(7)
      const done = await suite.services.intake.receive(actor, await regionalExport(), { given: { scope: "with-reference", excludeInvalidRows: false, warningsConfirmed: false } })
      expect(done).toMatchObject({ step: "stored", notices: [{ notice: "read" }], stored: { schools: 2, reference: 1, referenceLeftOut: 1 } })
    })

    it("a teacher is offered her school only; a file with none of hers is refused at once, before any error", async () => {
      const municipality = await suite.db.prisma.municipality.create({ data: { name: "город Новоалтайск" } })
      const school = await suite.db.prisma.school.create({ data: { key: "220002", login: "sch220002", municipalityId: municipality.id } })
      const user = await suite.services.access.resolveActor({ telegramId: 8, firstName: "Учитель" })
      await suite.db.prisma.roleGrant.create({ data: { userId: user.userId, role: "teacher", schoolId: school.id } })
      const teacher = await suite.services.access.resolveActor({ telegramId: 8, firstName: "Учитель" })
      const scope = asked(await suite.services.intake.receive(teacher, await regionalExport()))
      expect(scope.question).toMatchObject({ ask: "scope", count: 1, others: 2, reference: false })
      expect(await suite.services.intake.answer(teacher, scope.session, { scope: "mine" })).toMatchObject({ step: "stored", stored: { schools: 1, present: 1 } })

      await suite.db.prisma.school.update({ where: { id: school.id }, data: { key: "229999", login: "sch229999" } })
      const refused = await suite.services.intake.receive(teacher, await regionalExport())
      expect(refused).toMatchObject({ step: "refused", notices: [{ notice: "read" }], refusal: { reason: "not_allowed", noneOfSender: true, kind: "results" } })
      expect(await suite.db.prisma.upload.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ status: "rejected" })
    })
  })

  it("routes the other kinds at once: the context-data form fills the directory for a coordinator and is refused for a teacher", async () => {
    const teacher = await userWith(3, "teacher")
    const form = { bytes: await contextForm2021(["sch223017", "sch229999"]), fileName: "Сбор контекстных данных об ОО и участниках ВПР 2021.xlsx" }
    expect(await suite.services.intake.receive(teacher, form)).toMatchObject({
      step: "refused", refusal: { kind: "context-form", why: "unreadable", problems: [{ code: "layout-context-form", params: { year: "2021" } }] },
    })
    expect(await suite.services.intake.receive(suite.admin, form)).toMatchObject({ step: "stored", stored: { kind: "context-form", form: 2021, created: 1, updated: 1 } })
    const kept = await suite.db.prisma.upload.findFirstOrThrow({ orderBy: { id: "desc" } })
    expect([kept.status, kept.layout, kept.bytes.length]).toEqual(["imported", "context-form", 0])
  })

  it("saves a spec workbook sent like any file from a coordinator, and tells anyone else who may", async () => {
    const teacher = await userWith(4, "teacher")
    const bytes = await buildSpecTemplate({ kind: "КДР", year: 2026, subject: "Математика", grade: 4, tasks: [{ label: "1", max: 2, level: "Б" }] })
    expect(await suite.services.intake.receive(teacher, { bytes, fileName: "spec.xlsx" })).toMatchObject({ step: "refused", refusal: { reason: "not_allowed", kind: "spec" } })
    expect(await suite.services.intake.receive(suite.admin, { bytes, fileName: "spec.xlsx" })).toMatchObject({ step: "stored", stored: { kind: "spec", spec: { kind: "КДР", version: 1 } } })
  })
})
