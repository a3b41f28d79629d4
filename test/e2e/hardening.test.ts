import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { parseQueue } from "../../src/services/workbooks/parse-queue.ts"
import { startE2E, type E2E } from "../support/e2e.ts"
import { deflateBomb, rebuildZip } from "../support/fixtures/crafted-zips.ts"
import { classRows, collectionForm } from "../support/workbooks.ts"

const APOLOGY = "Извините, что-то пошло не так"

/** Issue 9 through the real bot: a crafted bomb refused while others are answered; a busy reader says the place in line. */
describe("hardening end to end", () => {
  let e2e: E2E
  const ANNA = 9601
  const BORIS = 9602
  beforeAll(async () => {
    e2e = await startE2E()
    const municipality = await e2e.prisma.municipality.create({ data: { name: "город Бийск" } })
    for (const [telegramId, key] of [[ANNA, "223101"], [BORIS, "223102"]] as const) {
      const school = await e2e.prisma.school.create({ data: { key, login: `edu${key}`, municipalityId: municipality.id } })
      const user = await e2e.prisma.user.create({ data: { telegramId: BigInt(telegramId), firstName: "Учитель" } })
      await e2e.prisma.roleGrant.create({ data: { userId: user.id, role: "teacher", schoolId: school.id } })
    }
  }, 120_000)
  afterAll(() => e2e?.stop())

  it("refuses a 2 MB workbook whose shared strings inflate to 2 GB with the specific message, and answers another teacher meanwhile", { timeout: 120_000 }, async () => {
    const anna = e2e.fake.user({ id: ANNA, firstName: "Анна" })
    const boris = e2e.fake.user({ id: BORIS, firstName: "Борис" })
    const bomb = rebuildZip(await collectionForm(classRows(3)), { replace: { "xl/sharedStrings.xml": deflateBomb(2048) } })
    await anna.sendDocument({ fileName: "Математика 4 класс ВПР 2022.xlsx", bytes: bomb })
    await boris.sendText("/help")
    const [help] = await boris.waitForMessages(1)
    expect(help!.text).not.toContain(APOLOGY)

    const [reading, refusal] = await anna.waitForMessages(2)
    expect(reading!.text).toMatch(/^Читаю файл «Математика 4 класс ВПР 2022.xlsx»/)
    expect(refusal!.text).toContain("Файл при распаковке разрастается слишком сильно: часть «xl/sharedStrings.xml» заняла больше")
    expect(refusal!.text).not.toContain(APOLOGY)
    const upload = await e2e.prisma.upload.findFirstOrThrow({ where: { fileName: "Математика 4 класс ВПР 2022.xlsx" }, orderBy: { id: "desc" } })
    expect(upload.status).toBe("rejected")
  })

  it("tells a teacher her place in line while every reading slot is taken, then reads her file", { timeout: 120_000 }, async () => {
    const boris = e2e.fake.user({ id: BORIS, firstName: "Борис" })
    // Other uploads hold every slot until the test lets them go.
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    const holders = Array.from({ length: parseQueue.load().limit }, () => parseQueue.run(() => released))
    const seen = boris.messages().length
    await boris.sendDocument({ fileName: "Математика 4 класс ВПР 2022.xlsx", bytes: await collectionForm(classRows(4)) })
    const queued = () => boris.messages().slice(seen).find((message) => (message.text ?? "").includes("в очереди"))
    await e2e.fake.waitUntil(() => queued() !== undefined, { description: "the place in line" })
    const status = queued()!
    expect(status.text).toBe("Сейчас я читаю другие файлы. Ваш файл «Математика 4 класс ВПР 2022.xlsx» — 1-й в очереди, начну, как только освободится место.")

    release()
    await Promise.all(holders)
    await e2e.fake.waitUntil(() => boris.messages().slice(seen).some((message) => (message.text ?? "").startsWith("Файл прочитан")), { description: "the read" })
    // The status line went back to «reading» once its turn came.
    expect(status.text).toBe("Читаю файл «Математика 4 класс ВПР 2022.xlsx»…")
    expect(parseQueue.load()).toMatchObject({ running: 0, waiting: 0 })
  })
})
