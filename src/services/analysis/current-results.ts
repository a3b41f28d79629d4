import type { PrismaClient } from "../../db/client.ts"
import type { JournalMark, Mark, ParticipantResult, ProcedureKey, Sex } from "../../domain/results.ts"
import type { ProcedureResults, SchoolContext, SchoolResults } from "./types.ts"
import { unpackParticipants } from "../results/packed.ts"
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
  // Sets stored before packing existed are read from their Participant rows.
  const unpacked = sets.filter((set) => set.packed === null)
  const fromRows = unpacked.length > 0 ? await readParticipantRows(prisma, new Map(unpacked.map((set) => [set.id, set.key]))) : new Map<number, ParticipantResult[]>()
  const schools: SchoolResults[] = sets.map((set) => ({
    schoolKey: set.key,
    municipalityId: set.municipalityId === null ? null : String(set.municipalityId),
    context: contextOf(set),
    participants: set.packed === null ? (fromRows.get(set.id) ?? []) : unpackParticipants(set.packed, set.key),
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

type ParticipantTuple = [number, string, string | null, number | null, boolean, number[], number | null, Mark | null, JournalMark | null, Sex | null]

/**
 * The Participant rows as ONE JSON text built by the database: per-row transfer (and int[] decoding) through the
 * PGlite adapter cost ~1 s per 26,000 rows; one string and JSON.parse cost a fraction.
 */
async function readParticipantRows(prisma: PrismaClient, schoolKeyOfSet: Map<number, string>): Promise<Map<number, ParticipantResult[]>> {
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

function contextOf(school: SchoolContext): SchoolContext | null {
  if (school.settlementType === null && school.settlementSize === null && school.isLyceumOrGymnasium === null) return null
  return {
    settlementType: school.settlementType,
    settlementSize: school.settlementSize,
    isLyceumOrGymnasium: school.isLyceumOrGymnasium,
    isSpecial: school.isSpecial,
  }
}
