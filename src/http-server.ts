import { timingSafeEqual } from "node:crypto"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import type { Update } from "grammy/types"
import type { Logger } from "./logger.ts"

export interface HttpServerOptions {
  port: number
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token with every update. */
  secretToken: string
  handleUpdate(update: Update): Promise<void>
  /** Throws when the instance cannot serve (the database is unreachable). */
  ready(): Promise<void>
  logger: Logger
  /** Answer Telegram after this long even if the update is still being handled (default 9 s, under its timeout). */
  ackAfterMs?: number
}

export interface HttpServer {
  port: number
  /** Updates being handled now. */
  inFlight(): number
  /** Readiness turns 503, new connections are refused, and the updates in flight finish. */
  drain(): Promise<void>
}

const MAX_BODY_BYTES = 1024 * 1024

/**
 * The webhook endpoint with the probes a load balancer needs: `GET /healthz` (the process lives), `GET /readyz`
 * (this instance takes updates: its database answers and it is not draining), `POST /<any path>` (an update).
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { logger } = options
  const ackAfterMs = options.ackAfterMs ?? 9_000
  const secret = Buffer.from(options.secretToken)
  const inFlight = new Set<Promise<void>>()
  let draining = false

  const server = createServer((req, res) => {
    void route(req, res).catch((error) => {
      logger.error({ err: error }, "http request failed")
      if (!res.headersSent) reply(res, 500, { ok: false })
    })
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://localhost").pathname
    if (req.method === "GET" && path === "/healthz") return reply(res, 200, { status: "ok" })
    if (req.method === "GET" && path === "/readyz") return readiness(res)
    if (req.method !== "POST") return reply(res, 405, { ok: false })
    if (!secretMatches(req.headers["x-telegram-bot-api-secret-token"])) return reply(res, 401, { ok: false })
    if (draining) return reply(res, 503, { ok: false, description: "shutting down" }) // Telegram redelivers elsewhere
    const update = parseUpdate(await readBody(req))
    if (!update) return reply(res, 400, { ok: false, description: "expected an Update as JSON" })
    const started = Date.now()
    const work = options
      .handleUpdate(update)
      .catch((error) => logger.error({ err: error, update: update.update_id }, "update failed"))
      .finally(() => {
        inFlight.delete(work)
        logger.debug({ update: update.update_id, ms: Date.now() - started }, "update handled")
      })
    inFlight.add(work)
    // Long work (an import) must not make Telegram time out and redeliver: answer after ackAfterMs regardless.
    let timer: NodeJS.Timeout | undefined
    await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, ackAfterMs)))])
    clearTimeout(timer)
    reply(res, 200, { ok: true })
  }

  async function readiness(res: ServerResponse): Promise<void> {
    if (draining) return reply(res, 503, { status: "draining" })
    try {
      await options.ready()
      reply(res, 200, { status: "ready", inFlight: inFlight.size })
    } catch (error) {
      logger.warn({ err: error }, "not ready")
      reply(res, 503, { status: "unavailable", problem: error instanceof Error ? error.message.split("\n")[0] : String(error) })
    }
  }

  function secretMatches(header: string | string[] | undefined): boolean {
    if (typeof header !== "string") return false
    const given = Buffer.from(header)
    return given.length === secret.length && timingSafeEqual(given, secret)
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port, resolve)
  })
  return {
    port: (server.address() as AddressInfo).port,
    inFlight: () => inFlight.size,
    async drain() {
      draining = true
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      if (inFlight.size > 0) logger.info({ inFlight: inFlight.size }, "draining: finishing updates in flight")
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
      server.closeAllConnections()
      await closed
    },
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body)
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) })
  res.end(json)
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

function parseUpdate(body: Buffer | undefined): Update | undefined {
  if (!body) return undefined
  try {
    const value = JSON.parse(body.toString("utf8")) as unknown
    return typeof value === "object" && value !== null && typeof (value as Update).update_id === "number" ? (value as Update) : undefined
  } catch {
    return undefined
  }
}
