import { readFile } from "node:fs/promises"
import { PGlite } from "@electric-sql/pglite"
import { openDatabase } from "../src/db/client.ts"
import { parseResults } from "../src/services/results/formats/parse.ts"
import { importResults } from "../src/services/results/import.ts"
import { analyseProcedure } from "../src/services/analysis/analyse.ts"
import { loadProcedureResults } from "../src/services/results/read.ts"
import { silentLogger } from "../src/logger.ts"
let pgl: PGlite | undefined
const origCreate = PGlite.create
;(PGlite as any).create = async (...a: any[]) => (pgl = await (origCreate as any).apply(PGlite, a))
const name = "Проведение работы по русскому языку, 4 класс. ВПР 2021.xlsx"
const bytes = await readFile("/work/shared/data/fisoko/2021/" + name)
const p = await parseResults(bytes, { fileName: name, allowInvalidRows: "exclude" })
const db = await openDatabase(process.argv[2] ?? "postgresql://pglite/")
const u = await db.prisma.user.create({ data: { telegramId: 1n, firstName: "B" } })
const deps = { prisma: db.prisma, clock: { now: () => new Date() }, logger: silentLogger }
await importResults(deps, { userId: u.id, telegramId: "1", firstName: "B", language: "ru", grants: [{ role: "admin", schoolId: null, municipalityId: null, schoolMunicipalityId: null }] }, { file: { bytes, fileName: name }, layout: p.layout!, spec: p.spec!, schools: p.schools, participants: p.participants, warningsConfirmed: 0 })
for (let i = 0; i < 2; i++) {
let s = performance.now()
const sets = await db.prisma.resultSet.findMany({ where: { isCurrent: true }, include: { school: true, spec: true } })
console.log("findMany sets", sets.length, performance.now() - s)
const sql = `SELECT "resultSetId", code, "className", variant, absent, cells, total, mark, "journalMark", sex FROM "Participant" WHERE "resultSetId" = ANY($1::int[]) ORDER BY id`
s = performance.now()
const rows = await db.prisma.$queryRawUnsafe<unknown[]>(sql, sets.map((x) => x.id))
console.log("prisma raw participants", rows.length, performance.now() - s)
if (pgl) { s = performance.now(); const r = await pgl.query(sql, [sets.map((x) => x.id)]); console.log("pglite direct", r.rows.length, performance.now() - s) }
s = performance.now()
const loaded = await loadProcedureResults(db.prisma, p.spec!)
console.log("loadProcedureResults", performance.now() - s)
const a = analyseProcedure(loaded!)
const json = JSON.stringify(a)
console.log("analysis JSON chars", json.length)
s = performance.now()
await db.prisma.analysisRun.create({ data: { procedure: "x" + i, scopeId: null, settings: {} as never, inputIds: [], result: JSON.parse(json) } })
console.log("analysisRun.create", performance.now() - s)
s = performance.now()
await db.prisma.analysisRun.findFirst({ where: { procedure: "x" + i }, orderBy: { id: "desc" } })
console.log("analysisRun.findFirst", performance.now() - s)
}
await db.close()
