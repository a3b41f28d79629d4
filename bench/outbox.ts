/**
 * Outbox throughput on an in-memory PGlite: enqueueing and dispatching 2,000 messages to 200 chats with a sender
 * that answers at once, then (when the fake Telegram server is present) 1,000 through grammY's Api over HTTP.
 * Pacing is switched off here (perSecond 1e9, per-chat and group limits 0): the figures measure the outbox itself;
 * with Telegram's limits on, delivery runs at ≤ 25 messages/s by design.
 *
 *   npx tsx bench/outbox.ts
 */
import { existsSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { Api } from "grammy"
import { createTelegramSender } from "../src/bot/telegram-sender.ts"
import { openDatabase, type Database } from "../src/db/client.ts"
import { silentLogger } from "../src/logger.ts"
import { systemClock, type ServiceDeps } from "../src/services/deps.ts"
import { createDispatcher, type Dispatcher } from "../src/services/notifications/dispatcher.ts"
import { enqueue, enqueueMany } from "../src/services/notifications/outbox.ts"
import type { OutboxMessage } from "../src/services/notifications/payload.ts"
import type { MessageSender } from "../src/services/notifications/sender.ts"

const unpaced = { perSecond: 1e9, perChatIntervalMs: 0, groupPerMinute: 0, batchSize: 100, concurrency: 8 }
const fakeTelegramIndex = path.resolve(import.meta.dirname, "../test/support/fake-telegram/index.ts")

export async function runOutboxBench(): Promise<void> {
  console.log("outbox bench — PGlite in memory; pacing OFF (perSecond 1e9, per-chat interval 0, group limit 0), batch 100")
  const db = await openDatabase("postgresql://pglite/")
  try {
    const deps: ServiceDeps = { prisma: db.prisma, clock: systemClock, logger: silentLogger }
    await benchEnqueue(deps)
    await benchDispatch(deps, instantSender(), 2000, "instant sender")
    await clearOutbox(db)
    if (existsSync(fakeTelegramIndex)) await benchFakeTelegram(deps)
    else console.log("  fake Telegram server not found: skipped the HTTP run")
  } finally {
    await db.close()
  }
}

function messages(count: number, chats: number, firstChat = 1): OutboxMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    chatId: firstChat + (i % chats),
    text: `Сообщение ${i + 1}: результаты ВПР школы № ${i % chats} проверены`,
    keyboard: [[{ text: "Подробнее", callbackData: `bench:${i}` }]],
  }))
}

async function benchEnqueue(deps: ServiceDeps): Promise<void> {
  const one = messages(200, 200, 100_000)
  let started = performance.now()
  for (const message of one) await enqueue(deps, message)
  report("enqueue one by one", one.length, performance.now() - started)

  const batch = messages(2000, 200)
  started = performance.now()
  await enqueueMany(deps, batch)
  report("enqueueMany (one INSERT)", batch.length, performance.now() - started)
}

async function benchDispatch(deps: ServiceDeps, sender: MessageSender, expected: number, label: string): Promise<void> {
  const dispatcher = createDispatcher(deps, sender, { owner: "bench", ...unpaced })
  const started = performance.now()
  const sent = await drain(dispatcher)
  report(`dispatch, ${label}`, sent, performance.now() - started)
  if (sent < expected) console.log(`  (expected at least ${expected} sent)`)
}

async function drain(dispatcher: Dispatcher): Promise<number> {
  let sent = 0
  for (;;) {
    const result = await dispatcher.tick()
    sent += result.sent
    if (result.claimed === 0) return sent
  }
}

function instantSender(): MessageSender {
  let id = 0
  return { send: async () => ({ messageId: ++id }) }
}

async function clearOutbox(db: Database): Promise<void> {
  await db.prisma.outbox.deleteMany()
}

async function benchFakeTelegram(deps: ServiceDeps): Promise<void> {
  const { FakeTelegram } = await import(pathToFileURL(fakeTelegramIndex).href)
  const fake = await FakeTelegram.start()
  try {
    const chats = 200
    for (let i = 0; i < chats; i++) await fake.user({ id: 5000 + i, firstName: `Пользователь ${i}` }).sendText("/start")
    await enqueueMany(deps, messages(1000, chats, 5000))
    const api = new Api(fake.token, { apiRoot: fake.apiRoot })
    await benchDispatch(deps, createTelegramSender(api), 1000, "grammY Api → fake Telegram over HTTP")
  } finally {
    await fake.stop()
  }
}

function report(label: string, count: number, ms: number): void {
  const rate = Math.round((count / ms) * 1000)
  console.log(`  ${label.padEnd(48)} ${String(count).padStart(5)} msgs  ${ms.toFixed(0).padStart(6)} ms  ${String(rate).padStart(6)} msgs/s`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runOutboxBench()
