import { describe } from "vitest"
import { hasData } from "./real-data.ts"
import { defineExportChecks } from "./real-2021-suite.ts"

// One export per file: vitest runs the four in parallel (each is a 26,000-row workbook read twice: parsed, and counted independently).
describe.skipIf(!hasData)("real 2021 regional exports: Russian (layout C), grade 4", () => {
  defineExportChecks({
    file: "Проведение работы по русскому языку, 4 класс. ВПР 2021.xlsx", subject: "Русский язык", grade: 4,
    rows: 26595, schools: 632, schoolsWithPresent: 628, absent: 1626, present: 24969, withTotal: 24969,
    meanRecorded: 24.6818, sd: 7.6584, meanRecomputed: 24.6745, totalDiffers: 64, positions: 20,
    aboveMax: 12, notTaught: 98, longerRows: 83, noJournalMark: 2,
    marks: [1898, 7888, 11226, 3957], journal: [24956, 4816, 17095, 3045],
    fioko2019: { ruleA: 94, ruleB: 0 },
  })
})
