/**
 * The compact form in which the shipped specs are written (one tuple per task), and its expansion
 * into the shared {@link ProcedureSpec} shape.
 */
import type { ProcedureKind, ProcedureSpec, TaskLevel } from "../results.ts"

/** `[canonical label, maximum points, level]` in column order. */
export type TaskRow = readonly [label: string, max: number, level: TaskLevel | null]

export interface SpecDefinition {
  kind?: ProcedureKind
  year: number
  subject: string
  grade: number
  maxTotal: number
  /** Minimum primary score for «3», «4», «5»; null when no scale is known. */
  scale: readonly [number, number, number] | null
  source: string
  tasks: readonly TaskRow[]
}

/** Version of every spec shipped with the code; a coordinator's fix gets a higher one. */
export const SHIPPED_SPEC_VERSION = 1

export function spec(definition: SpecDefinition): ProcedureSpec {
  const scale = definition.scale
  return {
    kind: definition.kind ?? "ВПР",
    year: definition.year,
    subject: definition.subject,
    grade: definition.grade,
    version: SHIPPED_SPEC_VERSION,
    tasks: definition.tasks.map(([label, max, level]) => ({ label, max, level })),
    scale: scale === null ? null : { "3": scale[0], "4": scale[1], "5": scale[2] },
    maxTotal: definition.maxTotal,
    source: definition.source,
  }
}
