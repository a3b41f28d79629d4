/** A procedure spec workbook at the front door: a municipal coordinator's becomes the procedure's next spec version. */
import type { Actor } from "../../access/roles.ts"
import type { ServiceDeps } from "../../deps.ts"
import { saveSpec, type SpecOutcome } from "../../specs/specs.ts"
import type { SpecWorkbookResult } from "../../specs/workbook.ts"

export async function storeSpec(deps: ServiceDeps, actor: Actor, uploadId: number, parsed: SpecWorkbookResult): Promise<SpecOutcome> {
  const outcome = await saveSpec(deps, actor, parsed)
  if (outcome.ok) await deps.prisma.upload.update({ where: { id: uploadId }, data: { status: "imported", layout: "spec" } })
  return outcome
}
