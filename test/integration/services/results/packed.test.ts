import { readdirSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import type { Database } from "../../../../src/db/client.ts"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import { CELL_EMPTY, CELL_NO_ANSWER, CELL_NOT_TAUGHT, type ParticipantResult, type ProcedureSpec } from "../../../../src/domain/results.ts"
import { parseResults } from "../../../../src/services/results/formats/parse.ts"
import type { ParsedResults } from "../../../../src/services/results/formats/types.ts"
import { importResults, restoreVersion } from "../../../../src/services/results/import.ts"
import { unpackParticipants } from "../../../../src/services/participants/packed.ts"
import { loadProcedureResults } from "../../../../src/services/analysis/current-results.ts"
import { availableDatabases } from "../../../support/db.ts"
import { importRequest } from "../../../support/import-request.ts"
import { adminSuite } from "../../../support/services.ts"
import { FISOKO, hasData } from "../../../unit/services/results/formats/real-data.ts"

const spec = findSpec({ kind: "ВПР", year: 2021, subject: "Математика", grade: 4 }) as ProcedureSpec

/** Every kind of value a stored participant can hold: absent pupils, X / not taught / empty cells, nulls. */
function pupils(schoolKey: string, count: number, score: number): ParticipantResult[] {
  return Array.from({ length: count }, (_, index) => {
    const absent = index % 4 === 3
    const cells = absent ? [] : spec.tasks.map((task, t) => [CELL_NO_ANSWER, CELL_NOT_TAUGHT, CELL_EMPTY][t] ?? Math.min(task.max, score))
    return {
      schoolKey,
      code: `${40001 + index}`,
      className: index % 3 === 0 ? null : "4 «А»",
      variant: absent ? null : 1 + (index % 2),
      absent,
      cells,
      total: absent ? null : cells.reduce((sum, cell) => sum + Math.max(0, cell), 0),
      mark: absent ? null : 3,
      journalMark: absent || index % 2 === 0 ? null : 4,
      sex: absent ? null : index % 2 === 0 ? "f" : "m",
    }
  })
}

const request = (participants: ParticipantResult[], schools: string[]) => importRequest(spec, participants, schools)

/**
 * Makes the sets (of these schools, or all) look stored before packing existed: their participants as Participant
 * rows, as imports wrote them then, and no packed value.
 */
async function storeAsBeforePacking(db: Database, schoolKeys?: string[]): Promise<void> {
  const sets = await db.prisma.resultSet.findMany({ where: schoolKeys ? { school: { key: { in: schoolKeys } } } : {}, select: { id: true, packed: true, school: { select: { key: true } } } })
  const rows = sets.flatMap((set) => unpackParticipants(Buffer.from(set.packed!).toString("base64"), set.school.key).map((participant) => ({ set: set.id, participant })))
  // One statement, as imports wrote the rows (createMany took ~25 s for the real export's 26,000 rows on PGlite).
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO "Participant" ("resultSetId", code, "className", variant, absent, cells, total, mark, "journalMark", sex)
     SELECT result_set, code, class_name, variant, absent, cells::int[], total, mark, journal_mark, sex
     FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::boolean[], $6::text[], $7::int[], $8::int[], $9::int[], $10::text[])
       AS t(result_set, code, class_name, variant, absent, cells, total, mark, journal_mark, sex)`,
    rows.map((row) => row.set),
    rows.map((row) => row.participant.code),
    rows.map((row) => row.participant.className),
    rows.map((row) => row.participant.variant),
    rows.map((row) => row.participant.absent),
    rows.map((row) => `{${row.participant.cells.join(",")}}`),
    rows.map((row) => row.participant.total),
    rows.map((row) => row.participant.mark),
    rows.map((row) => row.participant.journalMark),
    rows.map((row) => row.participant.sex),
  )
  await db.prisma.resultSet.updateMany({ where: { id: { in: sets.map((set) => set.id) } }, data: { packed: null } })
}

/** The real 2021 export of Математика 4, parsed once for every database. */
let realFile: Promise<ParsedResults> | undefined
function parseRealFile(): Promise<ParsedResults> {
  const dir = path.join(FISOKO, "2021")
  const fileName = readdirSync(dir).find((name) => name.includes("математике, 4 класс"))!
  realFile ??= parseResults(path.join(dir, fileName), { fileName, allowInvalidRows: "exclude" })
  return realFile
}

describe.each(availableDatabases())("packed participants on %s", (kind) => {
  const suite = adminSuite(kind)

  it("read back exactly what was imported (packed only, no Participant rows), and the same from rows of old sets", async () => {
    const first = pupils("223017", 9, 1)
    const second = pupils("223018", 6, 2)
    await importResults(suite.deps, suite.admin, request([...first, ...second], ["223017", "223018"]))
    expect(await suite.db.prisma.participant.count()).toBe(0)
    const packed = await loadProcedureResults(suite.db.prisma, spec)
    expect(packed!.schools.map((school) => school.participants)).toEqual([first, second])
    await storeAsBeforePacking(suite.db)
    expect(await loadProcedureResults(suite.db.prisma, spec)).toEqual(packed)
  })

  it("a set stored without packed data (before the migration) still reads, beside packed ones", async () => {
    const first = pupils("223017", 5, 1)
    const second = pupils("223018", 7, 2)
    await importResults(suite.deps, suite.admin, request([...first, ...second], ["223017", "223018"]))
    await storeAsBeforePacking(suite.db, ["223018"])
    expect((await loadProcedureResults(suite.db.prisma, spec))!.schools.map((school) => school.participants)).toEqual([first, second])
  })

  it("a municipality scope keeps only that municipality's schools", async () => {
    await importResults(suite.deps, suite.admin, request([...pupils("223017", 5, 1), ...pupils("223018", 6, 2)], ["223017", "223018"]))
    const municipality = await suite.db.prisma.municipality.create({ data: { name: "Бийск" } })
    await suite.db.prisma.school.update({ where: { key: "223018" }, data: { municipalityId: municipality.id } })
    const scoped = await loadProcedureResults(suite.db.prisma, spec, { municipalityIds: [municipality.id] })
    expect(scoped!.schools.map((school) => [school.schoolKey, school.municipalityId, school.participants.length])).toEqual([["223018", String(municipality.id), 6]])
    expect(await loadProcedureResults(suite.db.prisma, spec, { municipalityIds: [] })).toBeNull()
  })

  it("restoring a version reads that version's participants", async () => {
    const old = pupils("223017", 5, 1)
    await importResults(suite.deps, suite.admin, request(old, ["223017"]))
    await importResults(suite.deps, suite.admin, request(pupils("223017", 7, 2), ["223017"]))
    const version1 = await suite.db.prisma.resultSet.findFirstOrThrow({ where: { version: 1 } })
    expect(await restoreVersion(suite.deps, suite.admin, version1.id)).toEqual({ ok: true })
    expect((await loadProcedureResults(suite.db.prisma, spec))!.schools[0]!.participants).toEqual(old)
  })

  it.skipIf(!hasData)("read the real 2021 export of Математика 4 back the same, packed and from rows", async () => {
    const parsed = await parseRealFile()
    const outcome = await importResults(suite.deps, suite.admin, {
      file: { bytes: Buffer.from("real export"), fileName: "Математика 4.xlsx" },
      layout: parsed.layout!,
      spec: parsed.spec!,
      schools: parsed.schools,
      participants: parsed.participants,
      warningsConfirmed: parsed.problems.length,
    })
    expect(outcome).toMatchObject({ ok: true })
    const packed = await loadProcedureResults(suite.db.prisma, parsed.spec!)
    const participants = packed!.schools.flatMap((school) => school.participants)
    expect(participants).toHaveLength(parsed.participants.length)
    expect(participants.some((participant) => participant.absent && participant.cells.length === 0)).toBe(true)
    expect(participants.some((participant) => !participant.absent && participant.journalMark === null)).toBe(true)
    await storeAsBeforePacking(suite.db)
    expect(await loadProcedureResults(suite.db.prisma, parsed.spec!)).toEqual(packed)
  })
})
