import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { gzipJson } from "../../../../src/db/gzip-json.ts"
import { QUIZ_ANSWERS } from "../../../../src/domain/observers/quiz.ts"
import { createTranslator } from "../../../../src/i18n.ts"
import type { Actor } from "../../../../src/services/access/roles.ts"
import { createJobRunner } from "../../../../src/services/scheduling/jobs.ts"
import { silentLogger } from "../../../../src/logger.ts"
import { availableDatabases } from "../../../support/db.ts"
import { adminSuite, TestClock, testServices } from "../../../support/services.ts"

const maths4 = { kind: "ВПР" as const, year: 2026, subject: "Математика", grade: 4 }
const russian5 = { kind: "ВПР" as const, year: 2026, subject: "Русский язык", grade: 5 }
/** Monday 20 April 2026, 10:00 in Barnaul (UTC+7). */
const START = new Date("2026-04-20T03:00:00Z")

describe.each(availableDatabases())("observers on %s", (kind) => {
  const suite = adminSuite(kind)

  async function world() {
    const prisma = suite.db.prisma
    const clock = new TestClock(START)
    const services = testServices(suite.db, { clock, adminIds: [1n] })
    const north = await prisma.municipality.create({ data: { name: "Северный район", timeZone: "Asia/Barnaul" } })
    const south = await prisma.municipality.create({ data: { name: "Южный район", timeZone: "Asia/Barnaul" } })
    const school = (key: string, name: string, municipalityId = north.id) =>
      prisma.school.create({ data: { key, login: `edu${key}`, name, municipalityId, address: `ул. Ленина, ${key.slice(-2)}` } })
    const [s1, s2, s3] = [await school("223001", "МБОУ «СОШ № 1»"), await school("223002", "МБОУ «Гимназия № 2»"), await school("223003", "МБОУ «Лицей № 3»")]
    const far = await school("224001", "МБОУ «СОШ № 9»", south.id)
    const actor = async (telegramId: number, firstName: string, grant?: { role: "municipal_coordinator" | "observer"; municipalityId: number }) => {
      const user = await services.access.resolveActor({ telegramId, firstName })
      if (grant) await prisma.roleGrant.create({ data: { userId: user.userId, ...grant } })
      return services.access.resolveActor({ telegramId, firstName })
    }
    const coordinator = await actor(100, "Ирина", { role: "municipal_coordinator", municipalityId: north.id })
    const southCoordinator = await actor(101, "Олег", { role: "municipal_coordinator", municipalityId: south.id })
    return { prisma, clock, services, north, south, s1, s2, s3, far, actor, coordinator, southCoordinator }
  }
  type World = Awaited<ReturnType<typeof world>>

  async function signUp(w: World, telegramId: number, name: string, ties: { work?: number[]; children?: number[] } = {}): Promise<Actor> {
    const person = await w.actor(telegramId, name.split(" ")[1]!)
    const saved = await w.services.observers.profile.save(person, {
      fullName: name,
      contact: { phone: `+7900000${telegramId}`, userId: telegramId },
      municipalityId: w.north.id,
      workSchoolIds: ties.work ?? [],
      childSchoolIds: ties.children ?? [],
      availability: { any: true, weekdays: [], dates: [] },
      consent: true,
    })
    expect(saved.ok).toBe(true)
    return person
  }

  /** Answers every question; `wrong` of them wrongly. */
  async function takeQuiz(w: World, person: Actor, wrong = 0) {
    const started = await w.services.observers.quiz.start(person)
    if (!started.ok) throw new Error(JSON.stringify(started))
    let question = started.question
    for (;;) {
      const right = question.options.indexOf(QUIZ_ANSWERS[question.question]!)
      const shown = question.index < wrong ? (right + 1) % 4 : right
      const answered = await w.services.observers.quiz.answer(person, question.attemptId, question.index, shown)
      if (!answered.ok) throw new Error("answer refused")
      if ("result" in answered) return answered.result
      question = answered.next
    }
  }

  async function approvedObserver(w: World, telegramId: number, name: string, ties: { work?: number[]; children?: number[] } = {}) {
    const person = await signUp(w, telegramId, name, ties)
    expect((await takeQuiz(w, person)).passed).toBe(true)
    const profile = await w.services.observers.profile.own(person)
    expect(await w.services.observers.applications.approve(w.coordinator, profile!.id)).toMatchObject({ ok: true })
    return { person: await w.services.access.resolveActor({ telegramId, firstName: name.split(" ")[1]! }), observerId: profile!.id }
  }

  it("signs up only with the user's own contact and consent; erases personal data on withdrawal", async () => {
    const w = await world()
    const anna = await w.actor(200, "Анна")
    const form = {
      fullName: "Иванова Анна Петровна",
      contact: { phone: "+79001112233", userId: 999 },
      municipalityId: w.north.id,
      workSchoolIds: [w.s1.id],
      childSchoolIds: [w.far.id],
      availability: { any: false, weekdays: [], dates: [] },
      consent: false,
    }
    expect(await w.services.observers.profile.save(anna, form)).toEqual({
      ok: false,
      reason: "problems",
      problems: ["not_own_contact", "school_outside", "availability", "no_consent"],
    })
    expect(await w.prisma.observer.count()).toBe(0)
    const saved = await w.services.observers.profile.save(anna, { ...form, contact: { phone: "8 900 111-22-33", userId: 200 }, childSchoolIds: [w.s2.id], availability: { any: false, weekdays: [2], dates: [] }, consent: true })
    expect(saved).toMatchObject({ ok: true, created: true, profile: { fullName: "Иванова Анна Петровна", phone: "+79001112233", status: "registered", work: [{ id: w.s1.id }], children: [{ id: w.s2.id }] } })
    expect(await w.services.observers.profile.searchSchools(w.north.id, "гимназ")).toEqual([{ id: w.s2.id, label: "МБОУ «Гимназия № 2» (edu223002)" }])
    expect(await w.services.observers.profile.searchSchools(w.north.id, "edu224001")).toEqual([]) // another municipality's school

    expect(await w.services.observers.profile.withdraw(anna)).toEqual({ ok: true, cancelled: 0 })
    const erased = await w.prisma.observer.findFirstOrThrow({ include: { ties: true } })
    expect(erased).toMatchObject({ userId: null, fullName: null, phone: null, status: "withdrawn", ties: [] })
    expect(await w.services.observers.profile.own(anna)).toBeNull()
  })

  it("runs the quiz: one try at a time, old buttons refused, a pause after failing, the application to the coordinator", async () => {
    const w = await world()
    const boris = await signUp(w, 300, "Петров Борис Иванович")
    const started = await w.services.observers.quiz.start(boris)
    if (!started.ok) throw new Error("start")
    expect(started.question).toMatchObject({ index: 0, total: 14 })
    // The same question answered twice (an old button): the second is refused.
    expect(await w.services.observers.quiz.answer(boris, started.question.attemptId, 0, 0)).toMatchObject({ ok: true })
    expect(await w.services.observers.quiz.answer(boris, started.question.attemptId, 0, 1)).toEqual({ ok: false, reason: "not_found" })
    // Someone else cannot answer Boris's try.
    const stranger = await w.actor(301, "Чужой")
    expect(await w.services.observers.quiz.answer(stranger, started.question.attemptId, 1, 0)).toEqual({ ok: false, reason: "not_found" })
    // Starting again resumes the open try at its next question.
    expect(await w.services.observers.quiz.start(boris)).toMatchObject({ ok: true, resumed: true, question: { index: 1 } })
    await w.prisma.quizAttempt.deleteMany()

    const failed = await takeQuiz(w, boris, 3)
    expect(failed).toMatchObject({ passed: false, score: 11, passMark: 12 })
    expect(await w.services.observers.quiz.start(boris)).toMatchObject({ ok: false, problems: ["wait"], retryAt: new Date(START.getTime() + 24 * 3600_000).toISOString() })
    w.clock.advance(24 * 3600_000)
    expect(await takeQuiz(w, boris, 2)).toMatchObject({ passed: true, score: 12 })
    expect((await w.services.observers.profile.own(boris))!.status).toBe("awaiting_approval")
    const [application] = await w.prisma.outbox.findMany({ where: { chatId: 100n } })
    expect((application!.payload as { text: string }).text).toContain("Петров Борис Иванович")
    expect(await w.services.observers.applications.pending(w.southCoordinator)).toEqual([])
    const [pending] = await w.services.observers.applications.pending(w.coordinator)
    expect(await w.services.observers.applications.reject(w.southCoordinator, pending!.observerId, "Нет")).toMatchObject({ ok: false, reason: "not_allowed" })
    expect(await w.services.observers.applications.reject(w.coordinator, pending!.observerId, "")).toEqual({ ok: false, reason: "problems", problems: ["reason"] })
    expect(await w.services.observers.applications.reject(w.coordinator, pending!.observerId, "Не хватает мест в программе")).toMatchObject({ ok: true })
    expect(await w.services.observers.applications.approve(w.coordinator, pending!.observerId)).toEqual({ ok: false, reason: "not_found" })
    const rejection = await w.prisma.outbox.findFirstOrThrow({ where: { chatId: 300n }, orderBy: { id: "desc" } })
    expect((rejection.payload as { text: string }).text).toContain("Причина: Не хватает мест в программе")
  })

  it("proposes without conflicts, risk schools first; offers, confirms, declines → replacement; reminders; act with a violation → alert; XLSX", async () => {
    const w = await world()
    const teacher1 = await approvedObserver(w, 401, "Смирнова Ольга Павловна", { work: [w.s1.id] })
    const parent2 = await approvedObserver(w, 402, "Кузнецов Илья Андреевич", { children: [w.s2.id] })
    const spare = await approvedObserver(w, 403, "Орлова Дарья Сергеевна")
    // School 3 is in the risk zone of the latest stored analysis.
    await w.prisma.$executeRawUnsafe(
      `INSERT INTO "AnalysisRun" (procedure, settings, "inputIds", "resultGzip") VALUES ($1, '{}'::jsonb, '{}', decode($2, 'base64'))`,
      "ВПР|2025|Математика|4",
      gzipJson({ schools: [{ schoolKey: "223003", risk: { level: "risk" } }, { schoolKey: "223001", risk: { level: "attention" } }] }),
    )
    const create = (schoolId: number, procedure = maths4, date = "2026-04-22") => w.services.observers.sessions.create(w.coordinator, { schoolId, procedure, date, startMinutes: 9 * 60, rooms: 1 })
    expect(await w.services.observers.sessions.create(w.coordinator, { schoolId: w.far.id, procedure: maths4, date: "2026-04-22", startMinutes: 540, rooms: 1 })).toMatchObject({ ok: false, reason: "not_allowed" })
    expect(await w.services.observers.sessions.create(w.coordinator, { schoolId: w.s1.id, procedure: maths4, date: "2026-04-01", startMinutes: 540, rooms: 0 })).toEqual({ ok: false, reason: "problems", problems: ["past", "rooms"] })
    for (const school of [w.s1, w.s2, w.s3]) expect(await create(school.id)).toMatchObject({ ok: true, created: true })

    const proposed = await w.services.observers.assignments.propose(w.coordinator, { to: "2026-04-30" })
    if (!proposed.ok) throw new Error("propose")
    const lines = proposed.proposal.lines
    expect(lines).toHaveLength(3)
    for (const line of lines) {
      const ties = await w.prisma.observerTie.findMany({ where: { observerId: line.observerId } })
      expect(ties.map((tie) => tie.schoolId)).not.toContain(line.session.schoolId)
    }
    expect(lines.find((line) => line.session.schoolId === w.s3.id)!.priority).toBe("risk")
    // The teacher from school 1 is preferred (cross-observation) for the risk school.
    expect(lines.find((line) => line.session.schoolId === w.s3.id)!.observerId).toBe(teacher1.observerId)

    // The coordinator edits one line: only eligible observers are offered, a forged one is refused.
    const atSchool2 = lines.find((line) => line.session.schoolId === w.s2.id)!
    const alternatives = await w.services.observers.assignments.alternatives(w.coordinator, atSchool2.assignmentId)
    if (!alternatives.ok) throw new Error("alternatives")
    expect(alternatives.candidates.map((c) => c.observerId)).not.toContain(parent2.observerId)
    expect(await w.services.observers.assignments.choose(w.coordinator, atSchool2.assignmentId, parent2.observerId)).toEqual({ ok: false, reason: "problems", problems: ["not_eligible"] })
    expect(await w.services.observers.assignments.choose(w.southCoordinator, atSchool2.assignmentId, spare.observerId)).toMatchObject({ ok: false, reason: "not_allowed" })

    expect(await w.services.observers.assignments.accept(w.coordinator)).toEqual({ ok: true, offered: 3, dropped: 0 })
    const offers = await w.prisma.outbox.findMany({ where: { dedupeKey: { startsWith: "obs:offer:" } } })
    expect(offers).toHaveLength(3)
    const offerText = (offers.find((o) => o.chatId === 401n)!.payload as { text: string }).text
    expect(offerText).toContain("МБОУ «Лицей № 3» (edu223003)")
    expect(offerText).toContain("Адрес: ул. Ленина, 03")
    expect(offerText).toContain("22.04.2026, 09:00")
    expect(offerText).toContain("нет личной заинтересованности")

    const mine = await w.services.observers.assignments.mine(teacher1.person)
    expect(mine).toHaveLength(1)
    const teacherAssignment = mine[0]!.assignmentId
    expect(await w.services.observers.assignments.respond(parent2.person, teacherAssignment, "y")).toEqual({ ok: false, reason: "not_allowed", outside: ["assignment"] })
    expect(await w.services.observers.assignments.respond(teacher1.person, teacherAssignment, "y")).toMatchObject({ ok: true, status: "confirmed" })
    expect(await w.services.observers.assignments.respond(teacher1.person, teacherAssignment, "y")).toEqual({ ok: false, reason: "problems", problems: ["already_answered"] })
    const confirmed = await w.prisma.observerAssignment.findUniqueOrThrow({ where: { id: teacherAssignment } })
    expect(confirmed.declaredAt).not.toBeNull()
    expect(confirmed.actDueAt!.toISOString()).toBe("2026-04-23T05:00:00.000Z") // 12:00 Barnaul of the next working day
    // The act is the observer's deadline (listed in /deadlines, escalated if late); the observer service asks for it itself.
    expect(await w.prisma.deadline.findUniqueOrThrow({ where: { key: `observers:act:${teacherAssignment}` } })).toMatchObject({
      kind: "observer_act",
      due: confirmed.actDueAt,
      status: "pending",
      responsible: { userIds: [teacher1.person.userId], roles: [] },
      reminders: { workingDaysBefore: [] },
    })

    // The parent declines: the coordinator gets a replacement proposal (the spare observer is busy that day, so none fits).
    const parentAssignment = (await w.services.observers.assignments.mine(parent2.person))[0]!.assignmentId
    expect(await w.services.observers.assignments.respond(parent2.person, parentAssignment, "n")).toMatchObject({ ok: true, status: "declined" })
    const replacement = await w.prisma.outbox.findFirstOrThrow({ where: { dedupeKey: `obs:replace:${parentAssignment}:100` } })
    expect((replacement.payload as { text: string }).text).toContain("Кузнецов Илья Андреевич: отказ от назначения.")

    // No answer from the spare observer by the deadline: expired, and a replacement message.
    const runner = createJobRunner({ prisma: w.prisma, clock: w.clock, logger: silentLogger }, w.services.jobs, { owner: "test" })
    w.clock.advance(25 * 3600_000) // Tuesday 21 April, 11:00
    await runner.runDue()
    const spareAssignment = await w.prisma.observerAssignment.findFirstOrThrow({ where: { observerId: spare.observerId } })
    expect(spareAssignment).toMatchObject({ status: "expired", endReason: "no_answer" })
    expect(await w.prisma.outbox.count({ where: { dedupeKey: `obs:replace:${spareAssignment.id}:100` } })).toBe(1)

    // Reminders: the evening before at 18:00, the morning at 07:30 — once each, however often the job runs.
    w.clock.advance(8 * 3600_000) // 19:00
    await runner.runDue()
    w.clock.advance(10 * 60_000)
    await runner.runDue()
    w.clock.advance(12 * 3600_000 + 50 * 60_000) // Wednesday 08:00
    await runner.runDue()
    const reminders = await w.prisma.outbox.findMany({ where: { chatId: 401n, dedupeKey: { startsWith: "obs:" } }, orderBy: { id: "asc" } })
    expect(reminders.map((r) => r.dedupeKey!.split(":")[1])).toEqual(["approved", "offer", "evening", "morning"])

    // Acts: not before the day, not for someone else's session; with a violation the coordinator is alerted at once.
    const draft = { stages: ["conduct" as const], startMinutes: 535, endMinutes: 590, violations: [{ code: "prompting" as const, comment: "=Учитель подсказывал" }], comment: "+ организатор выходил", photoFileIds: ["AgAC-photo-1"] }
    expect(await w.services.observers.acts.submit(parent2.person, teacherAssignment, draft)).toEqual({ ok: false, reason: "not_allowed", outside: ["assignment"] })
    expect(await w.services.observers.acts.submit(teacher1.person, teacherAssignment, { ...draft, endMinutes: 500 })).toEqual({ ok: false, reason: "problems", problems: ["end_before_start"] })
    w.clock.advance(4 * 3600_000) // 12:00, after the act request
    await runner.runDue()
    expect(await w.prisma.outbox.count({ where: { dedupeKey: `obs:actask:${teacherAssignment}:401` } })).toBe(1)
    const filed = await w.services.observers.acts.submit(teacher1.person, teacherAssignment, draft)
    expect(filed).toMatchObject({ ok: true, late: false, alerted: 1 })
    expect((await w.prisma.deadline.findUniqueOrThrow({ where: { key: `observers:act:${teacherAssignment}` } })).status).toBe("done")
    expect(await w.services.observers.acts.submit(teacher1.person, teacherAssignment, draft)).toEqual({ ok: false, reason: "problems", problems: ["already_filed"] })
    const alert = await w.prisma.outbox.findFirstOrThrow({ where: { dedupeKey: { startsWith: "obs:violation:" } } })
    expect(alert.chatId).toBe(100n)
    expect((alert.payload as { text: string }).text).toContain("Участникам подсказывали или помогали (учитель, организатор, другие лица) — =Учитель подсказывал")

    const workbook = await w.services.observers.acts.workbook(w.coordinator, createTranslator("ru"))
    expect(workbook!.acts).toBe(1)
    const read = new ExcelJS.Workbook()
    await read.xlsx.load(workbook!.bytes as never)
    const sheet = read.worksheets[0]!
    const header = (sheet.getRow(3).values as unknown[]).slice(1)
    expect(header).toContain("Выявленные нарушения и комментарии")
    const row = (sheet.getRow(4).values as unknown[]).slice(1)
    expect(row).toContain("Смирнова Ольга Павловна")
    expect(row).toContain("+ организатор выходил") // user text never becomes a formula: kept text by the «Text» format
    expect(sheet.getRow(4).getCell((row.indexOf("+ организатор выходил") as number) + 1).numFmt).toBe("@")
    expect(row.some((cell) => typeof cell === "string" && cell.includes("— =Учитель подсказывал"))).toBe(true)
    expect(row.some((cell) => typeof cell === "object" && cell !== null && "formula" in cell)).toBe(false)
    expect(await w.services.observers.acts.workbook(w.southCoordinator, createTranslator("ru"))).toMatchObject({ acts: 0 })

    // Withdrawal keeps the act, without the name.
    await w.services.observers.profile.withdraw(teacher1.person)
    const again = await w.services.observers.acts.workbook(w.coordinator, createTranslator("ru"))
    const reread = new ExcelJS.Workbook()
    await reread.xlsx.load(again!.bytes as never)
    expect((reread.worksheets[0]!.getRow(4).values as unknown[]).slice(1)).toContain("(данные удалены по просьбе наблюдателя)")
  })

  it("lets a coordinator set the pass mark of their municipality only", async () => {
    const w = await world()
    expect(await w.services.observers.settings.save(w.southCoordinator, w.north.id, { passMark: 14 })).toMatchObject({ ok: false, reason: "not_allowed" })
    expect(await w.services.observers.settings.save(w.coordinator, w.north.id, { passMark: 15 })).toMatchObject({ ok: false, reason: "problems" })
    expect(await w.services.observers.settings.save(w.coordinator, w.north.id, { passMark: 14 })).toMatchObject({ ok: true, settings: { passMark: 14, retryHours: 24 } })
    const person = await signUp(w, 600, "Егорова Инна Львовна")
    expect(await takeQuiz(w, person, 1)).toMatchObject({ passed: false, score: 13, passMark: 14 })
    expect(await w.services.observers.settings.current(w.coordinator)).toMatchObject({ municipalityId: w.north.id, settings: { passMark: 14 } })
  })

  it("marks a school's next sessions as priority on request, until its act arrives; a new tie cancels a conflicting session", async () => {
    const w = await world()
    const observer = await approvedObserver(w, 501, "Белова Нина Олеговна")
    const other = await approvedObserver(w, 502, "Зайцев Пётр Ильич")
    await w.services.observers.sessions.create(w.coordinator, { schoolId: w.s1.id, procedure: russian5, date: "2026-04-23", startMinutes: 600, rooms: 1 })
    expect(await w.services.observers.sessions.requestObservers(w.southCoordinator, w.s1.id, "Риск-кейс")).toMatchObject({ ok: false, reason: "not_allowed" })
    const requested = await w.services.observers.sessions.requestObservers(w.coordinator, w.s1.id, "Зона риска два года подряд")
    expect(requested).toMatchObject({ ok: true, sessions: [{ schoolId: w.s1.id, date: "2026-04-23" }] })
    const [session] = await w.services.observers.sessions.upcoming(w.coordinator)
    expect(session!.priority).toBe("request")

    const proposed = await w.services.observers.assignments.propose(w.coordinator, { to: "2026-04-30" })
    if (!proposed.ok) throw new Error("propose")
    expect(proposed.proposal.lines).toMatchObject([{ priority: "request" }])
    await w.services.observers.assignments.accept(w.coordinator)
    const assigned = (await w.prisma.observerAssignment.findFirstOrThrow({ where: { status: "offered" } })).observerId
    const who = assigned === observer.observerId ? observer : other
    // The observer now says their child studies at that school: the assignment is cancelled, a replacement proposed.
    const profile = (await w.services.observers.profile.own(who.person))!
    const saved = await w.services.observers.profile.save(who.person, {
      fullName: profile.fullName,
      contact: { phone: profile.phone, userId: Number(who.person.telegramId) },
      municipalityId: w.north.id,
      workSchoolIds: [],
      childSchoolIds: [w.s1.id],
      availability: profile.availability,
      consent: true,
    })
    expect(saved).toMatchObject({ ok: true, cancelled: 1 })
    expect(await w.prisma.observerAssignment.findFirstOrThrow({ where: { observerId: who.observerId } })).toMatchObject({ status: "cancelled", endReason: "detected_conflict" })
    const replacement = await w.prisma.observerAssignment.findFirstOrThrow({ where: { status: "proposed" } })
    expect(replacement.observerId).not.toBe(who.observerId)
  })
})
