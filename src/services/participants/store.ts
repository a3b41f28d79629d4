import type { ParticipantResult } from "../../domain/results.ts"
import type { PrismaClient } from "../../db/client.ts"
import { packParticipants } from "./packed.ts"

type Executor = Pick<PrismaClient, "$queryRawUnsafe">

/** A new version of a school's results for a procedure; present and absent are counted from the participants. */
export interface NewResultSet {
  specId: number
  schoolId: number
  procedure: string
  version: number
  uploadId: number
  reference?: boolean
  participants: readonly ParticipantResult[]
}

/**
 * Creates result sets with their participants, in the caller's transaction, in one statement: every set's
 * participants packed into "ResultSet".packed (packed.ts), one value per school — what every reader takes.
 * A "Participant" row per pupil was written too until it proved the largest part of storing a region: 26,595 rows
 * took 0.7 s of the coordinator's 2.6 s «Загрузить» on PGlite (bench/wait.ts). Prisma's createMany of 630 sets and
 * a second statement to fill their packed values took 0.2–0.4 s more: a set-based insert from arrays takes one pass.
 * New sets are current (the column's default); the caller retires the previous versions first.
 */
export async function createResultSets(tx: Executor, sets: readonly NewResultSet[]): Promise<{ id: number; schoolId: number }[]> {
  if (sets.length === 0) return []
  const present = sets.map((set) => set.participants.filter((participant) => !participant.absent).length)
  return tx.$queryRawUnsafe<{ id: number; schoolId: number }[]>(
    `INSERT INTO "ResultSet" ("specId", "schoolId", procedure, version, "uploadId", present, absent, reference, packed)
     SELECT t."specId", t."schoolId", t.procedure, t.version, t."uploadId", t.present, t.absent, t.reference, decode(t.packed, 'base64')
     FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::boolean[], $9::text[])
       AS t("specId", "schoolId", procedure, version, "uploadId", present, absent, reference, packed)
     RETURNING id, "schoolId"`,
    sets.map((set) => set.specId),
    sets.map((set) => set.schoolId),
    sets.map((set) => set.procedure),
    sets.map((set) => set.version),
    sets.map((set) => set.uploadId),
    present,
    sets.map((set, index) => set.participants.length - present[index]!),
    sets.map((set) => set.reference ?? false),
    sets.map((set) => packParticipants(set.participants)),
  )
}
