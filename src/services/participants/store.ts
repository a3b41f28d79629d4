import type { ParticipantResult } from "../../domain/results.ts"
import type { PrismaClient } from "../../db/client.ts"
import { packParticipants } from "./packed.ts"

type Executor = Pick<PrismaClient, "$executeRawUnsafe">

/**
 * Stores the participants of new result sets, in the caller's transaction: all of a set's participants packed into
 * "ResultSet".packed (packed.ts), one value per school. That is what every reader takes (analysis, re-scoring).
 * A "Participant" row per pupil was written too until it proved the largest part of storing a region: 26,595 rows
 * took 0.7 s of the coordinator's 2.6 s «Загрузить» on PGlite (bench/wait.ts), and nothing read them but the
 * fallback for sets stored before packing existed, which stays (read.ts).
 */
export async function storeParticipants(tx: Executor, sets: { resultSetId: number; participants: ParticipantResult[] }[]): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE "ResultSet" AS s SET packed = decode(t.packed, 'base64') FROM unnest($1::int[], $2::text[]) AS t(id, packed) WHERE s.id = t.id`,
    sets.map((set) => set.resultSetId),
    sets.map((set) => packParticipants(set.participants)),
  )
}
