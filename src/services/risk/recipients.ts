/**
 * Who hears of a municipality's risk findings: its municipal coordinators, and the admins who opted in; a school's
 * neutral recommendations go to its school coordinators. Each with the language to write in and whether they chose
 * immediate delivery over working hours.
 */
import type { ServiceDeps } from "../deps.ts"

export interface Recipient {
  userId: number
  telegramId: bigint
  language: "ru" | "en"
  immediate: boolean
}

type Deps = Pick<ServiceDeps, "prisma">

async function withPreferences(deps: Deps, users: { id: number; telegramId: bigint; language: string }[]): Promise<Recipient[]> {
  const unique = [...new Map(users.map((user) => [user.id, user])).values()]
  const preferences = await deps.prisma.riskAlertPreference.findMany({ where: { userId: { in: unique.map((user) => user.id) } } })
  const immediate = new Set(preferences.filter((p) => p.immediate).map((p) => p.userId))
  return unique
    .map((user) => ({ userId: user.id, telegramId: user.telegramId, language: user.language === "en" ? ("en" as const) : ("ru" as const), immediate: immediate.has(user.id) }))
    .sort((a, b) => a.userId - b.userId)
}

export async function municipalCoordinators(deps: Deps, municipalityId: number): Promise<Recipient[]> {
  const grants = await deps.prisma.roleGrant.findMany({
    where: { role: "municipal_coordinator", municipalityId, revokedAt: null },
    select: { user: { select: { id: true, telegramId: true, language: true } } },
  })
  return withPreferences(deps, grants.map((grant) => grant.user))
}

/** Admins hear of risk findings only when they asked to (RiskAlertPreference.subscribed). */
export async function subscribedAdmins(deps: Deps): Promise<Recipient[]> {
  const subscribed = await deps.prisma.riskAlertPreference.findMany({ where: { subscribed: true }, select: { userId: true } })
  if (subscribed.length === 0) return []
  const grants = await deps.prisma.roleGrant.findMany({
    where: { role: "admin", revokedAt: null, userId: { in: subscribed.map((row) => row.userId) } },
    select: { user: { select: { id: true, telegramId: true, language: true } } },
  })
  return withPreferences(deps, grants.map((grant) => grant.user))
}

export async function schoolCoordinators(deps: Deps, schoolId: number): Promise<Recipient[]> {
  const grants = await deps.prisma.roleGrant.findMany({
    where: { role: "school_coordinator", schoolId, revokedAt: null },
    select: { user: { select: { id: true, telegramId: true, language: true } } },
  })
  return withPreferences(deps, grants.map((grant) => grant.user))
}
