/** ВПР 2026 (new format since 2025), from secondary sources (formats.md §8.1–8.3). */
import type { ProcedureSpec } from "../results.ts"
import { spec } from "./define.ts"

export const SPECS_2026: readonly ProcedureSpec[] = [
  spec({
    year: 2026, subject: "Русский язык", grade: 4, maxTotal: 24, scale: [10, 16, 21],
    source: "secondary: task maxima and scale from the published FIOKO 2026 demo version (as reproduced by a third-party site); levels from a third-party codification of the 2026 description; criteria split reported by a third party (9 = 9.1 + 9.2, 10 = 10.1 + 10.2, 12 = 12.1 + 12.2), not verified on a real file",
    tasks: [
      ["1", 2, "Б"], ["2", 1, "Б"], ["3", 2, "Б"], ["4", 3, "Б"], ["5", 2, "Б"], ["6", 1, "Б"], ["7", 1, "Б"],
      ["8", 2, "Б"], ["9", 3, "П"], ["10", 3, "П"], ["11", 1, "Б"], ["12", 3, "Б"],
    ],
  }),
  spec({
    year: 2026, subject: "Математика", grade: 4, maxTotal: 18, scale: null,
    source: "secondary: third-party codification of the FIOKO 2026 description; scale not found",
    tasks: [
      ["1", 1, "Б"], ["2", 1, "Б"], ["3", 2, "Б"], ["4", 1, "Б"], ["5.1", 1, "Б"], ["5.2", 1, "Б"],
      ["6.1", 1, "Б"], ["6.2", 1, "Б"], ["7", 1, "Б"], ["8", 2, "Б"], ["9.1", 1, "П"], ["9.2", 1, "П"],
      ["10", 2, "П"], ["11", 2, "П"],
    ],
  }),
]
