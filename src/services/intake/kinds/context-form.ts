/** The FIS OKO context-data form at the front door: it fills the school directory (coordinators and admins only). */
import { hasRole, type Actor } from "../../access/roles.ts"
import type { ServiceDeps } from "../../deps.ts"
import type { ContextFormResult } from "../../schools/context-form.ts"
import { storeDirectory, type DirectoryOutcome } from "../../schools/directory.ts"

export async function storeContextForm(deps: ServiceDeps, actor: Actor, uploadId: number, parsed: ContextFormResult): Promise<DirectoryOutcome | null> {
  if (!hasRole(actor, "municipal_coordinator")) return null
  const outcome = await storeDirectory(deps, actor, parsed)
  // The form also holds school heads' names and phones: only what the directory needs is kept, not the file.
  await deps.prisma.upload.update({ where: { id: uploadId }, data: { status: outcome.ok ? "imported" : "rejected", layout: "context-form", bytes: new Uint8Array(0) } })
  return outcome
}
