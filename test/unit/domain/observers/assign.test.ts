import { describe, expect, it } from "vitest"
import { ANY_DAY, assignObservers, conflictAt, rankCandidates, type ObserverInput, type SessionInput } from "../../../../src/domain/observers/index.ts"

const M = 1
function session(id: number, schoolId: number, date = "2026-04-21", extra: Partial<SessionInput> = {}): SessionInput {
  return { sessionId: id, schoolId, municipalityId: M, date, startMinutes: 9 * 60, open: 1, priority: false, ...extra }
}
function observer(id: number, extra: Partial<ObserverInput> = {}): ObserverInput {
  return { id, municipalityId: M, workSchoolIds: [], childSchoolIds: [], availability: ANY_DAY, busy: [], previousSchoolIds: [], ...extra }
}
const options = { perDayLimit: 1, minGapMinutes: 180 }

describe("assignObservers", () => {
  it("never sends an observer where they work or their child studies", () => {
    const result = assignObservers(
      [session(1, 10), session(2, 20)],
      [observer(1, { workSchoolIds: [10] }), observer(2, { childSchoolIds: [20] })],
      options,
    )
    expect(result.assignments.map((a) => [a.sessionId, a.observerId]).sort()).toEqual([[1, 2], [2, 1]])
    expect(result.shortfalls).toEqual([])
  })

  it("leaves a session short, saying why, rather than break a conflict", () => {
    const result = assignObservers([session(1, 10)], [observer(1, { workSchoolIds: [10] }), observer(2, { childSchoolIds: [10] })], options)
    expect(result.assignments).toEqual([])
    expect(result.shortfalls).toEqual([{ sessionId: 1, missing: 1, reason: "conflicts" }])
    expect(conflictAt({ workSchoolIds: [10], childSchoolIds: [] }, 10)).toBe("works")
    expect(conflictAt({ workSchoolIds: [], childSchoolIds: [10] }, 10)).toBe("child")
  })

  it("respects availability: dates and weekdays", () => {
    // 2026-04-21 is a Tuesday, 2026-04-22 a Wednesday.
    const tuesdays = observer(1, { availability: { any: false, weekdays: [2], dates: [] } })
    const the22nd = observer(2, { availability: { any: false, weekdays: [], dates: ["2026-04-22"] } })
    const result = assignObservers([session(1, 10, "2026-04-21"), session(2, 11, "2026-04-22"), session(3, 12, "2026-04-23")], [tuesdays, the22nd], options)
    expect(result.assignments.map((a) => [a.sessionId, a.observerId])).toEqual(expect.arrayContaining([[1, 1], [2, 2]]))
    expect(result.shortfalls).toEqual([{ sessionId: 3, missing: 1, reason: "nobody_free" }])
  })

  it("keeps the per-day limit, counting sessions already held, and never two at once", () => {
    const held = observer(1, { busy: [{ sessionId: 99, schoolId: 50, date: "2026-04-21", startMinutes: 9 * 60 }] })
    expect(assignObservers([session(1, 10)], [held], options).shortfalls).toEqual([{ sessionId: 1, missing: 1, reason: "limit" }])
    const two = { perDayLimit: 2, minGapMinutes: 180 }
    const sameTime = assignObservers([session(1, 10), session(2, 11)], [observer(1)], two)
    expect(sameTime.assignments).toHaveLength(1)
    const apart = assignObservers([session(1, 10), session(2, 11, "2026-04-21", { startMinutes: 13 * 60 })], [observer(1)], two)
    expect(apart.assignments).toHaveLength(2)
    const unknownStart = assignObservers([session(1, 10, "2026-04-21", { startMinutes: null }), session(2, 11, "2026-04-21", { startMinutes: 13 * 60 })], [observer(1)], two)
    expect(unknownStart.assignments).toHaveLength(1)
  })

  it("staffs schools in the risk zone first when observers are scarce", () => {
    const result = assignObservers([session(1, 10), session(2, 11, "2026-04-21", { priority: true }), session(3, 12)], [observer(1)], options)
    expect(result.assignments).toEqual([{ sessionId: 2, observerId: 1, priority: true, cross: false }])
    expect(result.shortfalls.map((s) => s.sessionId).sort()).toEqual([1, 3])
  })

  it("spreads the load: nobody gets a second session while someone free has none", () => {
    const sessions = [1, 2, 3, 4].map((id) => session(id, 10 + id, `2026-04-2${id}`))
    const result = assignObservers(sessions, [observer(1), observer(2)], options)
    const perObserver = new Map<number, number>()
    for (const a of result.assignments) perObserver.set(a.observerId, (perObserver.get(a.observerId) ?? 0) + 1)
    expect([...perObserver.values()]).toEqual([2, 2])
  })

  it("fills every room of a session with different observers", () => {
    const result = assignObservers([session(1, 10, "2026-04-21", { open: 3 })], [observer(1), observer(2), observer(3), observer(4)], { perDayLimit: 3, minGapMinutes: 0 })
    expect(new Set(result.assignments.map((a) => a.observerId)).size).toBe(3)
  })

  it("prefers staff of another school (cross-observation) and avoids schools observing each other", () => {
    const teacherAt20 = observer(1, { workSchoolIds: [20] })
    const parent = observer(2)
    expect(assignObservers([session(1, 10)], [parent, teacherAt20], options).assignments[0]!.observerId).toBe(1)
    // Someone from school 10 already observes school 20 on another day: the teacher from 20 should not go to 10 in return.
    const teacherAt10 = observer(3, { workSchoolIds: [10], busy: [{ sessionId: 50, schoolId: 20, date: "2026-04-20", startMinutes: 540 }] })
    const reciprocal = assignObservers([session(1, 10)], [teacherAt20, observer(4, { workSchoolIds: [30] }), teacherAt10], options)
    expect(reciprocal.assignments[0]!.observerId).toBe(4)
  })

  it("rotates: the observer who saw the school last time comes after an equal one who did not", () => {
    const result = assignObservers([session(1, 10)], [observer(1, { previousSchoolIds: [10] }), observer(2)], options)
    expect(result.assignments[0]!.observerId).toBe(2)
  })

  it("only uses observers of the session's municipality", () => {
    const result = assignObservers([session(1, 10)], [observer(1, { municipalityId: 2 })], options)
    expect(result.shortfalls).toEqual([{ sessionId: 1, missing: 1, reason: "nobody_free" }])
  })

  it("ranks replacements best first, without the excluded and the conflicted", () => {
    const ranked = rankCandidates(session(1, 10), [observer(1), observer(2, { workSchoolIds: [20] }), observer(3, { workSchoolIds: [10] }), observer(4)], options, new Set([4]))
    expect(ranked).toEqual([{ observerId: 2, cross: true }, { observerId: 1, cross: false }])
  })
})
