import type { PrismaClient } from "../../db/client.ts"

type Auditor = Pick<PrismaClient, "auditLog">

/** Everything that changes who may do what, or what data is stored, leaves a line here. */
export async function audit(
  prisma: Auditor,
  entry: { actorId: number | null; action: string; subject?: string; details?: Record<string, unknown> },
): Promise<void> {
  await prisma.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      subject: entry.subject ?? null,
      details: (entry.details ?? undefined) as never,
    },
  })
}
