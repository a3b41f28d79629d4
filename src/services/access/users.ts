import type { ServiceDeps } from "../deps.ts"
import { audit } from "./audit.ts"
import type { Actor, Grant, RoleName } from "./roles.ts"

export interface TelegramProfile {
  telegramId: bigint | number
  firstName: string
  lastName?: string | undefined
  username?: string | undefined
  languageCode?: string | undefined
}

/**
 * Finds or creates the user behind an update and returns them with their live grants.
 * Users listed in ADMIN_IDS get the admin grant on first contact.
 */
export async function resolveActor(deps: ServiceDeps, profile: TelegramProfile, adminIds: readonly bigint[]): Promise<Actor> {
  const telegramId = BigInt(profile.telegramId)
  const language = profile.languageCode?.startsWith("en") ? "en" : "ru"
  const include = { grants: { where: { revokedAt: null }, include: { school: { select: { municipalityId: true } } } } } as const
  const names = { firstName: profile.firstName, lastName: profile.lastName ?? null, username: profile.username ?? null }
  // Every update passes here: read first, and write only for a new user or a changed profile.
  const known = await deps.prisma.user.findUnique({ where: { telegramId }, include })
  const unchanged = known && known.firstName === names.firstName && known.lastName === names.lastName && known.username === names.username
  const user = unchanged
    ? known
    : await deps.prisma.user.upsert({ where: { telegramId }, create: { telegramId, ...names, language }, update: names, include })
  let grants = user.grants
  if (adminIds.includes(telegramId) && !grants.some((grant) => grant.role === "admin")) {
    const created = await deps.prisma.roleGrant.create({ data: { userId: user.id, role: "admin" }, include: { school: { select: { municipalityId: true } } } })
    await audit(deps.prisma, { actorId: user.id, action: "role.granted", subject: "admin", details: { source: "ADMIN_IDS" } })
    grants = [...grants, created]
  }
  return {
    userId: user.id,
    telegramId: telegramId.toString(),
    firstName: user.firstName,
    language: user.language === "en" ? "en" : "ru",
    grants: grants.map(
      (grant): Grant => ({
        role: grant.role as RoleName,
        schoolId: grant.schoolId,
        municipalityId: grant.municipalityId,
        schoolMunicipalityId: grant.school?.municipalityId ?? null,
      }),
    ),
  }
}

export async function setLanguage(deps: ServiceDeps, userId: number, language: "ru" | "en"): Promise<void> {
  await deps.prisma.user.update({ where: { id: userId }, data: { language } })
}

/**
 * An actor with the admin role for work that comes from outside Telegram (the command line, benchmarks, seeding):
 * recorded under its own user row so the audit log names it, with no grant stored in the database.
 */
export async function systemActor(deps: Pick<ServiceDeps, "prisma">, who: { telegramId: bigint; firstName: string }): Promise<Actor> {
  const user = await deps.prisma.user.upsert({ where: { telegramId: who.telegramId }, create: who, update: {} })
  return {
    userId: user.id,
    telegramId: who.telegramId.toString(),
    firstName: user.firstName,
    language: "ru",
    grants: [{ role: "admin", schoolId: null, municipalityId: null, schoolMunicipalityId: null }],
  }
}
