/**
 * ВПР 2022 task structures (formats.md §8.3): labels and maxima verified on the 2022 collection forms;
 * `source` says where levels and scales come from.
 */
import type { ProcedureSpec } from "../results.ts"
import { spec } from "./define.ts"

export const SPECS_2022: readonly ProcedureSpec[] = [
  spec({
    year: 2022, subject: "Математика", grade: 4, maxTotal: 20, scale: [6, 10, 15],
    source: "task labels and maxima verified from the file headers; levels from the 2021 official description (identical labels and maxima); scale assumed equal to 2021 (not verified for 2022)",
    tasks: [
      ["1", 1, "Б"], ["2", 1, "Б"], ["3", 2, "Б"], ["4", 1, "Б"], ["5.1", 1, "Б"], ["5.2", 1, "Б"],
      ["6.1", 1, "Б"], ["6.2", 1, "Б"], ["7", 1, "Б"], ["8", 2, "Б"], ["9.1", 1, "Б"], ["9.2", 1, "Б"],
      ["10", 2, "П"], ["11", 2, "Б"], ["12", 2, "П"],
    ],
  }),
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
  spec({
    year: 2022, subject: "Математика", grade: 5, maxTotal: 20, scale: [7, 11, 15],
    source: "task labels and maxima verified from the file headers; levels from the 2021 official description (identical labels and maxima); scale assumed equal to 2021 (not verified for 2022)",
    tasks: [
      ["1", 1, "Б"], ["2", 1, "Б"], ["3", 1, "Б"], ["4", 1, "Б"], ["5", 1, "Б"], ["6", 2, "Б"], ["7", 1, "Б"],
      ["8", 1, "Б"], ["9", 2, "Б"], ["10", 2, "Б"], ["11.1", 1, "Б"], ["11.2", 1, "Б"], ["12.1", 1, "Б"],
      ["12.2", 1, "Б"], ["13", 1, "П"], ["14", 2, "П"],
    ],
  }),
  spec({
    year: 2022, subject: "Русский язык", grade: 5, maxTotal: 45, scale: [18, 29, 39],
    source: "task labels and maxima verified from the file headers; levels from the 2021 official description (identical labels and maxima); scale assumed equal to 2021 (not verified for 2022)",
    tasks: [
      ["1К1", 4, "Б"], ["1К2", 3, "Б"], ["1К3", 2, "Б"], ["2К1", 3, "Б"], ["2К2", 3, "Б"], ["2К3", 3, "Б"],
      ["2К4", 3, "Б"], ["3", 2, "Б"], ["4.1", 3, "Б"], ["4.2", 2, "Б"], ["5.1", 2, "Б"], ["5.2", 2, "Б"],
      ["6.1", 2, "Б"], ["6.2", 1, "Б"], ["7.1", 2, "Б"], ["7.2", 1, "Б"], ["8", 2, "Б"], ["9", 2, "Б"],
      ["10", 1, "Б"], ["11", 1, "Б"], ["12", 1, "Б"],
    ],
  }),
  spec({
    year: 2022, subject: "История", grade: 6, maxTotal: 16, scale: null,
    source: "task labels and maxima verified from the file headers; levels unknown; scale unknown",
    tasks: [
      ["1", 2, null], ["2", 1, null], ["3", 3, null], ["4", 3, null], ["5", 1, null], ["6", 1, null],
      ["7", 2, null], ["8", 3, null],
    ],
  }),
  spec({
    year: 2022, subject: "Математика", grade: 6, maxTotal: 16, scale: [6, 10, 14],
    source: "task labels and maxima verified from the file headers; levels from the 2021 official description (identical labels and maxima); scale assumed equal to 2021 (not verified for 2022)",
    tasks: [
      ["1", 1, "Б"], ["2", 1, "Б"], ["3", 1, "Б"], ["4", 1, "Б"], ["5", 1, "Б"], ["6", 1, "Б"], ["7", 1, "П"],
      ["8", 1, "П"], ["9", 2, "П"], ["10", 1, "П"], ["11", 2, "П"], ["12", 1, "П"], ["13", 2, "В"],
    ],
  }),
  spec({
    year: 2022, subject: "Русский язык", grade: 6, maxTotal: 51, scale: [25, 35, 45],
    source: "task labels and maxima verified from the file headers; levels from the 2021 official description (identical labels and maxima); scale assumed equal to 2021 (not verified for 2022)",
    tasks: [
      ["1К1", 4, "Б"], ["1К2", 3, "Б"], ["1К3", 2, "Б"], ["2К1", 3, "Б"], ["2К2", 3, "Б"], ["2К3", 3, "Б"],
      ["2К4", 3, "Б"], ["3.1", 1, "Б"], ["3.2", 1, "Б"], ["4", 2, "Б"], ["5", 3, "Б"], ["6", 2, "Б"],
      ["7.1", 1, "Б"], ["7.2", 1, "Б"], ["8.1", 2, "Б"], ["8.2", 1, "Б"], ["9", 2, "Б"], ["10", 3, "Б"],
      ["11", 2, "Б"], ["12.1", 1, "Б"], ["12.2", 2, "Б"], ["13.1", 1, "Б"], ["13.2", 1, "Б"], ["14.1", 2, "Б"],
      ["14.2", 2, "Б"],
    ],
  }),
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
  spec({
    year: 2022, subject: "Математика", grade: 7, maxTotal: 19, scale: [7, 12, 16],
    source: "task labels and maxima verified from the file headers; levels as for 2021 (third-party tabulation consistent with the official level totals); scale assumed equal to 2021 (not verified for 2022)",
    tasks: [
      ["1", 1, "Б"], ["2", 1, "Б"], ["3", 1, "Б"], ["4", 1, "Б"], ["5", 1, "Б"], ["6", 1, "Б"], ["7", 1, "Б"],
      ["8", 1, "Б"], ["9", 1, "Б"], ["10", 1, "П"], ["11", 1, "Б"], ["12", 2, "Б"], ["13", 1, "Б"],
      ["14", 2, "П"], ["15", 1, "П"], ["16", 2, "П"],
    ],
  }),
  spec({
    year: 2022, subject: "Математика", grade: 8, maxTotal: 25, scale: [8, 15, 21],
    source: "task labels and maxima verified from the file headers; levels from the official 2021 plan (identical structure); scale assumed equal to 2021 (not verified for 2022)",
    tasks: [
      ["1", 1, "Б"], ["2", 1, "Б"], ["3", 1, "Б"], ["4", 1, "Б"], ["5", 1, "Б"], ["6", 2, "П"], ["7", 1, "Б"],
      ["8", 2, "П"], ["9", 1, "Б"], ["10", 1, "Б"], ["11", 1, "Б"], ["12", 1, "Б"], ["13", 1, "Б"],
      ["14", 1, "Б"], ["15", 2, "П"], ["16.1", 1, "П"], ["16.2", 1, "П"], ["17", 1, "П"], ["18", 2, "П"],
      ["19", 2, "В"],
    ],
  }),
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
    tasks: [
      ["1", 1, "Б"], ["2", 1, "Б"], ["3", 2, "Б"], ["4", 1, "Б"], ["5", 1, "Б"], ["6", 1, "П"], ["7", 1, "Б"],
      ["8", 1, "П"], ["9", 1, "Б"], ["10", 1, "Б"], ["11", 1, "Б"], ["12", 2, "Б"], ["13", 1, "П"],
      ["14", 1, "Б"], ["15", 1, "Б"], ["16", 1, "П"], ["17К1", 2, "П"], ["17К2", 1, "П"],
    ],
  }),
  spec({
    year: 2022, subject: "Английский язык", grade: 11, maxTotal: 32, scale: [11, 18, 25],
    source: "task labels and maxima verified from the file headers; levels unknown (the description uses its own level scheme); scale from third-party code used for 2021 and 2022 (no official scale text at hand)",
    tasks: [
      ["1", 5, null], ["2", 5, null], ["3", 6, null], ["4", 6, null], ["5К1", 1, null], ["5К2", 2, null],
      ["6К1", 3, null], ["6К2", 2, null], ["6К3", 2, null],
    ],
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
    tasks: [
      ["1", 1, "Б"], ["2", 1, "Б"], ["3", 2, "Б"], ["4", 1, "Б"], ["5", 1, "Б"], ["6", 1, "П"], ["7", 1, "Б"],
      ["8", 1, "П"], ["9", 1, "Б"], ["10", 1, "Б"], ["11", 1, "Б"], ["12", 2, "Б"], ["13", 1, "П"],
      ["14", 1, "Б"], ["15", 1, "Б"], ["16", 1, "П"], ["17К1", 2, "П"], ["17К2", 1, "П"],
    ],
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
    tasks: [
      ["1", 5, null], ["2", 5, null], ["3", 6, null], ["4", 6, null], ["5К1", 1, null], ["5К2", 2, null],
      ["6К1", 3, null], ["6К2", 2, null], ["6К3", 2, null],
    ],
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
    tasks: [
      ["1", 5, null], ["2", 5, null], ["3", 6, null], ["4", 6, null], ["5К1", 1, null], ["5К2", 2, null],
      ["6К1", 3, null], ["6К2", 2, null], ["6К3", 2, null],
    ],
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
