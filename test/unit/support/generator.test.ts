import { describe, expect, it } from "vitest"
import { CELL_NO_ANSWER } from "../../../src/domain/results.ts"
import {
  applyManipulation,
  generateCohort,
  generateRegion,
  makePupil,
  makeSchoolModel,
  makeTaskModels,
  MANIPULATIONS,
  MATH_4_2021,
  MATH_5_2021,
  RUSSIAN_5_2021,
  Rng,
} from "../../support/generator/index.ts"

const small = { schools: 150, municipalities: 8 }

describe("seeded generator", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const a = generateRegion({ seed: 11, spec: MATH_4_2021, ...small })
    const b = generateRegion({ seed: 11, spec: MATH_4_2021, ...small })
    const c = generateRegion({ seed: 12, spec: MATH_4_2021, ...small })
    expect(JSON.stringify(a.results)).toBe(JSON.stringify(b.results))
    expect([...a.truth]).toEqual([...b.truth])
    expect(JSON.stringify(a.results)).not.toBe(JSON.stringify(c.results))
    expect(new Rng(5).next()).toBe(new Rng(5).next())
  })

  it("makes schools shaped like the real exports: many small, some of 50–150, 5–8 % absent", () => {
    const region = generateRegion({ seed: 3, spec: RUSSIAN_5_2021 })
    const sizes = region.results.schools.map((s) => s.participants.length)
    expect(region.results.schools).toHaveLength(600)
    expect(sizes.filter((n) => n <= 15).length / sizes.length).toBeGreaterThan(0.35)
    expect(sizes.filter((n) => n >= 50).length / sizes.length).toBeGreaterThan(0.25)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(150)
    const all = region.results.schools.flatMap((s) => s.participants)
    const absent = all.filter((p) => p.absent)
    expect(absent.length / all.length).toBeGreaterThan(0.05)
    expect(absent.length / all.length).toBeLessThan(0.08)
    expect(absent.every((p) => p.cells.length === 0 && p.total === null && p.variant === null)).toBe(true)
    const present = all.filter((p) => !p.absent)
    // Totals and marks agree with the cells and the scale; "no answer" cells appear among zeros.
    for (const p of present.slice(0, 500)) {
      expect(p.total).toBe(p.cells.reduce((s, c) => s + Math.max(c, 0), 0))
      expect(p.cells.every((c, k) => c <= (RUSSIAN_5_2021.tasks[k]?.max ?? 0))).toBe(true)
    }
    expect(present.some((p) => p.cells.includes(CELL_NO_ANSWER))).toBe(true)
    // Mean completion near the real 2021 figure (0.58), task completion within 15–95 %.
    const mean = present.reduce((s, p) => s + (p.total ?? 0), 0) / present.length / RUSSIAN_5_2021.maxTotal
    expect(mean).toBeGreaterThan(0.52)
    expect(mean).toBeLessThan(0.66)
  })

  it("spreads teachers' journal leniency between schools as the real 2021 exports do", () => {
    // Robust SD over schools (20+ pupils) of the school mean of (ВПР mark − journal mark): 0.16–0.27 on the four
    // real 2021 exports, which include some inflating schools, so honest generated schools must not exceed it.
    const region = generateRegion({ seed: 3, spec: MATH_5_2021 })
    const means = region.results.schools.flatMap((school) => {
      const pairs = school.participants.filter((p) => !p.absent && p.mark !== null && p.journalMark !== null)
      if (pairs.length < 20) return []
      return [pairs.reduce((sum, p) => sum + (p.mark as number) - (p.journalMark as number), 0) / pairs.length]
    })
    const sorted = means.sort((a, b) => a - b)
    const robustSd = ((sorted[Math.floor(0.75 * sorted.length)] ?? 0) - (sorted[Math.floor(0.25 * sorted.length)] ?? 0)) / 1.349
    expect(means.length).toBeGreaterThan(200)
    expect(robustSd).toBeGreaterThan(0.15)
    expect(robustSd).toBeLessThan(0.27)
  })

  it("labels about 10 % of schools with manipulations spread over every kind, and some strong honest ones", () => {
    const region = generateRegion({ seed: 4, spec: MATH_5_2021 })
    const truths = [...region.truth.values()]
    const manipulated = truths.filter((t) => t.manipulation !== null)
    expect(manipulated).toHaveLength(60)
    for (const kind of MANIPULATIONS) expect(manipulated.filter((t) => t.manipulation === kind).length).toBe(10)
    expect(manipulated.filter((t) => t.enrolled >= 22).length).toBe(30)
    const strong = truths.filter((t) => t.strongHonest)
    expect(strong.length).toBe(24)
    expect(strong.every((t) => t.manipulation === null && t.ability > 0.4)).toBe(true)
  })

  it("each manipulation changes what it names", () => {
    const rng = new Rng(9)
    const tasks = makeTaskModels(MATH_4_2021, rng)
    const make = () => {
      const model = makeSchoolModel(0, MATH_4_2021.tasks.length, new Rng(21))
      const r = new Rng(22)
      return Array.from({ length: 60 }, (_, index) => makePupil(MATH_4_2021, tasks, model, { schoolKey: "1", index, className: "а", absent: false }, r))
    }
    const totals = (ps: ReturnType<typeof make>) => ps.map((p) => p.result.total ?? 0)
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

    const honest = make()
    const inflated = make()
    applyManipulation("mean_inflation", inflated, MATH_4_2021, tasks, new Rng(1))
    expect(sum(totals(inflated)) - sum(totals(honest))).toBeGreaterThan(60 * 1.5)

    const pushed = make()
    applyManipulation("threshold_push", pushed, MATH_4_2021, tasks, new Rng(1))
    const justBelow = (ps: ReturnType<typeof make>) => totals(ps).filter((t) => [4, 5, 8, 9, 13, 14].includes(t)).length
    expect(justBelow(pushed)).toBeLessThan(justBelow(honest) / 2)

    const copied = make()
    applyManipulation("copying", copied, MATH_4_2021, tasks, new Rng(1))
    const patterns = new Map<string, number>()
    for (const p of copied) if (p.result.variant === 1) patterns.set(p.result.cells.join(), (patterns.get(p.result.cells.join()) ?? 0) + 1)
    expect(Math.max(...patterns.values())).toBeGreaterThanOrEqual(9) // 30 % of the 30 variant-1 pupils

    const journal = make()
    applyManipulation("inflated_journal", journal, MATH_4_2021, tasks, new Rng(1))
    expect(sum(journal.map((p) => p.result.journalMark ?? 0))).toBeGreaterThan(sum(honest.map((p) => p.result.journalMark ?? 0)) + 15)
    expect(totals(journal)).toEqual(totals(honest))

    const lenient = make()
    applyManipulation("lenient_checking", lenient, MATH_4_2021, tasks, new Rng(1))
    const oneMaxChanged = lenient.some((p, i) => p.result.cells.some((c, k) => MATH_4_2021.tasks[k]?.max === 1 && c !== honest[i]?.result.cells[k]))
    expect(oneMaxChanged).toBe(false)
    expect(sum(totals(lenient))).toBeGreaterThan(sum(totals(honest)))

    const helped = make()
    applyManipulation("hard_task_help", helped, MATH_4_2021, tasks, new Rng(1))
    const hard = [12, 14] // tasks 10 and 12 are П
    const weakHard = (ps: ReturnType<typeof make>) =>
      sum(ps.filter((_, i) => (honest[i]?.result.total ?? 0) < 12).flatMap((p) => hard.map((k) => Math.max(p.result.cells[k] ?? 0, 0))))
    expect(weakHard(helped)).toBeGreaterThan(weakHard(honest) * 1.5)
  })

  it("a cohort keeps its schools and injects manipulations in the earlier year only", () => {
    const { earlier, later } = generateCohort({ seed: 5, earlierSpec: MATH_4_2021, laterSpec: MATH_5_2021, ...small })
    expect(later.results.spec.grade).toBe(5)
    expect(later.results.spec.year).toBe(2022)
    expect(later.results.schools.map((s) => s.schoolKey)).toEqual(earlier.results.schools.map((s) => s.schoolKey))
    expect([...earlier.truth.values()].some((t) => t.manipulation !== null)).toBe(true)
    expect([...later.truth.values()].every((t) => t.manipulation === null)).toBe(true)
  })
})
