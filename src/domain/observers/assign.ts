import { isAvailable, type Availability } from "./availability.ts"
import type { LocalDate } from "../calendar/dates.ts"

/**
 * Who observes which session (issue 14, observers.md §3): pure, no I/O.
 *
 * Hard rules — never broken: no observer at a school where they work or where their child studies (C2, C3 blocked);
 * only on days they said they are free; at most `perDayLimit` sessions a day, none two at once; one observer per
 * room; observers of the session's own municipality only (they travel to it).
 * Preferences — a cost, lowest wins: spread the load (fewest sessions so far, then fewest that day); cross-observation,
 * i.e. staff of another school of the municipality (observers.md §1); no two schools observing each other;
 * not the school the observer saw last time (C7, rotation).
 * Order: sessions of schools in the risk zone or asked for by a risk case first, then the ones with the fewest
 * possible observers (so scarce days are not used up by easy ones), then by date.
 */

export interface SessionInput {
  sessionId: number
  schoolId: number
  municipalityId: number | null
  date: LocalDate
  /** Minutes after local midnight; null when not known (then every session of that day counts as overlapping). */
  startMinutes: number | null
  /** Observers still needed: rooms minus observers already offered or confirmed. */
  open: number
  priority: boolean
}

export interface BusyInput {
  sessionId: number
  schoolId: number
  date: LocalDate
  startMinutes: number | null
}

export interface ObserverInput {
  id: number
  municipalityId: number
  /** Schools where the observer works (C3). */
  workSchoolIds: readonly number[]
  /** Schools where the observer's children study (C1, C2). */
  childSchoolIds: readonly number[]
  availability: Availability
  /** Sessions the observer already holds (offered or confirmed): the per-day limit and overlaps count them. */
  busy: readonly BusyInput[]
  /** Schools observed at earlier procedures (rotation, C7). */
  previousSchoolIds: readonly number[]
}

export interface AssignOptions {
  perDayLimit: number
  /** Two sessions of one observer on one day must start at least this far apart. */
  minGapMinutes: number
}

export const DEFAULT_ASSIGN_OPTIONS: AssignOptions = { perDayLimit: 1, minGapMinutes: 180 }

export interface Assignment {
  sessionId: number
  observerId: number
  priority: boolean
  /** The observer works at another school: cross-observation. */
  cross: boolean
}

/** Why a session is left short: nobody free that day, everybody free has a conflict there, or everybody free is at their limit. */
export type ShortReason = "nobody_free" | "conflicts" | "limit"

export interface Shortfall {
  sessionId: number
  missing: number
  reason: ShortReason
}

export interface AssignResult {
  assignments: Assignment[]
  shortfalls: Shortfall[]
}

export type Conflict = "works" | "child"

/** The conflict of interest an observer has at a school, if any (C1–C3). */
export function conflictAt(observer: Pick<ObserverInput, "workSchoolIds" | "childSchoolIds">, schoolId: number): Conflict | null {
  if (observer.workSchoolIds.includes(schoolId)) return "works"
  if (observer.childSchoolIds.includes(schoolId)) return "child"
  return null
}

const COST = {
  /** Per session already held: load spreads before anything else. */
  load: 100,
  /** Per session the same day. */
  sameDay: 40,
  /** Preferred: staff of another school (cross-observation). */
  cross: -30,
  /** Someone from the observed school observes this observer's school already. */
  reciprocal: 60,
  /** The observer saw this school last time. */
  rotation: 20,
} as const

/** One observer's state while a proposal is built. */
interface Candidate {
  observer: ObserverInput
  works: ReadonlySet<number>
  conflicts: ReadonlySet<number>
  previous: ReadonlySet<number>
  total: number
  /** Date → starts of the sessions held that day. */
  days: Map<LocalDate, (number | null)[]>
  sessions: Set<number>
}

function candidateOf(observer: ObserverInput): Candidate {
  const days = new Map<LocalDate, (number | null)[]>()
  for (const busy of observer.busy) days.set(busy.date, [...(days.get(busy.date) ?? []), busy.startMinutes])
  return {
    observer,
    works: new Set(observer.workSchoolIds),
    conflicts: new Set([...observer.workSchoolIds, ...observer.childSchoolIds]),
    previous: new Set(observer.previousSchoolIds),
    total: observer.busy.length,
    days,
    sessions: new Set(observer.busy.map((busy) => busy.sessionId)),
  }
}

function fitsTheDay(candidate: Candidate, session: SessionInput, options: AssignOptions): boolean {
  const starts = candidate.days.get(session.date)
  if (!starts) return true
  if (starts.length >= options.perDayLimit) return false
  return starts.every((start) => start !== null && session.startMinutes !== null && Math.abs(start - session.startMinutes) >= options.minGapMinutes)
}

/** Observers from `observedSchool` observing `ownSchool`: pairs of schools watching each other are avoided. */
type PairKey = string
const pair = (from: number, to: number): PairKey => `${from}>${to}`

/**
 * Proposes observers for the open places of the sessions. Deterministic: the same input gives the same answer
 * (ties go to the smaller observer id).
 */
export function assignObservers(sessions: readonly SessionInput[], observers: readonly ObserverInput[], options: AssignOptions = DEFAULT_ASSIGN_OPTIONS): AssignResult {
  // Observers by municipality, and within it by the days they are free — each session looks only at those.
  const byMunicipality = new Map<number, Candidate[]>()
  for (const observer of [...observers].sort((a, b) => a.id - b.id)) {
    const list = byMunicipality.get(observer.municipalityId) ?? []
    list.push(candidateOf(observer))
    byMunicipality.set(observer.municipalityId, list)
  }
  const freeOn = new Map<string, Candidate[]>()
  const freeList = (session: SessionInput): Candidate[] => {
    if (session.municipalityId === null) return []
    const key = `${session.municipalityId}|${session.date}`
    let list = freeOn.get(key)
    if (!list) {
      list = (byMunicipality.get(session.municipalityId) ?? []).filter((candidate) => isAvailable(candidate.observer.availability, session.date))
      freeOn.set(key, list)
    }
    return list
  }
  const pairs = new Set<PairKey>()
  for (const candidate of byMunicipality.values()) {
    for (const c of candidate) for (const busy of c.observer.busy) for (const work of c.works) pairs.add(pair(work, busy.schoolId))
  }

  const open = sessions.filter((session) => session.open > 0)
  const supply = new Map(open.map((session) => [session.sessionId, freeList(session).filter((candidate) => !candidate.conflicts.has(session.schoolId)).length]))
  const order = [...open].sort(
    (a, b) =>
      Number(b.priority) - Number(a.priority) ||
      supply.get(a.sessionId)! / a.open - supply.get(b.sessionId)! / b.open ||
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      a.sessionId - b.sessionId,
  )

  const assignments: Assignment[] = []
  const shortfalls: Shortfall[] = []
  for (const session of order) {
    const free = freeList(session)
    let missing = session.open
    while (missing > 0) {
      const best = bestCandidate(free, session, options, pairs)
      if (!best) break
      take(best, session, pairs)
      assignments.push({ sessionId: session.sessionId, observerId: best.observer.id, priority: session.priority, cross: best.works.size > 0 })
      missing--
    }
    if (missing > 0) shortfalls.push({ sessionId: session.sessionId, missing, reason: shortReason(free, session) })
  }
  return { assignments, shortfalls }
}

function eligible(candidate: Candidate, session: SessionInput, options: AssignOptions): boolean {
  return !candidate.conflicts.has(session.schoolId) && !candidate.sessions.has(session.sessionId) && fitsTheDay(candidate, session, options)
}

function cost(candidate: Candidate, session: SessionInput, pairs: ReadonlySet<PairKey>): number {
  let value = COST.load * candidate.total + COST.sameDay * (candidate.days.get(session.date)?.length ?? 0)
  if (candidate.works.size > 0) value += COST.cross
  for (const work of candidate.works) {
    if (pairs.has(pair(session.schoolId, work))) {
      value += COST.reciprocal
      break
    }
  }
  if (candidate.previous.has(session.schoolId)) value += COST.rotation
  return value
}

function bestCandidate(free: readonly Candidate[], session: SessionInput, options: AssignOptions, pairs: ReadonlySet<PairKey>): Candidate | null {
  let best: Candidate | null = null
  let bestCost = Infinity
  for (const candidate of free) {
    if (!eligible(candidate, session, options)) continue
    const value = cost(candidate, session, pairs)
    if (value < bestCost) {
      best = candidate
      bestCost = value
    }
  }
  return best
}

function take(candidate: Candidate, session: SessionInput, pairs: Set<PairKey>): void {
  candidate.total++
  candidate.days.set(session.date, [...(candidate.days.get(session.date) ?? []), session.startMinutes])
  candidate.sessions.add(session.sessionId)
  for (const work of candidate.works) pairs.add(pair(work, session.schoolId))
}

function shortReason(free: readonly Candidate[], session: SessionInput): ShortReason {
  if (free.length === 0) return "nobody_free"
  return free.some((candidate) => !candidate.conflicts.has(session.schoolId)) ? "limit" : "conflicts"
}

/**
 * Everyone who could take one place of a session, best first — for the coordinator's edit and for a replacement.
 * `exclude`: observers not to offer (the one who declined, the ones already there).
 */
export function rankCandidates(
  session: SessionInput,
  observers: readonly ObserverInput[],
  options: AssignOptions = DEFAULT_ASSIGN_OPTIONS,
  exclude: ReadonlySet<number> = new Set(),
): { observerId: number; cross: boolean }[] {
  const pairs = new Set<PairKey>()
  const candidates = observers.map(candidateOf)
  for (const c of candidates) for (const busy of c.observer.busy) for (const work of c.works) pairs.add(pair(work, busy.schoolId))
  return candidates
    .filter(
      (candidate) =>
        candidate.observer.municipalityId === session.municipalityId &&
        !exclude.has(candidate.observer.id) &&
        isAvailable(candidate.observer.availability, session.date) &&
        eligible(candidate, session, options),
    )
    .map((candidate) => ({ candidate, cost: cost(candidate, session, pairs) }))
    .sort((a, b) => a.cost - b.cost || a.candidate.observer.id - b.candidate.observer.id)
    .map(({ candidate }) => ({ observerId: candidate.observer.id, cross: candidate.works.size > 0 }))
}
