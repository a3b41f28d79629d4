import { describe, expect, it } from "vitest"
import { createJobRunner } from "../../../../src/services/scheduling/jobs.ts"
import { closeUpload, keepUpload, REFUSED_BYTES_KEPT_MS } from "../../../../src/services/uploads/uploads.ts"
import { availableDatabases } from "../../../support/db.ts"
import { adminSuite, servicesOn, TestClock } from "../../../support/services.ts"

const DAY = 24 * 60 * 60 * 1000

describe.each(availableDatabases())("kept uploads on %s", (kind) => {
  const suite = adminSuite(kind)

  it("drops the bytes of refused and cancelled files after the set time, by the scheduled job, and keeps the rest", async () => {
    const clock = new TestClock(new Date("2027-03-01T09:00:00Z"))
    const deps = { ...suite.deps, clock }
    const bytes = Buffer.from("PK junk or a bomb")
    const received = async (name: string) => {
      const id = await keepUpload(deps, suite.admin, { bytes, fileName: name })
      // receivedAt is the database's now(); the job measures from it, so place it at the test clock.
      await deps.prisma.upload.update({ where: { id }, data: { receivedAt: clock.now() } })
      return id
    }
    const refused = await received("bomb.xlsx")
    await closeUpload(deps, suite.admin, refused, "rejected", "unreadable")
    const cancelled = await received("cancelled.xlsx")
    await closeUpload(deps, suite.admin, cancelled, "cancelled", "user")
    await received("open.xlsx") // still in its dialog
    const imported = await received("imported.xlsx")
    await deps.prisma.upload.update({ where: { id: imported }, data: { status: "imported" } })

    const job = servicesOn(deps).jobs.find((candidate) => candidate.name === "uploads:drop-refused-bytes")!
    const runner = createJobRunner(deps, [job], { owner: "test" })
    const sizes = async () =>
      Object.fromEntries((await deps.prisma.upload.findMany({ orderBy: { id: "asc" } })).map((upload) => [upload.fileName, upload.bytes.length]))

    clock.advance(REFUSED_BYTES_KEPT_MS - DAY)
    await runner.runDue()
    expect(await sizes()).toEqual({ "bomb.xlsx": bytes.length, "cancelled.xlsx": bytes.length, "open.xlsx": bytes.length, "imported.xlsx": bytes.length })

    clock.advance(2 * DAY)
    await runner.runDue()
    expect(await sizes()).toEqual({ "bomb.xlsx": 0, "cancelled.xlsx": 0, "open.xlsx": bytes.length, "imported.xlsx": bytes.length })
    const dropped = await deps.prisma.upload.findUniqueOrThrow({ where: { id: refused } })
    expect(dropped).toMatchObject({ status: "rejected", size: bytes.length, summary: { reason: "unreadable", bytesDropped: true } })
    expect(await deps.prisma.auditLog.count({ where: { action: "upload.bytes-dropped" } })).toBe(1)
  })
})
