import type { PrismaClient } from "../../db/client.ts"
import type { MarkScale, ProcedureSpec, TaskSpec } from "../../domain/results.ts"
import { findSpec, PROCEDURE_SPECS } from "../../domain/procedures/index.ts"

type Tx = Pick<PrismaClient, "procedureSpec">

/** The row of this exact spec version, created on first use (shipped specs are stored when first read with). */
export async function ensureSpecRow(tx: Tx, spec: ProcedureSpec): Promise<number> {
  const key = { kind: spec.kind, year: spec.year, subject: spec.subject, grade: spec.grade, version: spec.version }
  const existing = await tx.procedureSpec.findUnique({ where: { kind_year_subject_grade_version: key } })
  if (existing) return existing.id
  const created = await tx.procedureSpec.create({
    data: { ...key, tasks: spec.tasks as never, scale: (spec.scale ?? undefined) as never, maxTotal: spec.maxTotal, source: spec.source },
  })
  return created.id
}

export function specFromRow(row: {
  kind: string
  year: number
  subject: string
  grade: number
  version: number
  tasks: unknown
  scale: unknown
  maxTotal: number
  source: string
}): ProcedureSpec {
  return {
    kind: row.kind as ProcedureSpec["kind"],
    year: row.year,
    subject: row.subject,
    grade: row.grade,
    version: row.version,
    tasks: row.tasks as TaskSpec[],
    scale: (row.scale as MarkScale | null) ?? null,
    maxTotal: row.maxTotal,
    source: row.source,
  }
}

/**
 * Every spec that applies: the shipped ones, overridden by newer region-wide versions (an admin's) and by newer
 * versions of the given municipalities' coordinators. Without municipalities, only region-wide specs apply.
 */
export async function listSpecs(prisma: Pick<PrismaClient, "procedureSpec">, municipalityIds: readonly number[] = []): Promise<ProcedureSpec[]> {
  const where = { OR: [{ municipalityId: null }, { municipalityId: { in: [...municipalityIds] } }] }
  const stored = (await prisma.procedureSpec.findMany({ where, orderBy: { version: "asc" } })).map(specFromRow)
  const latest = new Map<string, ProcedureSpec>()
  for (const spec of [...PROCEDURE_SPECS, ...stored]) {
    const id = `${spec.kind}|${spec.year}|${spec.subject}|${spec.grade}`
    const current = latest.get(id)
    if (!current || spec.version >= current.version) latest.set(id, spec)
  }
  return [...latest.values()]
}

/**
 * Stores a new or corrected spec as the next version (numbered across every scope, so a version names one spec),
 * region-wide or for one municipality.
 */
export async function saveSpecVersion(
  prisma: Pick<PrismaClient, "procedureSpec">,
  spec: Omit<ProcedureSpec, "version">,
  createdById: number,
  municipalityId: number | null = null,
): Promise<ProcedureSpec> {
  const shipped = findSpec(spec, PROCEDURE_SPECS)
  const stored = await prisma.procedureSpec.aggregate({
    where: { kind: spec.kind, year: spec.year, subject: spec.subject, grade: spec.grade },
    _max: { version: true },
  })
  const version = Math.max(shipped?.version ?? 0, stored._max.version ?? 0) + 1
  const row = await prisma.procedureSpec.create({
    data: {
      kind: spec.kind,
      year: spec.year,
      subject: spec.subject,
      grade: spec.grade,
      version,
      tasks: spec.tasks as never,
      scale: (spec.scale ?? undefined) as never,
      maxTotal: spec.maxTotal,
      source: spec.source,
      createdById,
      municipalityId,
    },
  })
  return specFromRow(row)
}
