/**
 * Reading the participants of stored result sets: one packed value per set ("ResultSet".packed, packed.ts), or, for
 * a set stored before packing existed, its Participant rows.
 */
import type { PrismaClient } from "../../db/client.ts"
import type { JournalMark, Mark, ParticipantResult, Sex } from "../../domain/results.ts"
import { unpackParticipants } from "./packed.ts"

type ParticipantTuple = [number, string, string | null, number | null, boolean, number[], number | null, Mark | null, JournalMark | null, Sex | null]

/**
 * The participants of result sets by set id: unpacked from "ResultSet".packed, or, for sets stored before packing
 * existed, read from their Participant rows.
 */
export async function readParticipants(prisma: PrismaClient, sets: readonly { id: number; key: string; packed: string | null }[]): Promise<Map<number, ParticipantResult[]>> {
  const unpacked = sets.filter((set) => set.packed === null)
  const fromRows = unpacked.length > 0 ? await readParticipantRows(prisma, new Map(unpacked.map((set) => [set.id, set.key]))) : new Map<number, ParticipantResult[]>()
  return new Map(sets.map((set) => [set.id, set.packed === null ? (fromRows.get(set.id) ?? []) : unpackParticipants(set.packed, set.key)]))
}

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
