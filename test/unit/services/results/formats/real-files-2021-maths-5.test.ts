import { describe } from "vitest"
import { hasData } from "./real-data.ts"
import { defineExportChecks } from "./real-2021-suite.ts"

// One export per file: vitest runs the four in parallel (each is a 26,000-row workbook read twice: parsed, and counted independently).
describe.skipIf(!hasData)("real 2021 regional exports: mathematics (layout C), grade 5", () => {
  defineExportChecks({
    file: "Проведение работы по математике, 5 класс. ВПР 2021.xlsx", subject: "Математика", grade: 5,
    rows: 26139, schools: 637, schoolsWithPresent: 634, absent: 2433, present: 23706, withTotal: 23705,
    meanRecorded: 9.6451, sd: 3.9103, meanRecomputed: 9.6437, totalDiffers: 9, positions: 16,
    // 13,597 `не пройд.` cells plus 35 Latin `H` cells of one school (formats.md §3), read the same way.
    aboveMax: 1, aboveMaxRows: 1, notTaught: 13597 + 35, longerRows: 14, noJournalMark: 8,
    marks: [3509, 9735, 7638, 2823], journal: [23697, 8385, 13640, 1672],
    fioko2019: { ruleA: 111, ruleB: 1, ruleATolerance: 1 },
  })
})
