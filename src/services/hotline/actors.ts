import type { Actor, Grant, RoleName } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"

/** An actor for background work done on someone's behalf (the digest reads their scope), from the stored grants. */
export async function resolveActorById(deps: Pick<ServiceDeps, "prisma">, userId: number): Promise<Actor | null> {
  const user = await deps.prisma.user.findUnique({
    where: { id: userId },
    include: { grants: { where: { revokedAt: null }, include: { school: { select: { municipalityId: true } } } } },
  })
  if (!user) return null
  return {
    userId: user.id,
    telegramId: user.telegramId.toString(),
    firstName: user.firstName,
    language: user.language === "en" ? "en" : "ru",
    grants: user.grants.map(
      (grant): Grant => ({
        role: grant.role as RoleName,
        schoolId: grant.schoolId,
        municipalityId: grant.municipalityId,
        schoolMunicipalityId: grant.school?.municipalityId ?? null,
      }),
    ),
  }
}
