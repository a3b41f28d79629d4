import type { PrismaClient } from "../../src/db/client.ts"
import type { Prisma } from "../../src/generated/prisma/client.ts"
import type { ParticipantResult } from "../../src/domain/results.ts"
import { readParticipants } from "../../src/services/participants/read.ts"

/** Every stored participant of the result sets `where` picks (all versions unless it says otherwise), as the readers see them. */
export async function storedParticipants(prisma: PrismaClient, where: Prisma.ResultSetWhereInput = {}): Promise<ParticipantResult[]> {
  const sets = await prisma.resultSet.findMany({ where, orderBy: { id: "asc" }, select: { id: true, packed: true, school: { select: { key: true } } } })
  const read = await readParticipants(
    prisma,
    sets.map((set) => ({ id: set.id, key: set.school.key, packed: set.packed === null ? null : Buffer.from(set.packed).toString("base64") })),
  )
  return sets.flatMap((set) => read.get(set.id)!)
}
