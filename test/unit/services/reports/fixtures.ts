/**
 * Report models built from generated pupils (seeded, so every run is the same): a reference group of
 * honest schools and a school whose marks were pushed over the thresholds of «3», «4» and «5».
 * The figures are computed here the plain way (z-interval of the mean, Wilson interval of completion),
 * enough to make the tables and charts realistic.
 */
import type { GroupStats, MarkCounts, MunicipalOverview, SchoolReport, TaskColumn } from "../../../../src/services/reports/model.ts"

export const TASKS: TaskColumn[] = [
  { label: "1К1", max: 4, level: "Б" },
  { label: "1К2", max: 3, level: "Б" },
  { label: "2", max: 3, level: "Б" },
  { label: "3.1", max: 1, level: "Б" },
  { label: "3.2", max: 3, level: "Б" },
  { label: "4", max: 3, level: "Б" },
  { label: "5", max: 3, level: "Б" },
  { label: "6", max: 2, level: "П" },
  { label: "7", max: 3, level: "Б" },
  { label: "8", max: 3, level: "Б" },
  { label: "9", max: 2, level: "П" },
  { label: "10", max: 1, level: "Б" },
  { label: "11", max: 2, level: "Б" },
  { label: "12.1", max: 2, level: "В" },
  { label: "12.2", max: 1, level: "В" },
]
export const MAX_SCORE = TASKS.reduce((sum, task) => sum + task.max, 0)
export const THRESHOLDS = [
  { mark: 3 as const, score: 14 },
  { mark: 4 as const, score: 24 },
  { mark: 5 as const, score: 33 },
]

/** Park–Miller: small, seeded, good enough for fixtures. */
function random(seed: number): () => number {
  let state = seed
  return () => (state = (state * 48271) % 2147483647) / 2147483647
}

interface Pupil {
  cells: number[]
  total: number
  journal: 2 | 3 | 4 | 5 | null
}

function markOf(total: number): 2 | 3 | 4 | 5 {
  return total >= 33 ? 5 : total >= 24 ? 4 : total >= 14 ? 3 : 2
}

function pupils(count: number, ability: number, seed: number, pushToThresholds = false): Pupil[] {
  const next = random(seed)
  return Array.from({ length: count }, () => {
    const own = Math.min(0.95, Math.max(0.05, ability + (next() - 0.5) * 0.5))
    const cells = TASKS.map((task) => {
      const difficulty = task.level === "В" ? 0.5 : task.level === "П" ? 0.75 : 1
      let points = 0
      for (let p = 0; p < task.max; p++) if (next() < own * difficulty) points++
      return points
    })
    let total = cells.reduce((a, b) => a + b, 0)
    // The manipulation: a pupil one or two points short of a mark gets them.
    if (pushToThresholds) for (const th of THRESHOLDS) if (total === th.score - 1 || total === th.score - 2) total = th.score
    const journal = next() < 0.1 ? null : (Math.min(5, Math.max(2, markOf(total) + Math.round((next() - 0.5) * 1.6))) as 2 | 3 | 4 | 5)
    return { cells, total, journal }
  })
}

function interval(values: number[]): { mean: number | null; low: number; high: number } | null {
  const n = values.length
  if (n < 2) return null
  const mean = values.reduce((a, b) => a + b, 0) / n
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1))
  const half = (1.96 * sd) / Math.sqrt(n)
  return { mean, low: mean - half, high: mean + half }
}

function wilson(points: number, trials: number): { low: number; high: number } | null {
  if (trials === 0) return null
  const z = 1.96
  const p = points / trials
  const centre = (p + (z * z) / (2 * trials)) / (1 + (z * z) / trials)
  const half = ((z / (1 + (z * z) / trials)) * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials)))
  return { low: centre - half, high: centre + half }
}

export function groupStats(name: string, role: GroupStats["role"], list: Pupil[], absent = 0): GroupStats {
  const marks: MarkCounts = { "2": 0, "3": 0, "4": 0, "5": 0 }
  const journal = { lowered: 0, confirmed: 0, raised: 0 }
  const scoreCounts = Array.from({ length: MAX_SCORE + 1 }, () => 0)
  for (const pupil of list) {
    const mark = markOf(pupil.total)
    marks[String(mark) as keyof MarkCounts]++
    scoreCounts[pupil.total]!++
    if (pupil.journal !== null) {
      if (mark < pupil.journal) journal.lowered++
      else if (mark > pupil.journal) journal.raised++
      else journal.confirmed++
    }
  }
  const ci = interval(list.map((p) => p.total))
  const points = TASKS.map((_, k) => list.reduce((sum, p) => sum + p.cells[k]!, 0))
  return {
    name,
    role,
    present: list.length,
    absent,
    mean: ci?.mean ?? null,
    meanInterval: ci ? { low: ci.low, high: ci.high } : null,
    marks,
    journal,
    scoreCounts,
    completion: TASKS.map((task, k) => (list.length ? points[k]! / (list.length * task.max) : null)),
    completionIntervals: TASKS.map((task, k) => wilson(points[k]!, list.length * task.max)),
  }
}

const PROCEDURE = "ВПР 2021 · Русский язык · 4 класс"
const REGION = "Алтайский край"

export function regionPupils(): Pupil[] {
  return pupils(3000, 0.6, 7)
}

export function schoolReport(login: string, options: { name?: string; pushed?: boolean; ability?: number; seed?: number } = {}): SchoolReport {
  const seed = options.seed ?? 11
  const classA = pupils(26, options.ability ?? 0.68, seed, options.pushed)
  const classB = pupils(24, options.ability ?? 0.68, seed + 1, options.pushed)
  return {
    procedureTitle: PROCEDURE,
    schoolLogin: login,
    ...(options.name !== undefined ? { schoolName: options.name } : {}),
    groupName: REGION,
    maxScore: MAX_SCORE,
    thresholds: THRESHOLDS,
    tasks: TASKS,
    groups: [
      groupStats(REGION, "reference", regionPupils(), 120),
      groupStats(options.name ?? login, "school", [...classA, ...classB], 3),
      groupStats("4А", "class", classA, 1),
      groupStats("4Б", "class", classB, 2),
    ],
    variants: [
      { variant: 2, present: 24, mean: 25.1 },
      { variant: 1, present: 26, mean: 24.3 },
    ],
    signs: [
      { id: "S1", title: "Завышенный средний балл", status: "fired", strength: "moderate", reason: "Средний балл выше, чем в регионе: интервалы не пересекаются.", evidence: "26,9 (25,8–28,0) против 22,4 (22,2–22,6)" },
      { id: "S4", title: "Пики на границах отметок", status: "fired", strength: "strong", reason: "На минимальных баллах отметок «3», «4», «5» заметно больше работ, чем на балл ниже.", evidence: "«4»: 9 работ на 24 баллах и 0 на 23; p < 0,001" },
      { id: "S6", title: "Несоответствие отметкам по журналу", status: "not_fired", reason: "Отметки согласуются с журналом.", evidence: "ρ = 0,61" },
      { id: "S8", title: "Результаты ВПР не подтверждаются ОГЭ/ЕГЭ", status: "abstained", reason: "Нет данных ОГЭ." },
    ],
    risk: { level: "risk", reasons: ["Пики на границах отметок (сильный признак)", "Завышенный средний балл"] },
  }
}

export function overviewOf(reports: SchoolReport[], levels: MunicipalOverview["schools"][number]["level"][]): MunicipalOverview {
  const region = reports[0]!.groups[0]!
  return {
    procedureTitle: PROCEDURE,
    scopeName: "город Барнаул",
    index: (100 * levels.filter((l) => l === "none").length) / levels.length,
    references: [region],
    schools: reports.map((report, i) => {
      const school = report.groups.find((g) => g.role === "school")!
      const level = levels[i] ?? "none"
      return {
        login: report.schoolLogin,
        ...(report.schoolName !== undefined ? { name: report.schoolName } : {}),
        present: school.present,
        mean: school.mean,
        meanInterval: school.meanInterval ?? null,
        level,
        score: level === "risk" ? 4 : level === "attention" ? 1 : 0,
        signsFired: level === "none" ? [] : level === "risk" ? ["S4", "S1"] : ["S1"],
        reasons: level === "none" ? [] : level === "risk" ? ["Пики на границах отметок", "Завышенный средний балл"] : ["Завышенный средний балл"],
      }
    }),
  }
}
