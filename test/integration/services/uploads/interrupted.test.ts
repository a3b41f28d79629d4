import { describe, expect, it } from "vitest"
import { markReading, STALE_READING_MS } from "../../../../src/services/uploads/interrupted.ts"
import { keepUpload } from "../../../../src/services/uploads/uploads.ts"
import { availableDatabases } from "../../../support/db.ts"
import { adminSuite } from "../../../support/services.ts"
import { classRows, collectionForm } from "../../../support/workbooks.ts"

describe.each(availableDatabases())("uploads cut by a crash on %s", (kind) => {
  const suite = adminSuite(kind)

  const sender = async (telegramId: number, language: "ru" | "en") => {
    const actor = await suite.services.access.resolveActor({ telegramId, firstName: "Учитель" })
    await suite.services.access.setLanguage(actor, language)
    return actor
  }
  const statusOf = async (id: number) => (await suite.db.prisma.upload.findUniqueOrThrow({ where: { id } })).status

  it("is `reading` while its parse runs and open again after it", async () => {
    let seen: Promise<string[]> | undefined
    const step = await suite.services.intake.receive(
      suite.admin,
      { bytes: await collectionForm(classRows(1500)), fileName: "Математика 4 класс ВПР 2022.xlsx" },
      // Asked mid-parse (the first progress report, after 1,000 rows): what a crash at that moment would leave.
      { onProgress: () => void (seen ??= suite.db.prisma.upload.findMany({ select: { status: true } }).then((rows) => rows.map((row) => row.status))) },
    )
    expect(await seen).toEqual(["reading"])
    expect(step).toMatchObject({ step: "question", question: { ask: "school" } })
    expect(await statusOf(step.step === "question" ? step.session.uploadId : -1)).toBe("received")
  })

  it("marks the uploads left `reading` interrupted and tells each sender once, in their language", async () => {
    const ru = await sender(501, "ru")
    const en = await sender(502, "en")
    const file = (fileName: string) => ({ bytes: Buffer.from("PK…"), fileName })
    const cutRu = await keepUpload(suite.deps, ru, file("Математика 4.xlsx"))
    const cutEn = await keepUpload(suite.deps, en, file("Russian 5.xlsx"))
    const waiting = await keepUpload(suite.deps, ru, file("ждёт ответа.xlsx")) // in its dialog, not being read
    await markReading(suite.deps, cutRu)
    await markReading(suite.deps, cutEn)

    // A server shared by instances: a parse begun a moment ago may be running elsewhere, and is left alone.
    const now = suite.deps.clock.now()
    expect(await suite.services.uploads.markInterrupted(new Date(now.getTime() - STALE_READING_MS))).toBe(0)
    expect(await statusOf(cutRu)).toBe("reading")

    // An embedded database belongs to one process: at its start every upload still `reading` was cut.
    expect(await suite.services.uploads.markInterrupted()).toBe(2)
    expect([await statusOf(cutRu), await statusOf(cutEn), await statusOf(waiting)]).toEqual(["interrupted", "interrupted", "received"])
    const told = await suite.db.prisma.outbox.findMany({ orderBy: { chatId: "asc" } })
    expect(told.map((row) => [row.chatId, (row.payload as { text: string }).text])).toEqual([
      [501n, "Файл «Математика 4.xlsx» не загружен: работа бота прервалась, пока он читался. Пожалуйста, отправьте этот файл ещё раз."],
      [502n, "The file «Russian 5.xlsx» was not loaded: the bot stopped while reading it. Please send the file again."],
    ])
    // The bytes stay (the sender may ask what became of the file); a second start-up tells nobody again.
    expect((await suite.db.prisma.upload.findUniqueOrThrow({ where: { id: cutRu } })).bytes.length).toBeGreaterThan(0)
    expect(await suite.services.uploads.markInterrupted()).toBe(0)
    expect(await suite.db.prisma.outbox.count()).toBe(2)
  })
})
