import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import { CELL_NO_ANSWER, CELL_NOT_TAUGHT, type ParticipantResult, type ProcedureSpec } from "../../../../src/domain/results.ts"
import { importResults, restoreVersion } from "../../../../src/services/results/import.ts"
import { loadProcedureResults } from "../../../../src/services/analysis/current-results.ts"
import { availableDatabases } from "../../../support/db.ts"
import { importRequest } from "../../../support/import-request.ts"
import { adminSuite } from "../../../support/services.ts"

const spec = findSpec({ kind: "ВПР", year: 2021, subject: "Математика", grade: 4 }) as ProcedureSpec

function pupils(schoolKey: string, count: number, score: number): ParticipantResult[] {
  return Array.from({ length: count }, (_, index) => {
    const absent = index === count - 1
    const cells = absent ? [] : spec.tasks.map((task, t) => (t === 0 ? CELL_NO_ANSWER : t === 1 ? CELL_NOT_TAUGHT : Math.min(task.max, score)))
    const total = absent ? null : cells.reduce((sum, cell) => sum + Math.max(0, cell), 0)
    return { schoolKey, code: String(40001 + index), className: "А", variant: absent ? null : 1 + (index % 2), absent, cells, total, mark: null, journalMark: absent ? null : 4, sex: null }
  })
}

const request = (participants: ParticipantResult[], schools: string[]) => importRequest(spec, participants, schools)

describe.each(availableDatabases())("results import on %s", (kind) => {
  const suite = adminSuite(kind)

  it("stores the file, one version per school, and reads back the same cells", async () => {
    const outcome = await importResults(suite.deps, suite.admin, request([...pupils("223017", 5, 1), ...pupils("223018", 3, 2)], ["223017", "223018"]))
    expect(outcome).toMatchObject({ ok: true, present: 6, absent: 2 })
    const upload = await suite.db.prisma.upload.findFirstOrThrow()
    expect(upload.status).toBe("imported")
    expect(upload.sha256).toMatch(/^[0-9a-f]{64}$/)
    // The exact uploaded file is kept.
    const { createHash } = await import("node:crypto")
    expect(createHash("sha256").update(upload.bytes).digest("hex")).toBe(upload.sha256)
    expect(upload.bytes.length).toBe(upload.size)
    const loaded = await loadProcedureResults(suite.db.prisma, spec)
    expect(loaded?.schools.map((school) => [school.schoolKey, school.participants.length])).toEqual([["223017", 5], ["223018", 3]])
    const first = loaded!.schools[0]!.participants[0]!
    expect(first.cells.slice(0, 3)).toEqual([CELL_NO_ANSWER, CELL_NOT_TAUGHT, 1])
    expect(loaded!.schools[0]!.participants.at(-1)).toMatchObject({ absent: true, cells: [], total: null })
  })

  it("re-sending a school's results makes a new current version; the old one can be restored", async () => {
    await importResults(suite.deps, suite.admin, request(pupils("223017", 5, 1), ["223017"]))
    const second = await importResults(suite.deps, suite.admin, request(pupils("223017", 7, 2), ["223017"]))
    expect(second).toMatchObject({ ok: true, schools: [{ version: 2, present: 6 }] })
    expect((await loadProcedureResults(suite.db.prisma, spec))!.schools[0]!.participants).toHaveLength(7)
    const old = await suite.db.prisma.resultSet.findFirstOrThrow({ where: { version: 1 } })
    expect(await restoreVersion(suite.deps, suite.admin, old.id)).toEqual({ ok: true })
    expect((await loadProcedureResults(suite.db.prisma, spec))!.schools[0]!.participants).toHaveLength(5)
  })

  it("refuses a teacher's upload for another school and keeps nothing", async () => {
    const school = await suite.db.prisma.school.create({ data: { key: "223017", login: "edu223017" } })
    await suite.db.prisma.school.create({ data: { key: "223099", login: "edu223099" } })
    const teacherUser = await suite.services.access.resolveActor({ telegramId: 2, firstName: "Teacher" })
    await suite.db.prisma.roleGrant.create({ data: { userId: teacherUser.userId, role: "teacher", schoolId: school.id } })
    const teacher = await suite.services.access.resolveActor({ telegramId: 2, firstName: "Teacher" })
    expect(await importResults(suite.deps, teacher, request(pupils("223099", 3, 1), ["223099"]))).toEqual({ ok: false, reason: "not_allowed", outside: ["edu223099"] })
    expect(await importResults(suite.deps, teacher, request(pupils("223017", 3, 1), ["223017"]))).toMatchObject({ ok: true })
    expect(await suite.db.prisma.upload.count()).toBe(1)
  })

  describe("a regional export: every school in its own municipality", () => {
    /** Schools 1–2 of город Новоалтайск (typed «г. Новоалтайск» in the directory), 3 of Барнаул, 4 of a municipality new to the directory. */
    const regional = (participants: ParticipantResult[]) => ({
      ...request(participants, []),
      schools: [
        { key: "220001", login: "edu220001", municipality: "город Новоалтайск" },
        { key: "220002", login: "edu220002", municipality: "город  Новоалтайск" },
        { key: "220003", login: "edu220003", municipality: "г. Барнаул" },
        { key: "220004", login: "edu220004", municipality: "Алтайский муниципальный район" },
      ],
    })
    const all = () => [...pupils("220001", 4, 1), ...pupils("220002", 3, 1), ...pupils("220003", 5, 2), ...pupils("220004", 2, 1)]
    async function coordinatorOf(name: string, telegramId: number) {
      const municipality = (await suite.db.prisma.municipality.findUnique({ where: { name } })) ?? (await suite.db.prisma.municipality.create({ data: { name } }))
      const user = await suite.services.access.resolveActor({ telegramId, firstName: "Coordinator" })
      await suite.db.prisma.roleGrant.create({ data: { userId: user.userId, role: "municipal_coordinator", municipalityId: municipality.id } })
      return { municipality, actor: await suite.services.access.resolveActor({ telegramId, firstName: "Coordinator" }) }
    }
    const placed = async () =>
      Object.fromEntries((await suite.db.prisma.school.findMany({ include: { municipality: true }, orderBy: { key: "asc" } })).map((school) => [school.key, school.municipality?.name ?? null]))
    const sets = async () =>
      (await suite.db.prisma.resultSet.findMany({ where: { isCurrent: true }, include: { school: true }, orderBy: { school: { key: "asc" } } })).map((set) => [set.school.key, set.version, set.reference])

    it("an admin's upload places each school in the municipality its rows name, creating the ones the directory lacks once", async () => {
      await suite.db.prisma.municipality.create({ data: { name: "г. Новоалтайск" } })
      expect(await importResults(suite.deps, suite.admin, regional(all()))).toMatchObject({ ok: true, keptOwn: [] })
      expect(await placed()).toEqual({ "220001": "г. Новоалтайск", "220002": "г. Новоалтайск", "220003": "г. Барнаул", "220004": "Алтайский муниципальный район" })
      expect(await suite.db.prisma.municipality.count()).toBe(3)
      expect((await sets()).every(([, , reference]) => reference === false)).toBe(true)
    })

    it("a coordinator's regional upload: her schools hers, the rest only as the reference group; refused without that choice", async () => {
      const { actor } = await coordinatorOf("г. Новоалтайск", 5)
      expect(await importResults(suite.deps, actor, regional(all()))).toEqual({ ok: false, reason: "not_allowed", outside: ["edu220003", "edu220004"] })
      expect(await suite.db.prisma.school.count()).toBe(0)
      const outcome = await importResults(suite.deps, actor, { ...regional(all()), others: "reference" })
      expect(outcome).toMatchObject({ ok: true, present: 10, absent: 4 })
      expect(await placed()).toEqual({ "220001": "г. Новоалтайск", "220002": "г. Новоалтайск", "220003": "г. Барнаул", "220004": "Алтайский муниципальный район" })
      expect(await sets()).toEqual([["220001", 1, false], ["220002", 1, false], ["220003", 1, true], ["220004", 1, true]])
      // The reference group counts in the aggregates: every school is in the analysis' input.
      expect((await loadProcedureResults(suite.db.prisma, spec))!.schools).toHaveLength(4)
    })

    it("a municipality's own upload replaces the reference copy, and a later reference copy never replaces its own", async () => {
      const novoaltaisk = await coordinatorOf("г. Новоалтайск", 5)
      await importResults(suite.deps, novoaltaisk.actor, { ...regional(all()), others: "reference" })
      const barnaul = await coordinatorOf("г. Барнаул", 6) // the municipality the export created
      expect(await importResults(suite.deps, barnaul.actor, { ...request(pupils("220003", 6, 3), ["220003"]) })).toMatchObject({ ok: true, schools: [{ version: 2, reference: false }] })
      const again = await importResults(suite.deps, novoaltaisk.actor, { ...regional(all()), others: "reference" })
      expect(again).toMatchObject({ ok: true, keptOwn: ["edu220003"] })
      expect(await sets()).toEqual([["220001", 2, false], ["220002", 2, false], ["220003", 2, false], ["220004", 2, true]])
      expect((await loadProcedureResults(suite.db.prisma, spec))!.schools.find((school) => school.schoolKey === "220003")!.participants).toHaveLength(6)
    })

    it("a login moves from sch to edu, never back (a 2021 export after a teacher's invite keeps her edu login)", async () => {
      await suite.db.prisma.school.create({ data: { key: "220001", login: "edu220001" } })
      await suite.db.prisma.school.create({ data: { key: "220002", login: "sch220002" } })
      const { actor } = await coordinatorOf("город Новоалтайск", 5)
      const older = regional(all())
      older.schools = older.schools.map((school) => ({ ...school, login: school.key === "220001" ? "sch220001" : school.login }))
      expect(await importResults(suite.deps, actor, { ...older, others: "reference" })).toMatchObject({ ok: true })
      const logins = await suite.db.prisma.school.findMany({ where: { key: { in: ["220001", "220002"] } }, orderBy: { key: "asc" }, select: { login: true } })
      expect(logins.map((school) => school.login)).toEqual(["edu220001", "edu220002"])
    })

    it("a school created without a municipality (a teacher's invite) is placed by the file", async () => {
      await suite.db.prisma.school.create({ data: { key: "220001", login: "edu220001" } })
      const { actor } = await coordinatorOf("город Новоалтайск", 5)
      expect(await importResults(suite.deps, actor, { ...regional(all()), others: "reference" })).toMatchObject({ ok: true })
      expect((await placed())["220001"]).toBe("город Новоалтайск")
      expect((await sets())[0]).toEqual(["220001", 1, false])
    })
  })

  it("a failure in the middle leaves the database as it was", async () => {
    await importResults(suite.deps, suite.admin, request(pupils("223017", 5, 1), ["223017"]))
    const broken = pupils("223018", 4, 1)
    // Cannot be packed (JSON has no BigInt): fails after the schools and result sets were written, in the same transaction.
    broken[2] = { ...broken[2]!, cells: [1n as unknown as number] }
    await expect(importResults(suite.deps, suite.admin, request([...pupils("223017", 6, 1), ...broken], ["223017", "223018"]))).rejects.toThrow()
    expect(await suite.db.prisma.upload.count()).toBe(1)
    expect(await suite.db.prisma.resultSet.count()).toBe(1)
    expect(await suite.db.prisma.school.count({ where: { key: "223018" } })).toBe(0)
    expect((await loadProcedureResults(suite.db.prisma, spec))!.schools[0]!.participants).toHaveLength(5)
  })
})
