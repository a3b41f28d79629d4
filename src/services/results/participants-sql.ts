import type { ParticipantResult } from "../../domain/results.ts"
import type { PrismaClient } from "../../db/client.ts"

type Executor = Pick<PrismaClient, "$executeRawUnsafe">

const BATCH = 5_000

/**
 * Inserts participants with one `INSERT … SELECT FROM unnest(…)` per 5,000 rows: a regional file is ~26,000
 * pupils, and row-by-row or createMany inserts were several times slower (bench/import.ts measures it).
 * A pupil's task cells travel as a Postgres array literal and are cast back to int[].
 */
export async function insertParticipants(tx: Executor, resultSetId: number, participants: ParticipantResult[]): Promise<void> {
  for (let start = 0; start < participants.length; start += BATCH) {
    const batch = participants.slice(start, start + BATCH)
    await tx.$executeRawUnsafe(
      `INSERT INTO "Participant" ("resultSetId", "code", "className", "variant", "absent", "cells", "total", "mark", "journalMark", "sex")
       SELECT $1, code, class_name, variant, absent, cells::int[], total, mark, journal_mark, sex
       FROM unnest($2::text[], $3::text[], $4::int[], $5::boolean[], $6::text[], $7::int[], $8::int[], $9::int[], $10::text[])
         AS t(code, class_name, variant, absent, cells, total, mark, journal_mark, sex)`,
      resultSetId,
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
