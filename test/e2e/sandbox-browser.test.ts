import { existsSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { chromium, type Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { loadConfig } from "../../src/config.ts"
import { silentLogger } from "../../src/logger.ts"
import { createTestDatabase } from "../support/db.ts"
import { startSandbox, type Sandbox } from "../../src/sandbox/index.ts"
import { resultsForm, RESULTS_FILE_NAME } from "../../src/sandbox/demo/files.ts"

/** The parts of HTMLImageElement read here (the type check runs without the DOM library). */
type Img = { complete: boolean; naturalWidth: number; naturalHeight: number }

const CHROMIUM = "/usr/bin/chromium"
// As root on a closed network: no sandbox, no GPU, and none of Chromium's own connections to Google.
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
/** A liveness bound for one step (a busy 2-core machine analyses slowly), not a speed requirement. */
const STEP_MS = 120_000

describe.skipIf(!existsSync(CHROMIUM))(`the sandbox in a real browser (skipped without ${CHROMIUM}: apt-get install chromium)`, () => {
  let sandbox: Sandbox
  let browser: Browser

  beforeAll(async () => {
    const database = await createTestDatabase("pglite")
    sandbox = await startSandbox(loadConfig({ SANDBOX_PORT: "0" }), silentLogger, { database })
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true })
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await sandbox?.stop()
  })

  it("shows the school coordinator the demo's schedule confirmations the bot sent before the page was opened", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(sandbox.url)
    await page.getByRole("button", { name: /Школьный координатор/ }).click()
    // The emulator knew her chat from the start (she holds a role): nothing the seeding sent was refused.
    const confirmation = page.locator(".msg.bot", { hasText: "Координатор внёс даты процедур вашей школы" }).first()
    await confirmation.waitFor({ timeout: STEP_MS })
    await expect(confirmation.getByRole("button", { name: /Подтвердить все даты/ }).count()).resolves.toBe(1)
    // The demo's three dates of her school in one request, not a message each.
    expect(await confirmation.textContent()).toContain("вашей школы (3)")
    await expect(page.locator(".msg.bot", { hasText: "Координатор внёс даты процедур вашей школы" }).count()).resolves.toBe(1)
    expect(await sandbox.app.database.prisma.outbox.count({ where: { status: "failed" } })).toBe(0)
    await page.close()
  })

  it("opens the page, sends /start as a coordinator, presses a button, uploads a file and sees the chart", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(sandbox.url)
    await page.getByRole("button", { name: /Муниципальный координатор/ }).click()
    await page.getByTestId("text-input").fill("/start")
    await page.getByTestId("send").click()
    const greeting = page.locator(".msg.bot", { hasText: "Здравствуйте, Игорь!" })
    await greeting.waitFor({ timeout: STEP_MS })

    // A button: the menu's upload entry asks for a file.
    await greeting.getByRole("button", { name: /Загрузить результаты/ }).click()
    await page.locator(".msg.bot").nth(1).waitFor({ timeout: STEP_MS })

    // The file picker, with the demo results file as a person would choose it from disk.
    const file = path.join(tmpdir(), `sandbox-${process.pid}-${RESULTS_FILE_NAME}`)
    writeFileSync(file, await resultsForm())
    await page.getByTestId("file-input").setInputFiles(file)
    const stored = page.locator(".msg.bot", { hasText: "Готово, результаты сохранены" })
    await stored.waitFor({ timeout: STEP_MS })
    await expect(stored.textContent()).resolves.toContain("Школ: 6")

    await stored.getByRole("button", { name: /Посмотреть анализ/ }).click()
    const chart = page.locator(".msg.bot img[alt='изображение']").first()
    await chart.waitFor({ timeout: STEP_MS })
    await page.waitForFunction((img) => (img as unknown as Img).complete && (img as unknown as Img).naturalWidth > 0, await chart.elementHandle(), { timeout: STEP_MS })
    const size = await chart.evaluate((img) => ({ width: (img as unknown as Img).naturalWidth, height: (img as unknown as Img).naturalHeight }))
    expect(size.width).toBeGreaterThan(300)
    expect(size.height).toBeGreaterThan(200)
    const overview = page.locator(".msg.bot", { hasText: "Индекс объективности" })
    await expect(overview.textContent()).resolves.toContain("Красногорский муниципальный район: школ — 6")
    await overview.getByRole("button", { name: /Отчёт XLSX/ }).click()
    const workbook = page.locator(".msg.bot a[data-testid='document']", { hasText: ".xlsx" }).first()
    await workbook.waitFor({ timeout: STEP_MS })
    const download = await fetch(new URL((await workbook.getAttribute("href"))!, sandbox.url))
    expect(download.status).toBe(200)
    expect(Buffer.from(await download.arrayBuffer()).subarray(0, 2).toString()).toBe("PK")

    // Another persona: a parent has no role, and /start tells them their Telegram id (for ADMIN_IDS or an invite).
    await page.getByRole("button", { name: /Родитель/ }).click()
    await page.getByTestId("text-input").fill("/start")
    await page.getByTestId("send").click()
    await page.locator(".msg.bot", { hasText: "Ваш Telegram ID: 700005." }).waitFor({ timeout: STEP_MS })
    if (process.env.SANDBOX_SCREENSHOT) await page.screenshot({ path: process.env.SANDBOX_SCREENSHOT, fullPage: false })
  }, 600_000)
})
