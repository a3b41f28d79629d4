import type { ServiceDeps } from "../deps.ts"
import { isSchoolRole, type Responsible } from "./kinds.ts"

/** A person a message goes to. */
export interface Recipient {
  userId: number
  chatId: bigint
  language: "ru" | "en"
}

interface Scope {
  municipalityId: number
  schoolId: number | null
}

/**
 * The people behind a deadline's `responsible`, as of now (a coordinator invited later is reminded too; a revoked
 * grant is not). A school role on an item without a school means that role in every school of the municipality.
 */
export async function responsibleUsers(deps: Pick<ServiceDeps, "prisma">, scope: Scope, responsible: Responsible): Promise<Recipient[]> {
  const roles = responsible.roles ?? []
  const or = roles.map((role) =>
    isSchoolRole(role)
      ? scope.schoolId !== null
        ? { role, schoolId: scope.schoolId }
        : { role, school: { municipalityId: scope.municipalityId } }
      : { role, municipalityId: scope.municipalityId },
  )
  const fromRoles = or.length === 0 ? [] : await deps.prisma.roleGrant.findMany({ where: { revokedAt: null, OR: or }, select: { userId: true } })
  const ids = [...new Set([...(responsible.userIds ?? []), ...fromRoles.map((grant) => grant.userId)])]
  return usersByIds(deps, ids)
}

/** The municipal coordinators of a municipality: where overdue items escalate. */
export async function coordinatorsOf(deps: Pick<ServiceDeps, "prisma">, municipalityId: number): Promise<Recipient[]> {
  const grants = await deps.prisma.roleGrant.findMany({ where: { revokedAt: null, role: "municipal_coordinator", municipalityId }, select: { userId: true } })
  return usersByIds(deps, [...new Set(grants.map((grant) => grant.userId))])
}

export async function usersByIds(deps: Pick<ServiceDeps, "prisma">, ids: number[]): Promise<Recipient[]> {
  if (ids.length === 0) return []
  const users = await deps.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, telegramId: true, language: true }, orderBy: { id: "asc" } })
  return users.map((user) => ({ userId: user.id, chatId: user.telegramId, language: user.language === "en" ? "en" : "ru" }))
}

/** Whether a user is among the responsible of an item, judged from their grants (no query). */
export function isResponsible(
  grants: { role: string; schoolId: number | null; municipalityId: number | null; schoolMunicipalityId: number | null }[],
  userId: number,
  item: Scope & { responsible: Responsible },
): boolean {
  if (item.responsible.userIds?.includes(userId)) return true
  return (item.responsible.roles ?? []).some((role) =>
    grants.some((grant) => {
      if (grant.role !== role) return false
      if (isSchoolRole(role)) return item.schoolId !== null ? grant.schoolId === item.schoolId : grant.schoolMunicipalityId === item.municipalityId
      return grant.municipalityId === item.municipalityId
    }),
  )
}

/**
 * Everyone a batch of items may concern, loaded at once (one query for the grants of their municipalities, one for
 * the users): a planner that sends hundreds of reminders on a busy morning asks the database twice, not per item.
 */
export async function recipientIndex(deps: Pick<ServiceDeps, "prisma">, items: { municipalityId: number; responsible: Responsible }[]) {
  const municipalityIds = [...new Set(items.map((item) => item.municipalityId))]
  const grants = await deps.prisma.roleGrant.findMany({
    where: { revokedAt: null, OR: [{ municipalityId: { in: municipalityIds } }, { school: { municipalityId: { in: municipalityIds } } }] },
    select: { userId: true, role: true, schoolId: true, municipalityId: true, school: { select: { municipalityId: true } } },
  })
  const named = items.flatMap((item) => item.responsible.userIds ?? [])
  const users = new Map((await usersByIds(deps, [...new Set([...grants.map((grant) => grant.userId), ...named])])).map((user) => [user.userId, user]))
  const pick = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => a - b).flatMap((id) => users.get(id) ?? [])
  return {
    responsible(item: Scope & { responsible: Responsible }): Recipient[] {
      const roles = item.responsible.roles ?? []
      const fromRoles = grants.filter((grant) =>
        roles.some((role) => {
          if (grant.role !== role) return false
          if (isSchoolRole(role)) return item.schoolId !== null ? grant.schoolId === item.schoolId : grant.school?.municipalityId === item.municipalityId
          return grant.municipalityId === item.municipalityId
        }),
      )
      return pick([...(item.responsible.userIds ?? []), ...fromRoles.map((grant) => grant.userId)])
    },
    coordinators(municipalityId: number): Recipient[] {
      return pick(grants.filter((grant) => grant.role === "municipal_coordinator" && grant.municipalityId === municipalityId).map((grant) => grant.userId))
    },
  }
}
