/**
 * Observer assignment for a region: 2,000 approved applicants and 600 schools × 4 procedures × 2 days (4,800
 * sessions of 1–3 rooms) in 60 municipalities. First the pure algorithm (domain/observers/assign.ts) at 1×, 4× and
 * 16× — applicants and schools scaled together, the municipalities kept, so each municipality grows 4× and 16×;
 * then the whole use case at 1× on an in-memory PGlite: read the pool, propose, store the draft.
 *
 *   npx tsx bench/observers.ts
 */
import { pathToFileURL } from "node:url"
import { openDatabase } from "../src/db/client.ts"
import { ANY_DAY, assignObservers, type ObserverInput, type SessionInput } from "../src/domain/observers/index.ts"
import { silentLogger } from "../src/logger.ts"
import { systemActor } from "../src/services/access/users.ts"
import { createServices } from "../src/services/index.ts"
import { Rng } from "../test/support/generator/prng.ts"
import { ms, row } from "./support.ts"

const MUNICIPALITIES = 60
const DAYS = ["2026-04-21", "2026-04-22"]
const STARTS = [8 * 60 + 30, 10 * 60, 11 * 60 + 40, 13 * 60 + 20]

interface Region {
  schools: { id: number; municipalityId: number; risk: boolean }[]
  sessions: SessionInput[]
  observers: ObserverInput[]
}

/** A region of `schools` schools and `applicants` observers, reproducible from the seed. */
export function region(schools: number, applicants: number, seed = 14): Region {
  const rng = new Rng(seed)
  const schoolList = Array.from({ length: schools }, (_, index) => ({ id: index + 1, municipalityId: (index % MUNICIPALITIES) + 1, risk: rng.chance(0.1) }))
  const byMunicipality = new Map<number, number[]>()
  for (const school of schoolList) byMunicipality.set(school.municipalityId, [...(byMunicipality.get(school.municipalityId) ?? []), school.id])
  const sessions: SessionInput[] = []
  for (const school of schoolList) {
    for (const date of DAYS) {
      STARTS.forEach((start) => {
        sessions.push({ sessionId: sessions.length + 1, schoolId: school.id, municipalityId: school.municipalityId, date, startMinutes: start, open: rng.int(1, 3), priority: school.risk })
      })
    }
  }
  const observers: ObserverInput[] = Array.from({ length: applicants }, (_, index) => {
    const municipalityId = rng.int(1, MUNICIPALITIES)
    const local = byMunicipality.get(municipalityId) ?? []
    const some = (p: number) => (local.length > 0 && rng.chance(p) ? [rng.pick(local)] : [])
    return {
      id: index + 1,
      municipalityId,
      workSchoolIds: some(0.5),
      childSchoolIds: [...some(0.6), ...some(0.2)],
      // 21 April 2026 is a Tuesday (2), the 22nd a Wednesday (3).
      availability: rng.chance(0.3) ? ANY_DAY : { any: false, weekdays: [rng.int(1, 5)], dates: DAYS.filter(() => rng.chance(0.5)) },
      busy: [],
      previousSchoolIds: some(0.3),
    }
  })
  return { schools: schoolList, sessions, observers }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function benchAlgorithm(): void {
  console.log("pure algorithm, 60 municipalities; per-day limit 1 and 2; median of 3 warm runs")
  row("scale (applicants, schools, sessions, places)", "limit 1", "assigned", "limit 2", "assigned")
  let base = 0
  for (const scale of [1, 4, 16]) {
    const { sessions, observers } = region(600 * scale, 2000 * scale)
    const places = sessions.reduce((sum, session) => sum + session.open, 0)
    const cells: string[] = []
    for (const perDayLimit of [1, 2]) {
      const times: number[] = []
      let assigned = 0
      for (let run = 0; run < 4; run++) {
        const started = performance.now()
        const result = assignObservers(sessions, observers, { perDayLimit, minGapMinutes: 180 })
        if (run > 0) times.push(performance.now() - started) // the first run warms the JIT
        assigned = result.assignments.length
      }
      const time = median(times)
      if (scale === 1 && perDayLimit === 1) base = time
      cells.push(`${ms(time)}${scale > 1 && perDayLimit === 1 ? ` (${(time / base).toFixed(1)}×)` : ""}`, `${((100 * assigned) / places).toFixed(0)} %`)
    }
    row(`${scale}×: ${observers.length}, ${600 * scale}, ${sessions.length}, ${places}`, ...cells)
  }
}

/** The use case as the coordinator's button runs it, on PGlite: the pool read, the algorithm, the draft stored. */
async function benchUseCase(): Promise<void> {
  const db = await openDatabase("postgresql://pglite/")
  try {
    const clock = { now: () => new Date("2026-04-20T03:00:00Z") }
    const deps = { prisma: db.prisma, clock, logger: silentLogger }
    const services = createServices(deps, { adminIds: [], inviteTtlHours: 72, defaultTimeZone: "Asia/Barnaul" })
    const { schools, sessions, observers } = region(600, 2000)
    const prisma = db.prisma
    // The admin first: the rows below carry their own ids, which the id sequences do not see.
    const admin = await systemActor(deps, { telegramId: 1n, firstName: "Bench" })
    const userId = (observerId: number) => admin.userId + observerId
    const started = performance.now()
    await prisma.municipality.createMany({ data: Array.from({ length: MUNICIPALITIES }, (_, index) => ({ id: index + 1, name: `Район ${index + 1}`, timeZone: "Asia/Barnaul" })) })
    await prisma.school.createMany({ data: schools.map((school) => ({ id: school.id, key: String(300000 + school.id), login: `edu${300000 + school.id}`, municipalityId: school.municipalityId })) })
    await prisma.user.createMany({ data: observers.map((observer) => ({ id: userId(observer.id), telegramId: BigInt(1_000_000 + observer.id), firstName: `Наблюдатель ${observer.id}` })) })
    await prisma.observer.createMany({
      data: observers.map((observer) => ({
        id: observer.id,
        userId: userId(observer.id),
        municipalityId: observer.municipalityId,
        fullName: `Наблюдатель ${observer.id}`,
        phone: "+79000000000",
        status: "approved",
        availableAny: observer.availability.any,
        availableWeekdays: observer.availability.weekdays,
        availableDates: observer.availability.dates,
      })),
    })
    await prisma.observerTie.createMany({
      data: observers.flatMap((observer) => [
        ...observer.workSchoolIds.map((schoolId) => ({ observerId: observer.id, schoolId, kind: "works" })),
        ...[...new Set(observer.childSchoolIds)].map((schoolId) => ({ observerId: observer.id, schoolId, kind: "child" })),
      ]),
    })
    const procedures = ["Математика|4", "Русский язык|4", "Математика|5", "Русский язык|5"]
    await prisma.scheduledProcedure.createMany({
      data: sessions.map((session, index) => ({
        id: session.sessionId,
        schoolId: session.schoolId,
        procedure: `ВПР|2026|${procedures[index % 4]}`,
        date: session.date,
        startMinutes: session.startMinutes,
        rooms: session.open,
      })),
    })
    console.log(`\nthe use case on PGlite, 1× (seeded in ${ms(performance.now() - started)}): an admin proposes for the whole region`)
    for (const label of ["cold", "warm"]) {
      const began = performance.now()
      const outcome = await services.observers.assignments.propose(admin, { from: DAYS[0]!, to: DAYS[1]! })
      const took = performance.now() - began
      if (!outcome.ok) throw new Error("propose refused")
      row(`propose (${label}): read, assign, store the draft`, ms(took), `${outcome.proposal.total} lines`)
    }
  } finally {
    await db.close()
  }
}

export async function runObserversBench(): Promise<void> {
  benchAlgorithm()
  await benchUseCase()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runObserversBench()
