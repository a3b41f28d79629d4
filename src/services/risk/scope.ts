/** Which cases and schools an actor may see and act on: admins everything, municipal coordinators their municipalities. */
import { canActOnSchool, coordinatedMunicipalities, isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"

export function mayWorkOnRisk(actor: Actor): boolean {
  return isAdmin(actor) || coordinatedMunicipalities(actor).length > 0
}

export async function schoolInScope(deps: Pick<ServiceDeps, "prisma">, actor: Actor, schoolId: number): Promise<{ id: number; login: string; name: string | null; municipalityId: number | null } | null> {
  const school = await deps.prisma.school.findUnique({ where: { id: schoolId }, select: { id: true, login: true, name: true, municipalityId: true } })
  return school && canActOnSchool(actor, school, ["municipal_coordinator"]) ? school : null
}

/** The municipality filter of a case query: undefined for admins (all). */
export function municipalityFilter(actor: Actor): { in: number[] } | undefined {
  return isAdmin(actor) ? undefined : { in: coordinatedMunicipalities(actor) }
}
