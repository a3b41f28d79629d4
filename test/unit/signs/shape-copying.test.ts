import { beforeAll, describe, expect, it } from "vitest"
import { analyseProcedure, type ProcedureAnalysis } from "../../../src/services/analysis/analyse.ts"
import type { ProcedureSpec } from "../../../src/domain/results.ts"
import { generateRegion, MATH_4_2021, recomputeTotals, RUSSIAN_4_2021, type GeneratedRegion } from "../../support/generator/index.ts"
import { cellsWithTotal, ordinarySchools, pupil, school, signFor, SPEC } from "./fixtures.ts"

/** Share of the region's schools of 20+ pupils with `label` on which the sign fired. */
function firedShare(region: GeneratedRegion, analysis: ProcedureAnalysis, label: string, id: string): { fired: number; schools: number } {
  let fired = 0
  let schools = 0
  for (const s of analysis.schools) {
    const t = region.truth.get(s.schoolKey)
    const l = t?.manipulation ?? (t?.strongHonest ? "strong_honest" : "honest")
    if (l !== label || s.present < 20) continue
    schools++
    if (s.signs.find((x) => x.id === id)?.status === "fired") fired++
  }
  return { fired, schools }
}

/** Honest schools of 40+ pupils; the first gets full help on hard tasks for its weaker half, the second +1 on every criteria task. */
function injectClearCases(region: GeneratedRegion): { helped: string; lenient: string } {
  const spec = region.results.spec
  const honest = region.results.schools.filter((s) => {
    const t = region.truth.get(s.schoolKey)
    return !t?.manipulation && !t?.strongHonest && s.participants.filter((p) => !p.absent).length >= 40
  })
  const [helped, lenient] = honest
  if (!helped || !lenient) throw new Error("no large honest schools")
  const hard = spec.tasks.flatMap((t, k) => (t.level === "П" || t.level === "В" ? [k] : []))
  const present = (s: typeof helped) => s.participants.filter((p) => !p.absent)
  const totals = present(helped).map((p) => p.total ?? 0).sort((a, b) => a - b)
  const median = totals[totals.length >> 1] ?? 0
  for (const p of present(helped)) {
    if ((p.total ?? 0) < median) for (const k of hard) p.cells[k] = spec.tasks[k]?.max ?? 0
    recomputeTotals(p, spec)
  }
  for (const p of present(lenient)) {
    spec.tasks.forEach((t, k) => {
      if (t.max >= 2) p.cells[k] = Math.min(t.max, Math.max(p.cells[k] ?? 0, 0) + 1)
    })
    recomputeTotals(p, spec)
  }
  return { helped: helped.schoolKey, lenient: lenient.schoolKey }
}

describe.each([
  ["Математика 4", MATH_4_2021],
  ["Русский язык 4", RUSSIAN_4_2021],
] as [string, ProcedureSpec][])("generated region, %s (seed 2021)", (_name, spec) => {
  let region: GeneratedRegion
  let before: ProcedureAnalysis
  let analysis: ProcedureAnalysis
  let clear: { helped: string; lenient: string }
  beforeAll(() => {
    region = generateRegion({ seed: 2021, spec })
    before = analyseProcedure(region.results)
    clear = injectClearCases(region)
    analysis = analyseProcedure(region.results)
  })
  const sign = (key: string, id: string) => analysis.schools.find((s) => s.schoolKey === key)?.signs.find((x) => x.id === id)

  it("S3: full help for the weaker half raises Δ by far more than the honest spread; honest schools stay quiet", () => {
    // Whether it fires depends on where the school stood before (honest schools differ by τ ≈ 0.07–0.1 here).
    const was = before.schools.find((s) => s.schoolKey === clear.helped)?.signs.find((x) => x.id === "S3")
    const now = sign(clear.helped, "S3")
    expect((now?.evidence.delta as number) - (was?.evidence.delta as number)).toBeGreaterThan(0.2)
    expect(now?.evidence.t as number).toBeGreaterThan(was?.evidence.t as number)
    const honest = firedShare(region, analysis, "honest", "S3")
    expect(honest.fired / honest.schools).toBeLessThan(0.03)
    expect(firedShare(region, analysis, "strong_honest", "S3").fired).toBe(0)
    // The generated (milder) help: at least one of the five larger schools.
    expect(firedShare(region, analysis, "hard_task_help", "S3").fired).toBeGreaterThanOrEqual(1)
  })

  it("S3: the helped weaker half is found by the score outside the hard tasks, though help lifted its totals", () => {
    const helped = region.results.schools.find((s) => s.schoolKey === clear.helped)!
    const s3 = sign(clear.helped, "S3")
    expect(s3).toMatchObject({ status: "fired", strength: "strong" })
    expect(s3?.evidence.contrastP as number).toBeLessThan(0.001)
    // Honest schools' contrasts are centred: their one-sided p-values spread over (0, 1), not piled near 0.
    const honestP = analysis.schools.flatMap((s) => {
      const t = region.truth.get(s.schoolKey)
      const p = s.signs.find((x) => x.id === "S3")?.evidence.contrastP
      return !t?.manipulation && !t?.strongHonest && s.present >= 20 && typeof p === "number" ? [p] : []
    })
    expect(honestP.filter((p) => p < 0.01).length / honestP.length).toBeLessThan(0.03)
    expect(honestP.filter((p) => p > 0.5).length / honestP.length).toBeGreaterThan(0.35)
    expect(helped.participants.length).toBeGreaterThanOrEqual(40)
  })

  it("S12 fires on one extra point on every criteria task", () => {
    expect(sign(clear.lenient, "S12")).toMatchObject({ status: "fired", reason: "criteria_tasks_above_one_point" })
    expect(sign(clear.lenient, "S12")?.evidence.delta as number).toBeGreaterThan(0.08)
    const honest = firedShare(region, analysis, "honest", "S12")
    expect(honest.fired / honest.schools).toBeLessThan(0.08)
    expect(sign(clear.helped, "S12")?.status).not.toBe("abstained")
  })

  it("S11 catches copying and stays quiet on honest schools", () => {
    const copying = firedShare(region, analysis, "copying", "S11")
    expect(copying.fired).toBeGreaterThanOrEqual(copying.schools - 1)
    expect(firedShare(region, analysis, "honest", "S11").fired).toBeLessThanOrEqual(1)
  })

  it("S3 evidence names the hard tasks (levels П/В) and the figures", () => {
    const s3 = sign(clear.helped, "S3")
    expect(s3?.evidence.split).toBe("levels")
    expect(String(s3?.evidence.focusTasks)).toMatch(spec.subject === "Математика" ? /^10, 12$/ : /^12\.1, 12\.2, 13\.1, 13\.2$/)
    expect(s3?.evidence.tau as number).toBeGreaterThan(0.03)
    expect(s3?.evidence.pupils).toBe(analysis.schools.find((s) => s.schoolKey === clear.helped)?.present)
  })
})

describe("S11 on hand-made schools", () => {
  // Variant 1: eight pupils hand in one mid-score pattern; variant 2: varied work. Other schools: ordinary.
  const copied = [1, 1, 0, 1, 2, 0, 1, 0]
  const copying = school("300001", [
    ...Array.from({ length: 8 }, () => pupil("300001", copied, { variant: 1 })),
    ...[3, 5, 6, 7, 8, 9, 4, 6].map((t) => pupil("300001", cellsWithTotal(t), { variant: 2 })),
    ...[2, 9, 10, 11].map((t) => pupil("300001", cellsWithTotal(t), { variant: 1 })),
  ])
  const input = { spec: SPEC, schools: [...ordinarySchools(20), copying] }

  it("fires on same-variant identical pairs far above the school's cross-variant rate", () => {
    const s11 = signFor("S11", input, "300001")
    expect(s11.status).toBe("fired")
    expect(s11.evidence.observedPairs as number).toBeGreaterThanOrEqual(28)
    expect(s11.evidence.largestGroup).toBe(8)
    expect(s11.evidence.expectedPairs as number).toBeLessThan(s11.evidence.observedPairs as number)
  })

  it("abstains for a school that wrote one variant only", () => {
    const single = school("300002", [3, 5, 7, 9, 11, 4].map((t) => pupil("300002", cellsWithTotal(t), { variant: 1 })))
    expect(signFor("S11", { spec: SPEC, schools: [...ordinarySchools(5), single] }, "300002")).toMatchObject({ status: "abstained", reason: "single_variant" })
  })
})

describe("S3 on hand-made schools (no honest spread between the reference schools)", () => {
  // Ordinary pupils reach the hard tasks 7 (П) and 8 (В) only from a total of 9; these pupils solve them at 4–6.
  const helped = school("300010", [
    ...[4, 5, 6, 4, 5, 6, 4, 5, 6, 5].map((t) => pupil("300010", [...cellsWithTotal(t - 4).slice(0, 6), 2, 2])),
    ...[9, 10, 11, 12, 10, 11, 9, 10, 11, 12].map((t) => pupil("300010", cellsWithTotal(t))),
  ])
  const input = { spec: SPEC, schools: [...ordinarySchools(20), helped] }

  it("fires strongly, comparing each pupil with pupils of the same score elsewhere", () => {
    const s3 = signFor("S3", input, "300010")
    expect(s3).toMatchObject({ status: "fired", strength: "strong", reason: "hard_tasks_above_easy" })
    expect(s3.evidence.focusTasks).toBe("7, 8")
    expect(s3.evidence.delta as number).toBeGreaterThan(0.3)
    expect(s3.evidence.contrast as number).toBeGreaterThan(0.5) // only the weaker half was helped
  })

  it("does not fire on an ordinary school, nor on a strong one whose pupils follow the usual curve", () => {
    const strong = school("300011", [9, 10, 11, 12, 12, 11, 10, 12, 11, 12, 10, 11].map((t) => pupil("300011", cellsWithTotal(t))))
    const more = { spec: SPEC, schools: [...input.schools, strong] }
    expect(signFor("S3", more, "900006").status).toBe("not_fired")
    expect(signFor("S3", more, "300011").status).toBe("not_fired")
  })
})

describe("S3 and S12 abstentions", () => {
  it("S12 abstains when no task is scored by criteria", () => {
    const flat: ProcedureSpec = { ...SPEC, tasks: SPEC.tasks.map((t) => ({ ...t, max: 1 })), maxTotal: 8, scale: { "3": 3, "4": 5, "5": 7 } }
    const schools = Array.from({ length: 12 }, (_, s) =>
      school(`4000${s}`, Array.from({ length: 10 }, (_, i) => pupil(`4000${s}`, cellsWithTotal((i + s) % 9, flat), { spec: flat }))),
    )
    const s12 = signFor("S12", { spec: flat, schools }, "40003")
    expect(s12).toMatchObject({ status: "abstained", reason: "no_task_split" })
  })
})
