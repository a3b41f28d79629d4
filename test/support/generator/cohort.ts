/**
 * A cohort pair for S7: the same schools writing grade N in year Y and grade N+1 in year Y+1. Both years come
 * from the same seed, so each school keeps its ability and size; manipulations are injected in the earlier
 * year only (the later year is written honestly), which is the fall that S7 is meant to catch.
 */
import type { ProcedureSpec } from "../../../src/domain/results.ts"
import { generateRegion, type GeneratedRegion, type RegionOptions } from "./region.ts"

export interface CohortOptions extends Omit<RegionOptions, "spec"> {
  earlierSpec: ProcedureSpec
  laterSpec: ProcedureSpec
}

export function generateCohort(options: CohortOptions): { earlier: GeneratedRegion; later: GeneratedRegion } {
  const { earlierSpec, laterSpec, ...rest } = options
  const earlier = generateRegion({ ...rest, spec: earlierSpec })
  const later = generateRegion({
    ...rest,
    seed: rest.seed,
    manipulatedShare: 0,
    spec: { ...laterSpec, year: earlierSpec.year + 1, grade: earlierSpec.grade + 1 },
  })
  return { earlier, later }
}
