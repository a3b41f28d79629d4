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
  const user = await deps.prisma.user.upsert({
    where: { telegramId },
    create: { telegramId, firstName: profile.firstName, lastName: profile.lastName ?? null, username: profile.username ?? null, language },
    update: { firstName: profile.firstName, lastName: profile.lastName ?? null, username: profile.username ?? null },
    include: { grants: { where: { revokedAt: null }, include: { school: { select: { municipalityId: true } } } } },
  })
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
