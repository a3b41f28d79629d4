import type { PrismaClient } from "../../db/client.ts"
import type { JournalMark, Mark, ParticipantResult, ProcedureKey, Sex } from "../../domain/results.ts"
import type { ProcedureResults, SchoolContext, SchoolResults } from "../analysis/types.ts"
import { procedureId } from "./procedure-key.ts"
import { specFromRow } from "./specs-store.ts"

/**
 * The current results of a procedure, for the analysis: every school's current version (optionally only the
 * schools of some municipalities). Reads participants with one raw query — ~100,000 rows must load in well under a second.
 */
export async function loadProcedureResults(
  prisma: PrismaClient,
  key: ProcedureKey,
  scope: { municipalityIds?: number[] } = {},
): Promise<(ProcedureResults & { resultSetIds: number[]; schoolIds: Map<string, number> }) | null> {
  const procedure = procedureId(key)
  const sets = await prisma.resultSet.findMany({
    where: { procedure, isCurrent: true, ...(scope.municipalityIds ? { school: { municipalityId: { in: scope.municipalityIds } } } : {}) },
    include: { school: true },
    orderBy: { schoolId: "asc" },
  })
  if (sets.length === 0) return null
  // Every school of a procedure is analysed with one spec: the newest version any of them was read with
  // (fetched once, not once per school).
  const newestSpecId = sets.reduce((newest, set) => (set.specId > newest ? set.specId : newest), 0)
  const spec = specFromRow(await prisma.procedureSpec.findUniqueOrThrow({ where: { id: newestSpecId } }))
  const bySet = await readParticipants(prisma, new Map(sets.map((set) => [set.id, set.school.key])))
  const schools: SchoolResults[] = sets.map((set) => ({
    schoolKey: set.school.key,
    municipalityId: set.school.municipalityId === null ? null : String(set.school.municipalityId),
    context: contextOf(set.school),
    participants: bySet.get(set.id) ?? [],
  }))
  return {
    spec,
    schools,
    resultSetIds: sets.map((set) => set.id),
    schoolIds: new Map(sets.map((set) => [set.school.key, set.school.id])),
  }
}

type ParticipantTuple = [number, string, string | null, number | null, boolean, number[], number | null, Mark | null, JournalMark | null, Sex | null]

/**
 * All participants of the result sets as ONE JSON text built by the database, grouped by result set:
 * per-row transfer (and int[] decoding) through the PGlite adapter cost ~1 s per 26,000 rows; one string and
 * JSON.parse cost a fraction.
 */
async function readParticipants(prisma: PrismaClient, schoolKeyOfSet: Map<number, string>): Promise<Map<number, ParticipantResult[]>> {
  const [result] = await prisma.$queryRawUnsafe<{ data: string | null }[]>(
    `SELECT json_agg(json_build_array("resultSetId", code, "className", variant, absent, cells, total, mark, "journalMark", sex) ORDER BY id)::text AS data
     FROM "Participant" WHERE "resultSetId" = ANY($1::int[])`,
    [...schoolKeyOfSet.keys()],
  )
  const bySet = new Map<number, ParticipantResult[]>()
  for (const [resultSetId, code, className, variant, absent, cells, total, mark, journalMark, sex] of JSON.parse(result?.data ?? "[]") as ParticipantTuple[]) {
    const participant: ParticipantResult = { schoolKey: schoolKeyOfSet.get(resultSetId)!, code, className, variant, absent, cells, total, mark, journalMark, sex }
    const list = bySet.get(resultSetId)
    if (list) list.push(participant)
    else bySet.set(resultSetId, [participant])
  }
  return bySet
}

function contextOf(school: { settlementType: number | null; settlementSize: number | null; isLyceumOrGymnasium: boolean | null; isSpecial: boolean | null }): SchoolContext | null {
  if (school.settlementType === null && school.settlementSize === null && school.isLyceumOrGymnasium === null) return null
  return {
    settlementType: school.settlementType,
    settlementSize: school.settlementSize,
    isLyceumOrGymnasium: school.isLyceumOrGymnasium,
    isSpecial: school.isSpecial,
  }
}
