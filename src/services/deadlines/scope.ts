import { coordinatedMunicipalities, isAdmin, type Actor } from "../access/roles.ts"

/** Municipal coordinators of this municipality, and admins. */
export function canActOnMunicipality(actor: Actor, municipalityId: number): boolean {
  return isAdmin(actor) || coordinatedMunicipalities(actor).includes(municipalityId)
}
