import type { PrismaClient } from "../../db/client.ts"
import type { ProcedureKey } from "../../domain/results.ts"
import type { ProcedureResults, SchoolContext, SchoolResults } from "./types.ts"
import { readParticipants } from "../participants/read.ts"
import { procedureId } from "../results/procedure-key.ts"
import { specFromRow } from "../specs/store.ts"

/**
 * The current results of a procedure, for the analysis: every school's current version (optionally only the
 * schools of some municipalities). ~100,000 participants must load in well under a second: one query returns the
 * current sets with their school and their packed participants (packed.ts), one value per school.
 */
export async function loadProcedureResults(
  prisma: PrismaClient,
  key: ProcedureKey,
  scope: { municipalityIds?: number[] } = {},
): Promise<(ProcedureResults & { resultSetIds: number[]; schoolIds: Map<string, number> }) | null> {
  const sets = await prisma.$queryRawUnsafe<CurrentSet[]>(
    `SELECT r.id, r."specId", encode(r.packed, 'base64') AS packed, s.id AS "schoolId", s.key, s."municipalityId",
            s."settlementType", s."settlementSize", s."isLyceumOrGymnasium", s."isSpecial"
     FROM "ResultSet" r JOIN "School" s ON s.id = r."schoolId"
     WHERE r.procedure = $1 AND r."isCurrent" AND ($2::int[] IS NULL OR s."municipalityId" = ANY($2::int[]))
     ORDER BY r."schoolId"`,
    procedureId(key),
    scope.municipalityIds ?? null,
  )
  if (sets.length === 0) return null
  // Every school of a procedure is analysed with one spec: the newest version any of them was read with
  // (fetched once, not once per school).
  const newestSpecId = sets.reduce((newest, set) => (set.specId > newest ? set.specId : newest), 0)
  const spec = specFromRow(await prisma.procedureSpec.findUniqueOrThrow({ where: { id: newestSpecId } }))
  const participantsOf = await readParticipants(prisma, sets)
  const schools: SchoolResults[] = sets.map((set) => ({
    schoolKey: set.key,
    municipalityId: set.municipalityId === null ? null : String(set.municipalityId),
    context: contextOf(set),
    participants: participantsOf.get(set.id)!,
  }))
  return {
    spec,
    schools,
    resultSetIds: sets.map((set) => set.id),
    schoolIds: new Map(sets.map((set) => [set.key, set.schoolId])),
  }
}

interface CurrentSet extends SchoolContext {
  id: number
  specId: number
  /** Base64 (db/gzip-json.ts), null for a set stored before packing existed. */
  packed: string | null
  schoolId: number
  key: string
  municipalityId: number | null
}

function contextOf(school: SchoolContext): SchoolContext | null {
  if (school.settlementType === null && school.settlementSize === null && school.isLyceumOrGymnasium === null) return null
  return {
    settlementType: school.settlementType,
    settlementSize: school.settlementSize,
    isLyceumOrGymnasium: school.isLyceumOrGymnasium,
    isSpecial: school.isSpecial,
  }
}
