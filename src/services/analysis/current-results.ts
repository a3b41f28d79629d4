import type { PrismaClient } from "../../db/client.ts"
import type { ParticipantResult, ProcedureKey } from "../../domain/results.ts"
import { ImmutableRows } from "../storage/immutable-rows.ts"
import type { ProcedureResults, SchoolContext, SchoolResults } from "./types.ts"
import { readParticipants } from "../participants/read.ts"
import { procedureId } from "../results/procedure-key.ts"
import { specFromRow } from "../specs/store.ts"

/**
 * Participants of result sets by set id, per database: a set never changes after import (packed.ts), so each is
 * read and unpacked once. ~120,000 participants (a few regional procedures, ~60 MB) at most.
 */
const participantsOfSet = new ImmutableRows<ParticipantResult[]>(120_000)

/**
 * The current results of a procedure, for the analysis: every school's current version (optionally only the
 * schools of some municipalities). ~100,000 participants must load in well under a second: one query returns the
 * current sets with their school, a second the packed participants (packed.ts), one value per school, of the sets
 * not in memory yet.
 */
export async function loadProcedureResults(
  prisma: PrismaClient,
  key: ProcedureKey,
  scope: { municipalityIds?: number[] } = {},
): Promise<(ProcedureResults & { resultSetIds: number[]; schoolIds: Map<string, number> }) | null> {
  const sets = await prisma.$queryRawUnsafe<CurrentSet[]>(
    `SELECT r.id, r."specId", md5(r.packed) AS digest, s.id AS "schoolId", s.key, s."municipalityId",
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
  const participantsOf = await participantsOfSets(prisma, sets)
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

/** Sets stored before packing (digest null) are read from their rows each time. */
async function participantsOfSets(prisma: PrismaClient, sets: readonly { id: number; key: string; digest: string | null }[]): Promise<Map<number, ParticipantResult[]>> {
  const found = new Map<number, ParticipantResult[]>()
  const missing: { id: number; key: string; digest: string | null }[] = []
  for (const set of sets) {
    const participants = set.digest === null ? undefined : participantsOfSet.get(prisma, set.id, set.digest)
    if (participants) found.set(set.id, participants)
    else missing.push(set)
  }
  if (missing.length === 0) return found
  const packed = await prisma.$queryRawUnsafe<{ id: number; packed: string | null }[]>(
    `SELECT id, encode(packed, 'base64') AS packed FROM "ResultSet" WHERE id = ANY($1::int[])`,
    missing.map((set) => set.id),
  )
  const packedOf = new Map(packed.map((row) => [row.id, row.packed]))
  const read = await readParticipants(prisma, missing.map((set) => ({ ...set, packed: packedOf.get(set.id) ?? null })))
  for (const set of missing) {
    const participants = read.get(set.id)!
    if (set.digest !== null) participantsOfSet.set(prisma, set.id, set.digest, participants, participants.length)
    found.set(set.id, participants)
  }
  return found
}

interface CurrentSet extends SchoolContext {
  id: number
  specId: number
  /** md5 of the packed participants; null for a set stored before packing existed. */
  digest: string | null
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
