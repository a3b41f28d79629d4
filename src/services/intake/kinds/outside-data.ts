/**
 * Our outside-data workbook (ОГЭ/ЕГЭ, medalists, re-checks) at the front door: stored at once when every row is
 * right, and the analyses that read it are run again.
 */
import type { Actor } from "../../access/roles.ts"
import { analyseStored } from "../../analysis/stored-runs.ts"
import type { ServiceDeps } from "../../deps.ts"
import { isReached, storeOutsideData, type OutsideImportOutcome, type OutsideReach } from "../../exams-medalists-rechecks/import.ts"
import type { OutsideParse } from "../../exams-medalists-rechecks/parse.ts"
import { parseProcedureId } from "../../results/procedure-key.ts"
import type { ReceivedFile } from "../../uploads/uploads.ts"

export async function storeOutside(deps: ServiceDeps, actor: Actor, uploadId: number, file: ReceivedFile, parsed: OutsideParse): Promise<OutsideImportOutcome> {
  const outcome = await storeOutsideData(deps, actor, file, parsed, { uploadId })
  if (outcome.ok) await analyseReached(deps, outcome.affects)
  return outcome
}

/** Like an import of results, new outside data re-runs (and stores) the analyses that read it. */
async function analyseReached(deps: ServiceDeps, reach: OutsideReach): Promise<void> {
  const held = await deps.prisma.resultSet.findMany({ where: { isCurrent: true }, distinct: ["procedure"], select: { procedure: true } })
  for (const { procedure } of held) {
    const key = parseProcedureId(procedure)
    if (!isReached(reach, procedure, key)) continue
    try {
      await analyseStored(deps, key)
    } catch (error) {
      deps.logger.error({ err: error, procedure }, "analysis after outside data failed")
    }
  }
}
