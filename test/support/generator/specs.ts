/**
 * The four 2021 ВПР specs of the real regional exports (formats.md §8), so generated regions have the
 * real task structure: criteria tasks, levels, scales. Kept here so tests do not depend on the spec catalogue.
 */
import type { MarkScale, ProcedureSpec, TaskLevel, TaskSpec } from "../../../src/domain/results.ts"

function tasks(labels: string[], maxima: number[], levels: (TaskLevel | null)[]): TaskSpec[] {
  return labels.map((label, i) => ({ label, max: maxima[i] ?? 1, level: levels[i] ?? null }))
}

function spec(subject: string, grade: number, taskList: TaskSpec[], scale: MarkScale): ProcedureSpec {
  return {
    kind: "ВПР",
    year: 2021,
    subject,
    grade,
    version: 1,
    tasks: taskList,
    scale,
    maxTotal: taskList.reduce((s, t) => s + t.max, 0),
    source: "generator: formats.md §8 (2021)",
  }
}

const B = "Б" as const
const P = "П" as const

export const MATH_4_2021 = spec(
  "Математика",
  4,
  tasks(
    ["1", "2", "3", "4", "5.1", "5.2", "6.1", "6.2", "7", "8", "9.1", "9.2", "10", "11", "12"],
    [1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 2, 2, 2],
    [B, B, B, B, B, B, B, B, B, B, B, B, P, B, P],
  ),
  { "3": 6, "4": 10, "5": 15 },
)

export const RUSSIAN_4_2021 = spec(
  "Русский язык",
  4,
  tasks(
    ["1К1", "1К2", "2", "3.1", "3.2", "4", "5", "6", "7", "8", "9", "10", "11", "12.1", "12.2", "13.1", "13.2", "14", "15.1", "15.2"],
    [4, 3, 3, 1, 3, 2, 1, 2, 3, 2, 1, 1, 2, 1, 2, 1, 2, 1, 2, 1],
    [B, B, B, B, B, B, B, B, B, B, B, B, B, P, P, P, P, B, B, B],
  ),
  { "3": 14, "4": 24, "5": 33 },
)

export const MATH_5_2021 = spec(
  "Математика",
  5,
  tasks(
    ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11.1", "11.2", "12.1", "12.2", "13", "14"],
    [1, 1, 1, 1, 1, 2, 1, 1, 2, 2, 1, 1, 1, 1, 1, 2],
    [B, B, B, B, B, B, B, B, B, B, B, B, B, B, P, P],
  ),
  { "3": 7, "4": 11, "5": 15 },
)

/** All tasks are basic here: hard tasks must be found from completion, which the signs have to handle. */
export const RUSSIAN_5_2021 = spec(
  "Русский язык",
  5,
  tasks(
    ["1К1", "1К2", "1К3", "2К1", "2К2", "2К3", "2К4", "3", "4.1", "4.2", "5.1", "5.2", "6.1", "6.2", "7.1", "7.2", "8", "9", "10", "11", "12"],
    [4, 3, 2, 3, 3, 3, 3, 2, 3, 2, 2, 2, 2, 1, 2, 1, 2, 2, 1, 1, 1],
    Array.from({ length: 21 }, () => B),
  ),
  { "3": 18, "4": 29, "5": 39 },
)

export const SPECS_2021 = [MATH_4_2021, RUSSIAN_4_2021, MATH_5_2021, RUSSIAN_5_2021] as const
