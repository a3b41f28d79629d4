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
  /** The day lists this observer is in (assignObservers). */
  lists: FreeOn[]
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
    lists: [],
  }
}

function fitsTheDay(candidate: Candidate, session: SessionInput, options: AssignOptions): boolean {
  const starts = candidate.days.get(session.date)
  if (!starts) return true
  if (starts.length >= options.perDayLimit) return false
  return starts.every((start) => start !== null && session.startMinutes !== null && Math.abs(start - session.startMinutes) >= options.minGapMinutes)
}

/** Work school → schools its staff observe: pairs of schools watching each other are avoided. */
type Pairs = Map<number, Set<number>>
function addPair(pairs: Pairs, from: number, to: number): void {
  let set = pairs.get(from)
  if (!set) pairs.set(from, (set = new Set()))
  set.add(to)
}
function pairsOf(candidates: Iterable<Candidate>): Pairs {
  const pairs: Pairs = new Map()
  for (const c of candidates) for (const busy of c.observer.busy) for (const work of c.works) addPair(pairs, work, busy.schoolId)
  return pairs
}

/**
 * The observers of a municipality free on a date: all of them, and the ones still under the day's limit bucketed by
 * how many sessions they hold (each bucket in id order). Load weighs most in the cost, so the search stops at the
 * first bucket nobody further on can beat.
 */
interface FreeOn {
  date: LocalDate
  all: Candidate[]
  /** Index: sessions held. Entries whose holder has since taken more, or filled the day, are dropped on the way. */
  buckets: Candidate[][]
  /** School → how many of `all` have a conflict there. */
  conflicted: Map<number, number>
}

function insertById(list: Candidate[], candidate: Candidate): void {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (list[middle]!.observer.id < candidate.observer.id) low = middle + 1
    else high = middle
  }
  list.splice(low, 0, candidate)
}

/**
 * Proposes observers for the open places of the sessions. Deterministic: the same input gives the same answer
 * (ties go to the smaller observer id). The search for each place stops as soon as nobody further can cost less,
 * and an observer at the day's limit leaves that day's list (bench/observers.ts has the figures).
 */
export function assignObservers(sessions: readonly SessionInput[], observers: readonly ObserverInput[], options: AssignOptions = DEFAULT_ASSIGN_OPTIONS): AssignResult {
  // Observers by municipality, and within it by the days they are free — each session looks only at those.
  const byMunicipality = new Map<number, Candidate[]>()
  for (const observer of [...observers].sort((a, b) => a.id - b.id)) {
    const list = byMunicipality.get(observer.municipalityId) ?? []
    list.push(candidateOf(observer))
    byMunicipality.set(observer.municipalityId, list)
  }
  const freeOn = new Map<string, FreeOn>()
  const NOBODY: FreeOn = { date: "", all: [], buckets: [], conflicted: new Map() }
  const freeList = (session: SessionInput): FreeOn => {
    if (session.municipalityId === null) return NOBODY
    const key = `${session.municipalityId}|${session.date}`
    let free = freeOn.get(key)
    if (!free) {
      const all = (byMunicipality.get(session.municipalityId) ?? []).filter((candidate) => isAvailable(candidate.observer.availability, session.date))
      const conflicted = new Map<number, number>()
      for (const candidate of all) for (const school of candidate.conflicts) conflicted.set(school, (conflicted.get(school) ?? 0) + 1)
      free = { date: session.date, all, buckets: [], conflicted }
      for (const candidate of all) {
        if ((candidate.days.get(session.date)?.length ?? 0) >= options.perDayLimit) continue
        ;(free.buckets[candidate.total] ??= []).push(candidate)
        candidate.lists.push(free)
      }
      freeOn.set(key, free)
    }
    return free
  }
  const pairs = pairsOf([...byMunicipality.values()].flat())

  const open = sessions.filter((session) => session.open > 0)
  const supply = new Map(
    open.map((session) => {
      const free = freeList(session)
      return [session.sessionId, free.all.length - (free.conflicted.get(session.schoolId) ?? 0)]
    }),
  )
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
      take(best, session, pairs, options)
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

function cost(candidate: Candidate, session: SessionInput, pairs: Pairs): number {
  let value = COST.load * candidate.total + COST.sameDay * (candidate.days.get(session.date)?.length ?? 0)
  if (candidate.works.size > 0) value += COST.cross
  const observing = pairs.get(session.schoolId)
  if (observing) {
    for (const work of candidate.works) {
      if (observing.has(work)) {
        value += COST.reciprocal
        break
      }
    }
  }
  if (candidate.previous.has(session.schoolId)) value += COST.rotation
  return value
}

/** The cheapest eligible candidate: the same one a scan of everybody in id order would find. */
function bestCandidate(free: FreeOn, session: SessionInput, options: AssignOptions, pairs: Pairs): Candidate | null {
  let best: Candidate | null = null
  let bestCost = Infinity
  for (let total = 0; total < free.buckets.length; total++) {
    // Nobody holding this many sessions can cost less than this.
    const floor = COST.load * total + COST.cross
    if (bestCost < floor) break
    const bucket = free.buckets[total]
    if (!bucket) continue
    let kept = 0
    for (let index = 0; index < bucket.length; index++) {
      const candidate = bucket[index]!
      if (candidate.total !== total || (candidate.days.get(free.date)?.length ?? 0) >= options.perDayLimit) continue
      bucket[kept++] = candidate
      if (!eligible(candidate, session, options)) continue
      const value = cost(candidate, session, pairs)
      // Buckets are not in id order across each other: an equal cost goes to the smaller id, as a plain scan would.
      if (value < bestCost || (value === bestCost && candidate.observer.id < best!.observer.id)) {
        best = candidate
        bestCost = value
        // The floor itself: nobody after this one (a larger id, or more sessions) does better.
        if (value === floor) {
          bucket.copyWithin(kept, index + 1)
          bucket.length -= index + 1 - kept
          return best
        }
      }
    }
    bucket.length = kept
  }
  return best
}

function take(candidate: Candidate, session: SessionInput, pairs: Pairs, options: AssignOptions): void {
  candidate.total++
  candidate.days.set(session.date, [...(candidate.days.get(session.date) ?? []), session.startMinutes])
  candidate.sessions.add(session.sessionId)
  for (const work of candidate.works) addPair(pairs, work, session.schoolId)
  for (const list of candidate.lists) {
    if ((candidate.days.get(list.date)?.length ?? 0) < options.perDayLimit) insertById((list.buckets[candidate.total] ??= []), candidate)
  }
}

function shortReason(free: FreeOn, session: SessionInput): ShortReason {
  if (free.all.length === 0) return "nobody_free"
  return free.all.length > (free.conflicted.get(session.schoolId) ?? 0) ? "limit" : "conflicts"
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
  const candidates = observers.map(candidateOf)
  const pairs = pairsOf(candidates)
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
