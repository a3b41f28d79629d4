import { coordinatedMunicipalities, isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"

/** Who runs observers where: a municipal coordinator in their municipalities, an admin everywhere. */
export function canActOnMunicipality(actor: Actor, municipalityId: number | null): boolean {
  if (isAdmin(actor)) return true
  return municipalityId !== null && coordinatedMunicipalities(actor).includes(municipalityId)
}

/** The municipalities the actor runs observers in: null means every one (an admin). */
export function coordinatorScope(actor: Actor): number[] | null {
  return isAdmin(actor) ? null : coordinatedMunicipalities(actor)
}

export function isObserverCoordinator(actor: Actor): boolean {
  return isAdmin(actor) || coordinatedMunicipalities(actor).length > 0
}

export interface Recipient {
  userId: number
  telegramId: bigint
  language: "ru" | "en"
}

/** The municipal coordinators of a municipality: they get applications, replacements and violation alerts. */
export async function coordinatorsOf(deps: Pick<ServiceDeps, "prisma">, municipalityId: number): Promise<Recipient[]> {
  const grants = await deps.prisma.roleGrant.findMany({
    where: { role: "municipal_coordinator", municipalityId, revokedAt: null },
    include: { user: { select: { id: true, telegramId: true, language: true } } },
    orderBy: { id: "asc" },
  })
  const seen = new Set<number>()
  return grants.flatMap((grant) => {
    if (seen.has(grant.userId)) return []
    seen.add(grant.userId)
    return [{ userId: grant.user.id, telegramId: grant.user.telegramId, language: grant.user.language === "en" ? "en" : "ru" }]
  })
}

export function languageOf(user: { language: string }): "ru" | "en" {
  return user.language === "en" ? "en" : "ru"
}
