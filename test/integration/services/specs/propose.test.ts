import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import ExcelJS from "exceljs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { RoleName } from "../../../../src/services/access/roles.ts"
import type { IntakeQuestion, IntakeStep } from "../../../../src/services/intake/flow.ts"
import { createTranslator } from "../../../../src/i18n.ts"
import { proposalText, proposalWorkbook } from "../../../../src/services/specs/proposal-text.ts"
import type { SpecProposal } from "../../../../src/services/specs/propose.ts"
import { buildSpecTemplate } from "../../../../src/services/specs/workbook.ts"
import { cliOn } from "../../../support/cli.ts"
import { availableDatabases } from "../../../support/db.ts"
import { adminSuite } from "../../../support/services.ts"
import { export2021, type FixtureRow } from "../../../support/fixtures/workbooks.ts"

/** ВПР 2023, химия, 9 класс: no spec ships for it (nor for any 2023 procedure). */
const FILE_NAME = "Проведение работы по химии, 9 класс. ВПР 2023.xlsx"
const PROCEDURE = { kind: "ВПР", year: 2023, subject: "Химия", grade: 9 } as const
const LOGINS = ["sch223501", "sch223502", "sch223503"]
const PRESENT = 40
const ABSENT = 5

/**
 * 40 present pupils in three schools, six numbered score columns: the maxima reached are 1, 2, 3, –, 2, 4 (nobody
 * scored task 4), and 5 absent pupils.
 */
/** The rows name their municipality (layout C), as a FIS OKO export does: the coordinator's own, or Barnaul. */
function rows(municipality = "город Барнаул"): FixtureRow[] {
  const present = Array.from({ length: PRESENT }, (_, i): FixtureRow => ({
    login: LOGINS[i % 3]!, municipality, code: 70001 + i, variant: 1 + (i % 2), className: "9а", sex: i % 2 ? "м" : "ж", journal: 4,
    scores: [i % 2, i % 3, i % 4, 0, i % 3 === 0 ? 2 : i % 2, i % 5],
  }))
  const absent = Array.from({ length: ABSENT }, (_, i): FixtureRow => ({ login: LOGINS[i % 3]!, municipality, code: 71001 + i, variant: "отсутствовал", className: "9а", journal: 4 }))
  return [...present, ...absent]
}

const exportFile = (municipality?: string) => export2021({ positions: 6, rows: rows(municipality) })

/** The proposal as the coordinator reads it, region-wide, reaching no stored results. */
const says = (language: "ru" | "en", proposal: SpecProposal) => proposalText(createTranslator(language), proposal, { scope: null, storable: true, affected: { schools: 0, names: [] } }).join("\n")

function asked(step: IntakeStep): Extract<IntakeQuestion, { ask: "confirm-spec" }> {
  if (step.step !== "question" || step.question.ask !== "confirm-spec") throw new Error(`expected the spec question, got ${JSON.stringify(step).slice(0, 400)}`)
  return step.question
}

/** Issue 17: a procedure without a shipped spec is loaded with a spec proposed from the file and confirmed. */
describe.each(availableDatabases())("a spec proposed from the file on %s", (kind) => {
  const suite = adminSuite(kind)
  let folder: string
  beforeAll(async () => void (folder = await mkdtemp(path.join(tmpdir(), "propose-"))))
  afterAll(async () => rm(folder, { recursive: true, force: true }))

  async function coordinatorOf(name: string, telegramId: number, role: RoleName = "municipal_coordinator") {
    const municipality = await suite.db.prisma.municipality.create({ data: { name } })
    const user = await suite.services.access.resolveActor({ telegramId, firstName: role })
    await suite.db.prisma.roleGrant.create({ data: { userId: user.userId, role, municipalityId: municipality.id } })
    return { municipality, actor: await suite.services.access.resolveActor({ telegramId, firstName: role }) }
  }

  it("proposed from the header and the scores, the doubtful task marked; confirmed, stored as a version, imported with exact counts", async () => {
    const first = await suite.services.intake.receive(suite.admin, { bytes: await exportFile(), fileName: FILE_NAME }, { given: { warningsConfirmed: true } })
    const question = asked(first)
    expect(question.proposal).toMatchObject({ procedure: PROCEDURE, positional: true, maxTotal: 13, scale: null, scaleDoubt: "no-marks" })
    expect(question.proposal.tasks.map((task) => [task.label, task.max, task.from, task.doubt])).toEqual([
      ["1", 1, "scores", null], ["2", 2, "scores", null], ["3", 3, "scores", null],
      ["4", 1, "scores", "no-scores"], ["5", 2, "scores", null], ["6", 4, "scores", null],
    ])
    expect(question).toMatchObject({ scope: null, storable: true, affected: { schools: 0 }, misfit: [] })
    expect(await suite.db.prisma.procedureSpec.count()).toBe(0)

    const done = await suite.services.intake.answer(suite.admin, first.step === "question" ? first.session : (null as never), { spec: "proposed" })
    expect(done, JSON.stringify(done).slice(0, 600)).toMatchObject({ step: "stored", stored: { kind: "results", procedure: PROCEDURE, schools: 3, present: PRESENT, absent: ABSENT, excluded: 0 } })
    expect(done.notices[0]).toMatchObject({ notice: "spec-saved", spec: { ...PROCEDURE, version: 1, maxTotal: 13 }, municipality: null })

    const spec = await suite.db.prisma.procedureSpec.findFirstOrThrow({ where: PROCEDURE })
    expect(spec).toMatchObject({ version: 1, maxTotal: 13, municipalityId: null, createdById: suite.admin.userId })
    expect((spec.tasks as { max: number }[]).map((task) => task.max)).toEqual([1, 2, 3, 1, 2, 4])
    const sets = await suite.db.prisma.resultSet.findMany({ where: { procedure: "ВПР|2023|Химия|9", isCurrent: true } })
    expect(sets).toHaveLength(3)
    expect(sets.reduce((sum, set) => sum + set.present, 0)).toBe(PRESENT)
    expect(sets.reduce((sum, set) => sum + set.absent, 0)).toBe(ABSENT)
    expect(sets.every((set) => set.specId === spec.id)).toBe(true)
    expect(await suite.db.prisma.auditLog.count({ where: { action: "spec.saved" } })).toBe(1)
  })

  it("a coordinator's spec is her municipality's; a correction must be of the file's procedure and columns; a teacher is refused", async () => {
    const { actor: coordinator, municipality } = await coordinatorOf("Северный район", 401)
    const first = await suite.services.intake.receive(coordinator, { bytes: await exportFile("Северный район"), fileName: FILE_NAME }, { given: { warningsConfirmed: true } })
    expect(asked(first).scope).toBe("Северный район")
    const session = first.step === "question" ? first.session : (null as never)

    const otherProcedure = { ...PROCEDURE, subject: "Биология", tasks: [1, 2, 3, 2, 2, 4].map((max, i) => ({ label: String(i + 1), max, level: null })), scale: null, maxTotal: 14, source: "test" }
    const wrong = await suite.services.intake.answer(coordinator, session, { spec: otherProcedure })
    expect(asked(wrong).misfit.map((found) => found.code)).toEqual(["spec-other-procedure"])
    const fiveTasks = { ...otherProcedure, subject: "Химия", tasks: otherProcedure.tasks.slice(0, 5), maxTotal: 10 }
    const short = await suite.services.intake.answer(coordinator, wrong.step === "question" ? wrong.session : (null as never), { spec: fiveTasks })
    expect(asked(short).misfit.map((found) => found.code)).toEqual(["spec-task-count-differs"])
    expect(await suite.db.prisma.procedureSpec.count()).toBe(0)

    // Task 4 is worth 2 in truth: the corrected spec is the one stored and read with.
    const corrected = { ...otherProcedure, subject: "Химия" }
    const done = await suite.services.intake.answer(coordinator, short.step === "question" ? short.session : (null as never), { spec: corrected })
    expect(done, JSON.stringify(done).slice(0, 600)).toMatchObject({ step: "stored", stored: { kind: "results", present: PRESENT, absent: ABSENT } })
    const spec = await suite.db.prisma.procedureSpec.findFirstOrThrow({ where: PROCEDURE })
    expect(spec).toMatchObject({ municipalityId: municipality.id, maxTotal: 14 })

    // A teacher of another municipality holds no spec for it and may not make one: refused after the header alone
    // (a sample of rows cannot say whose schools the file holds, and nothing of it could be loaded anyway).
    const { actor: teacher } = await coordinatorOf("Южный район", 402, "teacher")
    const refused = await suite.services.intake.receive(teacher, { bytes: await exportFile(), fileName: FILE_NAME }, { given: { warningsConfirmed: true } })
    expect(refused).toMatchObject({ step: "refused", refusal: { why: "needs-spec" } })
  })

  it("scope comes before the spec: her schools are named first, a file with none of hers is refused without a proposal", async () => {
    const { actor: coordinator } = await coordinatorOf("Восточный район", 403)
    // One school of three is hers; the other two are Barnaul's.
    const mixed = rows().map((row) => (row.login === LOGINS[0] ? { ...row, municipality: "Восточный район" } : row))
    const first = await suite.services.intake.receive(coordinator, { bytes: await export2021({ positions: 6, rows: mixed }), fileName: FILE_NAME })
    expect(first, JSON.stringify(first).slice(0, 400)).toMatchObject({ step: "question", question: { ask: "scope", count: 1, others: 2, mine: [{ login: LOGINS[0] }] } })
    const onlyMine = await suite.services.intake.answer(coordinator, first.step === "question" ? first.session : (null as never), { scope: "mine" })
    const proposal = asked(onlyMine)
    expect(proposal.proposal.procedure).toEqual(PROCEDURE)
    const declined = await suite.services.intake.answer(coordinator, onlyMine.step === "question" ? onlyMine.session : (null as never), { spec: false })
    expect(declined).toMatchObject({ step: "cancelled", declined: "confirm-spec" })

    const barnaul = await suite.services.intake.receive(coordinator, { bytes: await exportFile(), fileName: FILE_NAME })
    expect(barnaul).toMatchObject({ step: "refused", refusal: { reason: "not_allowed", noneOfSender: true } })
    expect(await suite.db.prisma.procedureSpec.count()).toBe(0)
  })

  it("2021 Биология 6: the published scale is proposed, not the file's marks, and a sum short of the published 28 is marked", async () => {
    // Ten tasks worth 3,3,3,3,3,3,3,3,2,2 (28); nobody reached task 10's 2, so the scores add up to 27.
    const maxima = [3, 3, 3, 3, 3, 3, 3, 3, 2, 1]
    const biology = Array.from({ length: PRESENT }, (_, i): FixtureRow => ({
      login: LOGINS[i % 3]!, municipality: "город Барнаул", code: 80001 + i, variant: 1 + (i % 2), className: "6а", journal: 4,
      scores: maxima.map((max) => i % (max + 1)),
    }))
    const bytes = await export2021({ positions: maxima.length, rows: biology })
    const first = await suite.services.intake.receive(suite.admin, { bytes, fileName: "Проведение работы по биологии, 6 класс. ВПР 2021.xlsx" }, { given: { warningsConfirmed: true } })
    const question = asked(first)
    expect(question.proposal).toMatchObject({
      procedure: { kind: "ВПР", year: 2021, subject: "Биология", grade: 6 },
      maxTotal: 27, scale: { "3": 12, "4": 18, "5": 24 }, scaleFrom: "published", scaleDoubt: null, publishedMax: 28,
    })
    expect(question.proposal.tasks.every((task) => task.doubt === null)).toBe(true)

    const text = says("ru", question.proposal)
    expect(text).toContain("в сумме дают 27, а по официальной шкале ВПР 2021 года максимальный первичный балл — 28")
    expect(text).toContain("официальная шкала ВПР 2021 года: «3» — от 12, «4» — от 18, «5» — от 24")
    const english = says("en", question.proposal)
    expect(english).toContain("add up to 27, but the official ВПР 2021 scale gives a maximum primary score of 28")
    // The workbook to correct says it above the tasks too, and reads back as the same spec (the warning ignored).
    const proposed = await proposalWorkbook(createTranslator("ru"), question.proposal)
    const written = new ExcelJS.Workbook()
    await written.xlsx.load(proposed.bytes as never)
    expect(String(written.worksheets[0]!.getCell("A8").value)).toContain("в сумме дают 27, а по официальной шкале ВПР 2021 года максимальный первичный балл — 28")
    expect(await suite.services.specs.read(proposed.bytes)).toMatchObject({ spec: { maxTotal: 27, scale: { "3": 12, "4": 18, "5": 24 } } })
    // Confirmed: the stored spec carries the published scale and says where it comes from.
    const done = await suite.services.intake.answer(suite.admin, first.step === "question" ? first.session : (null as never), { spec: "proposed" })
    expect(done, JSON.stringify(done).slice(0, 600)).toMatchObject({ step: "stored", stored: { kind: "results", present: PRESENT } })
    const stored = await suite.db.prisma.procedureSpec.findFirstOrThrow({ where: { kind: "ВПР", year: 2021, subject: "Биология", grade: 6 } })
    expect(stored).toMatchObject({ maxTotal: 27, scale: { "3": 12, "4": 18, "5": 24 } })
    expect(stored.source).toContain("scale: published")
    // The 2023 chemistry file above has no published scale: nothing of the kind is said for it.
    const chemistry = asked(await suite.services.intake.receive(suite.admin, { bytes: await exportFile(), fileName: FILE_NAME }, { given: { warningsConfirmed: true } }))
    expect(chemistry.proposal).toMatchObject({ scaleFrom: null, publishedMax: null })
    expect(says("ru", chemistry.proposal)).not.toContain("официальной шкале")
  })

  it("declined: nothing is stored and the upload is closed", async () => {
    const first = await suite.services.intake.receive(suite.admin, { bytes: await exportFile(), fileName: FILE_NAME })
    const declined = await suite.services.intake.answer(suite.admin, first.step === "question" ? first.session : (null as never), { spec: false })
    expect(declined).toMatchObject({ step: "cancelled", declined: "confirm-spec" })
    expect(await suite.db.prisma.procedureSpec.count()).toBe(0)
    expect(await suite.db.prisma.resultSet.count()).toBe(0)
  })

  it("cli: the proposal printed and the flag named; `spec --out` writes it to correct; --accept-spec and --spec import with exact counts", async () => {
    const cli = cliOn(() => suite.services)
    const file = path.join(folder, FILE_NAME)
    await writeFile(file, await exportFile())

    const bare = await cli("import", file, "--yes")
    expect(bare.code).toBe(64)
    expect(bare.out).toContain("Для процедуры «ВПР 2023 · Химия · 9 класс» у меня нет описания заданий")
    expect(bare.out).toContain("⚠ 4 — 1")
    expect(bare.err).toContain("--accept-spec")

    const out = path.join(folder, "spec.xlsx")
    const proposed = await cli("spec", file, "--out", out)
    expect(proposed.code, proposed.err).toBe(0)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(out)
    const sheet = workbook.getWorksheet("Спецификация")!
    expect([2, 3, 4].map((row) => sheet.getCell(row, 2).value)).toEqual([2023, "Химия", 9])
    expect(sheet.getRow(9).values).toEqual([undefined, "Задание", "Максимальный балл", "Уровень (Б, П, В)", "Проверить"])
    expect(sheet.getCell(13, 1).value).toBe("4")
    expect(String(sheet.getCell(13, 4).value)).toContain("никто не получил")
    expect(await suite.db.prisma.procedureSpec.count()).toBe(0)
    expect(await suite.db.prisma.upload.count()).toBe(1) // the bare import's, cancelled; `spec` keeps nothing

    // The coordinator's correction: task 4 is worth 2.
    sheet.getCell(13, 2).value = 2
    await workbook.xlsx.writeFile(out)
    const fixed = await cli("import", file, "--yes", "--spec", out)
    expect(fixed.code, fixed.out + fixed.err).toBe(0)
    expect(fixed.out).toContain("Спецификация сохранена: ВПР 2023 · Химия · 9 класс, версия 1. Заданий: 6, максимальный балл: 14.")
    expect(fixed.out).toContain(`Загружено: ВПР 2023 · Химия · 9 класс. Школ: 3, участников: ${PRESENT}, отсутствовали: ${ABSENT}.`)

    // A second file of the same procedure is read with the stored spec: no question, no new version.
    const again = await cli("import", file, "--yes", "--accept-spec")
    expect(again.code, again.out + again.err).toBe(0)
    expect(again.out).not.toContain("Спецификация сохранена")
    expect(await suite.db.prisma.procedureSpec.count()).toBe(1)

    // `spec <spec.xlsx>` says what a spec would change in the stored results, and saves nothing.
    const checked = await cli("spec", out)
    expect(checked.code, checked.out + checked.err).toBe(0)
    expect(checked.out).toBe(
      `Уже загруженные результаты этой процедуры (${PRESENT} участников) по новому описанию не изменятся.\n` +
        `Ничего не сохранено. Чтобы сохранить описание, выполните: import ${out} --yes\n`,
    )
    expect(await suite.db.prisma.procedureSpec.count()).toBe(1)
  })

  it("cli --accept-spec on a fresh procedure stores the proposal as it is", async () => {
    const file = path.join(folder, "2024", "9", "Химия.xlsx")
    await (await import("node:fs/promises")).mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, await exportFile())
    const run = await cliOn(() => suite.services)("import", file, "--yes", "--accept-spec")
    expect(run.code, run.out + run.err).toBe(0)
    expect(run.out).toContain(`Загружено: ВПР 2024 · Химия · 9 класс. Школ: 3, участников: ${PRESENT}, отсутствовали: ${ABSENT}.`)
    expect(await suite.db.prisma.procedureSpec.findFirstOrThrow({ where: { ...PROCEDURE, year: 2024 } })).toMatchObject({ maxTotal: 13, version: 1 })
  })

  it("a spec workbook with a note column is read as before (the note is ignored)", async () => {
    const bytes = await buildSpecTemplate({ ...PROCEDURE, tasks: [{ label: "1", max: 2, note: "проверить" }, { label: "2", max: 1 }] })
    const read = await suite.services.specs.read(bytes)
    expect(read).toMatchObject({ spec: { ...PROCEDURE, maxTotal: 3, tasks: [{ label: "1", max: 2 }, { label: "2", max: 1 }] } })
  })
})
