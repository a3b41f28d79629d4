/**
 * Who hears of a municipality's risk findings: its municipal coordinators, and the admins who opted in; a school's
 * neutral recommendations go to its school coordinators. Each with the language to write in and whether they chose
 * immediate delivery over working hours. Looked up for every municipality or school of a run at once: a regional
 * run touches 70 municipalities and hundreds of schools, and two queries each were a third of a second on PGlite.
 */
import type { ServiceDeps } from "../deps.ts"

export interface Recipient {
  userId: number
  telegramId: bigint
  language: "ru" | "en"
  immediate: boolean
}

type Deps = Pick<ServiceDeps, "prisma">
type User = { id: number; telegramId: bigint; language: string }
const USER = { select: { id: true, telegramId: true, language: true } } as const

/** The users of each key as recipients (each once, by user id), with their delivery preference: one query for all. */
async function withPreferences<K>(deps: Deps, usersOf: Map<K, User[]>): Promise<Map<K, Recipient[]>> {
  const ids = [...new Set([...usersOf.values()].flat().map((user) => user.id))]
  const preferences = ids.length === 0 ? [] : await deps.prisma.riskAlertPreference.findMany({ where: { userId: { in: ids } }, select: { userId: true, immediate: true } })
  const immediate = new Set(preferences.filter((p) => p.immediate).map((p) => p.userId))
  const recipients = new Map<K, Recipient[]>()
  for (const [key, users] of usersOf) {
    const unique = [...new Map(users.map((user) => [user.id, user])).values()]
    recipients.set(
      key,
      unique
        .map((user) => ({ userId: user.id, telegramId: user.telegramId, language: user.language === "en" ? ("en" as const) : ("ru" as const), immediate: immediate.has(user.id) }))
        .sort((a, b) => a.userId - b.userId),
    )
  }
  return recipients
}

/** Grants listed by the key they are for; every asked key is present (an empty list when nobody holds the role). */
function byKey<K>(keys: readonly K[], grants: { key: K | null; user: User }[]): Map<K, User[]> {
  const users = new Map<K, User[]>(keys.map((key) => [key, []]))
  for (const grant of grants) if (grant.key !== null) users.get(grant.key)?.push(grant.user)
  return users
}

/** The municipal coordinators of each municipality. */
export async function municipalCoordinators(deps: Deps, municipalityIds: readonly number[]): Promise<Map<number, Recipient[]>> {
  const grants = municipalityIds.length === 0 ? [] : await deps.prisma.roleGrant.findMany({
    where: { role: "municipal_coordinator", municipalityId: { in: [...municipalityIds] }, revokedAt: null },
    select: { municipalityId: true, user: USER },
  })
  return withPreferences(deps, byKey(municipalityIds, grants.map((grant) => ({ key: grant.municipalityId, user: grant.user }))))
}

/** Admins hear of risk findings only when they asked to (RiskAlertPreference.subscribed). */
export async function subscribedAdmins(deps: Deps): Promise<Recipient[]> {
  const subscribed = await deps.prisma.riskAlertPreference.findMany({ where: { subscribed: true }, select: { userId: true } })
  if (subscribed.length === 0) return []
  const grants = await deps.prisma.roleGrant.findMany({
    where: { role: "admin", revokedAt: null, userId: { in: subscribed.map((row) => row.userId) } },
    select: { user: USER },
  })
  return (await withPreferences(deps, new Map([[null, grants.map((grant) => grant.user)]]))).get(null)!
}

/** The school coordinators of each school. */
export async function schoolCoordinators(deps: Deps, schoolIds: readonly number[]): Promise<Map<number, Recipient[]>> {
  const grants = schoolIds.length === 0 ? [] : await deps.prisma.roleGrant.findMany({
    where: { role: "school_coordinator", schoolId: { in: [...schoolIds] }, revokedAt: null },
    select: { schoolId: true, user: USER },
  })
  return withPreferences(deps, byKey(schoolIds, grants.map((grant) => ({ key: grant.schoolId, user: grant.user }))))
}
