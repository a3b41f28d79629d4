import { describe } from "vitest"
import { hasData } from "./real-data.ts"
import { defineExportChecks } from "./real-2021-suite.ts"

// One export per file: vitest runs the four in parallel (each is a 26,000-row workbook read twice: parsed, and counted independently).
describe.skipIf(!hasData)("real 2021 regional exports: mathematics (layout C), grade 4", () => {
  defineExportChecks({
    file: "Проведение работы по математике, 4 класс. ВПР 2021.xlsx", subject: "Математика", grade: 4,
    rows: 26666, schools: 635, schoolsWithPresent: 631, absent: 1732, present: 24934, withTotal: 24933,
    meanRecorded: 12.0146, sd: 3.7846, meanRecomputed: 12.0094, totalDiffers: 34, positions: 15,
    aboveMax: 169, aboveMaxRows: 58, notTaught: 88, longerRows: 36, noJournalMark: 5,
    marks: [826, 5887, 11513, 6707], journal: [24928, 3209, 16277, 5442],
    fioko2019: { ruleA: 80, ruleB: 0 },
  })
})
