import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Database } from "../../../../src/db/client.ts"
import { silentLogger } from "../../../../src/logger.ts"
import { createJobRunner, type Job } from "../../../../src/services/scheduling/jobs.ts"
import { availableDatabases, createTestDatabase, truncateAll } from "../../../support/db.ts"
import { TestClock } from "../../../support/services.ts"

describe.each(availableDatabases())("scheduled jobs on %s", (kind) => {
  let db: Database
  beforeAll(async () => {
    db = await createTestDatabase(kind)
  })
  afterAll(() => db.close())

  it("runs a job in one instance at a time and spaces its runs", async () => {
    await truncateAll(db)
    const clock = new TestClock(new Date("2026-05-12T03:00:00Z"))
    const deps = { prisma: db.prisma, clock, logger: silentLogger }
    const runs: string[] = []
    let release: () => void = () => {}
    const slow: Job = {
      name: "slow",
      everyMs: 60_000,
      run: () => new Promise<void>((resolve) => {
        runs.push("slow")
        release = resolve
      }),
    }
    const first = createJobRunner(deps, [slow], { owner: "a" })
    const second = createJobRunner(deps, [slow], { owner: "b" })
    const running = first.runDue()
    await new Promise((resolve) => setTimeout(resolve, 50))
    // While instance a holds the lease, instance b does not run the job.
    expect(await second.runDue()).toEqual({ ran: [], failed: [] })
    release()
    expect(await running).toEqual({ ran: ["slow"], failed: [] })
    // Not due again until its interval has passed.
    expect((await second.runDue()).ran).toEqual([])
    clock.advance(60_000)
    const again = second.runDue()
    await new Promise((resolve) => setTimeout(resolve, 50))
    release()
    expect((await again).ran).toEqual(["slow"])
    expect(runs).toEqual(["slow", "slow"])
  })

  it("lets a crashed instance's lease expire, and keeps one failing job from stopping the others", async () => {
    await truncateAll(db)
    const clock = new TestClock(new Date("2026-05-12T03:00:00Z"))
    const deps = { prisma: db.prisma, clock, logger: silentLogger }
    await db.prisma.jobLease.create({ data: { name: "ok", owner: "crashed", leaseUntil: new Date("2026-05-12T03:04:00Z") } })
    const failing: Job = { name: "failing", everyMs: 1000, run: async () => Promise.reject(new Error("boom")) }
    const ok: Job = { name: "ok", everyMs: 1000, run: async () => {} }
    const runner = createJobRunner(deps, [failing, ok], { owner: "a" })
    expect(await runner.runDue()).toEqual({ ran: [], failed: ["failing"] })
    clock.advance(5 * 60_000)
    expect(await runner.runDue()).toEqual({ ran: ["ok"], failed: ["failing"] })
  })
})
