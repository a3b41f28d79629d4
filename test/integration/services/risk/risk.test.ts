import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { instantAt } from "../../../../src/domain/calendar/zoned.ts"
import type { ProcedureSpec } from "../../../../src/domain/results.ts"
import { createTranslator } from "../../../../src/i18n.ts"
import { analyseStored } from "../../../../src/services/analysis/stored-runs.ts"
import type { Actor } from "../../../../src/services/access/roles.ts"
import { importResults } from "../../../../src/services/results/import.ts"
import { RECHECK_SHEET } from "../../../../src/services/risk/recheck-workbook.ts"
import { availableDatabases } from "../../../support/db.ts"
import { generateRegion, MATH_4_2021, type GeneratedRegion } from "../../../support/generator/index.ts"
import type { ServiceDeps } from "../../../../src/services/deps.ts"
import { adminSuite, servicesOn, TestClock, testDeps } from "../../../support/services.ts"

const t = createTranslator("ru")
const SCHOOLS = 40
/** The same seed with and without manipulations: the honest schools are identical, the manipulated differ only by it. */
const manipulated = generateRegion({ seed: 11, spec: MATH_4_2021, schools: SCHOOLS, manipulatedShare: 0.4, municipalities: 4 })
const honest = generateRegion({ seed: 11, spec: MATH_4_2021, schools: SCHOOLS, manipulatedShare: 0, municipalities: 4 })


describe.each(availableDatabases())("the risk workflow on %s", (kind) => {
  const suite = adminSuite(kind)

  /**
   * Municipality A (Barnaul, UTC+7) holds the first half of the schools, B (Kaliningrad, UTC+2) the rest; one
   * coordinator each, and a school coordinator at one school of A.
   */
  async function world(clock = new TestClock(new Date("2027-03-15T09:00:00Z"))) {
    const prisma = suite.db.prisma
    const a = await prisma.municipality.create({ data: { name: "город Барнаул", timeZone: "Asia/Barnaul" } })
    const b = await prisma.municipality.create({ data: { name: "Калининград", timeZone: "Europe/Kaliningrad" } })
    const ids = new Map<string, number>()
    for (const [i, school] of manipulated.results.schools.entries()) {
      const row = await prisma.school.create({ data: { key: school.schoolKey, login: `edu${school.schoolKey}`, municipalityId: i < SCHOOLS / 2 ? a.id : b.id } })
      ids.set(school.schoolKey, row.id)
    }
    const deps = testDeps(suite.db, { clock })
    const services = servicesOn(deps, { adminIds: [1n] })
    const person = async (telegramId: number, grant: { role: "municipal_coordinator" | "school_coordinator"; municipalityId?: number; schoolId?: number }) => {
      const user = await services.access.resolveActor({ telegramId, firstName: `User ${telegramId}` })
      await prisma.roleGrant.create({ data: { userId: user.userId, ...grant } })
      return services.access.resolveActor({ telegramId, firstName: `User ${telegramId}` })
    }
    const coordinatorA = await person(101, { role: "municipal_coordinator", municipalityId: a.id })
    const coordinatorB = await person(102, { role: "municipal_coordinator", municipalityId: b.id })
    const admin = await services.access.resolveActor({ telegramId: 1, firstName: "Admin" })
    return { prisma, clock, deps, services, a, b, ids, coordinatorA, coordinatorB, admin, person }
  }

  async function upload(deps: ServiceDeps, admin: Actor, region: GeneratedRegion, keys?: string[], spec: ProcedureSpec = MATH_4_2021) {
    const schools = region.results.schools.filter((school) => !keys || keys.includes(school.schoolKey))
    const outcome = await importResults(deps, admin, {
      file: { bytes: Buffer.from(`${spec.year}:${keys?.join(",") ?? "all"}:${Math.random()}`), fileName: "region.xlsx" },
      layout: "C",
      spec,
      schools: schools.map((school) => ({ key: school.schoolKey, login: `edu${school.schoolKey}` })),
      participants: schools.flatMap((school) => school.participants),
      warningsConfirmed: 0,
    })
    expect(outcome.ok).toBe(true)
    return analyseStored(deps, spec)
  }

  async function outbox(prisma: Awaited<ReturnType<typeof world>>["prisma"], telegramId: number) {
    const rows = await prisma.outbox.findMany({ where: { chatId: BigInt(telegramId) }, orderBy: { id: "asc" } })
    return rows.map((row) => ({ ...row, payload: row.payload as { text?: string; keyboard?: { text: string; callbackData: string }[][]; document?: { fileName: string; base64: string } } }))
  }

  it("sends one grouped message with the municipal XLSX per coordinator for a regional upload, each of their own schools only", async () => {
    const w = await world()
    const run = await upload(w.deps, w.admin, manipulated)
    const levels = run!.analysis.schools
    const riskOf = (m: number) => levels.filter((s) => s.risk.level === "risk" && s.municipalityId === String(m)).map((s) => `edu${s.schoolKey}`)
    expect(riskOf(w.a.id).length).toBeGreaterThan(1)
    expect(riskOf(w.b.id).length).toBeGreaterThan(1)
    for (const [coordinator, municipality, other] of [[101, w.a, w.b], [102, w.b, w.a]] as const) {
      const rows = await outbox(w.prisma, coordinator)
      expect(rows).toHaveLength(2) // the grouped text and its XLSX
      const [text, file] = rows
      expect(text!.payload.text).toContain(`Новый анализ: ВПР 2021 · Математика · 4 класс\n${municipality.name}`)
      expect(text!.payload.text).toMatch(new RegExp(`В зоне риска — ${riskOf(municipality.id).length}, в списке на перепроверку — \\d+, вышли из зоны риска — 0\\.`))
      for (const login of riskOf(other.id)) expect(text!.payload.text).not.toContain(login)
      // A re-check button for each school the message names first, then the list of cases.
      const keyboard = text!.payload.keyboard!
      expect(keyboard.at(-1)).toEqual([{ text: "Открыть случаи", callbackData: "rk:l" }])
      expect(keyboard.length).toBe(Math.min(5, riskOf(municipality.id).length + Number(/в списке на перепроверку — (\d+)/.exec(text!.payload.text!)![1])) + 1)
      if (riskOf(municipality.id).length <= 5) for (const login of riskOf(municipality.id)) expect(keyboard.flat().map((b) => b.text)).toContain(`В перепроверку: ${login}`)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(Buffer.from(file!.payload.document!.base64, "base64") as never)
      expect(workbook.worksheets[0]!.name).toBe("Сводка")
      const cases = workbook.getWorksheet("Случаи")!
      const listed = cases.getColumn(2).values.filter((v): v is string => typeof v === "string" && v.startsWith("edu"))
      expect(listed.sort()).toEqual(riskOf(municipality.id).sort())
    }
    // Every school in the risk zone became a new case of its municipality.
    expect(await w.prisma.riskCase.count({ where: { municipalityId: w.a.id, status: "new" } })).toBe(riskOf(w.a.id).length)
  })

  it("sends nothing twice: not for a re-run, a re-import, a restart, or a processing interrupted before it was recorded", async () => {
    const w = await world()
    await upload(w.deps, w.admin, manipulated)
    const before = await w.prisma.outbox.count()
    expect(before).toBeGreaterThan(0)
    await upload(w.deps, w.admin, manipulated) // the same data again: new result set versions, a new run
    expect(await w.prisma.outbox.count()).toBe(before)
    // A restart: new services over the same database.
    const restarted = testDeps(suite.db, { clock: w.clock })
    const restartedServices = servicesOn(restarted, { adminIds: [1n] })
    await upload(restarted, w.admin, manipulated)
    expect(await w.prisma.outbox.count()).toBe(before)
    // A crash after the messages were queued but before the findings were written: the next processing sees the
    // same changes and queues them under the same keys.
    const findings = await w.prisma.riskFinding.findMany()
    const keyOf = (id: number) => [...w.ids].find(([, v]) => v === id)![0]
    const manipulatedRisk = findings.find((f) => f.level === "risk" && manipulated.truth.get(keyOf(f.schoolId))?.manipulation)!
    const cleaned = await upload(restarted, w.admin, honest, [keyOf(manipulatedRisk.schoolId)])
    const afterChange = await w.prisma.outbox.count()
    expect(afterChange).toBeGreaterThan(before)
    for (const f of findings) await w.prisma.riskFinding.update({ where: { id: f.id }, data: { level: f.level, changes: f.changes, score: f.score, signs: f.signs, recheckRank: f.recheckRank } })
    await restartedServices.risk.afterRunStored({ key: MATH_4_2021, scopeId: null, outcome: cleaned! })
    expect(await w.prisma.outbox.count()).toBe(afterChange)
  })

  it("writes one message per school for a small change, and says once that a school left the risk zone", async () => {
    const w = await world()
    await upload(w.deps, w.admin, honest)
    // One school of A that copies (S11, strong) sends its results: a small change.
    const key = manipulated.results.schools.slice(0, SCHOOLS / 2).find((s) => manipulated.truth.get(s.schoolKey)?.manipulation === "copying" && s.participants.length >= 20)!.schoolKey
    const levels = async () => new Map((await w.prisma.riskFinding.findMany()).map((f) => [f.schoolId, f.level]))
    const before = await levels()
    const sent = (await outbox(w.prisma, 101)).length
    await upload(w.deps, w.admin, manipulated, [key])
    const after = await levels()
    const changedInA = [...after].filter(([id, level]) => before.get(id) !== level && !(level === "none" && before.get(id) === "attention")).filter(([id]) => [...w.ids].findIndex(([, v]) => v === id) < SCHOOLS / 2)
    expect(after.get(w.ids.get(key)!)).toBe("risk")
    expect(changedInA.length).toBeLessThanOrEqual(3)
    const fresh = (await outbox(w.prisma, 101)).slice(sent)
    expect(fresh).toHaveLength(changedInA.length) // one message per school, none grouped
    const alert = fresh.find((row) => row.payload.text?.startsWith(`⚠️ Зона риска: edu${key}`))!
    expect(alert.payload.text).toContain("ВПР 2021 · Математика · 4 класс")
    // Plain words: the sign's title, no code, no p-value (the figures are behind «Подробнее»).
    expect(alert.payload.text).toContain("• Совпадающие ответы (сильный признак)")
    expect(alert.payload.text).not.toMatch(/\bS\d{1,2}-?\b|p\s*[=<]|ДИ/)
    expect(alert.payload.keyboard!.flat().map((b) => b.text)).toEqual(["Подробнее", "В перепроверку", "Наблюдатели в следующий раз", "Просмотрено"])
    for (const row of await outbox(w.prisma, 102)) expect(row.payload.text).not.toContain(`edu${key}`)

    // The school sends its honest results again: good news, once.
    const sentBefore = (await outbox(w.prisma, 101)).length
    await upload(w.deps, w.admin, honest, [key])
    const news = (await outbox(w.prisma, 101)).slice(sentBefore).filter((row) => row.payload.text?.startsWith("✅"))
    expect(news).toHaveLength(1)
    expect(news[0]!.payload.text).toBe(`✅ Хорошая новость: школа edu${key} больше не в зоне риска (ВПР 2021 · Математика · 4 класс). Сейчас: ${before.get(w.ids.get(key)!) === "attention" ? "в списке на перепроверку" : "не требует действий"}.`)
    const total = (await outbox(w.prisma, 101)).length
    await upload(w.deps, w.admin, honest, [key])
    expect((await outbox(w.prisma, 101)).length).toBe(total)
    // The case stays open with its new level: nothing is closed silently.
    const open = await w.prisma.riskCase.findFirstOrThrow({ where: { schoolId: w.ids.get(key)! } })
    expect(open.status).toBe("new")
    expect(open.level).not.toBe("risk")
  })

  it("waits for working hours in each municipality's time zone unless the coordinator chose immediate delivery", async () => {
    // Friday 19 March 2027, 12:00 UTC: 19:00 in Barnaul (closed until Monday 09:00 = 02:00 UTC), 14:00 in Kaliningrad.
    const w = await world(new TestClock(new Date("2027-03-19T12:00:00Z")))
    const immediate = await w.person(103, { role: "municipal_coordinator", municipalityId: w.a.id })
    expect(await w.services.risk.preferences.setImmediate(immediate, true)).toMatchObject({ ok: true, preferences: { immediate: true } })
    await upload(w.deps, w.admin, manipulated)
    const when = async (telegramId: number) => [...new Set((await outbox(w.prisma, telegramId)).map((row) => row.notBefore.toISOString()))]
    expect(await when(101)).toEqual(["2027-03-22T02:00:00.000Z"])
    expect(await when(102)).toEqual(["2027-03-19T12:00:00.000Z"])
    expect(await when(103)).toEqual(["2027-03-19T12:00:00.000Z"])
    // Admins hear nothing until they opt in.
    expect(await outbox(w.prisma, 1)).toEqual([])
  })

  it("gives a school's coordinator neutral recommendations, never a risk level", async () => {
    const w = await world()
    const riskyKey = manipulated.results.schools.slice(0, SCHOOLS / 2).find((s) => manipulated.truth.get(s.schoolKey)?.manipulation === "copying" || manipulated.truth.get(s.schoolKey)?.manipulation === "hard_task_help")!.schoolKey
    const principal = await w.person(201, { role: "school_coordinator", schoolId: w.ids.get(riskyKey)! })
    const run = await upload(w.deps, w.admin, manipulated)
    const level = run!.analysis.schools.find((s) => s.schoolKey === riskyKey)!.risk.level
    const rows = await outbox(w.prisma, 201)
    if (level === "none") return expect(rows).toEqual([])
    expect(rows).toHaveLength(1)
    expect(rows[0]!.payload.text).toContain("Рекомендации по объективности: ВПР 2021 · Математика · 4 класс")
    expect(rows[0]!.payload.text).not.toMatch(/риск|перепровер/i)
    const listed = await w.services.risk.recommendations(principal)
    expect(listed.ok && listed.items.map((item) => item.schoolId)).toEqual([w.ids.get(riskyKey)])
    expect(await w.services.risk.cases.listOpen(principal)).toEqual({ ok: false, reason: "not_allowed", outside: [] })
  })

  it("keeps a coordinator of municipality A out of B's cases, findings and plans, whatever the id", async () => {
    const w = await world()
    await upload(w.deps, w.admin, manipulated)
    const caseOf = async (m: number) => (await w.prisma.riskCase.findFirstOrThrow({ where: { municipalityId: m } })).id
    const [mine, theirs] = [await caseOf(w.a.id), await caseOf(w.b.id)]
    const listed = await w.services.risk.cases.listOpen(w.coordinatorA)
    expect(listed.ok && listed.cases.every((c) => c.municipalityId === w.a.id)).toBe(true)
    const cases = w.services.risk.cases
    const refused = { ok: false, reason: "not_allowed", outside: [String(theirs)] }
    expect(await cases.details(w.coordinatorA, theirs)).toEqual(refused)
    expect(await cases.move(w.coordinatorA, theirs, "review")).toEqual(refused)
    expect(await cases.addNote(w.coordinatorA, theirs, "x")).toEqual(refused)
    expect(await cases.addMeasure(w.coordinatorA, theirs, { kind: "visit", dueDate: "2027-04-01" })).toEqual(refused)
    expect(await w.services.risk.rechecks.planForCase(w.coordinatorA, theirs, 10, t)).toEqual(refused)
    const theirFinding = await w.prisma.riskFinding.findFirstOrThrow({ where: { schoolId: (await w.prisma.riskCase.findUniqueOrThrow({ where: { id: theirs } })).schoolId } })
    expect(await cases.forFinding(w.coordinatorA, theirFinding.id, true)).toMatchObject({ ok: false, reason: "not_allowed" })
    expect(await w.services.risk.findingTarget(w.coordinatorA, theirFinding.id)).toMatchObject({ ok: false, reason: "not_allowed" })
    const plan = await w.services.risk.rechecks.planForCase(w.coordinatorB, theirs, 10, t)
    expect(plan.ok).toBe(true)
    if (!plan.ok) return
    expect(await w.services.risk.rechecks.planWorkbook(w.coordinatorA, plan.planId, t)).toMatchObject({ ok: false, reason: "not_allowed" })
    expect(await w.services.risk.rechecks.importScores(w.coordinatorA, plan.planId, plan.file)).toMatchObject({ ok: false, reason: "not_allowed" })
    expect(await cases.details(w.coordinatorA, 999_999)).toEqual({ ok: false, reason: "not_found" })
    expect((await cases.details(w.coordinatorA, mine)).ok).toBe(true)
    // The municipal XLSX of /analysis lists A's cases only.
    const workbook = new ExcelJS.Workbook()
    const overview = await w.services.analysis.municipalWorkbook(w.coordinatorA, MATH_4_2021, t)
    if (!overview.ok) throw new Error(`no municipal workbook: ${overview.reason}`)
    await workbook.xlsx.load(overview.bytes as never)
    const ids = workbook.getWorksheet("Случаи")!.getColumn(1).values.filter((v): v is number => typeof v === "number")
    expect(ids).toContain(mine)
    expect(ids).not.toContain(theirs)
  })

  it("runs a case through re-check to a recorded decision: plan, the commission's scores (bad files store nothing), S10, measures", async () => {
    const w = await world()
    await upload(w.deps, w.admin, manipulated)
    // A school that checked leniently or added points to every work: the commission's scores take them away.
    const index = manipulated.results.schools.findIndex(
      (s) => ["lenient_checking", "mean_inflation"].includes(manipulated.truth.get(s.schoolKey)?.manipulation ?? "") && s.participants.filter((p) => !p.absent).length >= 20,
    )
    const target = manipulated.results.schools[index]!
    const coordinator = index < SCHOOLS / 2 ? w.coordinatorA : w.coordinatorB
    const finding = await w.prisma.riskFinding.findFirstOrThrow({ where: { schoolId: w.ids.get(target.schoolKey)! } })
    const opened = await w.services.risk.cases.forFinding(coordinator, finding.id, true)
    if (!opened.ok || opened.caseId === null) throw new Error("no case")
    const caseId = opened.caseId
    expect(await w.services.risk.rechecks.planForCase(coordinator, caseId, 0, t)).toEqual({ ok: false, reason: "bad_size" })
    const plan = await w.services.risk.rechecks.planForCase(coordinator, caseId, 12, t)
    if (!plan.ok) throw new Error(JSON.stringify(plan))
    expect(plan.works).toBe(12)
    expect(plan.file.fileName).toBe(`Перепроверка - план ${plan.planId} - ВПР 2021 - Математика - 4 класс.xlsx`)
    // The same request gives the same works.
    const again = await w.services.risk.rechecks.planForCase(coordinator, caseId, 12, t)
    if (!again.ok) throw new Error("again")
    const stored = await w.prisma.recheckPlan.findMany({ orderBy: { id: "asc" } })
    expect(stored[1]!.works).toEqual(stored[0]!.works)
    expect((await w.prisma.riskCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("recheck")
    // Each plan is a deadline of the school's municipality: 10 working days after it was planned (calendar.md recheckDue).
    const municipality = await w.prisma.municipality.findUniqueOrThrow({ where: { id: coordinator === w.coordinatorA ? w.a.id : w.b.id } })
    const recheckDue = instantAt("2027-03-29", 23 * 60 + 59, municipality.timeZone)
    expect(await w.prisma.deadline.findMany({ where: { kind: "recheck" }, select: { key: true, due: true, status: true }, orderBy: { id: "asc" } })).toEqual([
      { key: `risk:recheck:${plan.planId}:${municipality.id}`, due: recheckDue, status: "pending" },
      { key: `risk:recheck:${again.planId}:${municipality.id}`, due: recheckDue, status: "pending" },
    ])

    // The commission re-checks the works as written: points added at checking are gone.
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(plan.file.bytes as never)
    const sheet = workbook.getWorksheet(RECHECK_SHEET)!
    const written = manipulated.written.get(target.schoolKey)!
    for (let r = 6; r < 6 + plan.works; r++) {
      const code = String(sheet.getCell(r, 3).value)
      const index = target.participants.findIndex((p) => p.code === code)
      MATH_4_2021.tasks.forEach((_, k) => {
        sheet.getCell(r, 6 + k).value = Math.max(0, written[index]![k] ?? 0)
      })
    }
    const good = Buffer.from(await workbook.xlsx.writeBuffer())
    // Bad files first: a score above the maximum, a code not on the plan. Nothing is stored.
    sheet.getCell(6, 6).value = 5
    sheet.getCell(7, 3).value = "99999"
    const bad = await w.services.risk.rechecks.importScores(coordinator, plan.planId, { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), fileName: "bad.xlsx" })
    expect(bad).toMatchObject({ ok: false, reason: "problems" })
    if (bad.ok || bad.reason !== "problems") return
    expect(bad.problems.map((p) => [p.code, p.cell])).toEqual([["score-above-max", "F6"], ["code-unknown", "C7"]])
    expect(await w.prisma.recheckedWork.count()).toBe(0)
    // The first plan's file against the second plan: refused as another plan's.
    expect(await w.services.risk.rechecks.importScores(coordinator, again.planId, { bytes: good, fileName: "p1.xlsx" })).toMatchObject({ ok: false, problems: [{ code: "other-plan" }] })

    const imported = await w.services.risk.rechecks.importScores(coordinator, plan.planId, { bytes: good, fileName: "commission.xlsx" })
    if (!imported.ok) throw new Error(JSON.stringify(imported))
    expect(imported.works).toBe(12)
    const [report] = imported.schools
    expect(report!.figures.meanChange).toBeLessThan(0)
    expect(report!.figures.nonConfirmationIndex).toBeGreaterThan(0)
    expect(report!.s10?.status).toBe("fired")
    expect(report!.level).toBe("risk")
    // The commission's scores close that plan's deadline; the other plan's stays open.
    expect(await w.prisma.deadline.findMany({ where: { kind: "recheck" }, select: { status: true }, orderBy: { id: "asc" } })).toEqual([{ status: "done" }, { status: "pending" }])
    expect(await w.prisma.recheckedWork.count({ where: { schoolId: w.ids.get(target.schoolKey)! } })).toBe(12)

    const details = await w.services.risk.cases.details(coordinator, caseId)
    if (!details.ok) throw new Error("details")
    expect(details.case.level).toBe("risk")
    expect(details.case.rechecks.find((r) => r.planId === plan.planId)?.figures?.nonConfirmationIndex).toBe(report!.figures.nonConfirmationIndex)
    expect(details.case.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["opened", "status", "recheck_planned", "recheck_received"]))

    // A decision needs its reason when it is «не подтверждено»; a measure has an owner and a due date.
    expect(await w.services.risk.cases.move(coordinator, caseId, "not_confirmed", "  ")).toEqual({ ok: false, reason: "reason_needed" })
    expect(await w.services.risk.cases.move(coordinator, caseId, "confirmed")).toEqual({ ok: true, status: "confirmed" })
    expect(await w.services.risk.cases.addMeasure(coordinator, caseId, { kind: "observers", dueDate: "2027-03-01" })).toEqual({ ok: false, reason: "bad_date" })
    expect(await w.services.risk.cases.addMeasure(coordinator, caseId, { kind: "observers", dueDate: "2027-04-20", ownerName: "Петрова И. А., методист" })).toMatchObject({ ok: true })
    // The observer service got the request: the school comes first in the next proposal.
    expect(await w.prisma.observerRequest.findMany({ select: { schoolId: true, reason: true } })).toEqual([
      { schoolId: w.ids.get(target.schoolKey), reason: `Мера по случаю риска № ${caseId}: наблюдатели на следующей процедуре.` },
    ])
    expect(await w.services.risk.cases.observerRequests()).toEqual([
      expect.objectContaining({ caseId, kind: "observers", owner: "Петрова И. А., методист", dueDate: "2027-04-20", status: "planned", schoolId: w.ids.get(target.schoolKey) }),
    ])
    expect(await w.services.risk.cases.dueMeasures("2027-04-19")).toEqual([])
    expect(await w.services.risk.cases.dueMeasures("2027-04-20")).toHaveLength(1)
    // The measure is a deadline too, closed when the measure is.
    const measureDeadline = await w.prisma.deadline.findFirstOrThrow({ where: { kind: "follow_up" } })
    expect(measureDeadline).toMatchObject({ schoolId: w.ids.get(target.schoolKey), due: instantAt("2027-04-20", 23 * 60 + 59, municipality.timeZone), status: "pending" })
    const [measure] = await w.prisma.followUpMeasure.findMany()
    expect(await w.services.risk.cases.finishMeasure(coordinator, measure!.id, "done")).toEqual({ ok: true })
    expect((await w.prisma.deadline.findUniqueOrThrow({ where: { id: measureDeadline.id } })).status).toBe("done")
    expect(await w.services.risk.cases.move(coordinator, caseId, "closed")).toEqual({ ok: true, status: "closed" })
    const listed = await w.services.risk.cases.listOpen(coordinator)
    expect(listed.ok && listed.cases.some((c) => c.id === caseId)).toBe(false)
  })

  it("records «не подтверждено» with its reason, marks the second year in the risk zone, and lists open cases oldest first", async () => {
    const w = await world()
    const lastYear = { ...MATH_4_2021, year: 2020 }
    await upload(w.deps, w.admin, manipulated, undefined, lastYear)
    w.clock.advance(3 * 86_400_000)
    await upload(w.deps, w.admin, manipulated)
    const cases = await w.prisma.riskCase.findMany({ where: { procedure: "ВПР|2021|Математика|4" } })
    const riskLastYear = new Set((await w.prisma.riskFinding.findMany({ where: { procedure: "ВПР|2020|Математика|4", level: "risk" } })).map((f) => f.schoolId))
    expect(cases.length).toBeGreaterThan(0)
    for (const c of cases) expect(c.twoYears).toBe(riskLastYear.has(c.schoolId))
    expect(cases.some((c) => c.twoYears)).toBe(true)
    const listed = await w.services.risk.cases.listOpen(w.coordinatorA)
    if (!listed.ok) throw new Error("list")
    expect(listed.cases[0]!.procedure).toBe("ВПР|2020|Математика|4")
    expect(listed.cases[0]!.ageDays).toBe(3)
    const id = listed.cases.at(-1)!.id
    expect(await w.services.risk.cases.move(w.coordinatorA, id, "not_confirmed", "Работы проверены повторно, баллы подтвердились")).toEqual({ ok: true, status: "not_confirmed" })
    const details = await w.services.risk.cases.details(w.coordinatorA, id)
    expect(details.ok && details.case.resolution).toBe("Работы проверены повторно, баллы подтвердились")
    expect(details.ok && details.case.events.at(-1)).toMatchObject({ kind: "status", text: "Работы проверены повторно, баллы подтвердились", details: { from: "new", to: "not_confirmed" } })
    expect(await w.services.risk.cases.move(w.coordinatorA, id, "review")).toEqual({ ok: false, reason: "bad_move" })
  })
})
