import { findSpec } from "../../src/domain/procedures/index.ts"
import type { ProcedureSpec } from "../../src/domain/results.ts"
import { collectionForm as fixtureForm, type FixtureRow } from "./fixtures/workbooks.ts"

/** Mathematics grade 4 of 2022: the test the end-to-end dialogs upload. */
export const MATH_4_2022 = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 }) as ProcedureSpec

/** A school's own collection form (layout A: «Классы» and «Протокол», no aggregator columns, no login). */
export function collectionForm(rows: FixtureRow[]): Promise<Buffer> {
  return fixtureForm({ spec: MATH_4_2022, aggregated: false, rows })
}

/** A class of `count` pupils with varied, valid scores (deterministic). */
export function classRows(count: number, firstCode = 40001): FixtureRow[] {
  return Array.from({ length: count }, (_, index) => ({
    code: firstCode + index,
    variant: 1 + (index % 2),
    scores: MATH_4_2022.tasks.map((task, t) => ((index + t) % 3 === 0 ? 0 : Math.min(task.max, 1 + ((index * t) % task.max)))),
    className: "4А",
    sex: "м",
    journal: 3 + (index % 3),
  }))
}
