import { readFileSync } from "node:fs"
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import path from "node:path"
import type { Logger } from "../../logger.ts"
import type { FakeTelegram, FakeUser } from "../telegram/index.ts"
import type { DemoFile } from "../demo/files.ts"
import { PERSONAS, personaByKey, personaUser, type Persona } from "../personas.ts"
import { chatView } from "./view.ts"

export interface WebChatOptions {
  telegram: FakeTelegram
  files: readonly DemoFile[]
  logger: Logger
  port: number
  /** The bot's username, shown in the header. */
  botName: string
}

export interface WebChat {
  url: string
  stop(): Promise<void>
}

const PAGE = path.join(import.meta.dirname, "page.html")
const MAX_UPLOAD_BYTES = 60 * 1024 * 1024
const LONG_POLL_MS = 25_000

/**
 * The sandbox's web chat on 127.0.0.1: a persona picker and a chat with the bot through the Bot API emulator —
 * text, inline and reply keyboards, files both ways, pictures. The browser long-polls for changes.
 */
export async function startWebChat(options: WebChatOptions): Promise<WebChat> {
  const { telegram, logger } = options
  const page = readFileSync(PAGE, "utf8").replace("{{BOT_NAME}}", escapeHtml(options.botName))
  const polls = new Set<ServerResponse>()

  const userOf = (persona: Persona): FakeUser => telegram.user(personaUser(persona))

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error) => {
      logger.warn({ err: error }, "web chat request failed")
      if (!res.headersSent) json(res, 400, { error: error instanceof Error ? error.message : String(error) })
    })
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1")
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent)
    if (req.method === "GET" && parts.length === 0) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
      return void res.end(page)
    }
    if (req.method === "GET" && parts[0] === "api" && parts[1] === "personas") {
      return json(res, 200, {
        personas: PERSONAS.map(({ key, title, firstName, lastName, hint }) => ({ key, title, name: `${firstName} ${lastName}`, hint })),
        files: options.files.map(({ name, description }) => ({ name, description })),
      })
    }
    if (req.method === "GET" && parts[0] === "files" && parts[1]) return sendFile(res, parts[1])
    if (req.method === "GET" && parts[0] === "demo-files" && parts[1]) {
      const file = options.files.find((candidate) => candidate.name === parts[1])
      if (!file) return json(res, 404, { error: "no such demo file" })
      return download(res, await file.build(), file.name)
    }
    if (parts[0] !== "api" || parts[1] !== "chat" || !parts[2]) return json(res, 404, { error: "not found" })
    const persona = personaByKey(parts[2])
    if (!persona) return json(res, 404, { error: `no persona ${parts[2]}` })
    const user = userOf(persona)
    const action = parts[3]
    if (req.method === "GET" && !action) return longPoll(req, res, persona, user, Number(url.searchParams.get("since") ?? -1))
    if (req.method !== "POST") return json(res, 405, { error: "method not allowed" })
    if (action === "text") {
      const { text } = (await readJson(req)) as { text?: unknown }
      if (typeof text !== "string" || text.trim() === "") return json(res, 400, { error: "empty message" })
      await user.sendText(text.slice(0, 4096))
    } else if (action === "button") {
      const { messageId, data } = (await readJson(req)) as { messageId?: unknown; data?: unknown }
      if (typeof messageId !== "number" || typeof data !== "string") return json(res, 400, { error: "messageId and data expected" })
      await user.clickButton(messageId, data)
    } else if (action === "keyboard") {
      const { text } = (await readJson(req)) as { text?: unknown }
      if (typeof text !== "string") return json(res, 400, { error: "text expected" })
      await user.pressKeyboardButton(text)
    } else if (action === "file") {
      const name = url.searchParams.get("name") || "file.xlsx"
      const bytes = await readBody(req, MAX_UPLOAD_BYTES)
      if (!bytes) return json(res, 413, { error: "the file is larger than 60 MB" })
      await user.sendDocument({ fileName: name.slice(0, 200), bytes })
    } else if (action === "demo-file") {
      const { name } = (await readJson(req)) as { name?: unknown }
      const file = options.files.find((candidate) => candidate.name === name)
      if (!file) return json(res, 404, { error: "no such demo file" })
      await user.sendDocument({ fileName: file.name, bytes: await file.build() })
    } else {
      return json(res, 404, { error: "unknown action" })
    }
    json(res, 200, { ok: true, version: telegram.version })
  }

  async function longPoll(req: IncomingMessage, res: ServerResponse, persona: Persona, user: FakeUser, since: number): Promise<void> {
    polls.add(res)
    res.once("close", () => polls.delete(res))
    let closed = false
    req.once("close", () => (closed = true))
    const deadline = Date.now() + LONG_POLL_MS
    while (telegram.version === since && !closed && Date.now() < deadline) await telegram.nextChange(deadline - Date.now())
    polls.delete(res)
    if (closed || res.destroyed) return
    json(res, 200, { version: telegram.version, ...chatView(telegram, persona, user) })
  }

  function sendFile(res: ServerResponse, fileId: string): void {
    const file = telegram.file(fileId)
    if (!file) return json(res, 404, { error: "no such file" })
    const image = file.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    if (image) {
      res.writeHead(200, { "content-type": "image/png", "content-length": file.bytes.length })
      return void res.end(file.bytes)
    }
    download(res, file.bytes, file.fileName ?? "file", file.mimeType)
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${options.port} on 127.0.0.1 is in use (another sandbox still running?): stop it, or set SANDBOX_PORT to a free port (0 picks one).`)
          : error,
      ),
    )
    server.listen(options.port, "127.0.0.1", resolve)
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      for (const res of polls) if (!res.headersSent) json(res, 200, { version: -1, messages: [], keyboard: null })
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), "cache-control": "no-store" })
  res.end(text)
}

function download(res: ServerResponse, bytes: Buffer, fileName: string, mimeType = "application/octet-stream"): void {
  res.writeHead(200, {
    "content-type": mimeType,
    "content-length": bytes.length,
    "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  })
  res.end(bytes)
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, 64 * 1024)
  if (!body) throw new Error("request too large")
  return JSON.parse(body.toString("utf8")) as unknown
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!)
}
