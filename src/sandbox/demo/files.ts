import { findSpec } from "../../domain/procedures/index.ts"
import type { ProcedureSpec } from "../../domain/results.ts"
import { formatTaskHeader } from "../../domain/task-header.ts"
import { newWorkbook, workbookBytes } from "../../services/workbooks/new-workbook.ts"

/** The demo municipality and its schools, with FIS OKO logins as in the real directory. */
export const DEMO_MUNICIPALITY = { code: "reg22_m019", name: "Красногорский муниципальный район", timeZone: "Asia/Barnaul" }

export interface DemoSchool {
  login: string
  name: string
  /** Settlement type option of the context form: 1 city, 2 town, 3 village. */
  settlement: number
  pupils: number
  /** The demo's one school whose marks are inflated, so the analysis has something to find. */
  inflated?: boolean
}

export const DEMO_SCHOOLS: readonly DemoSchool[] = [
  { login: "edu223017", name: 'МБОУ "Лицей № 2"', settlement: 2, pupils: 820 },
  { login: "edu223018", name: 'МБОУ "СОШ № 1"', settlement: 2, pupils: 610 },
  { login: "edu223019", name: 'МБОУ "СОШ № 3"', settlement: 2, pupils: 540, inflated: true },
  { login: "edu223020", name: 'МКОУ "Усятская СОШ"', settlement: 3, pupils: 180 },
  { login: "edu223021", name: 'МКОУ "Быстрянская СОШ"', settlement: 3, pupils: 210 },
  { login: "edu223022", name: 'МКОУ "Новозыряновская ООШ"', settlement: 3, pupils: 95 },
]

/** A file the web chat offers a persona to send: something real to try each service with. */
export interface DemoFile {
  name: string
  /** One line in the web chat (Russian). */
  description: string
  build(): Promise<Buffer>
}

const SETTLEMENTS = ["", "1. Город", "2. Поселок городского типа", "3. Сельский населенный пункт"]

/** The FIS OKO context-data form of 2021 («Сбор контекстных данных об ОО»), the real directory format. */
export async function directoryForm(): Promise<Buffer> {
  const workbook = newWorkbook()
  const sheet = workbook.addWorksheet("Сбор контекстных данных об ОО и")
  sheet.addRow([
    "логин", "Код региона", "Название ОО", "Где расположена Ваша образовательная организация?",
    "Каков размер населенного пункта, в котором расположена ОО? ", "ОО является специальной (коррекционной)?",
    "ОО является вечерней (сменной)?", "ОО является школой-интернатом?",
    "Укажите количество обучающихся в ОО в 2020/2021 учебном году (в сумме по всем классам)",
  ])
  for (const school of DEMO_SCHOOLS) {
    const size = school.settlement === 3 ? "2. 1–5 тыс. человек" : "4. 20–50 тыс. человек"
    sheet.addRow([school.login, 22, school.name, SETTLEMENTS[school.settlement], size, "Нет", "Нет", "Нет", school.pupils])
  }
  return await workbookBytes(workbook)
}

/** Mathematics, grade 4, 2022: a procedure every part of the analysis knows. */
export function demoSpec(): ProcedureSpec {
  const spec = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })
  if (!spec) throw new Error("the catalogue lost ВПР 2022 mathematics grade 4")
  return spec
}

export const RESULTS_FILE_NAME = "ВПР 2022 Математика 4 класс.xlsx"

/**
 * A municipal collection form (FIS OKO layout B: «Классы» and «Протокол» with the aggregator columns) for the demo
 * schools: two classes each, scores drawn from a seeded generator, and marks in one school that its scores do not
 * support — the kind of thing the analysis exists to find.
 */
export async function resultsForm(): Promise<Buffer> {
  const spec = demoSpec()
  const random = seeded(20220415)
  const workbook = newWorkbook()
  const aggregator = ["Пользователь", "Код региона", "Регион", "Муниципалитет", "Школа", "Дата загрузки"]
  const place = (school: DemoSchool) => [
    school.login, 22, "reg220000 | Алтайский край", `${DEMO_MUNICIPALITY.code} | ${DEMO_MUNICIPALITY.name}`,
    `${school.login} | ${school.name}`, "15.04.2022 10:12:40",
  ]
  const classes = workbook.addWorksheet("Классы")
  classes.addRow([...aggregator, 'Буква (цифра) класса. Введите "нет" - если отсутствует', "Основной учебник по предмету"])
  const protocol = workbook.addWorksheet("Протокол")
  protocol.addRow([
    ...aggregator, "Код", "Вариант", ...spec.tasks.map((task) => formatTaskHeader(task)),
    "Наименование класса", "Пол", "Отметка за предыдущий триместр/ четверть/полугодие", "Итого баллов",
  ])
  const maxTotal = spec.tasks.reduce((sum, task) => sum + task.max, 0)
  let code = 10001
  for (const school of DEMO_SCHOOLS) {
    const strength = school.settlement === 3 ? -0.4 : school.login === "edu223017" ? 0.6 : 0
    for (const letter of ["А", "Б"]) {
      classes.addRow([...place(school), letter, "ma4.8 | 1.1.3.1.8.4 | Моро М.И. Математика"])
      const size = 18 + Math.floor(random() * 8)
      for (let pupil = 0; pupil < size; pupil++) {
        const ability = strength + normal(random)
        const scores = spec.tasks.map((task, index) => {
          const difficulty = task.level === "В" ? 1.6 : task.level === "П" ? 0.8 : (index % 4) * 0.2
          const chance = 1 / (1 + Math.exp(-(ability + 1 - difficulty)))
          let score = 0
          for (let point = 0; point < task.max; point++) if (random() < chance) score++
          return score
        })
        const total = scores.reduce((sum, value) => sum + value, 0)
        const earned = total / maxTotal
        const honestMark = earned > 0.8 ? 5 : earned > 0.55 ? 4 : earned > 0.3 ? 3 : 2
        const journal = school.inflated ? Math.min(5, honestMark + 1) : honestMark
        protocol.addRow([
          ...place(school), code++, 1 + (pupil % 2), ...scores, `4${letter}`, random() < 0.5 ? "м" : "ж", journal, total,
        ])
      }
    }
  }
  return await workbookBytes(workbook)
}

/** Deterministic pseudo-random numbers (mulberry32): the demo file is the same on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}
