/** A procedure spec workbook at the front door: a municipal coordinator's becomes the procedure's next spec version. */
import type { Actor } from "../../access/roles.ts"
import type { ServiceDeps } from "../../deps.ts"
import { specChanges, type SpecChanges } from "../../specs/rescore.ts"
import { saveSpec, specScopeOf, type SpecOutcome } from "../../specs/specs.ts"
import type { SpecWorkbookResult } from "../../specs/workbook.ts"

/** What a spec workbook would change in the results stored in the sender's scope; null when nothing would (or it cannot be saved). */
export async function specChangesToConfirm(deps: ServiceDeps, actor: Actor, parsed: SpecWorkbookResult): Promise<SpecChanges | null> {
  const scope = specScopeOf(actor)
  if (!scope || "problems" in parsed) return null
  const changes = await specChanges(deps, parsed.spec, scope.municipalityId)
  return changes.schools.length > 0 ? changes : null
}

export async function storeSpec(deps: ServiceDeps, actor: Actor, uploadId: number, parsed: SpecWorkbookResult): Promise<SpecOutcome> {
  const outcome = await saveSpec(deps, actor, parsed)
  if (outcome.ok) await deps.prisma.upload.update({ where: { id: uploadId }, data: { status: "imported", layout: "spec" }, select: { id: true } })
  return outcome
}
