import { describe } from "vitest"
import { hasData } from "./real-data.ts"
import { defineExportChecks } from "./real-2021-suite.ts"

// One export per file: vitest runs the four in parallel (each is a 26,000-row workbook read twice: parsed, and counted independently).
describe.skipIf(!hasData)("real 2021 regional exports: Russian (layout C), grade 5", () => {
  defineExportChecks({
    file: "Проведение работы по русскому языку, 5 класс. ВПР 2021.xlsx", subject: "Русский язык", grade: 5,
    rows: 26501, schools: 637, schoolsWithPresent: 633, absent: 2716, present: 23785, withTotal: 23785,
    meanRecorded: 26.1164, sd: 9.6638, meanRecomputed: 26.1164, totalDiffers: 0, positions: 21,
    aboveMax: 8, notTaught: 365, longerRows: 0, noJournalMark: 9,
    marks: [3535, 9661, 7928, 2661], journal: [23771, 7966, 14238, 1567],
    fioko2019: { ruleA: 114, ruleB: 1 },
  })
})
