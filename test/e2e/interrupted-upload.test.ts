import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startRestartableE2E, type RestartableE2E } from "../support/restartable-e2e.ts"

/** The start-up step as the running bot takes it: an upload a crash left `reading` is reported to its sender. */
describe("an upload cut by a crash", () => {
  let e2e: RestartableE2E
  beforeAll(async () => {
    e2e = await startRestartableE2E()
  }, 60_000)
  afterAll(() => e2e?.stop())

  it("is marked interrupted at the next start and its sender is told to send it again", async () => {
    const teacher = e2e.fake.user({ id: 9701, firstName: "Пётр" })
    await teacher.sendText("/start") // a chat the bot may write to
    await teacher.waitForMessages(1)
    const user = await e2e.prisma.user.findUniqueOrThrow({ where: { telegramId: 9701n } })
    // What a process killed in the middle of a parse leaves behind.
    const upload = await e2e.prisma.upload.create({
      data: { sha256: "0".repeat(64), size: 3, fileName: "Математика 4а.xlsx", bytes: Buffer.from("PK…"), senderId: user.id, status: "reading" },
    })
    await e2e.restart()
    const [told] = await e2e.ticking(teacher.waitForMessages(1))
    expect(told!.text).toBe("Файл «Математика 4а.xlsx» не загружен: работа бота прервалась, пока он читался. Пожалуйста, отправьте этот файл ещё раз.")
    expect((await e2e.prisma.upload.findUniqueOrThrow({ where: { id: upload.id } })).status).toBe("interrupted")
    // Told once: another restart finds nothing left to report.
    await e2e.restart()
    await e2e.ticking(new Promise((resolve) => setTimeout(resolve, 1500)))
    expect(teacher.messages()).toHaveLength(2)
  })
})
