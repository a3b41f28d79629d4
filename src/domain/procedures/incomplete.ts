/**
 * Tests whose total and scale are known but whose task columns are not (formats.md §8.3, `"tasks": null`).
 * They cannot be parsed until a coordinator sends a spec workbook; these figures prefill it.
 */
import type { MarkScale, ProcedureKey } from "../results.ts"

/** A test whose total and scale are known but whose task columns are not: a starting point for a spec workbook. */
export interface IncompleteSpec extends ProcedureKey {
  maxTotal: number
  scale: MarkScale | null
  source: string
}

export const INCOMPLETE_SPECS: readonly IncompleteSpec[] = [
  {
    kind: "ВПР", year: 2021, subject: "Русский язык", grade: 7, maxTotal: 47,
    scale: { "3": 22, "4": 32, "5": 42 },
    source: "official scale and total only (per-position split not established)",
  },
]
