import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { Writable } from "node:stream"
import pino from "pino"
import { afterEach, describe, expect, it } from "vitest"
import { connectToTelegram, TelegramStartupError } from "../../src/telegram-startup.ts"

const TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ"

function capturedLogger() {
  const lines: { level: number; msg: string; nextAttemptInSeconds?: number; attempt?: number }[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)))
      done()
    },
  })
  return { logger: pino({ level: "info" }, stream), lines }
}

/** A Bot API stand-in: answers `failures` requests with 502, then getMe. */
async function flakyTelegram(failures: number, status = 502): Promise<{ apiRoot: string; server: Server; calls: () => number }> {
  let calls = 0
  const server = createServer((_req, res) => {
    calls++
    const ok = calls > failures
    res.writeHead(ok ? 200 : status, { "content-type": "application/json" })
    res.end(
      JSON.stringify(
        ok
          ? { ok: true, result: { id: 123456, is_bot: true, first_name: "Объектив", username: "objektiv_bot" } }
          : { ok: false, error_code: status, description: status === 401 ? "Unauthorized" : "Bad Gateway" },
      ),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return { apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, calls: () => calls }
}

describe("connecting to Telegram at start-up", () => {
  let server: Server | undefined
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

  it("logs every failed attempt with the next wait, doubling up to the cap, and goes on once Telegram answers", async () => {
    const telegram = await flakyTelegram(4)
    server = telegram.server
    const { logger, lines } = capturedLogger()
    const waits: number[] = []
    const me = await connectToTelegram(TOKEN, telegram.apiRoot, logger, {
      firstDelayMs: 2_000,
      maxDelayMs: 5_000,
      sleep: async (ms) => void waits.push(ms),
    })
    expect(me.username).toBe("objektiv_bot")
    expect(waits).toEqual([2_000, 4_000, 5_000, 5_000])
    const warnings = lines.filter((line) => line.level === 40)
    expect(warnings.map((line) => line.nextAttemptInSeconds)).toEqual([2, 4, 5, 5])
    expect(warnings[0]!.msg).toContain("502 Bad Gateway")
    expect(warnings[0]!.msg).toContain("attempt 1 of 8, next in 2 s")
    expect(lines.at(-1)!.msg).toBe("Telegram reachable again")
  })

  it("gives up after the last attempt with a message that says what to check, on a dead address too", async () => {
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve))
    const port = (probe.address() as AddressInfo).port
    await new Promise<void>((resolve) => probe.close(() => resolve())) // nothing listens there now
    const { logger, lines } = capturedLogger()
    const attempt = connectToTelegram(TOKEN, `http://127.0.0.1:${port}`, logger, { attempts: 3, sleep: async () => {} })
    await expect(attempt).rejects.toThrow(TelegramStartupError)
    await expect(attempt).rejects.toThrow(/Could not reach Telegram at http:\/\/127\.0\.0\.1:\d+ after 3 attempts \(ECONNREFUSED\)\. Check the internet connection/)
    expect(lines.filter((line) => line.level === 40)).toHaveLength(2)
  })

  it("stops at once when Telegram refuses the token", async () => {
    const telegram = await flakyTelegram(100, 401)
    server = telegram.server
    const { logger } = capturedLogger()
    await expect(connectToTelegram(TOKEN, telegram.apiRoot, logger, { sleep: async () => {} })).rejects.toThrow(
      "Telegram refused BOT_TOKEN (401 Unauthorized): copy the token again from @BotFather.",
    )
    expect(telegram.calls()).toBe(1)
  })

  it("lets Ctrl-C interrupt the wait", async () => {
    const telegram = await flakyTelegram(100)
    server = telegram.server
    const { logger } = capturedLogger()
    const controller = new AbortController()
    const attempt = connectToTelegram(TOKEN, telegram.apiRoot, logger, {
      signal: controller.signal,
      sleep: (_ms, signal) => new Promise((_resolve, reject) => signal!.addEventListener("abort", () => reject(signal!.reason))),
    })
    setImmediate(() => controller.abort(new Error("interrupted by SIGINT")))
    await expect(attempt).rejects.toThrow("interrupted by SIGINT")
  })
})
