import { createServer } from "node:net"
import { afterEach, describe, expect, it } from "vitest"
import { startE2E, type E2E } from "../support/e2e.ts"

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const port = (server.address() as { port: number }).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe("delivery modes and limits", () => {
  let e2e: E2E | undefined
  afterEach(async () => {
    await e2e?.stop()
    e2e = undefined
  })

  it("webhook mode: registers the webhook, refuses a wrong secret token, answers a delivered update", async () => {
    const port = await freePort()
    const secret = "webhook-secret-0123456789"
    e2e = await startE2E({ env: { BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/telegram", WEBHOOK_SECRET: secret, WEBHOOK_PORT: String(port) } })
    expect(e2e.fake.callsTo("setWebhook").at(-1)?.params).toMatchObject({ url: "https://bot.example.org/telegram", secret_token: secret })

    const user = e2e.fake.user({ id: 9101, firstName: "Вера" })
    await user.sendText("/help") // queued at Telegram; delivered below as Telegram would, by POST
    const update = e2e.fake.pendingUpdates().at(-1)!
    const post = (token: string) =>
      fetch(`http://127.0.0.1:${port}/`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": token },
        body: JSON.stringify(update),
      })
    expect((await post("wrong-secret-0000000000")).status).toBe(401)
    expect(user.unread()).toHaveLength(0)
    expect((await post(secret)).status).toBe(200)
    const [help] = await user.waitForMessages(1)
    expect(help!.text).toContain("Что я умею для вас:")
    // Telegram redelivers an update that timed out: it is answered once.
    expect((await post(secret)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(user.unread()).toHaveLength(0)
  })

  it("rate-limits a user who floods the bot, telling them once", async () => {
    e2e = await startE2E({ env: { RATE_LIMIT_PER_MINUTE: "3" } })
    const user = e2e.fake.user({ id: 9102, firstName: "Глеб" })
    for (let i = 0; i < 6; i++) await user.sendText("/help")
    const replies = await user.waitForMessages(4)
    expect(replies.filter((reply) => reply.text?.startsWith("Что я умею"))).toHaveLength(3)
    expect(replies[3]!.text).toBe("Слишком много сообщений подряд. Пожалуйста, подождите минуту.")
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(user.unread()).toHaveLength(0)
  })

  it("refuses a file over Telegram's 20 MB download limit without downloading it", async () => {
    e2e = await startE2E()
    const school = await e2e.prisma.school.create({ data: { key: "223017", login: "edu223017" } })
    const teacher = await e2e.prisma.user.create({ data: { telegramId: 9103n, firstName: "Пётр" } })
    await e2e.prisma.roleGrant.create({ data: { userId: teacher.id, role: "teacher", schoolId: school.id } })
    const user = e2e.fake.user({ id: 9103, firstName: "Пётр" })
    await user.sendDocument({ fileName: "big.xlsx", bytes: Buffer.alloc(21 * 1024 * 1024) })
    const [answer] = await user.waitForMessages(1)
    expect(answer!.text).toBe(
      "Файл весит 21,0 МБ, а Telegram разрешает ботам скачивать файлы не больше 20 МБ. Разделите файл на части или загрузите его через командную строку (cli import).",
    )
    expect(e2e.fake.callsTo("getFile")).toHaveLength(0)
  })
})
