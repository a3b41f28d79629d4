import { addDays, type LocalDate } from "../../domain/calendar/dates.ts"
import type { ObserverInput } from "../../domain/observers/assign.ts"
import type { ServiceDeps } from "../deps.ts"

/**
 * The approved observers of some municipalities as the assignment algorithm sees them: their conflicts, free days,
 * what they already hold around the dates in question, and the schools they observed before (rotation).
 */

/** Assignments that hold an observer's time: a draft still being edited counts too, so an edit cannot double-book. */
export const HOLDING = ["proposed", "offered", "confirmed"] as const

export interface ObserverPool {
  inputs: ObserverInput[]
  names: Map<number, string>
}

export async function observerPool(
  deps: Pick<ServiceDeps, "prisma">,
  request: { municipalityIds: readonly number[] | null; dates: readonly LocalDate[]; excludeAssignmentIds?: readonly number[] },
): Promise<ObserverPool> {
  const observers = await deps.prisma.observer.findMany({
    where: { status: "approved", userId: { not: null }, ...(request.municipalityIds ? { municipalityId: { in: [...request.municipalityIds] } } : {}) },
    select: { id: true, municipalityId: true, fullName: true, availableAny: true, availableWeekdays: true, availableDates: true, ties: { select: { schoolId: true, kind: true } } },
    orderBy: { id: "asc" },
  })
  if (observers.length === 0 || request.dates.length === 0) return { inputs: [], names: new Map() }
  const sorted = [...request.dates].sort()
  const first = sorted[0]!
  const last = sorted.at(-1)!
  const ids = observers.map((observer) => observer.id)
  const held = await deps.prisma.observerAssignment.findMany({
    where: {
      observerId: { in: ids },
      status: { in: [...HOLDING] },
      id: { notIn: [...(request.excludeAssignmentIds ?? [])] },
      session: { date: { gte: first, lte: last } },
    },
    select: { observerId: true, sessionId: true, session: { select: { schoolId: true, date: true, startMinutes: true } } },
  })
  // Rotation looks a year back: the schools observed before the first date.
  const before = await deps.prisma.observerAssignment.findMany({
    where: { observerId: { in: ids }, status: "confirmed", session: { date: { lt: first, gte: addDays(first, -365) } } },
    select: { observerId: true, session: { select: { schoolId: true } } },
  })
  const busy = new Map<number, ObserverInput["busy"][number][]>()
  for (const row of held) {
    busy.set(row.observerId, [...(busy.get(row.observerId) ?? []), { sessionId: row.sessionId, schoolId: row.session.schoolId, date: row.session.date, startMinutes: row.session.startMinutes }])
  }
  const previous = new Map<number, number[]>()
  for (const row of before) previous.set(row.observerId, [...(previous.get(row.observerId) ?? []), row.session.schoolId])
  return {
    inputs: observers.map((observer) => ({
      id: observer.id,
      municipalityId: observer.municipalityId,
      workSchoolIds: observer.ties.filter((tie) => tie.kind === "works").map((tie) => tie.schoolId),
      childSchoolIds: observer.ties.filter((tie) => tie.kind === "child").map((tie) => tie.schoolId),
      availability: { any: observer.availableAny, weekdays: observer.availableWeekdays, dates: observer.availableDates },
      busy: busy.get(observer.id) ?? [],
      previousSchoolIds: previous.get(observer.id) ?? [],
    })),
    names: new Map(observers.map((observer) => [observer.id, observer.fullName ?? ""])),
  }
}
