import { describe, expect, it } from "vitest"
import { allocate, focusExcess, planRecheck, planSchool, taskNorms, type PlanSchool, type PlanSpec, type PlanWork } from "../../../../src/domain/risk/recheck-plan.ts"

// Three tasks of max 2, thresholds of «3», «4», «5» at 2, 4, 6.
const spec: PlanSpec = { tasks: [{ label: "1", max: 2 }, { label: "2", max: 2 }, { label: "3", max: 2 }], thresholds: [2, 4, 6] }
const mark = (total: number) => 2 + spec.thresholds.filter((t) => total >= t).length
const work = (code: string, cells: number[]): PlanWork => {
  const total = cells.reduce((s, c) => s + c, 0)
  return { code, cells, total, mark: mark(total) }
}

describe("re-check plan", () => {
  it("shares the size evenly, giving what a small school cannot take to the others", () => {
    expect(allocate([10, 10, 10], 9)).toEqual([3, 3, 3])
    expect(allocate([2, 30, 30], 20)).toEqual([2, 9, 9])
    expect(allocate([3, 3], 50)).toEqual([3, 3])
    expect(allocate([5, 5], 0)).toEqual([0, 0])
  })

  it("takes works at a threshold or one point above, then the focus tasks, then a sample stratified by mark", () => {
    // Works at totals 1, 3, 5 (between thresholds), and at 2, 4 (exactly on one), 5 is one above 4.
    const works = [
      work("a", [1, 0, 0]), // 1
      work("b", [1, 1, 0]), // 2: on the «3» threshold
      work("c", [2, 1, 0]), // 3: one above
      work("d", [2, 2, 0]), // 4: on the «4» threshold
      work("e", [2, 2, 1]), // 5
      work("f", [1, 0, 0]), // 1
      work("g", [0, 0, 1]), // 1
      work("h", [0, 0, 0]), // 0
    ]
    const school: PlanSchool = { schoolKey: "s", works, focusTasks: [] }
    const norms = taskNorms(works, 3, 6)
    const plan = planSchool(school, 4, spec, norms, { seed: 1, sampleShare: 0.25 })
    expect(plan).toHaveLength(4)
    const threshold = plan.filter((w) => w.reason === "threshold").map((w) => w.code)
    expect(threshold).toHaveLength(3)
    // Exactly on a threshold first: b and d before c or e.
    expect(threshold.slice(0, 2).sort()).toEqual(["b", "d"])
    expect(plan.filter((w) => w.reason === "sample")).toHaveLength(1)
    expect(plan.every((w) => w.tasks.length === 3)).toBe(true)
  })

  it("aims at works above the region on the focus tasks, and asks only those tasks of them", () => {
    // Region: pupils of total 2 usually score on task 1; these two score on task 3 (the focus).
    const region = Array.from({ length: 60 }, (_, i) => work(`r${i}`, [2, 0, 0]))
    const helped = [work("x", [0, 0, 2]), work("y", [0, 1, 1])]
    const norms = taskNorms([...region, ...helped], 3, 6)
    expect(focusExcess(helped[0]!, [2], norms)).toBeGreaterThan(focusExcess(helped[1]!, [2], norms))
    const school: PlanSchool = { schoolKey: "s", works: [...helped, work("z", [0, 0, 0]), work("w", [1, 0, 0]), work("v", [0, 0, 0])], focusTasks: [2] }
    const plan = planSchool(school, 3, { ...spec, thresholds: [] }, norms, { seed: 2, sampleShare: 0.3 })
    const focus = plan.filter((w) => w.reason === "focus")
    expect(focus.map((w) => w.code)).toEqual(["x", "y"])
    expect(focus[0]!.tasks).toEqual([2])
  })

  it("is reproducible: the same request gives the same works, another seed another sample", () => {
    const works = Array.from({ length: 40 }, (_, i) => work(`p${i}`, [i % 3, (i >> 1) % 3, (i >> 2) % 3]))
    const schools: PlanSchool[] = [{ schoolKey: "s1", works, focusTasks: [] }, { schoolKey: "s2", works: works.map((w) => ({ ...w, code: `q${w.code}` })), focusTasks: [] }]
    const norms = taskNorms(works, 3, 6)
    const one = planRecheck(schools, spec, norms, { size: 20, seed: 7 })
    expect(planRecheck(schools, spec, norms, { size: 20, seed: 7 })).toEqual(one)
    expect(one).toHaveLength(20)
    expect(one.filter((w) => w.schoolKey === "s1")).toHaveLength(10)
    expect(new Set(one.map((w) => `${w.schoolKey}|${w.code}`)).size).toBe(20)
    const other = planRecheck(schools, spec, norms, { size: 20, seed: 8 })
    expect(other.map((w) => w.code)).not.toEqual(one.map((w) => w.code))
  })

  it("re-checks every work of a school smaller than its share, saying why each one was chosen", () => {
    const works = [work("a", [1, 1, 0]), work("b", [0, 0, 0])]
    const plan = planSchool({ schoolKey: "s", works, focusTasks: [] }, 10, spec, taskNorms(works, 3, 6), { seed: 1 })
    expect(plan.map((w) => [w.code, w.reason])).toEqual([["a", "threshold"], ["b", "sample"]])
  })
})
