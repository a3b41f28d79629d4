import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import type { ProcedureSpec } from "../../../../src/domain/results.ts"
import type { Actor, RoleName } from "../../../../src/services/access/roles.ts"
import { outsideExtras } from "../../../../src/services/analysis/exams-medalists-rechecks.ts"
import { analyseStored } from "../../../../src/services/analysis/stored-runs.ts"
import type { SignId, SignResult } from "../../../../src/services/analysis/signs/common/types.ts"
import { importOutsideData } from "../../../../src/services/exams-medalists-rechecks/import.ts"
import { importResults } from "../../../../src/services/results/import.ts"
import { availableDatabases } from "../../../support/db.ts"
import { outsideWorkbook, type OutsideCell } from "../../../support/fixtures/outside.ts"
import { generateRegion } from "../../../support/generator/index.ts"
import type { ServiceDeps } from "../../../../src/services/deps.ts"
import { adminSuite, type AdminSuite } from "../../../support/services.ts"

const spec = findSpec({ kind: "ВПР", year: 2021, subject: "Математика", grade: 4 }) as ProcedureSpec
const PROCEDURE = "ВПР/2021/Математика/4"

/** A generated region of 14 honest schools, stored as results; every school in municipality A but the last (B). */
async function storeRegion(deps: ServiceDeps, admin: Actor) {
  const region = generateRegion({ seed: 5, spec, schools: 14, manipulatedShare: 0, strongHonestShare: 0 })
  const schools = region.results.schools
  await importResults(deps, admin, {
    file: { bytes: Buffer.from("region"), fileName: "Математика.xlsx" },
    layout: "C",
    spec,
    schools: schools.map((school) => ({ key: school.schoolKey, login: `edu${school.schoolKey}` })),
    participants: schools.flatMap((school) => school.participants),
    warningsConfirmed: 0,
  })
  const prisma = deps.prisma
  const a = await prisma.municipality.create({ data: { name: "Район А" } })
  const b = await prisma.municipality.create({ data: { name: "Район Б" } })
  const keys = schools.map((school) => school.schoolKey)
  await prisma.school.updateMany({ where: { key: { in: keys.slice(0, -1) } }, data: { municipalityId: a.id } })
  await prisma.school.updateMany({ where: { key: keys.at(-1)! }, data: { municipalityId: b.id } })
  return { keys, a, b }
}

async function actorWith(suite: AdminSuite, telegramId: number, role: RoleName, scope: { municipalityId?: number; schoolId?: number }) {
  const { services } = suite
  const user = await services.access.resolveActor({ telegramId, firstName: role })
  await suite.db.prisma.roleGrant.create({ data: { userId: user.userId, role, ...scope } })
  return services.access.resolveActor({ telegramId, firstName: role })
}

function sign(signs: readonly SignResult[], id: SignId): SignResult {
  return signs.find((found) => found.id === id)!
}

describe.each(availableDatabases())("outside data (ОГЭ/ЕГЭ, medalists, re-checks) on %s", (kind) => {
  const suite = adminSuite(kind)

  it("feeds S8, S9 and S10: before the import they abstain for want of data, after it they fire or not for the schools in the file", async () => {
    const { keys } = await storeRegion(suite.deps, suite.admin)
    const before = (await analyseStored(suite.deps, spec))!
    for (const school of before.analysis.schools.filter((found) => found.present >= 5)) {
      for (const id of ["S8", "S9", "S10"] as const) expect(sign(school.signs, id)).toMatchObject({ status: "abstained", reason: "no_data" })
    }
    // The strongest school on ВПР is last on the ОГЭ; the others keep their order.
    const assessable = before.analysis.schools.filter((found) => found.present >= 5).sort((x, y) => x.meanCompletion! - y.meanCompletion!)
    const top = assessable.at(-1)!.schoolKey
    const second = assessable.at(-2)!.schoolKey
    const third = assessable.at(-3)!.schoolKey
    const completion = new Map(before.analysis.schools.map((school) => [school.schoolKey, school.meanCompletion ?? 0]))
    const exams: OutsideCell[][] = keys.map((key) => [`edu${key}`, "ОГЭ", 2021, "Математика", 20, key === top ? 1 : Math.round(completion.get(key)! * 1000) / 10])
    // An ЕГЭ of the same subject (not preferred for grade 4) and an older ОГЭ are held too, and not used.
    exams.push(...keys.map((key): OutsideCell[] => [`edu${key}`, "ЕГЭ", 2021, "Математика", 20, key === top ? 99 : 50]))
    exams.push([`edu${top}`, "ОГЭ", 2019, "Математика", 20, 99])
    const workbook = await outsideWorkbook({
      exams: { rows: exams },
      medalists: {
        rows: [
          [`edu${top}`, 2021, 1, 85, 60], [`edu${top}`, 2021, 2, 65, 75], [`edu${top}`, 2021, 3, 90, 90], [`edu${top}`, 2021, 4, 88, null],
          [`edu${top}`, 2022, 5, 10, 10], // a later year: not used for ВПР 2021
          [`edu${second}`, 2021, 1, 80, 80], [`edu${second}`, 2021, 2, 75, 71], [`edu${second}`, 2021, 3, 90, null],
          [`edu${third}`, 2019, 1, 50, 50], [`edu${third}`, 2019, 2, 60, 90], [`edu${third}`, 2019, 3, 90, 90],
        ],
      },
      rechecks: {
        rows: [
          ...Array.from({ length: 10 }, (_, i): OutsideCell[] => [`edu${top}`, PROCEDURE, 40001 + i, 15, 11]),
          ...Array.from({ length: 10 }, (_, i): OutsideCell[] => [`edu${second}`, PROCEDURE, 40001 + i, 12, 12]),
          ...Array.from({ length: 10 }, (_, i): OutsideCell[] => [`edu${third}`, "ВПР/2021/Математика/5", 40001 + i, 12, 2]),
        ],
      },
    })
    const outcome = await importOutsideData(suite.deps, suite.admin, { bytes: workbook, fileName: "внешние.xlsx" })
    expect(outcome).toMatchObject({ ok: true, exams: 29, medalists: 11, rechecks: 30, schools: 14 })

    const after = (await analyseStored(suite.deps, spec))!
    expect(after.computed).toBe(true)
    const signsOf = (key: string) => after.analysis.schools.find((school) => school.schoolKey === key)!.signs
    expect(sign(signsOf(top), "S8")).toMatchObject({ status: "fired", strength: "strong", evidence: { label: "ОГЭ 2021 · Математика", vprPercentile: 100, examPercentile: 0 } })
    expect(sign(signsOf(second), "S8")).toMatchObject({ status: "not_fired", reason: "exam_consistent" })
    expect(sign(signsOf(top), "S9")).toMatchObject({ status: "fired", evidence: { medalists: 4, belowCutoff: 2, index: 0.5 } })
    expect(sign(signsOf(second), "S9")).toMatchObject({ status: "not_fired", evidence: { medalists: 3, belowCutoff: 0 } })
    // No medalists of 2021 at this school: the nearest earlier year it has (2019).
    expect(sign(signsOf(third), "S9")).toMatchObject({ status: "fired", evidence: { medalists: 3, belowCutoff: 2 } })
    expect(sign(signsOf(top), "S10")).toMatchObject({ status: "fired", evidence: { works: 10, meanChange: -4 } })
    expect(sign(signsOf(second), "S10")).toMatchObject({ status: "not_fired", reason: "recheck_confirmed" })
    // Re-checks of another procedure are not this one's.
    expect(sign(signsOf(third), "S10")).toMatchObject({ status: "abstained", reason: "no_data" })
    const other = assessable[0]!.schoolKey
    expect(sign(signsOf(other), "S8").status).not.toBe("abstained")
    expect(sign(signsOf(other), "S9")).toMatchObject({ status: "abstained", reason: "no_data" })

    // Unchanged data: the stored run is reused.
    expect((await analyseStored(suite.deps, spec))!.computed).toBe(false)

    // A new upload replaces the rows of the keys it carries, and only those; the analysis is computed again.
    const fix = await outsideWorkbook({
      exams: { rows: [[`edu${top}`, "ОГЭ", 2021, "Математика", 22, 99]] },
      medalists: { rows: [[`edu${top}`, 2021, null, 90, 90], [`edu${top}`, 2021, null, 91, 80], [`edu${top}`, 2021, null, 72, 75]] },
    })
    expect(await importOutsideData(suite.deps, suite.admin, { bytes: fix, fileName: "исправление.xlsx" })).toMatchObject({ ok: true, exams: 1, medalists: 3, schools: 1 })
    expect(await suite.db.prisma.examResult.count()).toBe(29)
    const topId = (await suite.db.prisma.school.findUniqueOrThrow({ where: { key: top } })).id
    expect(await suite.db.prisma.examResult.findFirst({ where: { schoolId: topId, kind: "ОГЭ", year: 2021 } })).toMatchObject({ participants: 22, mean: 99 })
    expect(await suite.db.prisma.medalist.count({ where: { schoolId: topId, year: 2021 } })).toBe(3)
    expect(await suite.db.prisma.medalist.count({ where: { schoolId: topId, year: 2022 } })).toBe(1)
    expect(await suite.db.prisma.recheckedWork.count()).toBe(30)
    const fixed = (await analyseStored(suite.deps, spec))!
    expect(fixed.computed).toBe(true)
    const topSigns = fixed.analysis.schools.find((school) => school.schoolKey === top)!.signs
    expect(sign(topSigns, "S8").status).toBe("not_fired")
    expect(sign(topSigns, "S9")).toMatchObject({ status: "not_fired", evidence: { medalists: 3 } })
  })

  it("re-runs and stores the analyses the new data reaches, as an import of results does", async () => {
    const { keys } = await storeRegion(suite.deps, suite.admin)
    const before = (await analyseStored(suite.deps, spec))!
    const top = before.analysis.schools.filter((found) => found.present >= 10).sort((x, y) => y.present - x.present)[0]!.schoolKey
    // Ten works of one school each lost four points on re-check; a re-check of another procedure reaches nothing here.
    const bytes = await outsideWorkbook({
      rechecks: {
        rows: [
          ...Array.from({ length: 10 }, (_, i): OutsideCell[] => [`edu${top}`, PROCEDURE, 40001 + i, 15, 11]),
          [`edu${keys[0]}`, "ВПР/2021/Математика/5", 40001, 12, 12],
        ],
      },
    })
    const step = await suite.services.intake.receive(suite.admin, { bytes, fileName: "перепроверка.xlsx" })
    expect(step).toMatchObject({ step: "stored", stored: { kind: "outside-data", rechecks: 11, affects: { procedures: ["ВПР|2021|Математика|4", "ВПР|2021|Математика|5"] } } })
    const runs = await suite.db.prisma.analysisRun.findMany({ orderBy: { id: "asc" }, select: { id: true, procedure: true } })
    expect(runs).toHaveLength(2)
    expect(runs.at(-1)!.id).not.toBe(before.runId)
    // The stored run is the one a reader now gets, with S10 from the re-check.
    const now = (await analyseStored(suite.deps, spec))!
    expect(now).toMatchObject({ computed: false, runId: runs.at(-1)!.id })
    expect(sign(now.analysis.schools.find((school) => school.schoolKey === top)!.signs, "S10")).toMatchObject({ status: "fired", evidence: { works: 10, meanChange: -4 } })
  })

  it("stores nothing from a file with any error, and keeps no file bytes", async () => {
    const { keys } = await storeRegion(suite.deps, suite.admin)
    await importOutsideData(suite.deps, suite.admin, { bytes: await outsideWorkbook({ exams: { rows: [[`edu${keys[0]}`, "ОГЭ", 2021, "Математика", 20, 50]] } }), fileName: "1.xlsx" })
    const broken = await outsideWorkbook({
      exams: { rows: [[`edu${keys[0]}`, "ОГЭ", 2021, "Математика", 20, 10], [`edu${keys[1]}`, "ОГЭ", 2021, "Математика", 20, 60]] },
      medalists: { rows: [[`edu${keys[0]}`, 2021, null, 85, 70]] },
      rechecks: { rows: [[`edu${keys[0]}`, PROCEDURE, 40001, 30, 12]] },
    })
    const outcome = await importOutsideData(suite.deps, suite.admin, { bytes: broken, fileName: "2.xlsx" })
    expect(outcome).toMatchObject({ ok: false, reason: "problems", problems: [{ code: "outside-score-above-max", sheet: "Перепроверка", cell: "D2" }] })
    expect(await suite.db.prisma.examResult.findMany({ select: { mean: true } })).toEqual([{ mean: 50 }])
    expect(await suite.db.prisma.medalist.count()).toBe(0)
    expect(await suite.db.prisma.recheckedWork.count()).toBe(0)
    const uploads = await suite.db.prisma.upload.findMany({ where: { layout: "outside-data" }, orderBy: { id: "asc" } })
    expect(uploads.map((upload) => [upload.status, upload.bytes.length])).toEqual([["imported", 0], ["rejected", 0]])
    expect(uploads.every((upload) => upload.senderId === suite.admin.userId && upload.sha256.length === 64)).toBe(true)
    const audit = await suite.db.prisma.auditLog.findMany({ where: { action: { startsWith: "outside." } }, orderBy: { id: "asc" } })
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([["outside.imported", suite.admin.userId], ["outside.rejected", suite.admin.userId]])
    expect(audit[0]!.details).toMatchObject({ exams: 1, medalists: 0, rechecks: 0, schools: 1, fileName: "1.xlsx" })
  })

  it("lets a municipal coordinator load data for the schools of their municipality only; teachers not at all", async () => {
    const { keys, a } = await storeRegion(suite.deps, suite.admin)
    const coordinator = await actorWith(suite, 2, "municipal_coordinator", { municipalityId: a.id })
    const own = await outsideWorkbook({ exams: { rows: [[`edu${keys[0]}`, "ОГЭ", 2021, "Математика", 20, 50]] } })
    expect(await importOutsideData(suite.deps, coordinator, { bytes: own, fileName: "own.xlsx" })).toMatchObject({ ok: true, exams: 1 })
    const foreign = await outsideWorkbook({
      exams: { rows: [[`edu${keys[1]}`, "ОГЭ", 2021, "Математика", 20, 50], [`sch${keys.at(-1)}`, "ОГЭ", 2021, "Математика", 20, 50]] },
    })
    expect(await importOutsideData(suite.deps, coordinator, { bytes: foreign, fileName: "foreign.xlsx" })).toEqual({ ok: false, reason: "not_allowed", outside: [`edu${keys.at(-1)}`] })
    expect(await suite.db.prisma.examResult.count()).toBe(1)
    // An suite.admin may load any school's data.
    expect(await importOutsideData(suite.deps, suite.admin, { bytes: foreign, fileName: "foreign.xlsx" })).toMatchObject({ ok: true, exams: 2 })

    const school = await suite.db.prisma.school.findUniqueOrThrow({ where: { key: keys[0]! } })
    const teacher = await actorWith(suite, 3, "teacher", { schoolId: school.id })
    expect(await importOutsideData(suite.deps, teacher, { bytes: own, fileName: "own.xlsx" })).toEqual({ ok: false, reason: "not_allowed", outside: [] })
    expect(await suite.db.prisma.examResult.count()).toBe(3)
  })

  it("chooses the exam for S8: ОГЭ up to grade 9, ЕГЭ above, the other when missing; the same year or the nearest earlier one", async () => {
    const school = await suite.db.prisma.school.create({ data: { key: "223017", login: "edu223017" } })
    const exam = (kind: string, year: number, subject: string, mean: number) => ({ schoolId: school.id, kind, year, subject, participants: 10, mean, uploadId: 1 })
    await suite.db.prisma.examResult.createMany({
      data: [exam("ОГЭ", 2019, "Математика", 11), exam("ОГЭ", 2021, "Математика", 12), exam("ЕГЭ", 2020, "Математика", 60), exam("ЕГЭ", 2023, "Математика", 70), exam("ЕГЭ", 2021, "Физика", 55)],
    })
    const exams = async (year: number, subject: string, grade: number, kind: "ВПР" | "ЕГЭ" = "ВПР") => (await outsideExtras(suite.db.prisma, { kind, year, subject, grade })).extras.exams
    expect(await exams(2022, "Математика", 8)).toEqual({ kind: "ОГЭ", year: 2021, subject: "Математика", meanBySchool: { "223017": 12 } })
    expect(await exams(2020, "Математика", 5)).toMatchObject({ kind: "ОГЭ", year: 2019 })
    expect(await exams(2021, "Математика", 11)).toMatchObject({ kind: "ЕГЭ", year: 2020 })
    // No ОГЭ in physics: the ЕГЭ is used for a grade-7 ВПР; nothing before 2019 in mathematics: no data.
    expect(await exams(2022, "Физика", 7)).toMatchObject({ kind: "ЕГЭ", year: 2021 })
    expect(await exams(2018, "Математика", 4)).toBeUndefined()
    expect(await exams(2021, "Математика", 11, "ЕГЭ")).toBeUndefined()
    // Nothing held for a procedure: no extras and no hash, so runs stored before outside data existed are still reused.
    expect(await outsideExtras(suite.db.prisma, { kind: "ВПР", year: 2021, subject: "История", grade: 6 })).toEqual({ extras: {}, hash: null })
  })
})
