/**
 * ВПР 2022 task structures (formats.md §8.3): labels and maxima verified on the 2022 collection forms;
 * `source` says where levels and scales come from.
 */
import type { ProcedureSpec } from "../results.ts"
import { spec, type TaskRow } from "./define.ts"
import { SPECS_2021 } from "./catalogue-2021.ts"

/** 2022 forms whose task columns and maxima equal 2021's (formats.md §8.2): the 2021 structure, re-dated. */
function sameStructureAs2021(subject: string, grade: number, source: string): ProcedureSpec {
  const base = SPECS_2021.find((candidate) => candidate.subject === subject && candidate.grade === grade)
  if (!base) throw new Error(`No 2021 spec for ${subject} ${grade}`)
  return { ...base, year: 2022, source }
}

/** Geography is one test in grades 10 and 11 (the same headers in both 2022 files). */
const GEOGRAPHY_10_11: readonly TaskRow[] = [
      ["1", 1, "Б"], ["2", 1, "Б"], ["3", 2, "Б"], ["4", 1, "Б"], ["5", 1, "Б"], ["6", 1, "П"], ["7", 1, "Б"],
      ["8", 1, "П"], ["9", 1, "Б"], ["10", 1, "Б"], ["11", 1, "Б"], ["12", 2, "Б"], ["13", 1, "П"],
      ["14", 1, "Б"], ["15", 1, "Б"], ["16", 1, "П"], ["17К1", 2, "П"], ["17К2", 1, "П"],
]

/** English, German and French of grade 11 share one structure. */
const FOREIGN_LANGUAGE_11: readonly TaskRow[] = [
      ["1", 5, null], ["2", 5, null], ["3", 6, null], ["4", 6, null], ["5К1", 1, null], ["5К2", 2, null],
      ["6К1", 3, null], ["6К2", 2, null], ["6К3", 2, null],
]

export const SPECS_2022: readonly ProcedureSpec[] = [
  sameStructureAs2021("Математика", 4, "task labels and maxima verified from the file headers; levels from the 2021 official description (identical labels and maxima); scale assumed equal to 2021 (not verified for 2022)"),
  spec({
    year: 2022, subject: "Биология", grade: 5, maxTotal: 29, scale: [12, 18, 24],
    source: "task labels and maxima verified from the file headers; all basic in 2021 (official); assumed unchanged; scale assumed equal to 2021 (not verified for 2022)",
    tasks: [
      ["1.1", 1, "Б"], ["1.2", 2, "Б"], ["1.3", 2, "Б"], ["2.1", 1, "Б"], ["2.2", 1, "Б"], ["3.1", 2, "Б"],
      ["3.2", 1, "Б"], ["4.1", 1, "Б"], ["4.2", 1, "Б"], ["4.3", 1, "Б"], ["5", 2, "Б"], ["6.1", 1, "Б"],
      ["6.2", 1, "Б"], ["7.1", 2, "Б"], ["7.2", 3, "Б"], ["8", 2, "Б"], ["9", 2, "Б"], ["10К1", 1, "Б"],
      ["10К2", 1, "Б"], ["10К3", 1, "Б"],
    ],
  }),
  spec({
    year: 2022, subject: "История", grade: 5, maxTotal: 15, scale: null,
    source: "task labels and maxima verified from the file headers; levels unknown; scale unknown",
    tasks: [
      ["1", 2, null], ["2", 1, null], ["3", 3, null], ["4", 3, null], ["5", 1, null], ["6", 2, null],
      ["7", 3, null],
    ],
  }),
  sameStructureAs2021("Математика", 5, "task labels and maxima verified from the file headers; levels from the 2021 official description (identical labels and maxima); scale assumed equal to 2021 (not verified for 2022)"),
  sameStructureAs2021("Русский язык", 5, "task labels and maxima verified from the file headers; levels from the 2021 official description (identical labels and maxima); scale assumed equal to 2021 (not verified for 2022)"),
  spec({
    year: 2022, subject: "История", grade: 6, maxTotal: 16, scale: null,
    source: "task labels and maxima verified from the file headers; levels unknown; scale unknown",
    tasks: [
      ["1", 2, null], ["2", 1, null], ["3", 3, null], ["4", 3, null], ["5", 1, null], ["6", 1, null],
      ["7", 2, null], ["8", 3, null],
    ],
  }),
  sameStructureAs2021("Математика", 6, "task labels and maxima verified from the file headers; levels from the 2021 official description (identical labels and maxima); scale assumed equal to 2021 (not verified for 2022)"),
  sameStructureAs2021("Русский язык", 6, "task labels and maxima verified from the file headers; levels from the 2021 official description (identical labels and maxima); scale assumed equal to 2021 (not verified for 2022)"),
  spec({
    year: 2022, subject: "География", grade: 7, maxTotal: 35, scale: null,
    source: "task labels and maxima verified from the file headers; levels unknown; scale unknown",
    tasks: [
      ["1.1", 2, null], ["1.2", 2, null], ["1.3", 2, null], ["2.1", 2, null], ["2.2", 2, null],
      ["2.3", 2, null], ["3.1", 2, null], ["3.2", 2, null], ["3.3", 2, null], ["4.1", 1, null],
      ["4.2", 2, null], ["5.1", 2, null], ["5.2", 3, null], ["6.1", 1, null], ["6.2", 1, null],
      ["6.3", 1, null], ["7.1", 2, null], ["7.2", 1, null], ["8.1", 1, null], ["8.2", 2, null],
    ],
  }),
  sameStructureAs2021("Математика", 7, "task labels and maxima verified from the file headers; levels as for 2021 (third-party tabulation consistent with the official level totals); scale assumed equal to 2021 (not verified for 2022)"),
  sameStructureAs2021("Математика", 8, "task labels and maxima verified from the file headers; levels from the official 2021 plan (identical structure); scale assumed equal to 2021 (not verified for 2022)"),
  spec({
    year: 2022, subject: "Физика", grade: 8, maxTotal: 18, scale: [5, 8, 11],
    source: "task labels and maxima verified from the file headers; levels from the 2021 official description (identical labels and maxima); scale assumed equal to 2021 (not verified for 2022)",
    tasks: [
      ["1", 1, "Б"], ["2", 2, "Б"], ["3", 1, "Б"], ["4", 1, "Б"], ["5", 1, "Б"], ["6", 1, "П"], ["7", 1, "П"],
      ["8", 2, "П"], ["9", 2, "П"], ["10", 3, "В"], ["11", 3, "В"],
    ],
  }),
  spec({
    year: 2022, subject: "География", grade: 10, maxTotal: 21, scale: [7, 13, 18],
    source: "task labels and maxima verified from the file headers; levels copied from a third-party tabulation of the 2021 description (identical labels and maxima; not checked against the official text); scale from third-party code used for 2021 and 2022 (no official scale text at hand)",
    tasks: GEOGRAPHY_10_11,
  }),
  spec({
    year: 2022, subject: "Английский язык", grade: 11, maxTotal: 32, scale: [11, 18, 25],
    source: "task labels and maxima verified from the file headers; levels unknown (the description uses its own level scheme); scale from third-party code used for 2021 and 2022 (no official scale text at hand)",
    tasks: FOREIGN_LANGUAGE_11,
  }),
  spec({
    year: 2022, subject: "Биология", grade: 11, maxTotal: 32, scale: [11, 18, 25],
    source: "task labels and maxima verified from the file headers; levels unknown; scale from third-party code used for 2021 and 2022 (no official scale text at hand)",
    tasks: [
      ["1.1", 1, null], ["1.2", 1, null], ["2.1", 2, null], ["2.2", 2, null], ["2.3", 2, null], ["3", 1, null],
      ["4", 1, null], ["5", 2, null], ["6.1", 1, null], ["6.2", 1, null], ["7", 2, null], ["8", 1, null],
      ["9", 2, null], ["10.1", 1, null], ["10.2", 1, null], ["11.1", 1, null], ["11.2", 2, null],
      ["12.1", 1, null], ["12.2", 1, null], ["12.3", 1, null], ["13", 3, null], ["14", 2, null],
    ],
  }),
  spec({
    year: 2022, subject: "География", grade: 11, maxTotal: 21, scale: [7, 13, 18],
    source: "task labels and maxima verified from the file headers; levels copied from a third-party tabulation of the 2021 description (identical labels and maxima; not checked against the official text); scale from third-party code used for 2021 and 2022 (no official scale text at hand)",
    tasks: GEOGRAPHY_10_11,
  }),
  spec({
    year: 2022, subject: "История", grade: 11, maxTotal: 21, scale: [7, 13, 18],
    source: "task labels and maxima verified from the file headers; levels copied from a third-party tabulation of the 2021 description (identical labels and maxima; not checked against the official text); scale from third-party code used for 2021 and 2022 (no official scale text at hand)",
    tasks: [
      ["1", 1, "Б"], ["2", 2, "Б"], ["3", 2, "Б"], ["4", 1, "П"], ["5", 4, "Б"], ["6", 1, "Б"], ["7", 1, "Б"],
      ["8", 2, "Б"], ["9", 1, "П"], ["10К1", 1, "Б"], ["10К2", 2, "П"], ["11", 2, "Б"], ["12", 1, "П"],
    ],
  }),
  spec({
    year: 2022, subject: "Немецкий язык", grade: 11, maxTotal: 32, scale: [11, 18, 25],
    source: "task labels and maxima verified from the file headers; levels unknown (the description uses its own level scheme); scale from third-party code used for 2021 and 2022 (no official scale text at hand)",
    tasks: FOREIGN_LANGUAGE_11,
  }),
  spec({
    year: 2022, subject: "Физика", grade: 11, maxTotal: 26, scale: [9, 16, 21],
    source: "task labels and maxima verified from the file headers; levels unknown; scale from third-party code used for 2021 and 2022 (no official scale text at hand)",
    tasks: [
      ["1", 2, null], ["2", 2, null], ["3", 1, null], ["4", 1, null], ["5", 1, null], ["6", 1, null],
      ["7", 2, null], ["8", 2, null], ["9", 2, null], ["10", 1, null], ["11", 1, null], ["12", 2, null],
      ["13", 2, null], ["14", 1, null], ["15", 1, null], ["16", 1, null], ["17", 1, null], ["18", 2, null],
    ],
  }),
  spec({
    year: 2022, subject: "Французский язык", grade: 11, maxTotal: 32, scale: [11, 18, 25],
    source: "task labels and maxima verified from the file headers; levels unknown (the description uses its own level scheme); scale from third-party code used for 2021 and 2022 (no official scale text at hand)",
    tasks: FOREIGN_LANGUAGE_11,
  }),
  spec({
    year: 2022, subject: "Химия", grade: 11, maxTotal: 33, scale: [11, 20, 28],
    source: "task labels and maxima verified from the file headers; levels from a third-party tabulation of the 2021 description, consistent with the official level totals; scale from third-party code used for 2021 and 2022 (no official scale text at hand)",
    tasks: [
      ["1", 2, "Б"], ["2", 2, "Б"], ["3", 1, "Б"], ["4", 2, "Б"], ["5", 2, "Б"], ["6", 2, "Б"], ["7", 2, "Б"],
      ["8", 2, "Б"], ["9", 3, "П"], ["10", 3, "П"], ["11", 2, "Б"], ["12", 2, "Б"], ["13", 3, "П"],
      ["14", 3, "П"], ["15", 2, "Б"],
    ],
  }),
]
