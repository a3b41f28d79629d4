import { describe, expect, it } from "vitest"
import { packParticipants } from "../../../../src/services/participants/packed.ts"
import { availableDatabases } from "../../../support/db.ts"
import { adminSuite } from "../../../support/services.ts"
import { storedParticipants } from "../../../support/stored-participants.ts"

describe.each(availableDatabases())("КДР scales on %s", (kind) => {
  const suite = adminSuite(kind)

  /** Two municipalities with one school each, КДР results stored as the intake stores them (no scale, no marks). */
  async function world() {
    const prisma = suite.db.prisma
    const procedure = "КДР|2026|Математика|7"
    const spec = await prisma.procedureSpec.create({ data: { kind: "КДР", year: 2026, subject: "Математика", grade: 7, version: 1, tasks: [{ label: "1", max: 20, level: "Б" }], maxTotal: 20, source: "test" } })
    const upload = await prisma.upload.create({ data: { sha256: "x", size: 1, fileName: "kdr.xlsx", bytes: new Uint8Array(0) } })
    const actors = []
    for (const [index, name] of ["Север", "Юг"].entries()) {
      const municipality = await prisma.municipality.create({ data: { name } })
      const school = await prisma.school.create({ data: { key: `22000${index}`, login: `edu22000${index}`, municipalityId: municipality.id } })
      const participants = Array.from({ length: 20 }, (_, pupil) => ({
        schoolKey: school.key, code: String(1000 + pupil), className: "7А", variant: 1, absent: pupil === 19, cells: pupil === 19 ? [] : [pupil], total: pupil === 19 ? null : pupil, mark: null, journalMark: null, sex: null,
      }))
      const set = await prisma.resultSet.create({ data: { specId: spec.id, schoolId: school.id, procedure, version: 1, uploadId: upload.id, present: 19, absent: 1 } })
      await prisma.$executeRawUnsafe(`UPDATE "ResultSet" SET packed = decode($1, 'base64') WHERE id = $2`, packParticipants(participants as never), set.id)
      const user = await prisma.user.create({ data: { telegramId: BigInt(500 + index), firstName: name } })
      await prisma.roleGrant.create({ data: { userId: user.id, role: "municipal_coordinator", municipalityId: municipality.id } })
      actors.push(await suite.services.access.resolveActor({ telegramId: 500 + index, firstName: name }))
    }
    return { procedure, north: actors[0]!, south: actors[1]! }
  }

  it("proposes within the coordinator's scope, refuses an impossible scale, and keeps the old version when confirming", async () => {
    const { procedure, north } = await world()
    const teacher = await suite.services.access.resolveActor({ telegramId: 600, firstName: "Учитель" })
    expect(await suite.services.kdr.propose(teacher, procedure)).toMatchObject({ ok: false, reason: "not_allowed" })
    expect(await suite.services.kdr.procedures(north)).toMatchObject([{ id: procedure, schools: 1, participants: 19, scale: null }])
    const proposal = await suite.services.kdr.propose(north, procedure)
    if (!proposal.ok) throw new Error("proposal")
    expect(proposal).toMatchObject({ participants: 19, schools: 1, maxTotal: 20 })
    // ВПР 2022 maths grade 7 (7/12/16 of 19) carried over to 20 points.
    expect(proposal.proposals.map((item) => [item.kind, item.scale])).toEqual([
      ["shares", expect.any(Object)],
      ["reference", { "3": 8, "4": 13, "5": 17 }],
    ])
    expect(await suite.services.kdr.confirm(north, procedure, { "3": 10, "4": 9, "5": 30 })).toEqual({ ok: false, reason: "problems", problems: ["kdr-scale-invalid"] })
    const confirmed = await suite.services.kdr.confirm(north, procedure, { "3": 8, "4": 13, "5": 17 })
    expect(confirmed).toMatchObject({ ok: true, version: 2, schools: 1, participants: 19, marks: { counts: { 2: 8, 3: 5, 4: 4, 5: 2 } } })
    // Only the north's school got a new version with marks; the south's results are untouched, both old versions kept.
    const sets = await suite.db.prisma.resultSet.findMany({ orderBy: [{ schoolId: "asc" }, { version: "asc" }], select: { version: true, isCurrent: true, school: { select: { login: true } } } })
    expect(sets.map((set) => [set.school.login, set.version, set.isCurrent])).toEqual([["edu220000", 1, false], ["edu220000", 2, true], ["edu220001", 1, true]])
    const marks = (await storedParticipants(suite.db.prisma, { isCurrent: true, school: { login: "edu220000" } })).map(({ total, mark, absent }) => ({ total, mark, absent }))
    expect(marks.filter((row) => row.absent)).toEqual([{ total: null, mark: null, absent: true }])
    expect(marks.filter((row) => !row.absent).every((row) => row.mark === (row.total! >= 17 ? 5 : row.total! >= 13 ? 4 : row.total! >= 8 ? 3 : 2))).toBe(true)
  })
})
