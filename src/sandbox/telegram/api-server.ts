import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { ApiError, DEFAULT_DESCRIPTIONS, tooManyRequests } from "./api-error.ts"
import { METHODS } from "./methods/index.ts"
import { Params } from "./params.ts"
import { readParams, type RawParams } from "./request-body.ts"
import type { World } from "./world.ts"

export type CallOutcome = { readonly ok: true } | { readonly ok: false; readonly code: number; readonly description: string }

/** One request to the Bot API, for assertions. `outcome` is set once the answer is known. */
export interface ApiCall {
  readonly method: string
  readonly params: RawParams
  readonly at: Date
  outcome: CallOutcome | undefined
}

/** A failure to inject: an error answer like Telegram's, or a dropped connection. */
export type InjectedFailure = InjectedError | { readonly dropConnection: true; readonly chatId?: number | string }

export interface InjectedError {
  /** HTTP status and `error_code`: 429, 403, 400, 500, 502 … */
  readonly code: number
  /** Defaults to Telegram's usual text for the code ("Too Many Requests: retry after N" for 429). */
  readonly description?: string
  /** For 429: seconds in `parameters.retry_after` (default 1). */
  readonly retryAfter?: number
  /** Fail only calls to this chat. */
  readonly chatId?: number | string
}

export class ApiServer {
  readonly calls: ApiCall[] = []
  /** Exceptions thrown inside the fake itself (a bug here, not in the bot); answered with HTTP 500. */
  readonly internalErrors: unknown[] = []
  private readonly failures: { method: string; failure: InjectedFailure }[] = []
  private readonly inFlight = new Set<ServerResponse>()
  private readonly server: Server

  constructor(
    private readonly world: World,
    private readonly token: string,
  ) {
    this.server = createServer((req, res) => void this.handle(req, res))
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject)
      this.server.listen(0, "127.0.0.1", () => resolve((this.server.address() as AddressInfo).port))
    })
  }

  failNext(method: string, failure: InjectedFailure, times: number): void {
    for (let i = 0; i < times; i++) this.failures.push({ method: method.toLowerCase(), failure })
  }

  /** Ends pending long polls with an empty answer, lets answers flush, then closes every connection. */
  async close(): Promise<void> {
    this.world.updates.close()
    const flushed = [...this.inFlight].map((res) => new Promise<void>((resolve) => res.once("close", () => resolve())))
    await Promise.race([Promise.all(flushed), new Promise((resolve) => setTimeout(resolve, 500).unref())])
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
    })
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight.add(res)
    res.once("close", () => this.inFlight.delete(res))
    const url = new URL(req.url ?? "/", "http://127.0.0.1")
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname)
    if (file) return this.download(res, decodeURIComponent(file[1] ?? ""), decodeURIComponent(file[2] ?? ""))
    const call = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname)
    if (!call) return this.answerError(res, new ApiError(404, "Not Found"))
    if (decodeURIComponent(call[1] ?? "") !== this.token) return this.answerError(res, new ApiError(401, "Unauthorized"))
    const method = call[2] ?? ""
    const handler = METHODS.get(method.toLowerCase())
    if (!handler) return this.answerError(res, new ApiError(404, "Not Found"))

    let record: ApiCall | undefined
    try {
      const params = new Params(await readParams(req, url))
      record = { method, params: params.raw, at: new Date(), outcome: undefined }
      this.calls.push(record)
      this.world.changes.notify()
      const failure = this.takeFailure(method, params)
      if (failure && "dropConnection" in failure) {
        record.outcome = { ok: false, code: 0, description: "connection dropped" }
        req.socket.destroy()
        return
      }
      if (failure) throw injected(failure)
      const controller = new AbortController()
      res.once("close", () => {
        if (!res.writableFinished) controller.abort()
      })
      const result = await handler({ world: this.world, params, signal: controller.signal })
      record.outcome = { ok: true }
      this.answer(res, 200, { ok: true, result })
    } catch (error) {
      const apiError = error instanceof ApiError ? error : this.internal(error)
      if (record) record.outcome = { ok: false, code: apiError.code, description: apiError.description }
      this.answerError(res, apiError)
    } finally {
      this.world.changes.notify()
    }
  }

  private download(res: ServerResponse, token: string, filePath: string): void {
    if (token !== this.token) return this.answerError(res, new ApiError(401, "Unauthorized"))
    const file = this.world.files.atPath(filePath)
    if (!file) return this.answerError(res, new ApiError(404, "Not Found"))
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length })
    res.end(file.bytes)
  }

  private takeFailure(method: string, params: Params): InjectedFailure | undefined {
    const index = this.failures.findIndex(
      (entry) =>
        entry.method === method.toLowerCase() &&
        (entry.failure.chatId === undefined || String(entry.failure.chatId) === params.string("chat_id")),
    )
    return index === -1 ? undefined : this.failures.splice(index, 1)[0]?.failure
  }

  private internal(error: unknown): ApiError {
    this.internalErrors.push(error)
    console.error("fake-telegram internal error:", error)
    return new ApiError(500, `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`)
  }

  private answerError(res: ServerResponse, error: ApiError): void {
    this.answer(res, error.code, error.toJSON())
  }

  private answer(res: ServerResponse, status: number, body: unknown): void {
    if (res.destroyed || res.headersSent) return
    const json = JSON.stringify(body)
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) })
    res.end(json)
  }
}

function injected(failure: InjectedError): ApiError {
  if (failure.code === 429 && failure.description === undefined) return tooManyRequests(failure.retryAfter ?? 1)
  const description = failure.description ?? DEFAULT_DESCRIPTIONS[failure.code] ?? `Error ${failure.code}`
  const parameters = failure.retryAfter !== undefined ? { retry_after: failure.retryAfter } : undefined
  return new ApiError(failure.code, description, parameters)
}
