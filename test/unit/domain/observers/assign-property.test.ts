import { describe, expect, it } from "vitest"
import { assignObservers, conflictAt, isAvailable, type ObserverInput, type SessionInput } from "../../../../src/domain/observers/index.ts"
import { Rng } from "../../../support/generator/prng.ts"

/** A random region: municipalities, schools, sessions over a few days, observers with random ties and availability. */
function randomRegion(rng: Rng) {
  const municipalities = rng.int(1, 4)
  const schools = Array.from({ length: rng.int(3, 40) }, (_, id) => ({ id: id + 1, municipalityId: rng.int(1, municipalities) }))
  const dates = ["2026-04-20", "2026-04-21", "2026-04-22", "2026-04-23", "2026-04-24"]
  const sessions: SessionInput[] = []
  let sessionId = 1
  for (const school of schools) {
    for (const date of dates) {
      if (!rng.chance(0.4)) continue
      sessions.push({
        sessionId: sessionId++,
        schoolId: school.id,
        municipalityId: school.municipalityId,
        date,
        startMinutes: rng.chance(0.2) ? null : rng.pick([480, 540, 600, 720, 780]),
        open: rng.int(0, 3),
        priority: rng.chance(0.2),
      })
    }
  }
  const observers: ObserverInput[] = Array.from({ length: rng.int(0, 60) }, (_, index) => {
    const municipalityId = rng.int(1, municipalities)
    const local = schools.filter((school) => school.municipalityId === municipalityId)
    const some = () => (local.length > 0 && rng.chance(0.6) ? [rng.pick(local).id] : [])
    const busySessions = sessions.filter(() => rng.chance(0.02))
    return {
      id: index + 1,
      municipalityId,
      workSchoolIds: some(),
      childSchoolIds: [...some(), ...some()],
      availability: rng.chance(0.3) ? { any: true, weekdays: [], dates: [] } : { any: false, weekdays: rng.chance(0.5) ? [rng.int(1, 5)] : [], dates: dates.filter(() => rng.chance(0.4)) },
      busy: busySessions.map((s) => ({ sessionId: s.sessionId, schoolId: s.schoolId, date: s.date, startMinutes: s.startMinutes })),
      previousSchoolIds: some(),
    }
  })
  return { sessions, observers, options: { perDayLimit: rng.int(1, 3), minGapMinutes: rng.pick([0, 120, 180]) } }
}

describe("assignObservers, on 500 random regions", () => {
  it("never breaks a hard rule: conflicts, availability, municipality, per-day limit, overlaps, rooms", () => {
    const rng = new Rng(20260421)
    let assigned = 0
    for (let run = 0; run < 500; run++) {
      const { sessions, observers, options } = randomRegion(rng.fork())
      const { assignments, shortfalls } = assignObservers(sessions, observers, options)
      const sessionOf = new Map(sessions.map((s) => [s.sessionId, s]))
      const observerOf = new Map(observers.map((o) => [o.id, o]))
      const perDay = new Map<string, number>()
      for (const o of observers) for (const b of o.busy) perDay.set(`${o.id}|${b.date}`, (perDay.get(`${o.id}|${b.date}`) ?? 0) + 1)
      const perSession = new Map<number, number[]>()
      for (const a of assignments) {
        const s = sessionOf.get(a.sessionId)!
        const o = observerOf.get(a.observerId)!
        const where = `run ${run}: observer ${o.id} at session ${s.sessionId} (school ${s.schoolId})`
        expect(conflictAt(o, s.schoolId), where).toBeNull()
        expect(isAvailable(o.availability, s.date), where).toBe(true)
        expect(o.municipalityId, where).toBe(s.municipalityId)
        expect(o.busy.some((b) => b.sessionId === s.sessionId), where).toBe(false)
        const sameDay = [...o.busy, ...assignments.filter((x) => x.observerId === o.id && x.sessionId !== s.sessionId).map((x) => sessionOf.get(x.sessionId)!)].filter((x) => x.date === s.date)
        for (const other of sameDay) {
          // Two sessions one day only with known starts far enough apart.
          expect(other.startMinutes !== null && s.startMinutes !== null && Math.abs(other.startMinutes - s.startMinutes) >= options.minGapMinutes, where).toBe(true)
        }
        const key = `${o.id}|${s.date}`
        perDay.set(key, (perDay.get(key) ?? 0) + 1)
        expect(perDay.get(key)!, where).toBeLessThanOrEqual(options.perDayLimit)
        perSession.set(s.sessionId, [...(perSession.get(s.sessionId) ?? []), o.id])
      }
      for (const [sessionId, ids] of perSession) {
        expect(new Set(ids).size).toBe(ids.length)
        const short = shortfalls.find((s) => s.sessionId === sessionId)?.missing ?? 0
        expect(ids.length + short).toBe(sessionOf.get(sessionId)!.open)
      }
      assigned += assignments.length
    }
    expect(assigned).toBeGreaterThan(1000) // the generator does produce assignments to check
  })
})
