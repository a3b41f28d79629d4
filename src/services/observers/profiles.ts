import { CONSENT_VERSION, normaliseFullName, normalisePhone } from "../../domain/observers/profile.ts"
import type { Availability } from "../../domain/observers/availability.ts"
import { isLocalDate } from "../../domain/calendar/dates.ts"
import { parseSchoolLogin } from "../../domain/schools.ts"
import { audit } from "../access/audit.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notFound, refused, type Done, type NotFound, type RefusedWithProblems } from "../outcome.ts"
import { schoolLabel } from "./facts.ts"

/**
 * The observer's own profile: sign-up, changes, withdrawal. Only what the programme needs is stored — name, phone
 * (from the user's own contact card), municipality, the schools that make a conflict of interest, free days —
 * and only after consent (observers.md R3). Withdrawal removes all of it and keeps the past anonymised.
 */

export type ObserverStatus = "registered" | "awaiting_approval" | "approved" | "rejected" | "withdrawn"

export interface SchoolRef {
  id: number
  label: string
}

export interface ProfileView {
  id: number
  status: ObserverStatus
  fullName: string
  phone: string
  municipalityId: number
  municipalityName: string
  timeZone: string
  work: SchoolRef[]
  children: SchoolRef[]
  availability: Availability
  quizScore: number | null
  rejectionReason: string | null
}

export interface ProfileForm {
  fullName: string
  /** From Telegram's contact card: the number and whose card it is. */
  contact: { phone: string; userId: number | null }
  municipalityId: number
  workSchoolIds: number[]
  childSchoolIds: number[]
  availability: Availability
  consent: boolean
}

export type ProfileProblem =
  | "name"
  | "phone"
  | "not_own_contact"
  | "municipality"
  | "municipality_fixed"
  | "school_outside"
  | "availability"
  | "no_consent"

/** The municipality an invite fixed for this observer, if any. */
export function invitedMunicipality(actor: Actor): number | null {
  return actor.grants.find((grant) => grant.role === "observer" && grant.municipalityId !== null)?.municipalityId ?? null
}

const include = {
  municipality: { select: { name: true, timeZone: true } },
  ties: { include: { school: { select: { id: true, login: true, name: true } } }, orderBy: { id: "asc" } },
} as const

type ProfileRow = NonNullable<Awaited<ReturnType<typeof findProfileRow>>>

function findProfileRow(deps: Pick<ServiceDeps, "prisma">, userId: number) {
  return deps.prisma.observer.findUnique({ where: { userId }, include })
}

function viewOf(row: ProfileRow): ProfileView {
  const refs = (kind: string) => row.ties.filter((tie) => tie.kind === kind).map((tie) => ({ id: tie.school.id, label: schoolLabel(tie.school) }))
  return {
    id: row.id,
    status: row.status as ObserverStatus,
    fullName: row.fullName ?? "",
    phone: row.phone ?? "",
    municipalityId: row.municipalityId,
    municipalityName: row.municipality.name,
    timeZone: row.municipality.timeZone,
    work: refs("works"),
    children: refs("child"),
    availability: { any: row.availableAny, weekdays: row.availableWeekdays, dates: row.availableDates },
    quizScore: row.quizScore,
    rejectionReason: row.rejectionReason,
  }
}

export async function ownProfile(deps: Pick<ServiceDeps, "prisma">, actor: Actor): Promise<ProfileView | null> {
  const row = await findProfileRow(deps, actor.userId)
  return row ? viewOf(row) : null
}

function checkAvailability(availability: Availability): boolean {
  return (
    availability.any ||
    ((availability.weekdays.length > 0 || availability.dates.length > 0) &&
      availability.weekdays.every((day) => Number.isInteger(day) && day >= 0 && day <= 6) &&
      availability.dates.every(isLocalDate))
  )
}

export type SaveProfileOutcome =
  | Done<{ profile: ProfileView; created: boolean; municipalityChanged: boolean; schoolsChanged: boolean }>
  | RefusedWithProblems<ProfileProblem>

/** Stores a new profile or replaces the answers of an existing one. Every problem is listed; nothing is stored then. */
export async function saveProfile(deps: ServiceDeps, actor: Actor, form: ProfileForm): Promise<SaveProfileOutcome> {
  const problems: ProfileProblem[] = []
  const fullName = normaliseFullName(form.fullName)
  if (!fullName) problems.push("name")
  const phone = normalisePhone(form.contact.phone)
  if (form.contact.userId === null || String(form.contact.userId) !== actor.telegramId) problems.push("not_own_contact")
  else if (!phone) problems.push("phone")
  const fixed = invitedMunicipality(actor)
  if (fixed !== null && fixed !== form.municipalityId) problems.push("municipality_fixed")
  const municipality = await deps.prisma.municipality.findUnique({ where: { id: form.municipalityId } })
  if (!municipality) problems.push("municipality")
  const schoolIds = [...new Set([...form.workSchoolIds, ...form.childSchoolIds])]
  const schools = await deps.prisma.school.findMany({ where: { id: { in: schoolIds } }, select: { id: true, municipalityId: true } })
  if (schools.length !== schoolIds.length || schools.some((school) => school.municipalityId !== form.municipalityId)) problems.push("school_outside")
  if (!checkAvailability(form.availability)) problems.push("availability")
  if (!form.consent) problems.push("no_consent")
  if (problems.length > 0) return refused(problems)

  const before = await findProfileRow(deps, actor.userId)
  const now = deps.clock.now()
  const ties = [
    ...[...new Set(form.workSchoolIds)].map((schoolId) => ({ schoolId, kind: "works" })),
    ...[...new Set(form.childSchoolIds)].map((schoolId) => ({ schoolId, kind: "child" })),
  ]
  const tieKey = (list: { schoolId: number; kind: string }[]) => list.map((tie) => `${tie.kind}:${tie.schoolId}`).sort().join(",")
  const municipalityChanged = before !== null && before.municipalityId !== form.municipalityId
  const schoolsChanged = before !== null && tieKey(before.ties) !== tieKey(ties)
  // A new municipality has its own coordinators: an application already decided there goes back to them.
  const status =
    before === null ? "registered" : municipalityChanged && before.quizPassedAt !== null ? "awaiting_approval" : municipalityChanged ? "registered" : before.status
  const data = {
    fullName: fullName!,
    phone: phone!,
    municipalityId: form.municipalityId,
    status,
    availableAny: form.availability.any,
    availableWeekdays: form.availability.any ? [] : form.availability.weekdays,
    availableDates: form.availability.any ? [] : form.availability.dates,
    consentVersion: CONSENT_VERSION,
    consentAt: now,
  }
  const saved = await deps.prisma.$transaction(async (tx) => {
    const row = before
      ? await tx.observer.update({ where: { id: before.id }, data: { ...data, ...(municipalityChanged ? { reviewedAt: null, reviewedById: null, rejectionReason: null } : {}) } })
      : await tx.observer.create({ data: { ...data, userId: actor.userId } })
    await tx.observerTie.deleteMany({ where: { observerId: row.id } })
    await tx.observerTie.createMany({ data: ties.map((tie) => ({ ...tie, observerId: row.id })) })
    // The old municipality's approval does not carry over (an invited observer cannot change municipality).
    if (municipalityChanged) await tx.roleGrant.updateMany({ where: { userId: actor.userId, role: "observer", revokedAt: null }, data: { revokedAt: now } })
    // Personal data stay out of the audit log: ids and what changed only.
    await audit(tx, {
      actorId: actor.userId,
      action: before ? "observer.profile.changed" : "observer.profile.created",
      subject: String(row.id),
      details: { municipalityId: form.municipalityId, schools: ties.length, consentVersion: CONSENT_VERSION },
    })
    return row
  })
  const profile = viewOf((await deps.prisma.observer.findUnique({ where: { id: saved.id }, include }))!)
  return { ok: true, profile, created: before === null, municipalityChanged, schoolsChanged }
}

/** Schools of a municipality by login (`edu223017`, `223017`) or by a part of the name: at most `limit`. */
export async function searchSchools(deps: Pick<ServiceDeps, "prisma">, municipalityId: number, query: string, limit = 8): Promise<SchoolRef[]> {
  const text = query.trim()
  if (text.length < 2) return []
  const login = parseSchoolLogin(text)
  const where = login
    ? { municipalityId, key: login.key }
    : {
        municipalityId,
        OR: [{ name: { contains: text, mode: "insensitive" as const } }, { login: { contains: text.toLowerCase() } }],
      }
  const schools = await deps.prisma.school.findMany({ where, select: { id: true, login: true, name: true }, orderBy: [{ name: "asc" }, { login: "asc" }], take: limit + 1 })
  return schools.slice(0, limit).map((school) => ({ id: school.id, label: schoolLabel(school) }))
}

export async function municipalities(deps: Pick<ServiceDeps, "prisma">): Promise<{ id: number; name: string }[]> {
  return deps.prisma.municipality.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } })
}

export async function schoolRefs(deps: Pick<ServiceDeps, "prisma">, ids: readonly number[]): Promise<SchoolRef[]> {
  const schools = await deps.prisma.school.findMany({ where: { id: { in: [...ids] } }, select: { id: true, login: true, name: true } })
  const byId = new Map(schools.map((school) => [school.id, school]))
  return ids.flatMap((id) => (byId.has(id) ? [{ id, label: schoolLabel(byId.get(id)!) }] : []))
}

/**
 * Withdrawal of consent (observers.md R3): name, phone, schools and free days are erased, the observer role is
 * revoked, and the row stays without a user — the acts already filed remain, signed by nobody.
 */
export async function eraseProfile(deps: ServiceDeps, actor: Actor): Promise<Done<{ observerId: number }> | NotFound> {
  const row = await deps.prisma.observer.findUnique({ where: { userId: actor.userId } })
  if (!row) return notFound()
  const now = deps.clock.now()
  await deps.prisma.$transaction(async (tx) => {
    await tx.observerTie.deleteMany({ where: { observerId: row.id } })
    await tx.observer.update({
      where: { id: row.id },
      data: {
        userId: null,
        fullName: null,
        phone: null,
        availableAny: false,
        availableWeekdays: [],
        availableDates: [],
        status: "withdrawn",
        withdrawnAt: now,
        rejectionReason: null,
      },
    })
    await tx.roleGrant.updateMany({ where: { userId: actor.userId, role: "observer", revokedAt: null }, data: { revokedAt: now } })
    await audit(tx, { actorId: actor.userId, action: "observer.withdrawn", subject: String(row.id) })
  })
  return { ok: true, observerId: row.id }
}
