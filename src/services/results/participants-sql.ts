import type { ParticipantResult } from "../../domain/results.ts"
import type { PrismaClient } from "../../db/client.ts"
import { packParticipants } from "./packed.ts"

type Executor = Pick<PrismaClient, "$executeRawUnsafe">

const BATCH = 5_000

/**
 * Stores the participants of new result sets twice, in the caller's transaction: a row each in "Participant"
 * (queried by other code) and all of a set's participants packed into "ResultSet".packed, which the analysis
 * reads (packed.ts).
 */
export async function storeParticipants(tx: Executor, sets: { resultSetId: number; participants: ParticipantResult[] }[]): Promise<void> {
  await insertRows(tx, sets.flatMap((set) => set.participants.map((participant) => ({ resultSetId: set.resultSetId, participant }))))
  await tx.$executeRawUnsafe(
    `UPDATE "ResultSet" AS s SET packed = decode(t.packed, 'base64') FROM unnest($1::int[], $2::text[]) AS t(id, packed) WHERE s.id = t.id`,
    sets.map((set) => set.resultSetId),
    sets.map((set) => packParticipants(set.participants)),
  )
}

/**
 * One `INSERT … SELECT FROM unnest(…)` per 5,000 rows: a regional file is ~26,000 pupils, and row-by-row or
 * createMany inserts were several times slower (bench/import.ts measures it). A pupil's task cells travel as a
 * Postgres array literal and are cast back to int[].
 */
async function insertRows(tx: Executor, rows: { resultSetId: number; participant: ParticipantResult }[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const slice = rows.slice(start, start + BATCH)
    const batch = slice.map((row) => row.participant)
    await tx.$executeRawUnsafe(
      `INSERT INTO "Participant" ("resultSetId", "code", "className", "variant", "absent", "cells", "total", "mark", "journalMark", "sex")
       SELECT result_set, code, class_name, variant, absent, cells::int[], total, mark, journal_mark, sex
       FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::boolean[], $6::text[], $7::int[], $8::int[], $9::int[], $10::text[])
         AS t(result_set, code, class_name, variant, absent, cells, total, mark, journal_mark, sex)`,
      slice.map((row) => row.resultSetId),
      batch.map((p) => p.code),
      batch.map((p) => p.className),
      batch.map((p) => p.variant),
      batch.map((p) => p.absent),
      batch.map((p) => `{${p.cells.join(",")}}`),
      batch.map((p) => p.total),
      batch.map((p) => p.mark),
      batch.map((p) => p.journalMark),
      batch.map((p) => p.sex),
    )
  }
}
