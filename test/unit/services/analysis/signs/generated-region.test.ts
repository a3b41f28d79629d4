import { beforeAll, describe, expect, it } from "vitest"
import { analyseProcedure, type ProcedureAnalysis } from "../../../../../src/services/analysis/analyse.ts"
import type { ProcedureSpec } from "../../../../../src/domain/results.ts"
import { generateRegion, MATH_4_2021, recomputeTotals, RUSSIAN_4_2021, type GeneratedRegion } from "../../../../support/generator/index.ts"

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
